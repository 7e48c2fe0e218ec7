/**
 * The page's Content-Security-Policy, one source for the <meta> that vite.config.ts puts first in
 * index.html and for the header of the dev and preview servers (the header also covers the
 * simulation worker's script, which a document's <meta> does not reach).
 *
 * Everything comes from the page's own origin: no request to any other host is allowed
 * (default-src and connect-src 'self'), and no string is ever run as code: no 'unsafe-eval' and no
 * inline script. 'wasm-unsafe-eval' allows WebAssembly.instantiate only — the engine's compiled
 * kernels (src/model/kernels) — and not eval or new Function. Pixi, which would otherwise build
 * shader glue with new Function, gets its CSP-safe polyfills (src/view/sheet-view.ts imports
 * 'pixi.js/unsafe-eval'). Images may be data: and blob: URLs the page makes itself (picture export).
 *
 * In development only, two more things are allowed, each for one piece of the Vite dev server:
 *  - style-src 'unsafe-inline': it injects each CSS module as a <style> element (the built app
 *    links its CSS as a file);
 *  - worker-src blob:: when its connection to the page drops (the server restarts, a laptop
 *    sleeps), its client (vite/dist/client/client.mjs, waitForSuccessfulPing) polls for the
 *    server from a SharedWorker made from a blob: URL; refused, it logged a CSP error and could not
 *    reload the page. The app's own workers are files from the page's origin in both modes.
 */
export type PolicyMode = 'build' | 'serve';

const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['frame-src', "'none'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'none'"],
];

/** What the dev server adds to a directive (see above); the built app gets none of it. */
const SERVE_ONLY: Readonly<Record<string, string>> = {
  'style-src': "'unsafe-inline'",
  'worker-src': 'blob:',
};

export function contentSecurityPolicy(mode: PolicyMode): string {
  return DIRECTIVES.map(([name, value]) => {
    const extra = mode === 'serve' ? SERVE_ONLY[name] : undefined;
    return extra ? `${name} ${value} ${extra}` : `${name} ${value}`;
  }).join('; ');
}
