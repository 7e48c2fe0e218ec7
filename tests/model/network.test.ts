import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/model/rng.ts';
import { torusDistanceMm } from '../../src/model/sheet/geometry.ts';
import {
  buildNetwork,
  CONDUCTION_MM_PER_MS,
  DELAY_BASE_MS,
  IN_DEGREE_E,
  IN_DEGREE_I,
} from '../../src/model/sheet/network.ts';

const net = buildNetwork({ side: 32, dtMs: 0.1 }, new Rng(3));

describe('the cortical sheet', () => {
  it('has 80 % excitatory cells, E indices first, and one cell per grid point', () => {
    expect(net.n).toBe(1024);
    expect(net.nE).toBe(Math.round(0.8 * 1024));
    expect(net.nI).toBe(net.n - net.nE);
    const seen = new Set(net.gridOfCell);
    expect(seen.size).toBe(net.n);
    for (let g = 0; g < net.n; g++) expect(net.gridOfCell[net.cellAtGrid[g]]).toBe(g);
  });

  it('places cells within the jitter of their grid point on the 2 mm patch', () => {
    for (let i = 0; i < net.n; i++) {
      const g = net.gridOfCell[i];
      const gx = g % net.side;
      const gy = Math.floor(g / net.side);
      expect(Math.abs(net.xMm[i] - (gx + 0.5) * net.spacingMm)).toBeLessThanOrEqual(0.2 * net.spacingMm + 1e-12);
      expect(Math.abs(net.yMm[i] - (gy + 0.5) * net.spacingMm)).toBeLessThanOrEqual(0.2 * net.spacingMm + 1e-12);
    }
  });

  it('gives every cell exactly 80 excitatory and 20 inhibitory inputs, none from itself', () => {
    const fromE = new Int32Array(net.n);
    const fromI = new Int32Array(net.n);
    for (let pre = 0; pre < net.n; pre++) {
      for (let s = net.outStart[pre]; s < net.outStart[pre + 1]; s++) {
        const post = net.outTarget[s];
        expect(post).not.toBe(pre);
        if (pre < net.nE) fromE[post]++;
        else fromI[post]++;
      }
    }
    expect(Array.from(new Set(fromE))).toEqual([IN_DEGREE_E]);
    expect(Array.from(new Set(fromI))).toEqual([IN_DEGREE_I]);
    expect(net.synapseCount).toBe(net.n * (IN_DEGREE_E + IN_DEGREE_I));
  });

  it('draws partners with a Gaussian fall-off, E axons reaching wider than I axons', () => {
    let sumE = 0;
    let nE = 0;
    let sumI = 0;
    let nI = 0;
    for (let pre = 0; pre < net.n; pre++) {
      for (let s = net.outStart[pre]; s < net.outStart[pre + 1]; s++) {
        const post = net.outTarget[s];
        const d = torusDistanceMm(net.xMm[pre], net.yMm[pre], net.xMm[post], net.yMm[post]);
        if (pre < net.nE) {
          sumE += d * d;
          nE++;
        } else {
          sumI += d * d;
          nI++;
        }
      }
    }
    // For a 2-D Gaussian of width σ, the mean squared distance is 2σ² (σ_E 0.3, σ_I 0.15 mm).
    const rmsE = Math.sqrt(sumE / nE / 2);
    const rmsI = Math.sqrt(sumI / nI / 2);
    expect(rmsE).toBeGreaterThan(0.25);
    expect(rmsE).toBeLessThan(0.35);
    expect(rmsI).toBeGreaterThan(0.1);
    expect(rmsI).toBeLessThan(0.2);
  });

  it('sets each delay to 0.5 ms + distance / 0.3 mm·ms⁻¹, rounded to steps', () => {
    for (let pre = 0; pre < net.n; pre += 7) {
      for (let s = net.outStart[pre]; s < net.outStart[pre + 1]; s++) {
        const post = net.outTarget[s];
        const d = torusDistanceMm(net.xMm[pre], net.yMm[pre], net.xMm[post], net.yMm[post]);
        expect(net.outDelaySteps[s]).toBe(Math.max(1, Math.round((DELAY_BASE_MS + d / CONDUCTION_MM_PER_MS) / 0.1)));
      }
    }
  });

  it('is the same network for the same seed and a different one for another seed', () => {
    const again = buildNetwork({ side: 32, dtMs: 0.1 }, new Rng(3));
    const other = buildNetwork({ side: 32, dtMs: 0.1 }, new Rng(4));
    expect(again.outTarget).toEqual(net.outTarget);
    expect(again.xMm).toEqual(net.xMm);
    expect(other.outTarget).not.toEqual(net.outTarget);
  });

  it('tiles the sheet for K⁺ with every cell in exactly one tile', () => {
    let total = 0;
    for (let t = 0; t < net.nTiles; t++) total += net.cellsInTile[t];
    expect(total).toBe(net.n);
    expect(net.nTiles).toBe(256);
  });
});
