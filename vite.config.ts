import { defineConfig } from 'vitest/config';

/**
 * Cross-origin isolation (COOP + COEP) on both the dev server and the preview server, so that
 * SharedArrayBuffer is available to the simulation worker. Every asset is local.
 */
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  server: { port: 5173, strictPort: false, headers: crossOriginIsolation },
  preview: { port: 4173, strictPort: false, headers: crossOriginIsolation },
  worker: { format: 'es' },
  build: { target: 'es2022' },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'threads',
    // Vitest 4 runs availableParallelism − 1 workers by default: one on this 2-core machine. The
    // science tests are long single-threaded simulations, so both cores pay off.
    maxWorkers: 2,
  },
});
