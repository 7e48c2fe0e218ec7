/**
 * The ion map's legend, readable on its own: what is shown and in which unit, a colour bar with
 * labelled ticks (the resting value marked), one sentence on what it means, and two live marks on
 * the bar — the sheet's mean and its highest value now — so a rise of K⁺ during an event shows
 * on the legend as well as on the sheet. The marks and their numbers move at most four times a
 * second, and only the DOM that changed is touched.
 */
import type { Frame } from '../model/runs/live/frame.ts';
import type { SheetMap } from '../state/store.ts';
import { cssGradient, ION_MAPS, type IonMapKind, ionMapTable, mapScale } from '../view/ion-maps.ts';
import { h } from './controls/dom.ts';

const UPDATE_INTERVAL_MS = 250;

function valueText(value: number, kind: IonMapKind): string {
  const digits = kind === 'potassium' ? 2 : 1;
  return value.toFixed(digits).replace('-', '−');
}

export class MapLegend {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly bar: HTMLElement;
  private readonly ticks: HTMLElement;
  private readonly explanation: HTMLElement;
  private readonly meanMark: HTMLElement;
  private readonly maxMark: HTMLElement;
  private readonly now: HTMLElement;
  private kind: SheetMap = 'none';
  private scale = mapScale(ION_MAPS.potassium);
  private lastUpdateMs = Number.NEGATIVE_INFINITY;
  private shownNow = '';

  constructor() {
    this.title = h('p', { class: 'map-legend-title', id: 'map-legend-title' });
    this.meanMark = h('span', { class: 'map-mark map-mark-mean', 'aria-hidden': 'true' });
    this.maxMark = h('span', { class: 'map-mark map-mark-max', 'aria-hidden': 'true' });
    this.bar = h('div', { class: 'map-bar', 'aria-hidden': 'true' }, this.meanMark, this.maxMark);
    this.ticks = h('div', { class: 'map-ticks', 'aria-hidden': 'true' });
    this.now = h('p', { class: 'map-now', id: 'map-now' });
    this.explanation = h('p', { class: 'map-explanation' });
    this.element = h(
      'div',
      { class: 'map-legend', id: 'map-legend', role: 'group', 'aria-labelledby': 'map-legend-title' },
      this.title,
      this.bar,
      this.ticks,
      this.now,
      this.explanation,
    );
    this.element.hidden = true;
  }

  show(kind: SheetMap): void {
    this.kind = kind;
    this.element.hidden = kind === 'none';
    if (kind === 'none') return;
    const spec = ION_MAPS[kind];
    this.scale = mapScale(spec);
    this.title.textContent = spec.title;
    this.bar.style.background = cssGradient(ionMapTable(kind));
    this.ticks.replaceChildren(
      ...spec.ticks.map((tick) => {
        const label = h('span', { class: 'map-tick' }, tick.label);
        if (tick.note) label.append(h('span', { class: 'map-tick-note' }, tick.note));
        label.style.left = `${(100 * this.scale(tick.value)).toFixed(1)}%`;
        return label;
      }),
    );
    this.explanation.textContent = spec.explanation;
    this.shownNow = '';
    this.lastUpdateMs = Number.NEGATIVE_INFINITY;
  }

  showFrame(frame: Frame): void {
    const kind = this.kind;
    if (kind === 'none') return;
    const nowMs = performance.now();
    if (nowMs - this.lastUpdateMs < UPDATE_INTERVAL_MS) return;
    this.lastUpdateMs = nowMs;
    const values = kind === 'potassium' ? frame.koTiles : kind === 'sodium' ? frame.naiGrid : frame.eGabaGrid;
    let sum = 0;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < values.length; k++) {
      sum += values[k];
      if (values[k] > max) max = values[k];
    }
    const mean = sum / values.length;
    const unit = ION_MAPS[kind].unit;
    const text = `Now: mean ${valueText(mean, kind)} ${unit}, highest ${valueText(max, kind)} ${unit}`;
    if (text === this.shownNow) return;
    this.shownNow = text;
    this.now.textContent = text;
    this.meanMark.style.left = `${(100 * this.scale(mean)).toFixed(1)}%`;
    this.maxMark.style.left = `${(100 * this.scale(max)).toFixed(1)}%`;
  }
}
