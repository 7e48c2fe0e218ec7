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
import type { Regimen } from '../../model/pharmacology/regimen.ts';
import type { IntentStore } from '../../state/store.ts';
import { el } from '../controls/dom.ts';
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
  const item = el('li');
  const swatch = el('span', `pk-swatch ${swatchClass}`);
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
  new PatientPanel(host, store).start();
}

/** The chart of one drug: its chooser, the drawing, the legend, the caption and a table for screen readers. */
interface ChartParts {
  figure: HTMLElement;
  chooser: HTMLElement;
  select: HTMLSelectElement;
  area: HTMLElement;
  view: PkChartView;
  bandItem: HTMLLIElement;
  missedItem: HTMLLIElement;
  caption: HTMLElement;
  table: HTMLTableElement;
}

function buildChart(): ChartParts {
  const figure = el('figure', 'pk-chart');
  const chooser = el('div', 'pk-chooser');
  const chooserLabel = el('label', undefined, 'Drug in the chart');
  chooserLabel.htmlFor = 'pk-drug';
  const select = el('select');
  select.id = 'pk-drug';
  chooser.append(chooserLabel, select);
  const area = el('div', 'pk-chart-area');
  const view = new PkChartView('pk-chart-caption');
  area.append(view.element);
  const legend = el('ul', 'pk-legend');
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
  const caption = el('figcaption', 'pk-caption');
  caption.id = 'pk-chart-caption';
  // A table cannot be clipped to a pixel itself; its box can.
  const tableBox = el('div', 'visually-hidden');
  const table = el('table');
  tableBox.append(table);
  figure.append(chooser, area, legend, caption, tableBox);
  return { figure, chooser, select, area, view, bandItem, missedItem, caption, table };
}

