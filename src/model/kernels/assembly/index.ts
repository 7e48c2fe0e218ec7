/** Entry point of the WebAssembly kernels: everything exported here is callable from TypeScript. */
export { background } from './background';
export { cobaStep } from './coba';
export { flushTiny, heapBase, propagate, stepPopulation } from './network';
export { ionCells } from './ions';
export { expScalar, logScalar } from './simd-math';
