/**
 * The virtual trial in the browser: a small cohort runs in the page's worker pool, its progress
 * bar reaches the end, and its figures and seeds equal the command line's for the same seed and
 * patients; Cancel stops it; bad input is named.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { collectPageProblems, openPage, snapshot } from './helpers.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = 3;
const PATIENTS = 2;
const DRUG = 'valproate';
/** The shortest window the trial takes, to keep the test short. */
const OBSERVE_S = 100;

interface Figures {
  seed: number;
  patients: number;
  drugs: string[];
  cumulativeSeizureFree: number[];
  refractoryFraction: number;
  patientSeeds: number[];
}

async function chooseSequence(page: Page, drugs: readonly string[]): Promise<void> {
  for (let k = 0; k < 4; k++) await page.getByLabel(`Drug ${k + 1}`, { exact: true }).selectOption(drugs[k] ?? '');
}

test('a small cohort runs to the end and gives the command line’s figures for the same seed', async ({ page }) => {
  test.setTimeout(900_000);
  // The command line first, on one thread, so that the two do not compete for the cores.
  const cli = JSON.parse(
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'cohort',
        '--patients',
        String(PATIENTS),
        '--seed',
        String(SEED),
        '--drugs',
        DRUG,
        '--workers',
        '1',
        '--observe-s',
        String(OBSERVE_S),
        '--json',
      ],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 600_000 },
    ),
  ) as Figures & { patientOutcomes: { seed: number }[] };

  const problems = collectPageProblems(page);
  await openPage(page);
  const panel = page.locator('#trial-panel');
  await expect(panel.getByRole('heading', { name: 'Virtual trial' })).toBeVisible();
  await panel.getByLabel('Patients (1–2000)').fill(String(PATIENTS));
  await panel.getByLabel('Seed').fill(String(SEED));
  await panel.getByLabel('Watched per drug, s (100–600)').fill(String(OBSERVE_S));
  await chooseSequence(page, [DRUG]);
  await panel.getByRole('button', { name: 'Run the trial' }).click();

  await expect(page.locator('#trial-status')).toContainText('the live simulation is paused');
  expect((await snapshot(page)).playing).toBe(false);
  await expect(panel.getByRole('button', { name: 'Cancel' })).toBeEnabled();

  await expect(page.locator('#trial-progress-text')).toHaveText(`${PATIENTS} of ${PATIENTS} patients: done`, {
    timeout: 600_000,
  });
  const progress = page.locator('#trial-progress');
  expect(await progress.evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([PATIENTS, PATIENTS]);
  const results = page.locator('#trial-results');
  await expect(results).toBeVisible();
  const figures = JSON.parse((await results.getAttribute('data-summary')) ?? 'null') as Figures;
  expect(figures.seed).toBe(SEED);
  expect(figures.drugs).toEqual([DRUG]);
  expect(figures.cumulativeSeizureFree).toEqual(cli.cumulativeSeizureFree);
  expect(figures.refractoryFraction).toBe(cli.refractoryFraction);
  expect(figures.patientSeeds).toEqual(cli.patientOutcomes.map((o) => o.seed));
  // The seeds are on the page too, and the figures sit next to the clinical ones.
  await expect(results).toContainText(`Seed ${SEED}: ${PATIENTS} patients drawn`);
  await expect(results).toContainText(`seed ${cli.patientOutcomes[0].seed}:`);
  await expect(results).toContainText(`each drug watched ${OBSERVE_S} s after 40 s of settling`);
  await expect(results.getByRole('table').first()).toContainText('95 % interval');
  await expect(results.getByRole('table').first()).toContainText('47.0 %');
  // The panel with its results and the patient list open has no serious or critical axe violation.
  await results.locator('details summary').click();
  const axe = await new AxeBuilder({ page })
    .include('#trial-panel')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  // The live simulation plays again.
  await expect.poll(async () => (await snapshot(page)).playing).toBe(true);
  expect(problems).toEqual([]);
});

test('Cancel stops a running trial, keeps nothing and lets the simulation play again', async ({ page }) => {
  await openPage(page);
  const panel = page.locator('#trial-panel');
  await panel.getByLabel('Patients (1–2000)').fill('40');
  await panel.getByRole('button', { name: 'Run the trial' }).click();
  const cancel = panel.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeEnabled();
  await cancel.click();
  await expect(page.locator('#trial-status')).toHaveText(
    'Trial cancelled; its workers were stopped. Nothing was kept.',
  );
  await expect(page.locator('#trial-progress-text')).toContainText('stopped at');
  await expect(panel.getByRole('button', { name: 'Run the trial' })).toBeEnabled();
  await expect(cancel).toBeDisabled();
  await expect(page.locator('#trial-results')).toBeHidden();
  await expect.poll(async () => (await snapshot(page)).playing).toBe(true);
});

test('bad input is named, and nothing runs', async ({ page }) => {
  await openPage(page);
  const panel = page.locator('#trial-panel');
  const problem = page.locator('#trial-problem');
  await panel.getByLabel('Patients (1–2000)').fill('0');
  await panel.getByRole('button', { name: 'Run the trial' }).click();
  await expect(problem).toHaveText('Patients must be a whole number from 1 to 2000, not “0”.');
  await panel.getByLabel('Patients (1–2000)').fill('5');
  await panel.getByLabel('Watched per drug, s (100–600)').fill('5');
  await panel.getByRole('button', { name: 'Run the trial' }).click();
  await expect(problem).toHaveText('The time watched per drug must be a whole number from 100 to 600, not “5”.');
  await panel.getByLabel('Watched per drug, s (100–600)').fill('120');
  await chooseSequence(page, ['carbamazepine', '', 'valproate']);
  await panel.getByRole('button', { name: 'Run the trial' }).click();
  await expect(problem).toHaveText('Drug 2 is empty but a later drug is chosen: fill the sequence in order.');
  await chooseSequence(page, ['carbamazepine', 'carbamazepine']);
  await panel.getByRole('button', { name: 'Run the trial' }).click();
  await expect(problem).toContainText('carbamazepine is listed twice in the sequence');
  await expect(page.locator('#trial-progress-text')).toHaveText('not started');
  expect((await snapshot(page)).playing).toBe(true);
});
