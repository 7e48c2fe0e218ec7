/**
 * The patient panel in the browser: the drug schedule, the concentration–time chart and the
 * patient clock, driven through the store as the controls panel would (the test hook's
 * setTreatment and setParams), and through the panel's own clock.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import type { Treatment } from '../../src/state/store.ts';
import { collectPageProblems, openPage } from './helpers.ts';

const PHENYTOIN: Treatment = { drugs: ['phenytoin=300/24'], atHours: 72 };

async function setTreatment(page: Page, treatment: Treatment): Promise<void> {
  await page.evaluate((t) => window.__refractory?.setTreatment(t), treatment);
}

async function atHours(page: Page): Promise<number> {
  const hours = await page.evaluate(() => window.__refractory?.treatment().atHours);
  if (hours === undefined) throw new Error('the page exposes no window.__refractory');
  return hours;
}

/** The x of the chart's cursor, from its transform. */
async function cursorX(page: Page): Promise<number> {
  const transform = await page.getByTestId('pk-cursor').getAttribute('transform');
  const match = /translate\(([-\d.]+)/.exec(transform ?? '');
  if (!match) throw new Error(`the cursor has no position (transform ${transform})`);
  return Number(match[1]);
}

/** The first number in the text of `selector` inside the panel. */
async function numberIn(page: Page, selector: string): Promise<number> {
  const text = await page.locator(`#patient-panel ${selector}`).first().textContent();
  const match = /[\d.]+/.exec(text ?? '');
  if (!match) throw new Error(`no number in ${selector}: ${text}`);
  return Number(match[0]);
}

test('with no drugs the panel says so and where drugs are added', async ({ page }) => {
  const problems = collectPageProblems(page);
  await openPage(page);
  const panel = page.locator('#patient-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Patient: drugs and the blood–brain barrier' })).toHaveId(
    'patient-panel-title',
  );
  await expect(panel.locator('.patient-empty')).toHaveText(/No drugs are given.*added in the controls panel/);
  await expect(panel.locator('.pk-chart')).toBeHidden();
  await expect(page.getByLabel('Patient clock: time since the first dose (h)')).toHaveValue('72');
  expect(problems).toEqual([]);
});

test('a phenytoin regimen draws its chart, band and cursor, and the summary says where it stands', async ({ page }) => {
  const problems = collectPageProblems(page);
  await openPage(page);
  await setTreatment(page, PHENYTOIN);
  const panel = page.locator('#patient-panel');

  await expect(panel.locator('.patient-regimen')).toHaveText('phenytoin 300 mg by mouth every 24 h');
  // The engine puts 300 mg/day at about 2.8 mg/L on day 3: below the 10–20 mg/L range.
  await expect(panel.locator('.patient-range')).toContainText('below the therapeutic range (10–20 mg/L)');
  await expect(panel.locator('.patient-kpuu')).toHaveText('1.00');
  await expect(panel.locator('.patient-empty')).toBeHidden();

  const chart = panel.locator('svg.pk-chart-svg');
  await expect(chart).toBeVisible();
  const box = await chart.boundingBox();
  expect(box?.width).toBeGreaterThan(250);
  expect(box?.height).toBeGreaterThan(250);
  // The plasma curve: a path with hundreds of points, drawn across the plot.
  const path = await panel.getByTestId('pk-plasma-total').getAttribute('d');
  expect((path ?? '').split('L').length).toBeGreaterThan(200);
  const pathBox = await panel.getByTestId('pk-plasma-total').boundingBox();
  expect(pathBox?.width).toBeGreaterThan(0.8 * ((box?.width ?? 0) - 60));
  await expect(panel.getByTestId('pk-brain-unbound')).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/);
  // The therapeutic band: a visible rectangle, labelled with the table's range.
  const band = panel.getByTestId('pk-band');
  await expect(band).toBeVisible();
  expect(Number(await band.getAttribute('height'))).toBeGreaterThan(10);
  await expect(panel.locator('.pk-band-label')).toHaveText('therapeutic 10–20 mg/L');
  // The cursor: at 72 h of a one-week chart, 3/7 of the way across the plot.
  await expect(panel.getByTestId('pk-cursor')).toHaveAttribute('transform', /translate/);
  await expect(panel.locator('.pk-cursor-label')).toHaveText('network: day 3.0');
  const plot = panel.locator('rect.pk-plot').first();
  const left = Number(await plot.getAttribute('x'));
  const width = Number(await plot.getAttribute('width'));
  expect(await cursorX(page)).toBeCloseTo(left + (72 / 168) * width, 0);
  // The text alternative names the chart's story.
  await expect(chart).toHaveAttribute('role', 'img');
  await expect(panel.locator('#pk-chart-caption')).toContainText('phenytoin 300 mg by mouth every 24 h, over 7 days');
  await expect(panel.locator('.visually-hidden table tbody tr')).not.toHaveCount(0);
  // One drug: no chooser.
  await expect(panel.getByLabel('Drug in the chart')).toBeHidden();
  expect(problems).toEqual([]);
});

