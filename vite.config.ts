import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy } from './src/content-security-policy.ts';

/**
 * Cross-origin isolation (COOP + COEP) on both the dev server and the preview server, so that
 * SharedArrayBuffer is available to the simulation worker. Every asset is local.
 */
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The Content-Security-Policy as the first element of the page's <head> (src/content-security-policy.ts). */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'refractory-content-security-policy',
    transformIndexHtml(_html, context) {
      return [
        {
          tag: 'meta',
          attrs: {
            'http-equiv': 'Content-Security-Policy',
            content: contentSecurityPolicy(context.server ? 'serve' : 'build'),
          },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}

/** Page colour (src/ui/page.css --bg): the installed app's splash and title bar. */
const THEME_COLOUR = '#0f1420';

/**
 * Offline and installable: a service worker that precaches the whole built app (page, scripts,
 * the simulation worker with its WebAssembly, styles, icons, scenario files) and answers every
 * navigation with the page, plus the web manifest. Registered by src/ui/offline.ts; an update
 * waits until the user reloads (registerType 'prompt'). The responses it serves are the ones it
 * fetched, headers included, so a page served offline is still cross-origin isolated.
 */
const offline = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: 'Refractory: why some epilepsies resist drugs',
    short_name: 'Refractory',
    description:
      'An interactive, educational simulator of neuron excitability that shows why some epilepsies resist drugs. Not medical advice.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: THEME_COLOUR,
    theme_color: THEME_COLOUR,
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{html,js,css,svg,png,json,wasm,webmanifest,woff2}'],
    navigateFallback: '/index.html',
    // The first visit is controlled at once, so it already works offline after that.
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    // The engine's bundle carries its WebAssembly inline.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  },
});

export default defineConfig({
  plugins: [contentSecurityPolicyMeta(), offline],
  server: {
    port: 5173,
    strictPort: false,
    headers: { ...crossOriginIsolation, 'Content-Security-Policy': contentSecurityPolicy('serve') },
  },
  preview: {
    port: 4173,
    strictPort: false,
    headers: { ...crossOriginIsolation, 'Content-Security-Policy': contentSecurityPolicy('build') },
  },
  worker: { format: 'es' },
  build: { target: 'es2022' },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Hang detectors, not speed limits. The longest single test (a science run) takes about a
    // minute on a quiet 2-core machine; these leave room for one core busy elsewhere and more.
    // No test asserts a wall-clock duration: speed is measured by `npm run sim -- bench` and
    // `npm run bench:browser`, which report and never fail.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'threads',
    // Vitest 4 runs availableParallelism − 1 workers by default: one on this 2-core machine. The
    // science tests are long single-threaded simulations, so both cores pay off.
    maxWorkers: 2,
  },
});
