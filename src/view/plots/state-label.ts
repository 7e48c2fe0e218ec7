/**
 * The state label: "Asynchronous", "Quiet", "Interictal spikes" or "Seizure-like event", each with its
 * own icon (an irregular scatter, a flat line, a single spike, a run of spikes), so the state reads without
 * colour. The text colour changes too, slowly (a CSS transition): no area flashes. The DOM is
 * touched only when the state or the interictal count changes.
 *
 * Not a live region: the page's status line (src/ui/status.ts) already announces the state.
 */

import type { ActivityState } from '../../model/runs/live/frame.ts';
import { type ShownState, STATE_WORDS, shownState } from './events.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** 24 × 24 icons, drawn as strokes. */
const ICON_PATHS: Readonly<Record<ShownState | 'waiting', string>> = {
  waiting: 'M4 12 H20',
  // A flat line with a tick at each end: silence.
  quiet: 'M2 12 H22 M2 9 V15 M22 9 V15',
  // Scattered, irregular dots: cells firing on their own.
  asynchronous: 'M4 8 h0.01 M9 15 h0.01 M13 6 h0.01 M17 13 h0.01 M20 7 h0.01 M6 18 h0.01 M15 19 h0.01',
  // One spike on a flat line.
  interictal: 'M2 14 H9 L11 4 L13 20 L15 14 H22',
  // A run of spikes.
  seizure: 'M2 14 L4 4 L6 20 L8 4 L10 20 L12 4 L14 20 L16 4 L18 20 L20 4 L22 14',
};

export class StateLabel {
  readonly element: HTMLElement;
  private readonly text: HTMLElement;
  private readonly path: SVGPathElement;
  private readonly interictal: HTMLElement;
  private state: ShownState | 'waiting' | null = null;
  private interictalCount = -1;

  constructor(doc: Document) {
    this.element = doc.createElement('p');
    this.element.className = 'plots-state';
    const svg = doc.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('class', 'plots-state-icon');
    this.path = doc.createElementNS(SVG_NS, 'path');
    svg.appendChild(this.path);
    this.text = doc.createElement('span');
    this.text.className = 'plots-state-text';
    this.interictal = doc.createElement('span');
    this.interictal.className = 'plots-state-count';
    this.element.append(svg, this.text, this.interictal);
    this.show(null, 0);
  }

  /** null: no frame of the current network yet. `smoothedRateEHz` tells quiet from asynchronous firing. */
  show(state: ActivityState | null, interictalCount: number, smoothedRateEHz = Number.POSITIVE_INFINITY): void {
    const shown = state === null ? 'waiting' : shownState(state, smoothedRateEHz);
    if (shown !== this.state) {
      this.state = shown;
      this.element.dataset.state = shown;
      this.path.setAttribute('d', ICON_PATHS[shown]);
      this.text.textContent = shown === 'waiting' ? 'Waiting for the simulation' : STATE_WORDS[shown];
    }
    if (interictalCount !== this.interictalCount) {
      this.interictalCount = interictalCount;
      this.interictal.textContent =
        state === null ? '' : `${interictalCount} interictal spike${interictalCount === 1 ? '' : 's'} so far`;
    }
  }
}
