/** The virtual population: seeds per patient, and draws that match their declared fractions. */
import { describe, expect, it } from 'vitest';
import { validateParamValue } from '../../src/model/params.ts';
import { Rng } from '../../src/model/rng.ts';
import {
  ADHERENCE_ADHERENT,
  ADHERENCE_NON_ADHERENT,
  DRAVET_SCN1A,
  DRAVET_SHARE,
  drawKClearance,
  drawSeverityBand,
  drawTraits,
  INFLAMED_SHARE,
  INFLAMMATION_GAIN,
  LESION_RADIUS_MM,
  LESION_SHARE,
  NON_ADHERENT_SHARE,
  PGP_HIGH_FOLD,
  PGP_HIGH_SHARE_LESIONAL,
  PGP_HIGH_SHARE_OTHER,
  patientSeed,
  SEVERITY_BANDS,
  WEIGHT_KG,
} from '../../src/model/runs/cohort/population.ts';

const DRAWS = 20_000;

/** A share measured from `n` draws is within 4.5 binomial standard deviations of `p`. */
function expectShare(count: number, n: number, p: number): void {
  const sd = Math.sqrt((p * (1 - p)) / n);
  expect(Math.abs(count / n - p)).toBeLessThan(4.5 * sd + 1e-12);
}

describe('patientSeed', () => {
  it('depends on the cohort seed and the index only, and differs between neighbours', () => {
    expect(patientSeed(1, 0)).toBe(patientSeed(1, 0));
    const seeds = new Set<number>();
    for (let cohort = 0; cohort < 20; cohort++) for (let i = 0; i < 500; i++) seeds.add(patientSeed(cohort, i));
    expect(seeds.size).toBe(20 * 500);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s <= 0xffffffff).toBe(true);
  });

  it('pins the seeds of the first patients of cohort 1 (a change here changes every trial)', () => {
    expect([0, 1, 2].map((i) => patientSeed(1, i))).toEqual([2527132011, 314344336, 2535364964]);
    expect(patientSeed(1, 0)).not.toBe(patientSeed(2, 0));
    expect(patientSeed(0, 1)).not.toBe(patientSeed(1, 0));
  });

  it('refuses seeds and indices it cannot hash', () => {
    expect(() => patientSeed(-1, 0)).toThrow(/cohort seed must be a whole number in 0…4294967295, got -1/);
    expect(() => patientSeed(1.5, 0)).toThrow(/cohort seed/);
    expect(() => patientSeed(1, -1)).toThrow(/patient index must be ≥ 0/);
  });
});

describe('drawTraits', () => {
  const rng = new Rng(2024);
  const all = Array.from({ length: DRAWS }, () => drawTraits(rng));

  it('gives lesions, Dravet, inflammation and non-adherence in their declared shares', () => {
    expectShare(all.filter((t) => t.lesion !== null).length, DRAWS, LESION_SHARE);
    expectShare(all.filter((t) => t.dravet).length, DRAWS, DRAVET_SHARE);
    expectShare(all.filter((t) => t.inflammation > 0).length, DRAWS, INFLAMED_SHARE);
    expectShare(all.filter((t) => t.adherence < ADHERENCE_NON_ADHERENT.max).length, DRAWS, NON_ADHERENT_SHARE);
  });

  it('gives high P-gp to half the lesional patients and one in ten of the others', () => {
    const lesional = all.filter((t) => t.lesion !== null);
    const other = all.filter((t) => t.lesion === null);
    expectShare(lesional.filter((t) => t.pgpHigh).length, lesional.length, PGP_HIGH_SHARE_LESIONAL);
    expectShare(other.filter((t) => t.pgpHigh).length, other.length, PGP_HIGH_SHARE_OTHER);
  });

  it('keeps every value in its declared range and in the parameter table', () => {
    for (const t of all.slice(0, 4000)) {
      if (t.lesion) {
        expect(t.lesion.radiusMm).toBeGreaterThanOrEqual(LESION_RADIUS_MM.min);
        expect(t.lesion.radiusMm).toBeLessThanOrEqual(LESION_RADIUS_MM.max);
        validateParamValue('lesion', t.lesion);
      }
      if (t.pgpHigh) {
        expect(t.pgp).toBeGreaterThanOrEqual(PGP_HIGH_FOLD.min);
        expect(t.pgp).toBeLessThanOrEqual(PGP_HIGH_FOLD.max);
      } else expect(t.pgp).toBe(1);
      expect(t.scn1a).toBe(t.dravet ? DRAVET_SCN1A : 1);
      if (t.inflammation > 0) {
        expect(t.inflammation).toBeGreaterThanOrEqual(INFLAMMATION_GAIN.min);
        expect(t.inflammation).toBeLessThanOrEqual(INFLAMMATION_GAIN.max);
      }
      expect(t.adherence).toBeGreaterThanOrEqual(ADHERENCE_NON_ADHERENT.min);
      expect(t.adherence).toBeLessThanOrEqual(ADHERENCE_ADHERENT.max);
      expect(t.weightKg).toBeGreaterThanOrEqual(WEIGHT_KG.min);
      expect(t.weightKg).toBeLessThanOrEqual(WEIGHT_KG.max);
      for (const key of ['pgp', 'scn1a', 'inflammation', 'adherence', 'weightKg'] as const) {
        validateParamValue(key, t[key]);
      }
    }
  });

  it('draws body weight around its declared mean and spread', () => {
    const mean = all.reduce((s, t) => s + t.weightKg, 0) / DRAWS;
    const sd = Math.sqrt(all.reduce((s, t) => s + (t.weightKg - mean) ** 2, 0) / DRAWS);
    // Truncation at 45 and 120 kg (2 and 3 SD) pulls the mean a little and the SD down by ~10 %.
    expect(Math.abs(mean - WEIGHT_KG.mean)).toBeLessThan(1);
    expect(sd).toBeGreaterThan(0.85 * WEIGHT_KG.sd);
    expect(sd).toBeLessThan(WEIGHT_KG.sd);
  });
});

describe('drawSeverityBand and drawKClearance', () => {
  it('picks the severity bands in their declared shares, and places within the band', () => {
    expect(SEVERITY_BANDS.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 12);
    const rng = new Rng(7);
    const bands = Array.from({ length: DRAWS }, () => drawSeverityBand(rng));
    for (const band of SEVERITY_BANDS) expectShare(bands.filter((b) => b === band).length, DRAWS, band.share);
    for (const band of SEVERITY_BANDS) {
      const levels = Array.from({ length: 2000 }, () => drawKClearance(rng, band));
      for (const g of levels) {
        expect(g).toBeGreaterThanOrEqual(band.min);
        expect(g).toBeLessThanOrEqual(band.max);
      }
      const mean = levels.reduce((a, b) => a + b, 0) / levels.length;
      // Uniform: the mean is the middle, within 4.5 SD of the mean of 2000 draws.
      const sd = (band.max - band.min) / Math.sqrt(12 * levels.length);
      expect(Math.abs(mean - (band.min + band.max) / 2)).toBeLessThan(4.5 * sd + 0.0005);
    }
  });
});
