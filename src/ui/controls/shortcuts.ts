/**
 * Keyboard shortcuts: Space plays and pauses (unless the focused control uses Space itself), and
 * "?" opens a sheet listing every shortcut, a native modal <dialog> that Escape or its button
 * closes, returning focus to where it was.
 */
import type { IntentStore } from '../../state/store.ts';
import { LECTURE_SHORTCUTS } from '../lecture/keys.ts';
import { h } from './dom.ts';

const SHORTCUTS: readonly [keys: string[], what: string][] = [
  [['Space'], 'Play or pause the simulation (except in a text or number field, or on a button, checkbox or menu)'],
  [['?'], 'Open this list of shortcuts'],
  [['←', '→'], 'On a slider: one step down or up (↓ and ↑ too)'],
  [['Page Up', 'Page Down'], 'On a slider: a tenth of its range up or down'],
  [['Home', 'End'], 'On a slider: its lowest or highest value'],
  [['Enter'], 'In the dose, interval or seed field: apply what you typed'],
  [['Tab', 'Shift + Tab'], 'Move to the next or previous control'],
  ...LECTURE_SHORTCUTS,
  [['Escape'], 'Close this list'],
];

/** Controls that give Space (or typed characters) a meaning of their own. */
const USES_SPACE =
  'textarea, select, button, summary, a[href], [contenteditable]:not([contenteditable="false"]), [role="button"], [role="checkbox"], [role="switch"], [role="radio"], [role="option"], [role="menuitem"], [role="tab"]';

function ownsSpace(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  // Arrows move a slider; Space does nothing there, so it stays the play key.
  if (target instanceof HTMLInputElement) return target.type !== 'range';
  return target.closest(USES_SPACE) !== null;
}

function typesText(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement)
    return !['range', 'checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return target.closest('textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

function anyModalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/** Builds the sheet into `host` and listens on the document; `opener` also opens it. */
export function mountShortcuts(host: HTMLElement, store: IntentStore, opener: HTMLButtonElement): void {
  const close = h('button', { type: 'button', id: 'shortcuts-close', class: 'secondary' }, 'Close');
  const list = h('dl', { class: 'shortcut-list' });
  for (const [keys, what] of SHORTCUTS) {
    const dt = h('dt', {});
    keys.forEach((key, i) => {
      if (i > 0) dt.append(' ');
      dt.append(h('kbd', {}, key));
    });
    list.append(dt, h('dd', {}, what));
  }
  const dialog = h(
    'dialog',
    { id: 'shortcuts-dialog', class: 'shortcuts-dialog', 'aria-labelledby': 'shortcuts-title' },
    h('h2', { id: 'shortcuts-title' }, 'Keyboard shortcuts'),
    list,
    h('div', { class: 'dialog-buttons' }, close),
  );
  host.append(dialog);

  let returnFocus: HTMLElement | null = null;
  const open = (): void => {
    if (dialog.open) return;
    returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    close.focus();
  };
  opener.addEventListener('click', open);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    const target = returnFocus?.isConnected ? returnFocus : opener;
    returnFocus = null;
    target.focus();
  });

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || anyModalOpen()) return;
    if (event.key === '?' && !typesText(event.target)) {
      event.preventDefault();
      open();
    } else if (event.key === ' ' && !event.repeat && !ownsSpace(event.target)) {
      event.preventDefault();
      const { playing, setPlaying } = store.getState();
      setPlaying(!playing);
    }
  });
}
