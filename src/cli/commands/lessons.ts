/**
 * `lessons`: run every lesson's conditions headlessly, as the lessons panel does, and say for each
 * whether the outcome its check reads from the runs is the one the lesson teaches.
 *
 *   npm run sim -- lessons [--seed S] [--lesson ID ...] [--json]
 *
 * `--seed` replaces the seed of every run of every lesson (default: the lessons' own, 1): an
 * outcome a lesson teaches must hold on any seed (issue 14 asks seeds 1–5). `--lesson` runs only
 * the named lessons, in the teaching order. The taught outcomes live in src/teaching/taught.ts,
 * which no lesson's check reads. Exit status 0 whether or not every lesson holds: `holds` is a
 * finding, read from the table or from `allHold` in the JSON.
 */
import { parseParamText } from '../../model/params.ts';
import { LESSONS, lessonWorkS, runLesson } from '../../teaching/index.ts';
import { TAUGHT } from '../../teaching/taught.ts';
import type { CommandSpec, ParsedFlags } from '../args.ts';
import { UsageError } from '../errors.ts';
import { duration, table, writeJson } from '../format.ts';
import type { CliContext } from '../io.ts';
import { ProgressBar } from '../progress.ts';

export const LESSONS_SPEC: CommandSpec = {
  name: 'lessons',
  summary: 'run every lesson headlessly: the outcome measured, the outcome taught, and whether it holds',
  flags: [
    {
      name: 'seed',
      kind: 'one',
      valueName: 'S',
      help: 'seed of every run of every lesson (default: 1, the lessons’ own)',
    },
    {
      name: 'lesson',
      kind: 'many',
      valueName: 'ID',
      help: 'run only this lesson; repeatable (default: all, in teaching order)',
    },
    { name: 'json', kind: 'switch', help: 'print one JSON object instead of a table' },
  ],
};

export interface LessonRow {
  id: string;
  title: string;
  /** The choice the lesson's check read from the runs. */
  measured: string;
  /** The choice the lesson teaches. */
  taught: string;
  holds: boolean;
  /** The check's sentences, each computed from the runs. */
  evidence: string[];
  /** Network seconds the lesson simulated, and the wall time it took. */
  simulatedS: number;
  wallS: number;
}

export interface LessonsReport {
  seed: number | null;
  lessons: LessonRow[];
  allHold: boolean;
}

function selectedLessons(ids: readonly string[]) {
  const known = LESSONS.map((l) => l.id);
  for (const id of ids) {
    if (!known.includes(id)) {
      throw new UsageError(`--lesson ${JSON.stringify(id)} is not a lesson; lessons: ${known.join(', ')}`);
    }
  }
  return ids.length === 0 ? LESSONS : LESSONS.filter((l) => ids.includes(l.id));
}

export function runLessons(flags: ParsedFlags, ctx: CliContext): LessonsReport {
  const seedText = flags.get('seed');
  const seed = seedText === undefined ? undefined : parseParamText('seed', seedText);
  const lessons = selectedLessons(flags.all('lesson'));
  const totalS = lessons.reduce((sum, l) => sum + lessonWorkS(l), 0);
  const progress = new ProgressBar(ctx.stderr, 'lessons', totalS);
  let doneBeforeS = 0;
  const rows: LessonRow[] = [];
  for (const lesson of lessons) {
    const workS = lessonWorkS(lesson);
    const startedMs = performance.now();
    const result = runLesson(lesson, (fraction) => progress.update(doneBeforeS + fraction * workS), seed);
    doneBeforeS += workS;
    const taught = TAUGHT[lesson.id];
    if (taught === undefined) throw new Error(`lesson ${lesson.id} has no taught outcome in src/teaching/taught.ts`);
    rows.push({
      id: lesson.id,
      title: lesson.title,
      measured: result.verdict.choiceId,
      taught,
      holds: result.verdict.choiceId === taught,
      evidence: [...result.verdict.evidence],
      simulatedS: workS,
      wallS: (performance.now() - startedMs) / 1000,
    });
  }
  progress.finish();
  return { seed: seed ?? null, lessons: rows, allHold: rows.every((r) => r.holds) };
}

export function formatLessons(r: LessonsReport): string {
  const head = `lessons: seed ${r.seed ?? '1 (the lessons’ own)'}, ${r.lessons.length} lesson${r.lessons.length === 1 ? '' : 's'}`;
  const rows = r.lessons.map((l) => [
    l.id,
    l.measured,
    l.taught,
    l.holds ? 'yes' : 'NO',
    `${l.simulatedS} s in ${duration(l.wallS)}`,
  ]);
  const lines = [head, '', table([['lesson', 'measured', 'taught', 'holds', 'network time'], ...rows])];
  for (const l of r.lessons.filter((x) => !x.holds)) {
    lines.push('', `${l.id} does not hold: its check read "${l.measured}", the lesson teaches "${l.taught}".`);
    for (const sentence of l.evidence) lines.push(`  ${sentence}`);
  }
  const failing = r.lessons.filter((l) => !l.holds).length;
  lines.push('', failing === 0 ? 'Every lesson holds.' : `${failing} of ${r.lessons.length} lessons do not hold.`);
  return `${lines.join('\n')}\n`;
}

export function lessonsCommand(flags: ParsedFlags, ctx: CliContext): void {
  const report = runLessons(flags, ctx);
  if (flags.has('json')) writeJson(ctx.stdout, report);
  else ctx.stdout.write(formatLessons(report));
}