class PatientPanel {
  private readonly pk = new PatientPk();
  private readonly clock: TimeCursor;
  private readonly empty = el('p', 'patient-empty', NO_DRUGS_TEXT);
  private readonly summary = new DrugSummaryView();
  private readonly chart = buildChart();
  /** The chart's time span while a pointer drags the clock (it must not rescale under the pointer). */
  private frozenHorizonH: number | null = null;
  private horizonH = 0;
  private chosen: DrugName | null = null;
  private drawnChart: ChartSeries | null = null;
  private drawnIndex = -1;
  private drawnWidthPx = -1;
  private model: PkChartModel | null = null;
  private levelsCostMs = 0;
  private settleTimer = 0;
  private settled = false;
  private frame = 0;
  private chartPointer: number | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly store: IntentStore,
  ) {
    this.clock = new TimeCursor(store, {
      dragging: (active) => {
        this.frozenHorizonH = active ? this.horizonH : null;
        if (!active) this.schedule();
      },
    });
    const heading = el('h2', undefined, PATIENT_PANEL_TITLE);
    heading.id = 'patient-panel-title';
    const intro = el(
      'p',
      'hint',
      'Drugs act over hours and days, the network over milliseconds: the network runs at the drug levels of one moment of the treatment, set on the patient clock.',
    );
    // The clock sits right above the chart whose cursor it moves; the levels at that time follow.
    host.replaceChildren(heading, intro, this.clock.element, this.empty, this.chart.figure, this.summary.element);
    host.hidden = false;
  }

  start(): void {
    this.chart.select.addEventListener('change', () => {
      this.chosen = this.chart.select.value as DrugName;
      this.schedule();
    });
    this.bindChartDrag();
    this.store.subscribe((state, previous) => {
      if (state.treatment !== previous.treatment || pkParamsChanged(state.params, previous.params)) this.schedule();
    });
    new ResizeObserver(() => {
      if (this.chart.area.clientWidth !== this.drawnWidthPx) this.schedule();
    }).observe(this.chart.area);
    this.render();
  }

  /** Render at the next animation frame (once, however often asked before it). */
  private schedule(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const { treatment, params } = this.store.getState();
    const regimens = parseTreatmentDrugs(treatment.drugs);
    const inputs = pkInputs(params);
    const atHours = treatment.atHours;
    this.horizonH = this.frozenHorizonH ?? chartHorizonH(regimens, atHours);
    this.clock.show(atHours, this.horizonH);

    const hasDrugs = regimens.length > 0;
    this.empty.hidden = hasDrugs;
    this.summary.element.hidden = !hasDrugs;
    this.chart.figure.hidden = !hasDrugs;
    if (!hasDrugs) return;

    const index = this.chooseDrug(regimens);
    const chart = this.pk.series(treatment.drugs, inputs, this.horizonH);
    const model = this.drawChart(chart, index);
    this.chart.view.moveCursor(cursorPx(model, atHours), cursorLabel(atHours, this.horizonH));
    this.showLevels(regimens, inputs, chart, index);
  }

  /** The drug the chart shows (the chosen one while it is in the schedule, else the first), and the chooser. */
  private chooseDrug(regimens: readonly Regimen[]): number {
    const { select, chooser } = this.chart;
    let index = regimens.findIndex((r) => r.drug === this.chosen);
    if (index < 0) index = 0;
    this.chosen = regimens[index].drug;
    if (select.options.length !== regimens.length || regimens.some((r, i) => select.options[i].value !== r.drug)) {
      select.replaceChildren(...regimens.map((r) => new Option(r.drug, r.drug)));
    }
    select.value = this.chosen;
    chooser.hidden = regimens.length < 2;
    return index;
  }

  /** Draw the chart again only when its series, drug or width changed. */
  private drawChart(chart: ChartSeries, index: number): PkChartModel {
    const parts = this.chart;
    const widthPx = parts.area.clientWidth;
    if (chart !== this.drawnChart || index !== this.drawnIndex || widthPx !== this.drawnWidthPx || !this.model) {
      const model = buildChartModel(chart, index, widthPx);
      this.model = model;
      parts.view.draw(model, {
        plasma: 'Plasma total (mg/L)',
        unbound: 'Unbound drug (µM): plasma and brain',
        time: `Time since the first dose (${model.timeUnit})`,
      });
      this.drawnChart = chart;
      this.drawnIndex = index;
      this.drawnWidthPx = widthPx;
      parts.bandItem.hidden = model.plasma.band === null;
      parts.missedItem.hidden = model.plasma.missedDosesPx.length === 0;
      fillTable(parts.table, chart, index, model);
      this.host.dataset.pkComputeMs = chart.computeMs.toFixed(1);
    }
    return this.model;
  }

  /**
   * The levels at the cursor, in the summary and the caption. They cost time in proportion to it
   * (the engine's fine step from 0 h): a few ms for weeks, ~40 ms for four drugs at a month. While a
   * pointer drags and they cost more than a frame, they wait until the pointer rests or lets go,
   * and the summary keeps naming the time its numbers belong to.
   */
  private showLevels(regimens: readonly Regimen[], inputs: PkInputs, chart: ChartSeries, index: number): void {
    const { treatment } = this.store.getState();
    clearTimeout(this.settleTimer);
    if (this.frozenHorizonH !== null && this.levelsCostMs > FRAME_BUDGET_MS && !this.settled) {
      this.settleTimer = window.setTimeout(() => {
        this.settled = true;
        this.schedule();
      }, SETTLE_MS);
      return;
    }
    this.settled = false;
    const startMs = performance.now();
    const levels = this.pk.levelsAt(treatment.drugs, inputs, treatment.atHours);
    const costMs = performance.now() - startMs;
    // A cache hit costs nothing and says nothing about the next computation.
    if (costMs > 0.5) this.levelsCostMs = costMs;
    this.summary.show(
      formatPatientTime(levels.timeH),
      drugSummaries(regimens, levels, inputs),
      pgpInWords(levels, inputs),
    );
    this.chart.caption.textContent = chartSentence(chart, index, levels);
  }

  /** Dragging on the chart moves the patient clock too (the slider is the keyboard's way). */
  private bindChartDrag(): void {
    const target = this.chart.view.element;
    const dragTo = (event: PointerEvent): void => {
      const model = this.model;
      if (!model) return;
      const rect = target.getBoundingClientRect();
      const xPx = ((event.clientX - rect.left) * model.widthPx) / Math.max(1, rect.width);
      this.clock.request(hoursAtPx(model, xPx, dragResolutionH(model.horizonH)));
    };
    target.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      this.chartPointer = event.pointerId;
      target.setPointerCapture(event.pointerId);
      this.frozenHorizonH = this.horizonH;
      dragTo(event);
    });
    target.addEventListener('pointermove', (event) => {
      if (event.pointerId === this.chartPointer) dragTo(event);
    });
    const endChartDrag = (event: PointerEvent): void => {
      if (event.pointerId !== this.chartPointer) return;
      this.chartPointer = null;
      this.frozenHorizonH = null;
      this.schedule();
    };
    target.addEventListener('pointerup', endChartDrag);
    target.addEventListener('pointercancel', endChartDrag);
  }
}

/** The chart's key points as a table, for screen readers (visually hidden). */
function fillTable(table: HTMLTableElement, chart: ChartSeries, index: number, model: PkChartModel): void {
  const caption = el('caption', undefined, `Key points of the chart for ${chart.series.drugs[index].drug}`);
  const head = el('tr');
  for (const title of ['Time', 'Plasma total (mg/L)', 'Against the therapeutic range', 'Brain unbound (µM)']) {
    const th = el('th', undefined, title);
    th.scope = 'col';
    head.append(th);
  }
  const body = el('tbody');
  for (const p of keyPoints(
    chart,
    index,
    model.xTicks.map((t) => t.value),
  )) {
    const tr = el('tr');
    const th = el('th', undefined, p.time);
    th.scope = 'row';
    tr.append(
      th,
      el('td', undefined, p.plasmaTotal),
      el('td', undefined, p.status),
      el('td', undefined, p.brainUnbound),
    );
    body.append(tr);
  }
  const thead = el('thead');
  thead.append(head);
  table.replaceChildren(caption, thead, body);
}
