/** Entry point of the WebAssembly kernels: everything exported here is callable from TypeScript. */
export { background, backgroundApply, backgroundDraw } from '../dynamics/background.kernel';
export { cobaStep } from '../reference/coba.kernel';
export { flushTiny, heapBase, stepPopulation, sumLfpChunks } from '../dynamics/neurons.kernel';
export { propagate, propagateLists } from '../dynamics/synapses.kernel';
export { ionCells } from '../dynamics/ions.kernel';
export { ionTiles, refreshTiles, tileBalanceRows, tileSpreadRows } from '../dynamics/tiles.kernel';
export { expScalar, logScalar } from './simd-math.kernel';
export { fdExp, fdLog } from './fdlibm.kernel';
