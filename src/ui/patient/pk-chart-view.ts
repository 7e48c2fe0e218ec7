/**
 * The concentration–time chart in SVG, drawn from a PkChartModel. It is redrawn only when the
 * model changes (treatment, PK settings, chosen drug, width); moving the cursor only moves one
 * group. Nothing here runs per simulation frame.
 *
 * Colours are from the Okabe–Ito palette (Okabe & Ito 2008; safe for the common colour-vision deficiencies), and
 * the lines differ in style too: plasma total solid, unbound plasma dotted, unbound brain dashed.
 */
import type { PkChartModel, Plot, Tick } from './pk-chart-model.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

type Attributes = Record<string, string | number>;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

export interface ChartTitles {
  plasma: string;
  unbound: string;
  time: string;
}

export class PkChartView {
  readonly element: SVGSVGElement;
  private readonly content: SVGGElement;
  private readonly cursor: SVGGElement;
  private readonly cursorLabel: SVGTextElement;
  private model: PkChartModel | null = null;

  constructor(labelledBy: string) {
    this.element = svg('svg', { class: 'pk-chart-svg', role: 'img', 'aria-labelledby': labelledBy });
    this.content = svg('g');
    this.cursor = svg('g', { class: 'pk-cursor', 'data-testid': 'pk-cursor' });
    this.cursorLabel = svg('text', { class: 'pk-cursor-label' });
    this.element.append(this.content, this.cursor);
  }

  get drawn(): PkChartModel | null {
    return this.model;
  }

  draw(model: PkChartModel, titles: ChartTitles): void {
    this.model = model;
    const { widthPx, heightPx } = model;
    this.element.setAttribute('viewBox', `0 0 ${widthPx} ${heightPx}`);
    const parts: SVGElement[] = [];
    parts.push(...this.plotFrame(model, model.plasma, titles.plasma));
    const band = model.plasma.band;
    if (band) {
      parts.push(
        svg('rect', {
          class: 'pk-band',
          'data-testid': 'pk-band',
          x: model.plotLeftPx,
          y: band.topPx,
          width: model.plotRightPx - model.plotLeftPx,
          height: band.bottomPx - band.topPx,
        }),
        svg('line', {
          class: 'pk-band-edge',
          x1: model.plotLeftPx,
          x2: model.plotRightPx,
          y1: band.topPx,
          y2: band.topPx,
        }),
        svg('line', {
          class: 'pk-band-edge',
          x1: model.plotLeftPx,
          x2: model.plotRightPx,
          y1: band.bottomPx,
          y2: band.bottomPx,
        }),
        svg(
          'text',
          { class: 'pk-band-label', x: model.plotRightPx - 4, y: band.topPx + 13, 'text-anchor': 'end' },
          `therapeutic ${band.lowMgL}–${band.highMgL} mg/L`,
        ),
      );
    }
    parts.push(
      svg('path', { class: 'pk-line pk-plasma-total', 'data-testid': 'pk-plasma-total', d: model.plasma.totalPath }),
    );
    const missedY = model.plasma.topPx + model.plasma.heightPx - 5;
    for (const px of model.plasma.missedDosesPx) {
      parts.push(svg('text', { class: 'pk-missed', x: px, y: missedY, 'text-anchor': 'middle' }, '×'));
    }

    parts.push(...this.plotFrame(model, model.unbound, titles.unbound));
    parts.push(
      svg('path', {
        class: 'pk-line pk-plasma-unbound',
        'data-testid': 'pk-plasma-unbound',
        d: model.unbound.plasmaPath,
      }),
      svg('path', { class: 'pk-line pk-brain-unbound', 'data-testid': 'pk-brain-unbound', d: model.unbound.brainPath }),
    );

    const axisY = model.unbound.topPx + model.unbound.heightPx;
    for (const t of model.xTicks) {
      parts.push(
        svg('line', { class: 'pk-tick', x1: t.px, x2: t.px, y1: axisY, y2: axisY + 5 }),
        svg('text', { class: 'pk-tick-label', x: t.px, y: axisY + 18, 'text-anchor': 'middle' }, t.label),
      );
    }
    parts.push(
      svg(
        'text',
        {
          class: 'pk-axis-title',
          x: (model.plotLeftPx + model.plotRightPx) / 2,
          y: axisY + 36,
          'text-anchor': 'middle',
        },
        titles.time,
      ),
    );
    this.content.replaceChildren(...parts);

    // One segment per plot, so the line does not cross the lower plot's title.
    const top = model.cursorLabelYPx - 10;
    this.cursor.replaceChildren(
      svg('line', { class: 'pk-cursor-line', x1: 0, x2: 0, y1: top, y2: model.plasma.topPx + model.plasma.heightPx }),
      svg('line', { class: 'pk-cursor-line', x1: 0, x2: 0, y1: model.unbound.topPx, y2: axisY }),
      this.cursorLabel,
    );
    this.cursorLabel.setAttribute('y', String(model.cursorLabelYPx));
  }

  /** Move the cursor to `xPx`, labelled `label` (kept inside the chart). */
  moveCursor(xPx: number, label: string): void {
    const model = this.model;
    if (!model) return;
    this.cursor.setAttribute('transform', `translate(${xPx.toFixed(1)},0)`);
    this.cursorLabel.textContent = label;
    // Anchor the label away from the nearer edge so it never leaves the chart.
    const nearRight = xPx > (model.plotLeftPx + model.plotRightPx) / 2;
    this.cursorLabel.setAttribute('text-anchor', nearRight ? 'end' : 'start');
    this.cursorLabel.setAttribute('x', nearRight ? '-5' : '5');
  }

  private plotFrame(model: PkChartModel, plot: Plot, title: string): SVGElement[] {
    const bottom = plot.topPx + plot.heightPx;
    const parts: SVGElement[] = [
      svg('text', { class: 'pk-plot-title', x: 0, y: plot.titleYPx }, title),
      svg('rect', {
        class: 'pk-plot',
        x: model.plotLeftPx,
        y: plot.topPx,
        width: model.plotRightPx - model.plotLeftPx,
        height: plot.heightPx,
      }),
    ];
    for (const t of model.xTicks) {
      parts.push(svg('line', { class: 'pk-grid', x1: t.px, x2: t.px, y1: plot.topPx, y2: bottom }));
    }
    parts.push(...this.yAxis(model, plot.yTicks));
    return parts;
  }

  private yAxis(model: PkChartModel, ticks: readonly Tick[]): SVGElement[] {
    const parts: SVGElement[] = [];
    for (const t of ticks) {
      parts.push(
        svg('line', { class: 'pk-grid', x1: model.plotLeftPx, x2: model.plotRightPx, y1: t.px, y2: t.px }),
        svg('text', { class: 'pk-tick-label', x: model.plotLeftPx - 6, y: t.px + 4, 'text-anchor': 'end' }, t.label),
      );
    }
    return parts;
  }
}