test('the patient clock moves by keys, by typing and by dragging on the chart, and refuses a bad time', async ({
  page,
}) => {
  await openPage(page);
  await setTreatment(page, PHENYTOIN);
  const slider = page.getByLabel('Patient clock: time since the first dose (h)');
  const plot = page.locator('#patient-panel rect.pk-plot').first();
  const left = Number(await plot.getAttribute('x'));
  const width = Number(await plot.getAttribute('width'));

  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => atHours(page)).toBe(73);
  await page.keyboard.press('PageUp');
  await expect.poll(() => atHours(page)).toBe(97);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => atHours(page)).toBe(96);
  // Past half a week the chart spans two weeks; the cursor is at 96 of 336 h.
  await expect.poll(() => cursorX(page)).toBeCloseTo(left + (96 / 336) * width, 0);
  await expect(slider).toHaveAttribute('aria-valuetext', '96 h (4.0 days) since the first dose');

  const typed = page.getByLabel('Patient clock, hours (type a time)');
  await typed.fill('120');
  await typed.press('Enter');
  await expect.poll(() => atHours(page)).toBe(120);
  await expect(page.locator('#patient-panel .patient-summary-time')).toContainText('120 h (5.0 days)');

  // Beyond the patient clock's year: explained, and the clock keeps 120 h.
  await typed.fill('9000');
  await typed.press('Enter');
  const alert = page.locator('#patient-clock-problem');
  await expect(alert).toBeVisible();
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('the patient-clock time must be 0…8760 h, not 9000');
  expect(await atHours(page)).toBe(120);
  await expect(typed).toHaveValue('120');
  await expect(slider).toHaveValue('120');

  // 120 h is past half a week: the chart spans two weeks. Press in the middle of the plot.
  await plot.scrollIntoViewIfNeeded();
  const plotBox = await plot.boundingBox();
  if (!plotBox) throw new Error('no plot');
  await page.mouse.click(plotBox.x + plotBox.width / 2, plotBox.y + plotBox.height / 2);
  // Whole hours, within one of the middle (a pixel is about an hour here).
  await expect.poll(async () => Math.abs((await atHours(page)) - 168)).toBeLessThanOrEqual(1);
  expect(Number.isInteger(await atHours(page))).toBe(true);
  // A good value clears the alert.
  await expect(alert).toBeHidden();
});

test('dragging on the chart of a long, heavy treatment ends with the levels of where the pointer let go', async ({
  page,
}) => {
  await openPage(page);
  // Four drugs at 2000 h: the levels at the cursor take longer than a frame, so they wait
  // while the pointer moves.
  const drugs = ['phenytoin=200/12', 'carbamazepine=400/12', 'levetiracetam=1500/12', 'tariquidar=150/24'];
  const panel = page.locator('#patient-panel');
  // The cost of the chart's series, logged: 8 weeks (the worst realistic case), then 32 weeks.
  await setTreatment(page, { drugs, atHours: 600 });
  await expect(panel.locator('.patient-summary-time')).toContainText('600 h (25.0 days)');
  console.log(`4 drugs over 1344 h: chart series in ${await panel.getAttribute('data-pk-compute-ms')} ms`);
  await setTreatment(page, { drugs, atHours: 2000 });
  await expect(panel.locator('.patient-summary-time')).toContainText('2000 h (83.3 days)');
  console.log(`4 drugs over 5376 h: chart series in ${await panel.getAttribute('data-pk-compute-ms')} ms`);
  const plot = panel.locator('rect.pk-plot').first();
  await plot.scrollIntoViewIfNeeded();
  const box = await plot.boundingBox();
  if (!box) throw new Error('no plot');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.2, y);
  await page.mouse.down();
  for (const f of [0.25, 0.3, 0.35, 0.4]) await page.mouse.move(box.x + box.width * f, y);
  await page.mouse.up();
  // The chart spans 5376 h (the horizon kept while dragging): the pointer let go near 40 % of it.
  const hours = await atHours(page);
  expect(Math.abs(hours - 0.4 * 5376)).toBeLessThan(30);
  await expect(panel.locator('.patient-summary-time')).toContainText(`${hours} h`);
  await expect(panel.locator('#pk-chart-caption')).toContainText(`At the network's time, ${hours} h`);
});

