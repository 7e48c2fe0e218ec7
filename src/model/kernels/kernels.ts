/**
 * Loading the WebAssembly kernels and laying out their memory.
 *
 * Each simulation owns one kernel instance and one linear memory, sized once for its network.
 * The state arrays are typed-array views on that memory: TypeScript reads and writes them like
 * any other array, and the kernels run over them without copying. Because views are detached
 * when a memory grows, the memory is allocated at its final size before any view is made.
 */
import {
  KERNELS_SHARED_MAXIMUM_PAGES,
  KERNELS_SHARED_WASM_BASE64,
  KERNELS_WASM_BASE64,
} from './wasm-bytes.generated.ts';

/** The parts of the WebAssembly API the model uses, typed here so the model needs no DOM lib. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
export interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
const decodeBase64 = (globalThis as unknown as { atob(data: string): string }).atob;

export interface KernelExports {
  background(
    rngStateByteOffset: number,
    gAmpaByteOffset: number,
    n: number,
    nE: number,
    events: number,
    jumpOntoENs: number,
    jumpOntoINs: number,
  ): void;
  stepPopulation(block: number): void;
  propagate(block: number): void;
  propagateLists(block: number): void;
  sumLfpChunks(lanesByteOffset: number, chunksByteOffset: number, chunks: number, outByteOffset: number): void;
  backgroundDraw(rngStateByteOffset: number, listByteOffset: number, n: number, events: number): void;
  backgroundApply(
    listByteOffset: number,
    events: number,
    gAmpaByteOffset: number,
    from: number,
    to: number,
    nE: number,
    jumpOntoENs: number,
    jumpOntoINs: number,
    scratchByteOffset: number,
  ): void;
  cobaStep(block: number): void;
  ionCells(block: number): void;
  ionTiles(block: number): void;
  refreshTiles(block: number): void;
  tileBalanceRows(
    block: number,
    rowFrom: number,
    rowTo: number,
    aboveByteOffset: number,
    cellStartByteOffset: number,
    cellsByteOffset: number,
    spikeTablesByteOffset: number,
    threads: number,
  ): void;
  tileSpreadRows(block: number, rowFrom: number, rowTo: number): void;
  flushTiny(arrayByteOffset: number, count: number): void;
  expScalar(x: number): number;
  /** Math.exp and Math.log of V8, bit for bit (fdlibm.kernel.ts). */
  fdExp(x: number): number;
  fdLog(x: number): number;
  logScalar(x: number): number;
  heapBase(): number;
}

const compiled: { plain?: object; shared?: object } = {};
/** The compiled module: with an ordinary memory, or (for threads) with a shared one. */
export function kernelModule(shared = false): object {
  const key = shared ? 'shared' : 'plain';
  let module = compiled[key];
  if (!module) {
    const text = decodeBase64(shared ? KERNELS_SHARED_WASM_BASE64 : KERNELS_WASM_BASE64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    module = new wasmApi.Module(bytes);
    compiled[key] = module;
  }
  return module;
}

/** An instance of the shared-memory module on a memory made by instantiateKernels (a helper thread's). */
export function instantiateOnMemory(module: object, memory: WasmMemory): KernelExports {
  return new wasmApi.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
}

export type ArrayKind = 'f32' | 'i32';
export type ArrayPlan = Readonly<Record<string, readonly [ArrayKind, number]>>;
export type ArraysOf<P extends ArrayPlan> = {
  readonly [K in keyof P]: P[K][0] extends 'f32' ? Float32Array : Int32Array;
};

/** Spare elements after every array: the SIMD loops read whole chunks of 4 lanes. */
const SPARE_ELEMENTS = 4;
const PAGE_BYTES = 65536;

export interface KernelInstance<P extends ArrayPlan> {
  readonly exports: KernelExports;
  readonly arrays: ArraysOf<P>;
  /** Float and integer views on the whole memory, for parameter blocks. */
  readonly f32: Float32Array;
  readonly i32: Int32Array;
  readonly bytes: number;
  /** The memory and the module, for helper threads (model/parallel) when `shared`. */
  readonly memory: WasmMemory;
  readonly module: object;
  readonly shared: boolean;
}

/**
 * Instantiate the kernels with a memory holding the planned arrays (zero-filled), each with
 * SPARE_ELEMENTS after it. Arrays start on 64-byte lines, staggered by a few lines so that
 * arrays of the same power-of-two size do not all fall into the same L1 cache sets: measured on
 * this project's 2-core machine, without the stagger the population step ran 2× slower.
 */
export function instantiateKernels<P extends ArrayPlan>(plan: P, shared = false): KernelInstance<P> {
  const entries = Object.entries(plan);
  const offsets: number[] = [];
  // The first 64 KiB hold the module's static data (heapBase() tells where it ends).
  let at = PAGE_BYTES;
  entries.forEach(([, [, length]], index) => {
    offsets.push(at);
    at += (length + SPARE_ELEMENTS) * 4;
    at = Math.ceil(at / 64) * 64 + 64 * (1 + (index % 7));
  });
  const bytes = at;
  const pages = Math.ceil(bytes / PAGE_BYTES);
  if (shared && pages > KERNELS_SHARED_MAXIMUM_PAGES) {
    throw new RangeError(
      `a network this large needs ${pages} pages of shared memory; at most ${KERNELS_SHARED_MAXIMUM_PAGES}`,
    );
  }
  // A shared memory cannot grow past its maximum; this one never grows at all.
  const memory = new wasmApi.Memory(shared ? { initial: pages, maximum: pages, shared: true } : { initial: pages });
  const module = kernelModule(shared);
  const instance = new wasmApi.Instance(module, { env: { memory } });
  const exports = instance.exports as unknown as KernelExports;
  if (exports.heapBase() > PAGE_BYTES) {
    throw new Error(`kernel static data (${exports.heapBase()} bytes) exceeds the reserved first page`);
  }
  const arrays: Record<string, Float32Array | Int32Array> = {};
  entries.forEach(([name, [kind, length]], index) => {
    arrays[name] =
      kind === 'f32'
        ? new Float32Array(memory.buffer, offsets[index], length)
        : new Int32Array(memory.buffer, offsets[index], length);
  });
  return {
    exports,
    arrays: arrays as ArraysOf<P>,
    f32: new Float32Array(memory.buffer),
    i32: new Int32Array(memory.buffer),
    bytes,
    memory,
    module,
    shared,
  };
}

/** A parameter block: `words` 4-byte words at the start of a reserved area of the memory. */
export class ParamBlock {
  readonly byteOffset: number;
  private readonly word0: number;
  constructor(
    private readonly f32: Float32Array,
    private readonly i32: Int32Array,
    byteOffset: number,
  ) {
    this.byteOffset = byteOffset;
    this.word0 = byteOffset >> 2;
  }
  setInt(word: number, value: number): void {
    this.i32[this.word0 + word] = value;
  }
  setReal(word: number, value: number): void {
    this.f32[this.word0 + word] = value;
  }
  setPointer(word: number, array: Float32Array | Int32Array | Float64Array): void {
    this.i32[this.word0 + word] = array.byteOffset;
  }
  getInt(word: number): number {
    return this.i32[this.word0 + word];
  }
  getReal(word: number): number {
    return this.f32[this.word0 + word];
  }
}
