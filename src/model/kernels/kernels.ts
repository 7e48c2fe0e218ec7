/**
 * Loading the WebAssembly kernels and laying out their memory.
 *
 * Each simulation owns one kernel instance and one linear memory, sized once for its network.
 * The state arrays are typed-array views on that memory: TypeScript reads and writes them like
 * any other array, and the kernels run over them without copying. Because views are detached
 * when a memory grows, the memory is allocated at its final size before any view is made.
 */
import { KERNELS_WASM_BASE64 } from './wasm-bytes.generated.ts';

/** The parts of the WebAssembly API the model uses, typed here so the model needs no DOM lib. */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum?: number }) => WasmMemory;
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
  cobaStep(block: number): void;
  ionCells(block: number): void;
  flushTiny(arrayByteOffset: number, count: number): void;
  expScalar(x: number): number;
  logScalar(x: number): number;
  heapBase(): number;
}

let compiled: object | undefined;
function kernelModule(): object {
  if (!compiled) {
    const text = decodeBase64(KERNELS_WASM_BASE64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    compiled = new wasmApi.Module(bytes);
  }
  return compiled;
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
}

/**
 * Instantiate the kernels with a memory holding the planned arrays (zero-filled), each with
 * SPARE_ELEMENTS after it. Arrays start on 64-byte lines, staggered by a few lines so that
 * arrays of the same power-of-two size do not all fall into the same L1 cache sets: measured on
 * this project's 2-core machine, without the stagger the population step ran 2× slower.
 */
export function instantiateKernels<P extends ArrayPlan>(plan: P): KernelInstance<P> {
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
  const memory = new wasmApi.Memory({ initial: Math.ceil(bytes / PAGE_BYTES) });
  const instance = new wasmApi.Instance(kernelModule(), { env: { memory } });
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
  setPointer(word: number, array: Float32Array | Int32Array): void {
    this.i32[this.word0 + word] = array.byteOffset;
  }
  getInt(word: number): number {
    return this.i32[this.word0 + word];
  }
  getReal(word: number): number {
    return this.f32[this.word0 + word];
  }
}
