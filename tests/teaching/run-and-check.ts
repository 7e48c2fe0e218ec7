/**
 * Shared by the lesson tests: one test per lesson that runs its conditions with the real
 * simulation and asserts that the check reports the outcome the lesson teaches
 * (src/teaching/taught.ts, which no lesson reads).
 */
import { expect, it } from 'vitest';
import { type Lesson, lessonById, runLesson } from '../../src/teaching/index.ts';
import { TAUGHT } from '../../src/teaching/taught.ts';

export function lesson(id: string): Lesson {
  const found = lessonById(id);
  if (!found) throw new Error(`no lesson ${id}`);
  return found;
}

/** One test: run the lesson, check the verdict, and log the wall time and the evidence. */
export function itTeaches(id: string): void {
  it(`${id}: the check reads "${TAUGHT[id]}" from the real simulation`, () => {
    const started = performance.now();
    const fractions: number[] = [];
    const result = runLesson(lesson(id), (f) => fractions.push(f));
    const wallS = (performance.now() - started) / 1000;
    console.log(`lesson ${id}: ${wallS.toFixed(1)} s wall\n  ${result.verdict.evidence.join('\n  ')}`);
    expect(result.verdict.choiceId, result.verdict.evidence.join('\n')).toBe(TAUGHT[id]);
    expect(result.verdict.evidence.length).toBeGreaterThan(0);
    for (const line of result.verdict.evidence) expect(line).not.toMatch(/NaN|undefined/);
    // Progress climbs to 1.
    expect(fractions.at(-1)).toBeCloseTo(1, 9);
    for (let k = 1; k < fractions.length; k++) expect(fractions[k]).toBeGreaterThanOrEqual(fractions[k - 1]);
  });
}
