/** The learner's lesson progress as stored text (src/teaching/progress.ts). */
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/teaching/index.ts';
import { lessonProgress, parseProgress, serializeProgress, withLessonProgress } from '../../src/teaching/progress.ts';

const RESULT = { choiceId: 'seizures', evidence: ['Healthy balance: no seizure-like event in 20 s.'] };

describe('lesson progress', () => {
  it('round-trips a prediction, a result and completion', () => {
    let p = withLessonProgress({}, 'balance', { prediction: 'little' });
    p = withLessonProgress(p, 'balance', { result: RESULT, completed: true });
    const back = parseProgress(serializeProgress(p), LESSONS);
    expect(back.problem).toBeNull();
    expect(lessonProgress(back.progress, 'balance')).toEqual({ prediction: 'little', result: RESULT, completed: true });
    expect(lessonProgress(back.progress, 'dravet')).toEqual({ prediction: null, result: null, completed: false });
  });

  it('starts afresh, with a notice, from corrupt text or another version; quietly from nothing', () => {
    expect(parseProgress(null, LESSONS)).toEqual({ progress: {}, problem: null });
    for (const text of ['{not json', '[]', '"x"', 'null', '{"version":2,"lessons":{}}', '{"version":1}']) {
      const parsed = parseProgress(text, LESSONS);
      expect(parsed.progress, text).toEqual({});
      expect(parsed.problem, text).toMatch(/starts afresh/);
    }
  });

  it('keeps what it can and drops what it cannot trust', () => {
    const text = JSON.stringify({
      version: 1,
      lessons: {
        balance: { prediction: 'made-up', result: RESULT, completed: true },
        dravet: { prediction: 'worse', result: { choiceId: 'worse', evidence: [42] }, completed: true },
        ketogenic: 'nonsense',
        'no-such-lesson': { prediction: 'x' },
        transporter: { prediction: 'return', result: null, completed: false },
      },
    });
    const { progress, problem } = parseProgress(text, LESSONS);
    expect(problem).toMatch(/left out/);
    // A prediction that is not one of the choices is dropped, and completion needs one.
    expect(progress.balance).toEqual({ prediction: null, result: RESULT, completed: false });
    expect(progress.dravet).toEqual({ prediction: 'worse', result: null, completed: false });
    expect(progress.ketogenic).toBeUndefined();
    expect(progress['no-such-lesson']).toBeUndefined();
    expect(progress.transporter).toEqual({ prediction: 'return', result: null, completed: false });
  });
});
