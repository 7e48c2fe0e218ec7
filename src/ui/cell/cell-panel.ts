/**
 * The "one cell" panel: the watched cell's membrane potential over the last seconds with its
 * E_GABA and spikes (src/view/cell-traces.ts), its [Na⁺]i, its tile's K⁺o and its E_GABA now and
 * as small traces, a sentence on what they mean for it, and beside it the F–I curves of a lone
 * pyramidal cell and interneuron under the current settings (src/view/fi-plot.ts, computed in
 * a worker).
 *
 * The numbers in words change at most READOUT_INTERVAL_MS apart (reading them must be possible),
 * and only when their text changes.
 */
import './cell.css';
import type { FiCurveBridge } from '../../bridge/fi-curve-bridge.ts';
import { EXCITATORY, INHIBITORY } from '../../model/dynamics/cells.ts';
import { K_REST_MM } from '../../model/dynamics/physics.ts';
import type { FiCurves } from '../../model/reference/fi-curve.ts';
import type { Frame, SessionDescription } from '../../model/runs/live/frame.ts';
import type { IntentStore } from '../../state/store.ts';
import { CELL_WINDOW_S, type CellNow, CellTraces, cellNow } from '../../view/cell-traces.ts';
import { FiPlot } from '../../view/fi-plot.ts';
import { h } from '../controls/dom.ts';
import { cellWords } from '../sheet-picker.ts';
import { fiSummary } from './fi-summary.ts';

const READOUT_INTERVAL_MS = 250;
/** K⁺o counts as raised this far above rest (mM). */
const RAISED_K_MM = 0.5;

function fixed(value: number, digits: number): string {
  return value.toFixed(digits).replace('-', '−');
}

/** What the ions mean for the cell, in one or two sentences. */
export function cellMeaning(now: CellNow, inhibitory: boolean): string {
  const restMv = inhibitory ? INHIBITORY.eLMv : EXCITATORY.eLMv;
  const gaba =
    now.eGabaMv > restMv
      ? `E_GABA (${fixed(now.eGabaMv, 0)} mV) is above its resting potential (${fixed(restMv, 0)} mV): GABA now depolarises it instead of inhibiting it.`
      : `E_GABA (${fixed(now.eGabaMv, 0)} mV) is below its resting potential (${fixed(restMv, 0)} mV): GABA inhibits it.`;
  const potassium =
    now.koMm > K_REST_MM + RAISED_K_MM
      ? ` K⁺ around it is raised (${fixed(now.koMm, 1)} mM, rest ${K_REST_MM}): that depolarises it and its neighbours.`
      : '';
  return gaba + potassium;
}

interface Readouts {
  rate: HTMLElement;
  v: HTMLElement;
  nai: HTMLElement;
  ko: HTMLElement;
  egaba: HTMLElement;
  meaning: HTMLElement;
}

export interface CellPanelOptions {
  store: IntentStore;
  fiCurves: FiCurveBridge;
}

export class CellPanel {
  readonly traces: CellTraces;
  readonly fi: FiPlot;
  private readonly empty: HTMLElement;
  private readonly watched: HTMLElement;
  private readonly who: HTMLElement;
  private readonly fiSummary: HTMLElement;
  private readonly readouts: Readouts;
  private readonly now: CellNow = { vMv: 0, naiMm: 0, koMm: 0, eGabaMv: 0, rateHz: 0 };
  private readonly texts = new Map<HTMLElement, string>();
  private description: SessionDescription | null = null;
  private lastReadoutMs = Number.NEGATIVE_INFINITY;
  /** Frames that brought the watched cell's values to the readouts (the tests read it). */
  readoutsShown = 0;