test('more P-gp lowers the brain level of phenytoin, not its plasma level', async ({ page }) => {
  await openPage(page);
  await setTreatment(page, { drugs: ['phenytoin=200/12'], atHours: 336 });
  const panel = page.locator('#patient-panel');
  await expect(panel.locator('.patient-range')).toContainText('within the therapeutic range');
  const plasmaBefore = await numberIn(page, '.patient-plasma');
  const brainBefore = await numberIn(page, '.patient-brain');
  const pathBefore = await panel.getByTestId('pk-brain-unbound').getAttribute('d');
  const plasmaPathBefore = await panel.getByTestId('pk-plasma-total').getAttribute('d');

  await page.evaluate(() => window.__refractory?.setParams({ pgp: 2 }));
  await expect(panel.locator('.patient-kpuu')).toHaveText('0.75');
  const brainAfter = await numberIn(page, '.patient-brain');
  // Kp,uu 1 → 0.75 for a P-gp substrate at 2× P-gp (drugs.ts, van Vliet 2007).
  expect(brainAfter / brainBefore).toBeCloseTo(0.75, 2);
  expect(await numberIn(page, '.patient-plasma')).toBe(plasmaBefore);
  await expect(panel.locator('.patient-pgp')).toContainText('2.00× normal');
  expect(await panel.getByTestId('pk-brain-unbound').getAttribute('d')).not.toBe(pathBefore);
  expect(await panel.getByTestId('pk-plasma-total').getAttribute('d')).toBe(plasmaPathBefore);
});

test('an address with a drug and more P-gp opens with the panel showing them', async ({ page }) => {
  await openPage(page, '?drug=phenytoin=300/24&pgp=2');
  const panel = page.locator('#patient-panel');
  await expect(panel.locator('.patient-regimen')).toHaveText('phenytoin 300 mg by mouth every 24 h');
  await expect(panel.locator('.patient-kpuu')).toHaveText('0.75');
  await expect(panel.locator('.patient-pgp')).toContainText('2.00× normal at 72 h (set to 2×');
  await expect(panel.getByTestId('pk-band')).toBeVisible();
});

test('with two drugs a chooser picks the one in the chart', async ({ page }) => {
  await openPage(page);
  await setTreatment(page, { drugs: ['phenytoin=200/12', 'levetiracetam=1500/12'], atHours: 72 });
  const panel = page.locator('#patient-panel');
  await expect(panel.locator('.patient-drugs > li')).toHaveCount(2);
  const chooser = panel.getByLabel('Drug in the chart');
  await expect(chooser).toBeVisible();
  await expect(panel.locator('.pk-band-label')).toHaveText('therapeutic 10–20 mg/L');
  await chooser.selectOption('levetiracetam');
  await expect(panel.locator('.pk-band-label')).toHaveText('therapeutic 12–46 mg/L');
  await expect(panel.locator('#pk-chart-caption')).toContainText('levetiracetam 1500 mg by mouth every 12 h');
});

test('with drugs, the panel has no serious accessibility violations (axe)', async ({ page }) => {
  await openPage(page);
  await setTreatment(page, { drugs: ['phenytoin=200/12', 'diazepam=10iv'], atHours: 72 });
  await page.evaluate(() => window.__refractory?.setParams({ adherence: 0.7 }));
  await expect(page.locator('#patient-panel .patient-drugs > li')).toHaveCount(2);
  await expect(page.locator('#patient-panel .pk-missed').first()).toBeAttached();
  const results = await new AxeBuilder({ page }).include('#patient-panel').analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
});

for (const [name, viewport] of [
  ['1366x768', { width: 1366, height: 768 }],
  ['390x844', { width: 390, height: 844 }],
] as const) {
  test(`reads at ${name} without sideways scrolling (screenshot /tmp/patient-${name}.png)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openPage(page);
    await setTreatment(page, { drugs: ['phenytoin=200/12', 'tariquidar=150/24'], atHours: 72 });
    await page.evaluate(() => window.__refractory?.setParams({ pgp: 2, adherence: 0.8 }));
    const panel = page.locator('#patient-panel');
    await expect(panel.locator('.patient-drugs > li')).toHaveCount(2);
    await expect(panel.getByTestId('pk-band')).toBeVisible();
    // Everything that sticks out to the right, named, so a failure says what to fix.
    const sticking = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && e.checkVisibility())
        .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${[...e.classList].join('.')}`)
        .slice(0, 12),
    );
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, sticking.join(', ')).toBeLessThanOrEqual(0);
    const chartBox = await panel.locator('svg.pk-chart-svg').boundingBox();
    const panelBox = await panel.boundingBox();
    expect((chartBox?.x ?? 0) + (chartBox?.width ?? 0)).toBeLessThanOrEqual(
      (panelBox?.x ?? 0) + (panelBox?.width ?? 0),
    );
    const ms = Number(await panel.getAttribute('data-pk-compute-ms'));
    console.log(`${name}: chart series computed in ${ms} ms`);
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `/tmp/patient-${name}.png` });
    await panel.locator('.pk-chart').screenshot({ path: `/tmp/patient-${name}-chart.png` });
    await page.screenshot({ path: `/tmp/patient-${name}-page.png` });
  });
}
