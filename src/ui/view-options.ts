/**
 * How the sheet draws, and the photosensitivity safeguards around it:
 *
 * - a first-visit notice that says what the page shows and why nothing flashes by default
 *   (WCAG 2.3.1: no more than three flashes per second), dismissed once per browser;
 * - the ion map under the cells (none, K⁺o, [Na⁺]i, E_GABA), slow like the cells;
 * - the raw-spike view, the one view that can flash: it turns on only after a warning dialog
 *   the user confirms, and turns off with one click or Escape.
 */
import type { IntentStore, SheetMap } from '../state/store.ts';

const NOTICE_SEEN_KEY = 'refractory.photosensitivity-notice-seen';

export interface ViewOptionElements {
  notice: HTMLElement;
  noticeDismiss: HTMLButtonElement;
  /** Radio buttons of the map, each with its SheetMap as value. */
  maps: HTMLInputElement[];
  rawSpikes: HTMLInputElement;
  rawDialog: HTMLDialogElement;
  rawConfirm: HTMLButtonElement;
  rawCancel: HTMLButtonElement;
}

function storageGet(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage blocked (private mode, embedded page): show the notice every visit
  }
}

function storageSet(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Nothing to keep; the notice simply shows again next time.
  }
}

export function bindViewOptions(el: ViewOptionElements, store: IntentStore): void {
  el.notice.hidden = storageGet(NOTICE_SEEN_KEY) === '1';
  el.noticeDismiss.addEventListener('click', () => {
    storageSet(NOTICE_SEEN_KEY, '1');
    el.notice.hidden = true;
  });

  const show = (): void => {
    const v = store.getState().view;
    for (const radio of el.maps) radio.checked = radio.value === v.map;
    el.rawSpikes.checked = v.rawSpikes;
  };
  show();
  store.subscribe((state, previous) => {
    if (state.view !== previous.view) show();
  });

  for (const radio of el.maps) {
    radio.addEventListener('change', () => {
      if (radio.checked) store.getState().setView({ map: radio.value as SheetMap });
    });
  }
  el.rawSpikes.addEventListener('change', () => {
    if (!el.rawSpikes.checked) {
      store.getState().setView({ rawSpikes: false });
      return;
    }
    // Not yet: the box stays unticked until the warning is confirmed.
    el.rawSpikes.checked = false;
    el.rawDialog.showModal();
    el.rawCancel.focus();
  });
  el.rawConfirm.addEventListener('click', () => {
    el.rawDialog.close('confirm');
    store.getState().setView({ rawSpikes: true });
    el.rawSpikes.focus();
  });
  el.rawCancel.addEventListener('click', () => el.rawDialog.close('cancel'));
  el.rawDialog.addEventListener('close', () => {
    if (el.rawDialog.returnValue !== 'confirm') el.rawSpikes.focus();
  });
}
