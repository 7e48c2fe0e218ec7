/**
 * Synchrony χ over the window (0…1). The seizure detector reads the E rate and the discharges, not
 * χ (interictal discharges raise χ too), so there is no threshold line here.
 */
import { YAxis } from './axes.ts';
import { type ActivityHistory, CHI_CAPACITY } from './history.ts';
import { CSS } from './plot-palette.ts';
import type { PlotSurface } from './plot-surface.ts';

const LINE_CSS_PX = 1.5;

export class ChiPlot {
  readonly axis = new YAxis(() => 2);

  constructor(readonly surface: PlotSurface) {}

  layout(): void {
    const s = this.surface;
    this.axis.set(0, 1, s.bottom, s.top);
  }

  draw(history: ActivityHistory): void {
    const s = this.surface;
    const ctx = s.ctx;
    const endMs = Math.max(history.windowMs, history.timeMs);
    const y = this.axis.scale;
    s.clear();
    s.drawValueAxis(this.axis);
    s.drawTimeAxis(endMs);

    ctx.save();
    ctx.beginPath();
    ctx.rect(s.left, s.top, s.right - s.left, s.bottom - s.top);
    ctx.clip();
    ctx.strokeStyle = CSS.chi;
    ctx.lineWidth = LINE_CSS_PX * s.dpr;
    ctx.beginPath();
    let drawing = false;
    for (let i = history.chiStart; i < history.chiEnd; i++) {
      const slot = i % CHI_CAPACITY;
      const chi = history.chi[slot];
      if (Number.isNaN(chi)) {
        drawing = false;
        continue;
      }
      const x = s.xOf(history.chiTimeMs[slot], endMs);
      if (drawing) ctx.lineTo(x, y(chi));
      else ctx.moveTo(x, y(chi));
      drawing = true;
    }
    ctx.stroke();
    ctx.restore();
    s.drawFrame();
  }
}
