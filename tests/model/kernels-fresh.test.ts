/**
 * The committed WebAssembly (src/model/kernels/wasm-bytes.generated.ts) is the one the
 * AssemblyScript kernels (src/model/**\/*.kernel.ts) compile to: a kernel edited without
 * `npm run build:kernels` fails here, before it can run stale code in the app and the tests.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript build script, without type declarations
import { compileKernels, GENERATED_FILE, moduleText } from '../../src/model/kernels/build.mjs';

describe('the committed WebAssembly kernels', () => {
  it('are what the AssemblyScript sources compile to (else: npm run build:kernels)', async () => {
    const rebuilt: string = moduleText(await compileKernels(false), await compileKernels(true));
    const committed = readFileSync(GENERATED_FILE, 'utf8');
    expect(committed === rebuilt, 'wasm-bytes.generated.ts is stale: run `npm run build:kernels`').toBe(true);
  }, 60_000);
});
