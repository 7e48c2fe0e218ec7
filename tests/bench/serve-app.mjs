/**
 * For the browser benchmarks: build the app into `outDir` and serve it with `vite preview` on
 * 127.0.0.1:`port` (killed by its own process id: no `npx` wrapper is left holding the port).
 * Resolves once the page answers.
 */
import { spawn } from 'node:child_process';

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}`))));
  });
}

/** @returns {Promise<{ url: string, close: () => void }>} */
export async function buildAndServe(outDir, port) {
  const vite = 'node_modules/vite/bin/vite.js';
  await run('node', [vite, 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir']);
  const server = spawn(
    'node',
    [vite, 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}/`;
  for (let k = 0; k < 50; k++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return { url, close: () => server.kill() };
}
