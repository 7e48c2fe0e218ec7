/** The lesson runner (src/teaching/run-lesson.ts) on a tiny sheet: outcomes, progress, the run cache. */
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/teaching/lesson.ts';
import {
  lessonVerdict,
  runConditions,
  runLesson,
  runLessonConditions,
  runParams,
  splitLessonRuns,
} from '../../src/teaching/run-lesson.ts';
import { lessonWorkerCount } from '../../src/ui/lessons/lesson-runner.ts';

const TINY = { side: 16, seed: 3 };

const lesson: Lesson = {
  id: 'tiny',
  title: 'A tiny lesson',
  text: ['A sixteen-by-sixteen sheet, too small to teach anything, large enough to run.'],
  sources: ['Nobody 2024: a fixture'],
  question: 'Does it run?',
  choices: [
    { id: 'yes', text: 'Yes', meaning: 'It ran.' },
    { id: 'no', text: 'No', meaning: 'It did not.' },
  ],
  runs: [
    { kind: 'sheet', id: 'a', label: 'A', params: TINY, durationS: 0.5 },
    { kind: 'sheet', id: 'b', label: 'B, the same as A', params: TINY, durationS: 0.5 },
    {
      kind: 'sheet',
      id: 'c',
      label: 'C, with a drug',
      params: TINY,
      treatment: { drugs: ['lamotrigine=200/12'], atHours: 72 },
      durationS: 0.5,
    },
  ],
  liveRunId: 'a',
  check: (outcomes) => ({ choiceId: outcomes.a.durationS > 0 ? 'yes' : 'no', evidence: [] }),
};

describe('runLesson', () => {
  it('runs every condition, reads drug levels, shares identical runs, and reports progress up to 1', () => {
    const fractions: number[] = [];
    const result = runLesson(lesson, (f) => fractions.push(f));
    expect(result.verdict.choiceId).toBe('yes');
    const { a, b, c } = result.outcomes;
    if (a.kind !== 'sheet' || b.kind !== 'sheet' || c.kind !== 'sheet') throw new Error('sheet runs expected');
    expect(a.durationS).toBeCloseTo(0.5, 9);
    expect({ ...b, id: 'a', label: 'A' }).toEqual(a);
    expect(c.drugs.map((d) => d.drug)).toEqual(['lamotrigine']);
    expect(c.drugs[0].brainUnboundUm).toBeGreaterThan(0);
    expect(c.rateHz).not.toEqual(a.rateHz);
    expect(fractions.at(-1)).toBeCloseTo(1, 9);
    // The same run alone gives the same outcome (one seeded generator).
    expect(runConditions(lesson.runs[0])).toEqual(a);
  });

  it('puts the lesson sheet’s side under the run’s own parameters, through the parameter table', () => {
    expect(runParams({ kind: 'sheet', id: 'x', label: 'x', params: { gaba: 0.5 }, durationS: 1 }).side).toBe(48);
    expect(runParams(lesson.runs[0]).side).toBe(16);
    expect(() => runParams({ kind: 'sheet', id: 'x', label: 'x', params: { gaba: 9 }, durationS: 1 })).toThrow(/gaba/);
  });
});

describe('a lesson shared among workers', () => {
  it('splits its conditions into groups of about equal network time, each in the lesson order', () => {
    expect(splitLessonRuns(lesson, 1)).toEqual([['a', 'b', 'c']]);
    expect(splitLessonRuns(lesson, 2)).toEqual([['a', 'c'], ['b']]);
    expect(splitLessonRuns(lesson, 3)).toEqual([['a'], ['b'], ['c']]);
    // Never more groups than conditions.
    expect(splitLessonRuns(lesson, 8)).toHaveLength(3);
    const uneven: Lesson = {
      ...lesson,
      runs: [
        { ...lesson.runs[0], durationS: 60 },
        { ...lesson.runs[1], durationS: 20 },
        { ...lesson.runs[2], durationS: 20 },
        { ...lesson.runs[0], id: 'd', durationS: 20 },
      ],
    };
    expect(splitLessonRuns(uneven, 2)).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('gives, in any groups, the same outcomes and verdict as one run of the whole lesson', () => {
    const whole = runLesson(lesson);
    for (const groups of [2, 3]) {
      let simulatedS = 0;
      const parts = splitLessonRuns(lesson, groups).map((ids) =>
        runLessonConditions(lesson, ids, (s) => {
          simulatedS += s;
        }),
      );
      expect(lessonVerdict(lesson, Object.assign({}, ...parts))).toEqual(whole);
      // Each group reports its own network time: together, the lesson's (no run is shared across groups).
      expect(simulatedS).toBeCloseTo(1.5, 9);
    }
  });

  it('names an unknown condition and a missing outcome', () => {
    expect(() => runLessonConditions(lesson, ['a', 'z'])).toThrow(
      'lesson tiny has no condition "z"; its conditions are a, b, c',
    );
    expect(() => lessonVerdict(lesson, runLessonConditions(lesson, ['a']))).toThrow('lesson tiny: no outcome for b, c');
  });

  it('takes one worker per core, from 1 to 4', () => {
    expect([1, 2, 3, 4, 16].map((cores) => lessonWorkerCount(cores))).toEqual([1, 2, 3, 4, 4]);
    expect(lessonWorkerCount(0)).toBe(1);
  });
});
