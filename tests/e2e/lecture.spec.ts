import { mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import type { LectureSnapshot } from '../../src/ui/lecture/snapshot.ts';
import {
  collectPageProblems,
  flashSummary,
  meanColourChange,
  measureScreenshots,
  openPage,
  PROJECTOR_BLACK_LIFT,
  recordLuminance,
  SIM_WAIT_MS,
  sheetShots,
  snapshot,
  waitForPause,
  waitForSnapshot,
} from './helpers.ts';

/** A shipped scenario's GABA_A strength (1 where it leaves the default), read from its file so that the test follows the scenario. */
const scenarioGaba = (name: string): number =>
  JSON.parse(readFileSync(new URL(`../../public/scenarios/${name}.json`, import.meta.url), 'utf8')).params.gaba ?? 1;

/*
 * Lecture mode, driven as a lecturer would: the keyboard (and a presenter clicker's page keys)
 * through the scenes, freeze-and-annotate on a paused frame, split screen with both simulations
 * running, and Escape back out. Accessibility and flashes are checked in lecture mode too, and
 * screenshots at projector size (1920 × 1080) go to test-results/lecture/.
 */

const SHOTS = 'test-results/lecture';
const PROJECTOR = { width: 1920, height: 1080 };

async function lecture(page: Page): Promise<LectureSnapshot> {
  const result = await page.evaluate(() => window.__refractory?.lecture?.() ?? null);
  if (!result) throw new Error('the page exposes no lecture snapshot');
  return result;
}

async function waitForLecture(
  page: Page,
  predicate: (s: LectureSnapshot) => boolean,
  message: string,
  timeoutMs = 60_000,
): Promise<LectureSnapshot> {
  await expect
    .poll(async () => predicate(await lecture(page).catch(() => null as unknown as LectureSnapshot)), {
      message,
      timeout: timeoutMs,
      intervals: [100, 200, 250],
    })
    .toBe(true);
  return lecture(page);
}

/** The engine's GABA and drugs once they are what a scene asks for. */
async function expectEngine(page: Page, gaba: number, drugs: string[]): Promise<void> {
  await waitForSnapshot(
    page,
    (s) => s.engineGaba === gaba && JSON.stringify(s.engineDrugs) === JSON.stringify(drugs),
    `the engine runs with gaba ${gaba} and drugs [${drugs.join(', ')}]`,
  );
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Simulation workers of the page (the F–I curves have a worker of their own beside them). */
function simulationWorkers(page: Page): number {
  return page.workers().filter((w) => w.url().includes('simulation.worker')).length;
}

/** The first-visit photosensitivity notice, out of the way of the screenshots. */
async function dismissSafetyNotice(page: Page): Promise<void> {
  const button = page.locator('#safety-dismiss');
  await waitForSnapshot(page, (s) => s.framesDrawn > 0, 'the page has started');
  if (await button.isVisible()) await button.click();
}

/** Draw a zigzag over the sheet with the mouse. */
async function drawOnSheet(page: Page): Promise<void> {
  const box = await page.locator('#sheet').boundingBox();
  if (!box) throw new Error('the sheet has no box');
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) {
    await page.mouse.move(box.x + box.width * (0.2 + 0.06 * k), box.y + box.height * (k % 2 ? 0.5 : 0.3), {
      steps: 3,
    });
  }
  await page.mouse.up();
}

test('the keyboard path: L enters, arrow and page keys change the scene and the engine, Escape leaves', async ({
  page,
}) => {
  const problems = collectPageProblems(page);
  await openPage(page, '?gaba=0.8');
  await expect(page.locator('#lecture-bar')).toBeHidden();

  // A key typed into a field is the field's, not lecture mode's.
  await page.locator('#controls-panel details.param-group').evaluateAll((groups) => {
    for (const g of groups) (g as HTMLDetailsElement).open = true;
  });
  await page.locator('#seed').focus();
  await page.keyboard.press('l');
  expect((await lecture(page)).scene).toBeNull();
  await page.locator('#seed').blur();

  await page.keyboard.press('l');
  await expect(page.locator('body')).toHaveClass(/\blecture\b/);
  await expect(page.locator('.lecture-count')).toHaveText('1 / 9');
  await expect(page.locator('#lecture-title')).toHaveText('A healthy patch of cortex');
  await expect(page.locator('#lecture-title')).toBeFocused();
  // Space still plays and pauses.
  await page.keyboard.press(' ');
  await waitForSnapshot(page, (s) => !s.playing, 'Space pauses');
  await page.keyboard.press(' ');
  await waitForSnapshot(page, (s) => s.playing, 'Space plays');
  await expect(page.locator('#lecture-announcer')).toHaveText(/^Scene 1 of 9: A healthy patch of cortex\./);
  await expect(page.locator('#lecture-announcer')).toHaveAttribute('aria-live', 'polite');
  await expectEngine(page, 1, []);
  // The reduced page: no parameter panel, no plots.
  await expect(page.locator('#controls-panel')).toBeHidden();
  await expect(page.locator('#plots-panel')).toBeHidden();

  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.lecture-count')).toHaveText('2 / 9');
  await expectEngine(page, scenarioGaba('ei-imbalance'), []);
  await expect.poll(() => new URL(page.url()).search).toBe('?lecture=2');

  const beforeChange = await snapshot(page);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(page.locator('.lecture-count')).toHaveText('4 / 9');
  await expectEngine(page, scenarioGaba('transporter'), ['phenytoin']);
  // Each scene starts its network again from t = 0: a new network, not the old one changed.
  const afterChange = await snapshot(page);
  expect(afterChange.buildId).not.toBe(beforeChange.buildId);

  await page.keyboard.press('PageUp');
  await expect(page.locator('.lecture-count')).toHaveText('3 / 9');
  await expectEngine(page, 1, []);
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.lecture-count')).toHaveText('2 / 9');

  await page.keyboard.press('End');
  await expect(page.locator('.lecture-count')).toHaveText('9 / 9');
  await expectEngine(page, scenarioGaba('rns'), ['carbamazepine']);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#lecture-message')).toHaveText('This is the last scene (9 of 9).');
  await page.keyboard.press('Home');
  await expect(page.locator('.lecture-count')).toHaveText('1 / 9');

  // Escape leaves, and what was set before lecture mode comes back.
  await page.keyboard.press('Escape');
  await expect(page.locator('body')).not.toHaveClass(/\blecture\b/);
  await expectEngine(page, 0.8, []);
  await expect.poll(() => new URL(page.url()).search).toBe('?gaba=0.8');
  expect((await lecture(page)).scene).toBeNull();
  expect(problems).toEqual([]);
});

test('the address opens lecture mode at a scene and a reload stays there', async ({ page }) => {
  await openPage(page, '?lecture=5');
  await expect(page.locator('.lecture-count')).toHaveText('5 / 9');
  await expectEngine(page, scenarioGaba('transporter'), ['phenytoin']);
  await expect(page.locator('#address-notice')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => new URL(page.url()).search).toBe('?lecture=6');
  await page.reload();
  await expect(page.locator('.lecture-count')).toHaveText('6 / 9');
  await expect(page.locator('#lecture-title')).toHaveText('Dravet syndrome: when a drug makes it worse');

  await page.goto('/?lecture=12');
  await expect(page.locator('#address-notice')).toContainText('lecture=12 is not allowed');
  await expect(page.locator('#lecture-bar')).toBeHidden();
});

test('freeze and annotate: drawing on a paused frame, time stands still, undo, resume, cleared by a scene change', async ({
  page,
}) => {
  await page.setViewportSize(PROJECTOR);
  await openPage(page, '?lecture=2');
  await dismissSafetyNotice(page);
  await waitForSnapshot(page, (s) => (s.timeMs ?? 0) > 2000, 'the simulation runs');

  await page.keyboard.press('a');
  await waitForLecture(page, (s) => s.annotating, 'drawing starts');
  const frozenAt = (await waitForPause(page)).timeMs;
  await drawOnSheet(page);
  const drawn = await lecture(page);
  expect(drawn.strokes).toBe(1);
  expect(drawn.inkPixels).toBeGreaterThan(500);
  await page.getByRole('button', { name: 'Cyan pen' }).click();
  await drawOnSheet(page);
  expect((await lecture(page)).strokes).toBe(2);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/annotate-1920x1080.png` });
  // Drawing did not move time: the worker, asked again, is still where it froze.
  expect((await waitForPause(page)).timeMs).toBe(frozenAt);
  expect(await seriousViolations(page)).toEqual([]);

  await page.keyboard.press('z');
  expect((await lecture(page)).strokes).toBe(1);
  await page.keyboard.press('c');
  expect(await lecture(page)).toMatchObject({ strokes: 0, inkPixels: 0 });
  await drawOnSheet(page);

  // Leaving resumes.
  await page.keyboard.press('a');
  await waitForLecture(page, (s) => !s.annotating, 'drawing ends');
  await waitForSnapshot(page, (s) => s.playing && (s.timeMs ?? 0) > (frozenAt ?? 0), 'the simulation runs again');
  expect((await lecture(page)).strokes).toBe(1);
  // A new scene clears the drawing.
  await page.keyboard.press('ArrowRight');
  expect((await lecture(page)).strokes).toBe(0);
});

test('split screen runs the responder and the refractory case at once, and Escape stops the second worker', async ({
  page,
}) => {
  const problems = collectPageProblems(page);
  await page.setViewportSize(PROJECTOR);
  await openPage(page, '?lecture=5');
  await dismissSafetyNotice(page);
  await expect(page.locator('#lecture-title')).toHaveText('The pump that makes it fail');
  expect(simulationWorkers(page)).toBe(1);

  await page.keyboard.press('s');
  await expect(page.locator('body')).toHaveClass(/\blecture-split\b/);
  const running = await waitForLecture(
    page,
    (s) => s.split?.every((side) => (side.timeMs ?? 0) > 3000) === true,
    'both sides run',
    60_000,
  );
  expect(simulationWorkers(page)).toBe(2);
  const [main, contrast] = running.split ?? [];
  expect(main.side).toBe('right');
  expect(contrast.side).toBe('left');
  expect(main.params?.pgp).toBe(2);
  expect(contrast.params?.pgp).toBe(1);
  expect(main.params?.gaba).toBe(contrast.params?.gaba);
  // Both at the split screen's size, so that two simulations keep up on a small machine.
  expect(main.params?.side).toBe(48);
  expect(contrast.params?.side).toBe(48);
  expect(main.caption).toMatch(/P-gp ×2.*phenytoin in the brain \(unbound\): \d+\.\d µM/);
  expect(contrast.caption).toMatch(/P-gp normal.*phenytoin in the brain \(unbound\): \d+\.\d µM/);
  const brainUm = (caption: string): number => Number(/(\d+\.\d) µM/.exec(caption)?.[1]);
  expect(brainUm(contrast.caption)).toBeGreaterThan(brainUm(main.caption));
  await expect(page.locator('.split-state')).toHaveCount(2);

  // Both keep advancing (how close to real time is a benchmark's business: npm run bench:browser).
  const before = await lecture(page);
  const after = await waitForLecture(
    page,
    (s) => s.split?.every((side, k) => (side.timeMs ?? 0) > (before.split?.[k].timeMs ?? 0) + 1000) === true,
    'both sides run another simulated second',
    60_000,
  );
  console.log(
    `split screen at 1920×1080, 48 × 48 each: achieved ${after.split
      ?.map((s) => `${s.side} ${s.achievedSpeed.toFixed(2)}×`)
      .join(', ')} real time`,
  );
  await page.screenshot({ path: `${SHOTS}/split-1920x1080.png` });
  expect(await seriousViolations(page)).toEqual([]);

  // Pause applies to both: each worker confirms it once its chunk in flight has landed, and a
  // frame asked of each afterwards finds it at the same time.
  await page.keyboard.press(' ');
  const paused = await waitForLecture(page, (s) => s.split?.every((side) => side.paused) === true, 'both pause');
  await page.evaluate(() => window.__refractory?.requestFrame());
  const later = await waitForLecture(
    page,
    (s) =>
      s.split?.every((side, k) => side.paused && side.framesReceived > (paused.split?.[k].framesReceived ?? 0)) ===
      true,
    'a later frame from each paused worker',
  );
  expect(later.split?.map((s) => s.timeMs)).toEqual(paused.split?.map((s) => s.timeMs));
  await page.keyboard.press(' ');

  // The next scene brings its own pair.
  await page.keyboard.press('ArrowRight');
  const dravet = await waitForLecture(
    page,
    (s) => s.split?.[1].params?.scn1a === 1 && s.split?.[0].params?.scn1a === 0.5,
    'the Dravet pair runs',
  );
  expect(dravet.split?.[0].caption).toContain('Half the Nav1.1');

  await page.keyboard.press('Escape');
  await expect(page.locator('body')).not.toHaveClass(/\blecture-split\b/);
  expect((await lecture(page)).split).toBeNull();
  await expect.poll(() => simulationWorkers(page)).toBe(1);
  // The page's own sheet goes back to the scene's size.
  await waitForSnapshot(page, (s) => s.side === 64, 'the sheet is 64 × 64 again');
  await page.keyboard.press('Escape');
  await expect(page.locator('body')).not.toHaveClass(/\blecture\b/);
  expect(problems).toEqual([]);
});

test('lecture mode passes axe, offers full screen (or says why not), and lists its keys', async ({ page }) => {
  await page.setViewportSize(PROJECTOR);
  await openPage(page, '?lecture=1');
  await dismissSafetyNotice(page);
  await page.screenshot({ path: `${SHOTS}/scene-1-1920x1080.png` });
  expect(await seriousViolations(page)).toEqual([]);

  await page.keyboard.press('f');
  await waitForLecture(page, (s) => s.fullscreen || s.message.includes('full screen'), 'full screen or a reason');
  const state = await lecture(page);
  console.log(`full screen: ${state.fullscreen ? 'on' : `refused: ${state.message}`}`);
  if (state.fullscreen) {
    await expect(page.locator('#lecture-fullscreen')).toHaveText('Leave full screen (F)');
    await page.keyboard.press('f');
    await waitForLecture(page, (s) => !s.fullscreen, 'full screen ends');
  }

  await page.keyboard.press('?');
  await expect(page.locator('#shortcuts-dialog')).toBeVisible();
  await expect(page.locator('#shortcuts-dialog')).toContainText('Lecture mode: next scene');
  // Keys belong to the dialog while it is open.
  await page.keyboard.press('ArrowRight');
  expect((await lecture(page)).scene).toBe(0);
  await page.keyboard.press('Escape');
  await expect(page.locator('#shortcuts-dialog')).toBeHidden();
  expect((await lecture(page)).scene).toBe(0);
});

test('in lecture mode a seizure-like event flashes at most three times per second (WCAG 2.3.1)', async ({ page }) => {
  await page.setViewportSize(PROJECTOR);
  await openPage(page, '?lecture=2');
  await dismissSafetyNotice(page);
  await expect(page.locator('#status')).toContainText('Seizure-like event', { timeout: SIM_WAIT_MS });
  const samples = await recordLuminance(page, 5000);
  const most = flashSummary(samples).max;
  const achieved = await page.locator('#speed-achieved').textContent();
  console.log(
    `lecture mode, 1920×1080: at most ${most} flashes per second over ${samples.length} frames; one 64 × 64 sheet achieved ${achieved}`,
  );
  expect(most).toBeLessThanOrEqual(3);
  await page.screenshot({ path: `${SHOTS}/seizure-1920x1080.png` });
});

test('lecture scenes 1 (rest) and 2 (too little inhibition) differ by at least 0.12 in OKLab, and the EEG strip is large', async ({
  page,
}) => {
  await page.setViewportSize(PROJECTOR);
  await openPage(page, '?lecture=1');
  await dismissSafetyNotice(page);
  const rest = await sheetShots(page, 2000, 8, 250);
  const eeg = await page.locator('#eeg-strip canvas').boundingBox();
  expect(eeg?.height ?? 0).toBeGreaterThan(120);
  expect(eeg?.width ?? 0).toBeGreaterThan(800);
  await page.keyboard.press('ArrowRight');
  await waitForLecture(page, (s) => s.scene === 1, 'scene 2');
  await expectEngine(page, scenarioGaba('ei-imbalance'), []);
  await expect(page.locator('#status')).toContainText('Seizure-like event', { timeout: SIM_WAIT_MS });
  const from = ((await snapshot(page)).timeMs ?? 0) + 1000;
  const scene2 = await sheetShots(page, from, 8, 250);
  const { images } = await measureScreenshots(page, [...rest, ...scene2]);
  const { distance, projected } = meanColourChange(images.slice(0, 8), images.slice(8));
  console.log(
    `OKLab distance of the sheet's mean colour, lecture scene 1 → scene 2: ${distance.toFixed(3)}; black lifted to ${PROJECTOR_BLACK_LIFT} of white: ${projected.toFixed(3)}`,
  );
  expect(distance).toBeGreaterThanOrEqual(0.12);
  expect(projected).toBeGreaterThanOrEqual(0.12);
  await page.screenshot({ path: `${SHOTS}/scene2-eeg-1920x1080.png` });
});
