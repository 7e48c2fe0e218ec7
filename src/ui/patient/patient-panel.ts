/**
 * The patient panel: the drug schedule at the patient-clock time, the concentration–time chart
 * of one drug, and the patient clock that sets the time the network runs at.
 *
 * It reads the store's treatment and the parameters that act on the patient clock, and writes
 * only the time (`setAtHours`). Drug levels are recomputed when those values change (memoised by
 * value in PatientPk), at most once per animation frame, never per simulation frame.
 */
import './patient.css';
import type { Params } from '../../model/params.ts';
import type { DrugName } from '../../model/pharmacology/drugs.ts';
import { type PkInputs, pkInputs } from '../../model/pharmacology/pk.ts';
import type { IntentStore } from '../../state/store.ts';
import { el as element } from '../controls/dom.ts';
import { DrugSummaryView } from './drug-summary-view.ts';
import {
  chartSentence,
  drugSummaries,
  formatPatientTime,
  keyPoints,
  NO_DRUGS_TEXT,
  pgpInWords,
} from './patient-words.ts';
import {
  buildChartModel,
  cursorPx,
  DAYS_AXIS_FROM_H,
  dragResolutionH,
  HOURS_PER_DAY,
  hoursAtPx,
  type PkChartModel,
} from './pk-chart-model.ts';
import { PkChartView } from './pk-chart-view.ts';
import { type ChartSeries, chartHorizonH, PatientPk, parseTreatmentDrugs } from './pk-series.ts';
import { TimeCursor } from './time-cursor.ts';

export const PATIENT_PANEL_TITLE = 'Patient: drugs and the blood–brain barrier';

/** One frame at 60 Hz: levels that take longer wait while a pointer drags the clock. */
const FRAME_BUDGET_MS = 16;
/** A dragging pointer that rests this long gets the levels of where it rests. */
const SETTLE_MS = 150;

const PK_KEYS = [
  'pgp',
  'penetration',
  'adherence',
  'weightKg',
  'inflammation',
  'seed',
] as const satisfies readonly (keyof PkInputs)[];

function pkParamsChanged(a: Params, b: Params): boolean {
  return PK_KEYS.some((key) => a[key] !== b[key]);
}

function legendItem(swatchClass: string, text: string): HTMLLIElement {
  const item = element('li');
  const swatch = element('span', `pk-swatch ${swatchClass}`);
  swatch.setAttribute('aria-hidden', 'true');
  item.append(swatch, document.createTextNode(text));
  return item;
}

function cursorLabel(atHours: number, horizonH: number): string {
  const when =
    horizonH > DAYS_AXIS_FROM_H ? `day ${(atHours / HOURS_PER_DAY).toFixed(1)}` : `${Number(atHours.toFixed(1))} h`;
  return `network: ${when}`;
}

