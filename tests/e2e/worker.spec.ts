import { expect, test } from '@playwright/test';
import { defaultParams, withParams } from '../../src/model/params.ts';
import { LiveSession, MAX_ADVANCE_MS } from '../../src/model/runs/live/session.ts';
import { openPage, SIM_WAIT_MS, type Snapshot, setGaba, snapshot, waitForSnapshot } from './helpers.ts';

test('the GABA slider reaches the worker, which runs with the new value and fires more', async ({ page }) => {
  await openPage(page);
  const slider = page.getByLabel('GABA_A strength (×)');
  await expect(slider).toHaveAttribute('min', '0');
  await expect(slider).toHaveAttribute('max', '3');
  await expect(slider).toHaveAttribute('step', '0.05');
  await expect(page.locator('#engine-gaba')).toHaveText('1.00×');

  // By keyboard: one step down.
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#gaba-value')).toHaveText('0.95×');
  await expect(page.locator('#engine-gaba')).toHaveText('0.95×');

  // Spikes per simulated millisecond over a window: population bursts make any single
  // 100-ms rate swing, a count over most of a second does not.
  const spikeRate = (from: Snapshot, to: Snapshot): number =>
    (to.spikesSinceBuild - from.spikesSinceBuild) / ((to.timeMs ?? 0) - (from.timeMs ?? 0));
  const restStart = await waitForSnapshot(page, (s) => (s.timeMs ?? 0) > 300, 'the first burst of a new network');
  const restEnd = await waitForSnapshot(page, (s) => (s.timeMs ?? 0) > (restStart.timeMs ?? 0) + 800, 'near rest');

  await setGaba(page, 0.2);
  const excitedStart = await snapshot(page);
  expect(excitedStart.engineGaba).toBe(0.2);
  const excitedEnd = await waitForSnapshot(
    page,
    (s) => (s.timeMs ?? 0) > (excitedStart.timeMs ?? 0) + 800,
    'a while at weak inhibition',
  );
  expect(excitedEnd.buildId).toBe(restEnd.buildId);
  expect(spikeRate(excitedStart, excitedEnd)).toBeGreaterThan(1.5 * spikeRate(restStart, restEnd));
});

for (const threads of [2, 1]) {
  test(`the worker on ${threads} thread${threads > 1 ? 's' : ''} spikes exactly as Node does on one, for the same seed`, async ({
    page,
  }) => {
    const query = { side: 32, seed: 7 };
    await openPage(page, `?side=${query.side}&seed=${query.seed}&threads=${threads}`);
    // The helpers start while the first frames run on one thread: wait for frames from them all.
    await waitForSnapshot(
      page,
      (s) => (s.timeMs ?? 0) > 1500 && s.threads === threads,
      `a second and a half of simulated time, on ${threads} thread(s)`,
    );
    await page.evaluate(() => window.__refractory?.setPlaying(false));
    const browser = await waitForSnapshot(page, (s) => s.idle, 'the last request to finish');
    expect(browser.side).toBe(query.side);
    expect(browser.seed).toBe(query.seed);
    expect(browser.threads).toBe(threads);
    // The address keeps the thread count, as it keeps the rest.
    expect(new URL(page.url()).searchParams.get('threads')).toBe(String(threads));

    // The browser ran many real-time chunks; Node runs the same time in as few as it can.
    const session = new LiveSession(withParams(defaultParams(), query));
    const targetMs = browser.timeMs ?? 0;
    let frame = session.advance(0);
    while (frame.timeMs < targetMs - 1e-6) frame = session.advance(Math.min(MAX_ADVANCE_MS, targetMs - frame.timeMs));
    expect(frame.timeMs).toBeCloseTo(targetMs, 6);
    expect(frame.threads).toBe(1);
    expect(frame.spikeHash).toBe(browser.spikeHash);

    const otherSeed = new LiveSession(withParams(defaultParams(), { ...query, seed: 8 })).advance(targetMs);
    expect(otherSeed.spikeHash).not.toBe(browser.spikeHash);
  });
}

test('without threads= in the address, the page steps the sheet on one thread here (two cores: the drawing needs one)', async ({
  page,
}) => {
  await openPage(page, '?side=32');
  const [isolated, cores] = await page.evaluate(() => [globalThis.crossOriginIsolated, navigator.hardwareConcurrency]);
  expect(isolated).toBe(true);
  await waitForSnapshot(page, (s) => (s.timeMs ?? 0) > 500, 'half a second of simulated time');
  expect((await snapshot(page)).threads).toBe(cores >= 4 ? 2 : 1);
  await expect(page.locator('#address-notice')).toBeHidden();
});

test('a bad threads= is named in the address notice and the sheet runs on the automatic count', async ({ page }) => {
  await openPage(page, '?side=32&threads=40');
  await expect(page.locator('#address-notice')).toContainText(
    'threads=40 is not allowed: threads takes a whole number in 1…16',
  );
  await waitForSnapshot(page, (s) => (s.timeMs ?? 0) > 200, 'frames');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  expect((await snapshot(page)).threads).toBe(cores >= 4 ? 2 : 1);
});

test('a failed worker is replaced, and the new one runs with the last parameters and treatment', async ({ page }) => {
  await openPage(page, '?drug=lamotrigine=200/12&at=96');
  await setGaba(page, 0.5);
  await waitForSnapshot(page, (s) => (s.timeMs ?? 0) > 1000, 'a second of simulated time');

  const atError = await snapshot(page);
  await page.evaluate(() => window.__refractory?.simulateWorkerError());
  await expect(page.getByRole('status')).toContainText('restarting');
  // The old worker's frames only ever moved forward; a new worker starts its network at zero.
  const after = await waitForSnapshot(
    page,
    (s) => s.restarts === 1 && (s.timeMs ?? 0) > 0 && (s.timeMs ?? 0) < (atError.timeMs ?? 0),
    'frames from the replacement worker',
  );
  expect(after.engineGaba).toBe(0.5);
  expect(after.engineDrugs).toEqual(['lamotrigine']);
  expect(after.engineAtHours).toBe(96);
  await expect(page.locator('#engine-gaba')).toHaveText('0.50×');
  // Nothing the user set was lost: the controls still show it.
  await expect(page.locator('#gaba')).toHaveValue('0.5');
  await waitForSnapshot(page, (s) => (s.timeMs ?? 0) > (after.timeMs ?? 0) + 200, 'the new worker keeps going');
});

test('lowering GABA with the slider brings a seizure-like event within 10 simulated seconds', async ({ page }) => {
  await openPage(page);
  await waitForSnapshot(page, (s) => (s.timeMs ?? 0) > 1000, 'a second at rest');
  await expect(page.getByRole('status')).not.toContainText('Seizure-like event');
  await setGaba(page, 0.3);
  const changedAt = (await snapshot(page)).timeMs ?? 0;
  await expect(page.getByRole('status')).toContainText('Seizure-like event', { timeout: SIM_WAIT_MS });
  const seenAt = (await snapshot(page)).timeMs ?? 0;
  expect(seenAt - changedAt).toBeLessThan(10_000);
  // The event log lists it, with where it began.
  await expect(page.locator('#plots-panel')).toContainText(/began at x [\d.]+ mm, y [\d.]+ mm/);
});
