/**
 * The guided lessons (src/teaching): each has the parts a lesson needs, and each lesson's check,
 * run against the real simulation, reports the outcome the lesson teaches. The therapies' lessons
 * are in lessons-therapies.test.ts, so that Vitest's two workers share the runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatRegimen } from '../../src/model/pharmacology/regimen.ts';
import { validateScenario } from '../../src/model/scenario.ts';
import { LESSONS, lessonById, runParams } from '../../src/teaching/index.ts';
import type { SheetOutcome } from '../../src/teaching/lesson.ts';
import { TAUGHT } from '../../src/teaching/taught.ts';
import { itTeaches, lesson } from './run-and-check.ts';

describe('every lesson', () => {
  it('there are at least eight, with unique ids, each taught outcome one of its choices', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    expect(Object.keys(TAUGHT).sort()).toEqual(LESSONS.map((l) => l.id).sort());
    for (const l of LESSONS) expect(l.choices.map((c) => c.id)).toContain(TAUGHT[l.id]);
    expect(lessonById('balance')).toBe(LESSONS[0]);
    expect(lessonById('nope')).toBeUndefined();
  });

  it('no lesson reads the outcome it teaches (src/teaching/taught.ts)', () => {
    const dir = new URL('../../src/teaching/lessons/', import.meta.url);
    for (const file of readdirSync(dir)) {
      expect(readFileSync(new URL(file, dir), 'utf8'), file).not.toMatch(/taught/);
    }
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s has text, sources, a question with 2–4 choices, valid runs',
    (_, l) => {
      expect(l.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(l.title.length).toBeGreaterThan(5);
      expect(l.text.length).toBeGreaterThan(0);
      for (const p of l.text) expect(p.length).toBeGreaterThan(40);
      expect(l.sources.length).toBeGreaterThan(0);
      // "Author Year: what they found", as the code cites.
      for (const s of l.sources) expect(s).toMatch(/^\S[^:]* (19|20)\d\d: \S/);
      expect(l.question).toMatch(/\?$/);
      expect(l.choices.length).toBeGreaterThanOrEqual(2);
      expect(l.choices.length).toBeLessThanOrEqual(4);
      expect(new Set(l.choices.map((c) => c.id)).size).toBe(l.choices.length);
      for (const c of l.choices) {
        expect(c.text.length).toBeGreaterThan(3);
        expect(c.meaning.length).toBeGreaterThan(10);
      }
      expect(l.runs.map((r) => r.id)).toContain(l.liveRunId);
      expect(new Set(l.runs.map((r) => r.id)).size).toBe(l.runs.length);
      // Every run's parameters pass the parameter table.
      for (const r of l.runs) expect(() => runParams(r)).not.toThrow();
    },
  );

  it('reuses the shipped scenarios where they fit (their parameters and drugs)', () => {
    const scenario = (name: string) =>
      validateScenario(JSON.parse(readFileSync(`public/scenarios/${name}.json`, 'utf8')), name);
    const run = (lessonId: string, runId: string) => {
      const r = lesson(lessonId).runs.find((x) => x.id === runId);
      if (!r) throw new Error(`${lessonId} has no run ${runId}`);
      return r;
    };
    const pairs: [string, string, string][] = [
      ['ei-imbalance', 'balance', 'weak'],
      ['nap-gain', 'persistent-sodium', 'more'],
      ['transporter', 'transporter', 'double'],
      ['dravet-lamotrigine', 'dravet', 'lamotrigine'],
      ['neonatal', 'newborn', 'diazepam'],
      ['focal-dysplasia', 'lesion-surgery', 'drug'],
      ['rns', 'neurostimulation', 'on'],
      ['ketogenic', 'ketogenic', 'on'],
    ];
    for (const [name, lessonId, runId] of pairs) {
      const s = scenario(name);
      const r = run(lessonId, runId);
      expect(r.params, `${lessonId}/${runId} against ${name}.json`).toEqual(s.params);
      expect(r.treatment?.drugs ?? []).toEqual(s.drugs.map(formatRegimen));
      if (s.atHours !== null) expect(r.treatment?.atHours).toBe(s.atHours);
    }
  });

  it('a check that names a choice the lesson does not have is refused', async () => {
    const { runLesson } = await import('../../src/teaching/run-lesson.ts');
    const broken = { ...lesson('balance'), runs: [], check: () => ({ choiceId: 'maybe', evidence: [] }) };
    expect(() => runLesson(broken)).toThrow(/"maybe", which is not one of its choices/);
  });
});

describe('the persistent-sodium check reads the synchrony of the event', () => {
  const sheet = (id: string, chiDuring: number | null, burden: number): SheetOutcome => ({
    kind: 'sheet',
    id,
    label: id,
    durationS: 30,
    seizureBurden: burden,
    seizures:
      burden > 0
        ? [
            {
              onsetS: 4,
              offsetS: 25,
              onsetXMm: 1,
              onsetYMm: 1,
              onsetInLesion: null,
              spreadMmPerS: null,
              recruitedShare: 1,
              rateDuringHz: 55,
              chiDuring,
              endedByItself: true,
            },
          ]
        : [],
    rateHz: { exc: burden > 0 ? 40 : 8, inh: 20 },
    chi: { mean: 0.2, max: 0.9 },
    interictalSpikes: 0,
    drugs: [],
    pgpEffective: 1,
    rnsBursts: 0,
  });
  const verdict = (chiDuring: number | null, burden = 0.7) =>
    lesson('persistent-sodium').check({ normal: sheet('normal', null, 0), more: sheet('more', chiDuring, burden) });

  it('a synchronous event is a seizure; a fast asynchronous one is not; no event is "little"', () => {
    expect(verdict(0.52).choiceId).toBe('seizures');
    expect(verdict(0.2).choiceId).toBe('apart');
    expect(verdict(null).choiceId).toBe('apart');
    expect(verdict(0.52, 0).choiceId).toBe('little');
    expect(verdict(0.52).evidence.at(-1)).toMatch(
      /^Its first event, 4\.0–25\.0 s: pyramidal cells 55\.0 Hz and synchrony χ 0\.52 over it; it ended by itself\.$/,
    );
  });
});

describe('each lesson’s check against the real simulation: mechanisms', () => {
  itTeaches('balance');
  itTeaches('persistent-sodium');
  itTeaches('transporter');
  itTeaches('vicious-circle');
  itTeaches('dravet');
});
