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
 * In development only, style-src also allows inline styles: the Vite dev server injects each CSS
 * module as a <style> element; the built app links its CSS as a file.
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

export function contentSecurityPolicy(mode: PolicyMode): string {
  return DIRECTIVES.map(([name, value]) =>
    mode === 'serve' && name === 'style-src' ? `${name} ${value} 'unsafe-inline'` : `${name} ${value}`,
  ).join('; ');
}