  constructor(
    host: HTMLElement,
    private readonly options: CellPanelOptions,
  ) {
    const store = options.store;
    const watchCentre = h('button', { type: 'button', id: 'cell-watch-centre' }, 'Watch a cell near the centre');
    this.empty = h(
      'div',
      { class: 'cell-empty', id: 'cell-empty' },
      h(
        'p',
        {},
        'Click or tap a dot on the sheet — or Tab to the sheet, move with the arrow keys and press Enter — to watch one neuron: its membrane potential, and the ions that explain what it does.',
      ),
      watchCentre,
    );
    const release = h('button', { type: 'button', id: 'cell-release' }, 'Stop watching');
    this.who = h('p', { class: 'cell-who', id: 'cell-who' });
    const vCanvas = h('canvas', {
      class: 'cell-v-canvas',
      id: 'cell-v-canvas',
      role: 'img',
      'aria-label': `The watched cell's membrane potential over the last ${CELL_WINDOW_S} seconds, in millivolts, with its spikes and its E_GABA.`,
    });
    const sparkline = (id: string, label: string) =>
      h('canvas', { class: 'cell-spark', id, role: 'img', 'aria-label': label });
    const naiCanvas = sparkline('cell-nai-trace', `[Na⁺]i over the last ${CELL_WINDOW_S} s`);
    const koCanvas = sparkline('cell-ko-trace', `K⁺o of its patch over the last ${CELL_WINDOW_S} s`);
    const egabaCanvas = sparkline('cell-egaba-trace', `E_GABA over the last ${CELL_WINDOW_S} s`);
    const dd = (id: string) => h('dd', { id }, '…');
    this.readouts = {
      rate: dd('cell-rate'),
      v: dd('cell-vm'),
      nai: dd('cell-nai'),
      ko: dd('cell-ko'),
      egaba: dd('cell-egaba'),
      meaning: h('p', { class: 'cell-meaning', id: 'cell-meaning' }),
    };
    const reading = (term: string, value: HTMLElement, trace?: HTMLCanvasElement) =>
      h(
        'div',
        { class: 'cell-reading' },
        h('dt', {}, term),
        value,
        // Inside the list only dt and dd may stand: the sparkline is a description of the term too.
        ...(trace ? [h('dd', { class: 'cell-spark-dd' }, trace)] : []),
      );
    const figure = h(
      'figure',
      { class: 'cell-figure' },
      h(
        'figcaption',
        { class: 'cell-caption' },
        `Membrane potential, last ${CELL_WINDOW_S} s `,
        h('span', { class: 'cell-key cell-key-spike' }, 'spikes'),
        h('span', { class: 'cell-key cell-key-egaba' }, 'E_GABA'),
      ),
      vCanvas,
    );
    this.watched = h(
      'div',
      { class: 'cell-watched', id: 'cell-watched' },
      h('div', { class: 'cell-head' }, this.who, release),
      figure,
      h(
        'dl',
        { class: 'cell-now' },
        reading('V', this.readouts.v),
        reading('Rate (0.2 s)', this.readouts.rate),
        reading('[Na⁺]i', this.readouts.nai, naiCanvas),
        reading('K⁺o, its patch', this.readouts.ko, koCanvas),
        reading('E_GABA', this.readouts.egaba, egabaCanvas),
      ),
      this.readouts.meaning,
    );
    this.watched.hidden = true;

    const fiCanvas = h('canvas', {
      class: 'fi-canvas',
      id: 'fi-canvas',
      role: 'img',
      'aria-label':
        'F–I curves: firing rate against injected current for a lone pyramidal cell (solid) and interneuron (dashed), rheobase marked by triangles.',
    });
    this.fiSummary = h('p', { class: 'fi-summary', id: 'fi-summary', 'aria-live': 'polite' }, 'Computing…');
    const fiSection = h(
      'section',
      { class: 'fi', 'aria-labelledby': 'fi-title' },
      h('h3', { id: 'fi-title' }, 'One neuron, measured: F–I curve'),
      h(
        'p',
        { class: 'hint' },
        'Firing rate of one isolated cell against a steady injected current, under these settings (persistent Na⁺, Nav1.1, drugs at the patient clock), by the protocol of ',
        h('code', {}, 'npm run sim -- neuron'),
        '.',
      ),
      h(
        'figure',
        { class: 'fi-figure' },
        fiCanvas,
        h(
          'figcaption',
          { class: 'fi-key' },
          h('span', { class: 'fi-key-e' }, 'Pyramidal cell (solid)'),
          h('span', { class: 'fi-key-i' }, 'Interneuron (dashed)'),
          h('span', {}, '▲ rheobase'),
        ),
      ),
      this.fiSummary,
    );
    host.append(this.empty, this.watched, fiSection);
    this.traces = new CellTraces(vCanvas, { nai: naiCanvas, ko: koCanvas, egaba: egabaCanvas });
    this.fi = new FiPlot(fiCanvas);

    watchCentre.addEventListener('click', () => {
      const side = store.getState().params.side;
      store.getState().setSelectedCell(Math.floor(side / 2) * side + Math.floor(side / 2));
    });
    release.addEventListener('click', () => store.getState().setSelectedCell(null));
    store.subscribe((state, previous) => {
      if (state.selectedCell !== previous.selectedCell) this.showSelection(state.selectedCell);
      if (state.params !== previous.params || state.treatment !== previous.treatment) this.requestCurves();
    });
    this.showSelection(store.getState().selectedCell);
    this.requestCurves();
  }

