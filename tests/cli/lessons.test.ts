/**
 * `lessons`: every lesson's conditions run headlessly, the outcome its check reads beside the one
 * it teaches. One short lesson on a seed other than the lessons' own keeps this test quick; the
 * lesson tests (tests/teaching) run every lesson.
 */
import { describe, expect, it } from 'vitest';
import type { LessonsReport } from '../../src/cli/commands/lessons.ts';
import { TAUGHT } from '../../src/teaching/taught.ts';
import { expectOneLineError, runCli } from './helpers.ts';

describe('lessons', () => {
  it('runs a lesson on the seed given and says whether the outcome it teaches holds', () => {
    const r = runCli(['lessons', '--lesson', 'balance', '--seed', '2', '--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as LessonsReport;
    expect(report.seed).toBe(2);
    expect(report.lessons.map((l) => l.id)).toEqual(['balance']);
    const [balance] = report.lessons;
    expect(balance.taught).toBe(TAUGHT.balance);
    expect(balance.holds).toBe(balance.measured === balance.taught);
    expect(balance.holds).toBe(true);
    expect(report.allHold).toBe(true);
    expect(balance.simulatedS).toBe(40);
    // The evidence names the seed's runs, not a fixed text.
    expect(balance.evidence.length).toBeGreaterThan(0);
    for (const line of balance.evidence) expect(line).toMatch(/\d/);
  });

  it('prints a table for people, one row per lesson', () => {
    const r = runCli(['lessons', '--lesson', 'balance', '--seed', '2']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^lessons: seed 2, 1 lesson\n/);
    expect(r.stdout).toMatch(/\nbalance +seizures +seizures +yes +40 s in /);
    expect(r.stdout).toMatch(/Every lesson holds\.\n$/);
  });

  it('refuses a lesson it does not have and a seed that is not one, naming what is allowed', () => {
    expectOneLineError(runCli(['lessons', '--lesson', 'nope']), /--lesson "nope" is not a lesson; lessons: balance, /);
    expectOneLineError(runCli(['lessons', '--seed', '1.5']), /seed takes a whole number in 0…4294967295/);
  });
});
