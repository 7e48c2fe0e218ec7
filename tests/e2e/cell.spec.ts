import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import {
  collectPageProblems,
  dismissSafetyNotice,
  openPage,
  SIM_WAIT_MS,
  snapshot,
  waitForSnapshot,
} from './helpers.ts';

/*
 * Click a cell, see the cell: choosing a neuron by mouse, touch or keyboard shows its membrane
 * potential and its ions, updating while the simulation runs; beside it the F–I curves respond to
 * the settings; the ion maps have legends in units. No console error, no serious axe violation.
 */

const SIDE = 64;
const CENTRE = (SIDE / 2) * SIDE + SIDE / 2;

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The watched cell's frames arrive and its numbers are written again and again while time runs. */
async function expectUpdatingCell(page: Page, grid: number): Promise<void> {
  const first = await waitForSnapshot(
    page,
    (s) => s.probeGrid === grid && s.cellReadoutsShown > 0,
    `frames carry cell ${grid} and its numbers show`,
    SIM_WAIT_MS,
  );
  for (const [id, unit] of [
    ['#cell-vm', 'mV'],
    ['#cell-nai', 'mM'],
    ['#cell-ko', 'mM'],
    ['#cell-egaba', 'mV'],
    ['#cell-rate', 'Hz'],
  ]) {
    await expect(page.locator(id)).toContainText(unit);
  }
  const texts = async () =>
    (await Promise.all(['#cell-vm', '#cell-rate', '#cell-nai'].map((id) => page.locator(id).textContent()))).join(' ');
  const before = await texts();
  const later = await waitForSnapshot(
    page,
    (s) =>
      s.cellReadoutsShown >= first.cellReadoutsShown + 4 &&
      s.cellTracesDrawn > first.cellTracesDrawn + 4 &&
      (s.timeMs ?? 0) > (first.timeMs ?? 0) + 1000,
    'the numbers and traces update over a second of simulated time',
    SIM_WAIT_MS,
  );
  expect(later.probeGrid).toBe(grid);
  await expect.poll(texts, { timeout: SIM_WAIT_MS }).not.toBe(before);
}

test('a click on the sheet watches that cell: V, [Na⁺]i, K⁺o and E_GABA update while it runs', async ({ page }) => {
  const problems = collectPageProblems(page);
  await openPage(page, '?gaba=0.3');
  await dismissSafetyNotice(page);
  await expect(page.locator('#cell-empty')).toBeVisible();
  const box = await page.locator('#sheet canvas').boundingBox();
  if (!box) throw new Error('the sheet has no box');
  // The centre of grid column 20, row 30 (the sheet has a 6-px margin).
  const spacing = (box.width - 12) / SIDE;
  await page.mouse.click(box.x + 6 + 20.5 * spacing, box.y + 6 + 30.5 * spacing);
  const grid = 30 * SIDE + 20;
  await waitForSnapshot(page, (s) => s.selectedCell === grid, 'the store has the clicked cell');
  await expect(page.locator('#cell-watched')).toBeVisible();
  await expect(page.locator('#cell-who')).toContainText('column 21, row 31');
  // Beside the sheet's title, a link to the panel (far below the sheet on a phone).
  await expect(page.locator('#sheet-hint a')).toHaveAttribute('href', '#cell-panel');
  await expectUpdatingCell(page, grid);
  await expect(page.locator('#cell-meaning')).toContainText('E_GABA');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Stop watching' }).click();
  await waitForSnapshot(page, (s) => s.selectedCell === null && s.probeGrid === null, 'no cell watched');
  await expect(page.locator('#cell-empty')).toBeVisible();
  await expect(page.locator('#sheet-hint')).toHaveText('Click a cell to watch it');
  expect(problems).toEqual([]);
});