  /** The F–I worker's answers and state. */
  showCurves(curves: FiCurves): void {
    this.fi.show(curves);
    this.fiSummary.textContent = fiSummary(curves);
  }

  showComputing(): void {
    this.fiSummary.textContent = 'Computing the curves for these settings…';
  }

  showCurvesFailed(message: string): void {
    this.fiSummary.textContent = `The F–I curves could not be computed: ${message}`;
  }

  setDescription(description: SessionDescription): void {
    this.description = description;
    this.showSelection(this.options.store.getState().selectedCell);
  }

  showFrame(frame: Frame): void {
    const grid = this.options.store.getState().selectedCell;
    if (grid === null || !this.traces.showFrame(frame)) return;
    const nowMs = performance.now();
    if (nowMs - this.lastReadoutMs < READOUT_INTERVAL_MS || !cellNow(frame, grid, this.now)) return;
    this.lastReadoutMs = nowMs;
    const now = this.now;
    this.write(this.readouts.v, `${fixed(now.vMv, 0)} mV`);
    this.write(this.readouts.rate, `${now.rateHz < 10 ? now.rateHz.toFixed(1) : now.rateHz.toFixed(0)} Hz`);
    this.write(this.readouts.nai, `${now.naiMm.toFixed(1)} mM`);
    this.write(this.readouts.ko, `${now.koMm.toFixed(2)} mM`);
    this.write(this.readouts.egaba, `${fixed(now.eGabaMv, 1)} mV`);
    this.write(this.readouts.meaning, cellMeaning(now, frame.probe?.inhibitory ?? false));
    this.readoutsShown++;
  }

  private requestCurves(): void {
    const { params, treatment } = this.options.store.getState();
    this.options.fiCurves.request(params, treatment);
  }

  private write(element: HTMLElement, text: string): void {
    if (this.texts.get(element) === text) return;
    this.texts.set(element, text);
    element.textContent = text;
  }

  private showSelection(grid: number | null): void {
    const d = this.description;
    this.empty.hidden = grid !== null;
    this.watched.hidden = grid === null;
    this.traces.setCell(grid, d?.buildId ?? -1);
    if (grid === null || !d || grid >= d.n) return;
    this.lastReadoutMs = Number.NEGATIVE_INFINITY;
    for (const element of Object.values(this.readouts)) this.write(element, '…');
    this.who.textContent = `Watching the ${cellWords(grid, d.side, d.isInhibitoryGrid[grid] === 1, d.sheetMm)}.`;
  }
}
