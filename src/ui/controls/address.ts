/**
 * The page address and the store: read once at start (bad entries named in the page's notice),
 * then rewritten with history.replaceState a moment after the intent changes — one history entry
 * for the page, not one per slider step. The texts are src/state/url.ts's.
 */
import type { Scenario } from '../../model/scenario.ts';
import type { IntentStore } from '../../state/store.ts';
import {
  ADDRESS_KEYS,
  defaultAddressIntent,
  type IntentFromAddress,
  intentFromQuery,
  queryFromIntent,
  threadsFromText,
} from '../../state/url.ts';
import type { Deck } from '../lecture/deck.ts';
import { SHIPPED_DECK } from '../lecture/shipped-deck.ts';
import { SCENARIO_LIBRARY } from './scenario-library.ts';

/** Long enough to skip the steps of a dragged slider, short enough to look immediate. */
export const ADDRESS_DELAY_MS = 300;

export function readAddress(
  search: string,
  presets: readonly Scenario[] = SCENARIO_LIBRARY.scenarios,
  deck: Deck = SHIPPED_DECK,
): IntentFromAddress {
  const scenes = deck.scenes.map((scene) => scene.state);
  return intentFromQuery(search, defaultAddressIntent(), presets, scenes);
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
  deck: Deck = SHIPPED_DECK,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = (): void => {
    timer = null;
    const { params, treatment, speed, lecture } = store.getState();
    const scene = lecture === null ? undefined : deck.scenes[lecture];
    // The compact page (embed=1) stays compact: it is how the page shows, not what it runs; and
    // threads=N stays, which is how it runs.
    const here = new URLSearchParams(window.location.search);
    const embed = here.get(ADDRESS_KEYS.embed) === '1';
    const threadsText = here.get(ADDRESS_KEYS.threads);
    const threads = threadsText === null ? null : threadsFromText(threadsText);
    const query = queryFromIntent(
      { params, treatment, speed },
      presets,
      scene && lecture !== null ? { scene: lecture, state: scene.state } : null,
      embed,
      threads,
    );
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
    if (
      state.params === previous.params &&
      state.treatment === previous.treatment &&
      state.speed === previous.speed &&
      state.lecture === previous.lecture
    ) {
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
