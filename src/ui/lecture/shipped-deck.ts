/** The lecture deck built from the scenarios the app bundles (src/ui/controls/scenario-library.ts). */
import { SCENARIO_LIBRARY } from '../controls/scenario-library.ts';
import { buildDeck, type Deck } from './deck.ts';

export const SHIPPED_DECK: Deck = buildDeck(SCENARIO_LIBRARY.scenarios);
