import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { collectPageProblems, openPage, waitForSnapshot } from './helpers.ts';

/*
 * The lessons panel: pick a lesson, Run stays disabled until a prediction is chosen, the run
 * (in the lesson worker) ends in a reveal with the measured outcome while the live sheet shows the
 * lesson's condition, progress survives a reload, and a corrupt stored value does not break the
 * page.
 */
const KEY = 'refractory.lessons.v1';
const BALANCE = 'Excitation and inhibition in balance';

test('predict, run, reveal; progress survives a reload', async ({ page }, testInfo) => {
  // Two 20-s runs of a 48 × 48 sheet: 15–40 s of wall time on a 2-core machine, more when busy.
  test.setTimeout(600_000);
  const problems = collectPageProblems(page);
  await openPage(page);
  const panel = page.locator('#lessons-panel');
  await expect(panel.getByRole('heading', { name: 'Lessons: why drugs fail' })).toBeVisible();
  await expect(panel.getByRole('navigation', { name: 'Lessons' }).getByRole('listitem')).toHaveCount(9);

  await panel.getByRole('button', { name: new RegExp(BALANCE) }).click();
  const run = panel.getByRole('button', { name: 'Run the simulation' });
  await expect(run).toBeDisabled();
  await expect(panel.locator('.lesson-hint')).toContainText('Choose a prediction first');
  await panel.getByRole('radio', { name: /Synchronised, seizure-like bursts/ }).check();
  await expect(run).toBeEnabled();
  await run.click();

  await expect(panel.getByRole('progressbar', { name: 'Simulation progress' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Stop' })).toBeVisible();
  // The live sheet shows the lesson's main condition (GABA_A at 60 % strength) through the store.
  await waitForSnapshot(
    page,
    (s) => s.engineGaba === 0.6 && s.side === 48,
    'the live sheet takes the lesson’s condition',
  );
  await page.locator('#lessons-panel').screenshot({ path: testInfo.outputPath('lessons-running.png') });

  const reveal = panel.locator('.lesson-reveal');
  await expect(reveal.getByRole('heading', { name: 'What the simulation did' })).toBeVisible({ timeout: 540_000 });
  await expect(reveal).toContainText('Outcome: Synchronised, seizure-like bursts take over.');
  await expect(reveal).toContainText('Your prediction matched.');
  await expect(reveal).toContainText(/GABA_A at 60 % strength: seizure-like events \d+ % of the time/);
  await expect(reveal).toContainText(/Healthy balance: no seizure-like event in 20 s/);
  await expect(panel.getByRole('button', { name: new RegExp(`${BALANCE}.*\\(done\\)`) })).toBeVisible();
  await page.locator('#lessons-panel').screenshot({ path: testInfo.outputPath('lessons-reveal.png') });

  const stored = await page.evaluate((key) => localStorage.getItem(key), KEY);
  expect(JSON.parse(stored ?? 'null')).toMatchObject({ version: 1, lessons: { balance: { completed: true } } });

  await page.reload();
  await expect(panel.getByRole('button', { name: new RegExp(`${BALANCE}.*\\(done\\)`) })).toBeVisible();
  await panel.getByRole('button', { name: new RegExp(BALANCE) }).click();
  await expect(panel.getByRole('radio', { name: /Synchronised, seizure-like bursts/ })).toBeChecked();
  await expect(panel.locator('.lesson-reveal')).toContainText('Your prediction matched.');

  // Reset progress forgets it, here and in storage.
  await panel.getByRole('button', { name: 'Reset progress' }).click();
  await expect(panel.getByRole('button', { name: new RegExp(`${BALANCE}.*\\(not started\\)`) })).toBeVisible();
  await expect(panel.locator('.lesson-reveal')).toBeEmpty();
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();
  expect(problems).toEqual([]);
});

test('a corrupt stored value is set aside with a notice, and the lessons still work', async ({ page }) => {
  const problems = collectPageProblems(page);
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, '{"version":1,"lessons":{"balance":{"prediction":');
      sessionStorage.setItem('seeded', '1');
    }
  }, KEY);
  await openPage(page);
  const panel = page.locator('#lessons-panel');
  await expect(panel.locator('.lessons-notice')).toContainText('could not be read');
  await panel.getByRole('button', { name: /Dravet syndrome/ }).click();
  const run = panel.getByRole('button', { name: 'Run the simulation' });
  await expect(run).toBeDisabled();
  await panel.getByRole('radio', { name: 'Worse: more seizure-like activity.' }).check();
  await expect(run).toBeEnabled();
  const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY)) ?? 'null');
  expect(stored).toEqual({ version: 1, lessons: { dravet: { prediction: 'worse', result: null, completed: false } } });
  await page.reload();
  await expect(panel.getByRole('button', { name: /Dravet syndrome.*\(predicted\)/ })).toBeVisible();
  expect(problems).toEqual([]);
});

test('a saved reveal shows after loading, and the panel has no serious axe violations', async ({ page }) => {
  const problems = collectPageProblems(page);
  const saved = {
    version: 1,
    lessons: {
      transporter: {
        prediction: 'same',
        result: { choiceId: 'return', evidence: ['Phenytoin, P-gp doubled: seizure-like events 60 % of the time.'] },
        completed: true,
      },
    },
  };
  await page.addInitScript(
    ({ key, text }) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, text);
        sessionStorage.setItem('seeded', '1');
      }
    },
    { key: KEY, text: JSON.stringify(saved) },
  );
  await openPage(page);
  const panel = page.locator('#lessons-panel');
  await panel.getByRole('button', { name: /The barrier that pumps drugs back out.*\(done\)/ }).click();
  const reveal = panel.locator('.lesson-reveal');
  await expect(reveal).toContainText('Outcome: They come back, although the blood level has not changed.');
  await expect(reveal).toContainText('Your prediction was different');
  await expect(panel.getByRole('radio', { name: /Nothing: the blood level/ })).toBeDisabled();
  await panel.getByText('Sources').click();
  const results = await new AxeBuilder({ page })
    .include('#lessons-panel')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // "Predict again" clears the reveal and lets the learner choose once more.
  await panel.getByRole('button', { name: 'Predict again' }).click();
  await expect(reveal).toBeEmpty();
  await expect(panel.getByRole('button', { name: 'Run the simulation' })).toBeDisabled();
  expect(problems).toEqual([]);
});
