/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Offline use: registers the service worker that vite-plugin-pwa builds (it precaches the whole
 * built app: page, scripts, worker with the WebAssembly kernels, styles, icons, scenarios), and
 * says in one line when the page works without a network, or when a newer version is ready.
 * The development server registers nothing (the plugin builds no worker there).
 */
import { registerSW } from 'virtual:pwa-register';

export function registerOffline(note: HTMLElement): void {
  if (!('serviceWorker' in navigator)) return;
  const say = (...parts: (Node | string)[]): void => {
    note.replaceChildren(...parts);
    note.hidden = false;
  };
  if (navigator.serviceWorker.controller) say('Available offline: this page works without a network.');
  const update = registerSW({
    immediate: true,
    onOfflineReady() {
      say('Available offline: this page now works without a network.');
    },
    onNeedRefresh() {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link-button';
      button.textContent = 'Reload to use it';
      button.addEventListener('click', () => void update(true));
      say('An update of this page is ready. ', button);
    },
    onRegisterError(error: unknown) {
      say(`Offline use is not available in this browser (${String(error)}).`);
    },
  });
}
