/**
 * The page address and the store: read once at start (bad entries named in the page's notice),
 * then rewritten with history.replaceState a moment after the intent changes — one history entry
 * for the page, not one per slider step. The texts are src/state/url.ts's.
 */
import type { Scenario } from '../../model/scenario.ts';
import type { IntentStore } from '../../state/store.ts';
import { defaultAddressIntent, type IntentFromAddress, intentFromQuery, queryFromIntent } from '../../state/url.ts';
import { SCENARIO_LIBRARY } from './scenario-library.ts';

/** Long enough to skip the steps of a dragged slider, short enough to look immediate. */
export const ADDRESS_DELAY_MS = 300;

export function readAddress(
  search: string,
  presets: readonly Scenario[] = SCENARIO_LIBRARY.scenarios,
): IntentFromAddress {
  return intentFromQuery(search, defaultAddressIntent(), presets);
}

export function showAddressProblems(notice: HTMLElement, problems: readonly string[]): void {
  notice.textContent = problems.length > 0 ? `Left out from the address: ${problems.join('; ')}.` : '';
  notice.hidden = problems.length === 0;
}

/** Keep the address equal to the store's intent; returns a function that stops it. */
export function keepAddressInSync(
  store: IntentStore,
  presets: readonly Scenario[] = SCENARIO_LIBRARY.scenarios,
  delayMs = ADDRESS_DELAY_MS,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = (): void => {
    timer = null;
    const { params, treatment, speed } = store.getState();
    const query = queryFromIntent({ params, treatment, speed }, presets);
    if (query === window.location.search) return;
    const { pathname, hash } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${query}${hash}`);
  };
  const flush = (): void => {
    if (timer === null) return;
    clearTimeout(timer);
    write();
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.params === previous.params && state.treatment === previous.treatment && state.speed === previous.speed) {
      return;
    }
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });
  // A reload or a shared link right after a change still carries it.
  window.addEventListener('pagehide', flush);
  return () => {
    flush();
    unsubscribe();
    window.removeEventListener('pagehide', flush);
  };
}