test('the keyboard moves a cursor over the sheet, Enter watches the cell, Escape lets it go', async ({ page }) => {
  await openPage(page, '?gaba=0.3');
  await dismissSafetyNotice(page);
  await page.locator('#sheet').focus();
  await expect(page.locator('#sheet-cursor')).toContainText(`column ${SIDE / 2 + 1}, row ${SIDE / 2 + 1}`);
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowDown'])
    await page.keyboard.press(key);
  await expect(page.locator('#sheet-cursor')).toContainText(`column ${SIDE / 2 + 4}, row ${SIDE / 2 + 3}`);
  // Arrows on the sheet move the cursor, not the page.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect((await snapshot(page)).selectedCell).toBeNull();
  await page.keyboard.press('Enter');
  const grid = CENTRE + 2 * SIDE + 3;
  await waitForSnapshot(page, (s) => s.selectedCell === grid, 'Enter watches the cell under the cursor');
  await expect(page.locator('#sheet-cursor')).toContainText('(watched)');
  await expectUpdatingCell(page, grid);
  await page.keyboard.press('Escape');
  await waitForSnapshot(page, (s) => s.selectedCell === null, 'Escape lets it go');
  await expect(page.locator('#cell-empty')).toBeVisible();
});

test('a tap watches a cell on a touch screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await openPage(page);
  await dismissSafetyNotice(page);
  const box = await page.locator('#sheet canvas').boundingBox();
  if (!box) throw new Error('the sheet has no box');
  const spacing = (box.width - 12) / SIDE;
  await page.touchscreen.tap(box.x + 6 + 10.5 * spacing, box.y + 6 + 5.5 * spacing);
  const grid = 5 * SIDE + 10;
  await waitForSnapshot(page, (s) => s.selectedCell === grid, 'the tapped cell is watched');
  await expectUpdatingCell(page, grid);
  await context.close();
});

test('the F–I curves move with gNapRatio: more persistent sodium, lower rheobase', async ({ page }) => {
  await openPage(page);
  const summary = page.locator('#fi-summary');
  await expect(summary).toContainText('Rheobase: pyramidal cell', { timeout: SIM_WAIT_MS });
  const rheobase = async (): Promise<number> => {
    const match = /pyramidal cell (\d+) pA/.exec((await summary.textContent()) ?? '');
    return match ? Number(match[1]) : Number.NaN;
  };
  const before = await rheobase();
  expect(before).toBeGreaterThan(200);
  await expect(summary).toContainText('gNapRatio 0.20');
  // The slider lives in a folded group of the controls: unfold it, as a user would.
  const slider = page.getByLabel('Persistent Na⁺ current, gNaP/gL (ratio)', { exact: true });
  await slider.evaluate((el) => {
    const group = el.closest('details');
    if (group) group.open = true;
  });
  await slider.fill('0.8');
  await expect(summary).toContainText('gNapRatio 0.80', { timeout: SIM_WAIT_MS });
  const after = await rheobase();
  console.log(`F–I: pyramidal rheobase ${before} pA at gNapRatio 0.2, ${after} pA at 0.8`);
  expect(after).toBeLessThan(before - 100);
  const fi = (await snapshot(page)).fiCurvesAnswered;
  expect(fi).toBeGreaterThanOrEqual(2);
});

test('the ion maps show a legend in units, with the sheet’s values now, and the dots step aside', async ({ page }) => {
  const problems = collectPageProblems(page);
  await openPage(page, '?gaba=0.3');
  const legend = page.locator('#map-legend');
  await expect(legend).toBeHidden();
  await page.locator('#view-map-potassium').check();
  await expect(legend).toBeVisible();
  await expect(legend).toContainText('Extracellular K⁺ (mM)');
  for (const tick of ['3', '5', '8', '12', 'rest']) await expect(legend.locator('.map-ticks')).toContainText(tick);
  await expect(page.locator('#map-now')).toContainText(/Now: mean \d+\.\d+ mM, highest \d+\.\d+ mM/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.locator('#view-map-sodium').check();
  await expect(legend).toContainText('Intracellular Na⁺ (mM)');
  await expect(page.locator('#map-now')).toContainText(/mean \d+\.\d mM/);
  await page.locator('#view-map-egaba').check();
  await expect(legend).toContainText('E_GABA (mV)');
  await expect(page.locator('#map-now')).toContainText(/mean −\d+\.\d mV/);
  await page.locator('#view-map-none').check();
  await expect(legend).toBeHidden();
  expect(problems).toEqual([]);
});