/** Build the panel in `host` (the page's empty #patient-panel), show it, and keep it in step with the store. */
export function mountPatientPanel(host: HTMLElement, store: IntentStore): void {
  const pk = new PatientPk();

  const heading = element('h2', undefined, PATIENT_PANEL_TITLE);
  heading.id = 'patient-panel-title';
  const intro = element(
    'p',
    'hint',
    'Drugs act over hours and days, the network over milliseconds: the network runs at the drug levels of one moment of the treatment, set on the patient clock.',
  );

  let frozenHorizonH: number | null = null;
  let horizonH = 0;
  const clock = new TimeCursor(store, {
    dragging: (active) => {
      frozenHorizonH = active ? horizonH : null;
      if (!active) schedule();
    },
  });

  const empty = element('p', 'patient-empty', NO_DRUGS_TEXT);
  const summary = new DrugSummaryView();

  const figure = element('figure', 'pk-chart');
  const chooser = element('div', 'pk-chooser');
  const chooserLabel = element('label', undefined, 'Drug in the chart');
  chooserLabel.htmlFor = 'pk-drug';
  const select = element('select');
  select.id = 'pk-drug';
  chooser.append(chooserLabel, select);
  const area = element('div', 'pk-chart-area');
  const view = new PkChartView('pk-chart-caption');
  area.append(view.element);
  const legend = element('ul', 'pk-legend');
  legend.setAttribute('aria-label', 'Chart legend');
  const bandItem = legendItem('pk-swatch-band', 'Therapeutic range of the plasma total');
  const missedItem = legendItem('pk-swatch-missed', 'Missed dose (adherence below 1)');
  legend.append(
    legendItem('pk-swatch-total', 'Plasma total, mg/L (solid)'),
    bandItem,
    legendItem('pk-swatch-plasma-unbound', 'Unbound in plasma, µM (dotted)'),
    legendItem('pk-swatch-brain', 'Unbound in the brain, µM (dashed): what the neurons see'),
    legendItem('pk-swatch-cursor', "The network runs at this point of the patient's treatment"),
    missedItem,
  );
  const caption = element('figcaption', 'pk-caption');
  caption.id = 'pk-chart-caption';
  // A table cannot be clipped to a pixel itself; its box can.
  const tableBox = element('div', 'visually-hidden');
  const table = element('table');
  tableBox.append(table);
  figure.append(chooser, area, legend, caption, tableBox);

  // The clock sits right above the chart whose cursor it moves; the levels at that time follow.
  host.replaceChildren(heading, intro, clock.element, empty, figure, summary.element);
  host.hidden = false;

  let chosen: DrugName | null = null;
  let drawnChart: ChartSeries | null = null;
  let drawnIndex = -1;
  let drawnWidthPx = -1;
  let model: PkChartModel | null = null;
  let levelsCostMs = 0;
  let settleTimer = 0;
  let settled = false;

  select.addEventListener('change', () => {
    chosen = select.value as DrugName;
    schedule();
  });

  const render = (): void => {
    const { treatment, params } = store.getState();
    const regimens = parseTreatmentDrugs(treatment.drugs);
    const inputs = pkInputs(params);
    const atHours = treatment.atHours;
    horizonH = frozenHorizonH ?? chartHorizonH(regimens, atHours);
    clock.show(atHours, horizonH);

    const hasDrugs = regimens.length > 0;
    empty.hidden = hasDrugs;
    summary.element.hidden = !hasDrugs;
    figure.hidden = !hasDrugs;
    if (!hasDrugs) return;

    let index = regimens.findIndex((r) => r.drug === chosen);
    if (index < 0) index = 0;
    chosen = regimens[index].drug;
    if (select.options.length !== regimens.length || regimens.some((r, i) => select.options[i].value !== r.drug)) {
      select.replaceChildren(...regimens.map((r) => new Option(r.drug, r.drug)));
    }
    select.value = chosen;
    chooser.hidden = regimens.length < 2;

    const chart = pk.series(treatment.drugs, inputs, horizonH);
    const widthPx = area.clientWidth;
    if (chart !== drawnChart || index !== drawnIndex || widthPx !== drawnWidthPx || !model) {
      model = buildChartModel(chart, index, widthPx);
      view.draw(model, {
        plasma: 'Plasma total (mg/L)',
        unbound: 'Unbound drug (µM): plasma and brain',
        time: `Time since the first dose (${model.timeUnit})`,
      });
      drawnChart = chart;
      drawnIndex = index;
      drawnWidthPx = widthPx;
      bandItem.hidden = model.plasma.band === null;
      missedItem.hidden = model.plasma.missedDosesPx.length === 0;
      fillTable(table, chart, index, model);
      host.dataset.pkComputeMs = chart.computeMs.toFixed(1);
    }
    view.moveCursor(cursorPx(model, atHours), cursorLabel(atHours, horizonH));

    // The levels at the cursor cost time in proportion to it (the engine's fine step from 0 h):
    // a few ms for weeks, ~40 ms for four drugs at a month. While a pointer drags and they cost
    // more than a frame, they wait until the pointer rests or lets go, and the summary keeps
    // naming the time its numbers belong to.
    clearTimeout(settleTimer);
    if (frozenHorizonH !== null && levelsCostMs > FRAME_BUDGET_MS && !settled) {
      settleTimer = window.setTimeout(() => {
        settled = true;
        schedule();
      }, SETTLE_MS);
      return;
    }
    settled = false;
    const startMs = performance.now();
    const levels = pk.levelsAt(treatment.drugs, inputs, atHours);
    const costMs = performance.now() - startMs;
    // A cache hit costs nothing and says nothing about the next computation.
    if (costMs > 0.5) levelsCostMs = costMs;
    summary.show(formatPatientTime(levels.timeH), drugSummaries(regimens, levels, inputs), pgpInWords(levels, inputs));
    caption.textContent = chartSentence(chart, index, levels);
  };

  let frame = 0;
  function schedule(): void {
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      render();
    });
  }

  // Dragging on the chart moves the patient clock too (the slider is the keyboard's way).
  let chartPointer: number | null = null;
  const dragTo = (event: PointerEvent): void => {
    if (!model) return;
    const rect = view.element.getBoundingClientRect();
    const xPx = ((event.clientX - rect.left) * model.widthPx) / Math.max(1, rect.width);
    clock.request(hoursAtPx(model, xPx, dragResolutionH(model.horizonH)));
  };
  view.element.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    chartPointer = event.pointerId;
    view.element.setPointerCapture(event.pointerId);
    frozenHorizonH = horizonH;
    dragTo(event);
  });
  view.element.addEventListener('pointermove', (event) => {
    if (event.pointerId === chartPointer) dragTo(event);
  });
  const endChartDrag = (event: PointerEvent): void => {
    if (event.pointerId !== chartPointer) return;
    chartPointer = null;
    frozenHorizonH = null;
    schedule();
  };
  view.element.addEventListener('pointerup', endChartDrag);
  view.element.addEventListener('pointercancel', endChartDrag);

  store.subscribe((state, previous) => {
    if (state.treatment !== previous.treatment || pkParamsChanged(state.params, previous.params)) schedule();
  });
  new ResizeObserver(() => {
    if (area.clientWidth !== drawnWidthPx) schedule();
  }).observe(area);
  render();
}

/** The chart's key points as a table, for screen readers (visually hidden). */
function fillTable(table: HTMLTableElement, chart: ChartSeries, index: number, model: PkChartModel): void {
  const caption = element('caption', undefined, `Key points of the chart for ${chart.series.drugs[index].drug}`);
  const head = element('tr');
  for (const title of ['Time', 'Plasma total (mg/L)', 'Against the therapeutic range', 'Brain unbound (µM)']) {
    const th = element('th', undefined, title);
    th.scope = 'col';
    head.append(th);
  }
  const body = element('tbody');
  for (const p of keyPoints(
    chart,
    index,
    model.xTicks.map((t) => t.value),
  )) {
    const tr = element('tr');
    const th = element('th', undefined, p.time);
    th.scope = 'row';
    tr.append(
      th,
      element('td', undefined, p.plasmaTotal),
      element('td', undefined, p.status),
      element('td', undefined, p.brainUnbound),
    );
    body.append(tr);
  }
  const thead = element('thead');
  thead.append(head);
  table.replaceChildren(caption, thead, body);
}
