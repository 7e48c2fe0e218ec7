import { describe, expect, it } from 'vitest';
import {
  calmTop,
  HEADROOM,
  niceCeil,
  secondsLabel,
  TickLabels,
  timeTickStepMs,
  YAxis,
} from '../../src/view/plots/axes.ts';

describe('niceCeil', () => {
  it('rounds up to 1, 1.5, 2, 3, 4, 5, 6, 8 × a power of ten', () => {
    expect(niceCeil(1)).toBe(1);
    expect(niceCeil(1.2)).toBe(1.5);
    expect(niceCeil(2420)).toBe(3000);
    expect(niceCeil(300)).toBe(300);
    expect(niceCeil(8001)).toBe(10_000);
    expect(niceCeil(0.37)).toBeCloseTo(0.4, 12);
    expect(niceCeil(0)).toBe(0);
    expect(niceCeil(-5)).toBe(0);
  });
});

describe('calmTop', () => {
  it('grows at once to fit, with headroom', () => {
    expect(calmTop(20, 350, 20)).toBe(niceCeil(350 * HEADROOM));
    expect(calmTop(20, 350, 20)).toBe(400);
  });

  it('keeps its range while the data (with headroom) use more than half of it', () => {
    expect(calmTop(400, 350, 20)).toBe(400);
    expect(calmTop(400, 182, 20)).toBe(400);
  });

  it('shrinks once everything fits in half, never below its floor', () => {
    expect(calmTop(400, 180, 20)).toBe(200);
    expect(calmTop(400, 50, 20)).toBe(60);
    expect(calmTop(400, 5, 20)).toBe(20);
  });

  it('is stable: applying it again to the same data changes nothing', () => {
    for (const max of [0.5, 3, 17, 99, 350, 2420, 7928, 37_340]) {
      const once = calmTop(1000, max, 1000);
      expect(calmTop(once, max, 1000)).toBe(once);
      expect(once).toBeGreaterThanOrEqual(max);
    }
  });

  it('keeps the range when nothing is in the window', () => {
    expect(calmTop(400, Number.NaN, 20)).toBe(400);
  });
});

describe('time ticks', () => {
  it('steps by half seconds on a projector-wide plot and by seconds on a phone', () => {
    expect(timeTickStepMs(4000, 560)).toBe(500);
    expect(timeTickStepMs(4000, 280)).toBe(1000);
  });

  it('labels whole seconds without decimals', () => {
    expect(secondsLabel(12_000)).toBe('12');
    expect(secondsLabel(12_500)).toBe('12.5');
    expect(secondsLabel(0)).toBe('0');
  });

  it('makes a label once per tick, and again only when the slot is reused', () => {
    let made = 0;
    const labels = new TickLabels(4, (v) => {
      made++;
      return secondsLabel(v);
    });
    expect(labels.get(25, 500)).toBe('12.5');
    expect(labels.get(25, 500)).toBe('12.5');
    expect(made).toBe(1);
    expect(labels.get(29, 500)).toBe('14.5');
    expect(labels.get(25, 500)).toBe('12.5');
    expect(made).toBe(3);
  });
});

describe('YAxis', () => {
  it('maps the domain onto the pixel range and ticks it, recomputing only on change', () => {
    const axis = new YAxis(() => 4);
    expect(axis.set(0, 400, 100, 0)).toBe(true);
    expect(axis.scale(0)).toBe(100);
    expect(axis.scale(400)).toBe(0);
    expect(axis.ticks).toEqual([0, 100, 200, 300, 400]);
    expect(axis.labels).toEqual(['0', '100', '200', '300', '400']);
    const ticks = axis.ticks;
    expect(axis.set(0, 400, 100, 0)).toBe(false);
    expect(axis.ticks).toBe(ticks);
  });
});
