import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { SCENARIO_MAX_BYTES, validateScenario } from '../../src/model/scenario.ts';
import { runCli } from '../cli/helpers.ts';
import { numbers, readCsv, strings } from '../export/csv-reader.ts';
import { collectPageProblems, openPage, snapshot, waitForSnapshot } from './helpers.ts';

/*
 * Saving and loading: each download of the "Save and load" panel parses back (CSV through a
 * strict RFC 4180 reader, the picture as a PNG with the sheet drawn in it, the settings as a
 * scenario file the command line runs), and loading a scenario file applies it — or, for a file
 * with problems, lists them and changes nothing.
 */

/** A small sheet keeps the worker fast enough that the page has seconds of run to export. */
const QUERY = '?side=32&seed=4&gaba=0.7';

async function download(page: Page, button: string): Promise<{ name: string; path: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`#export-panel [data-export="${button}"]`).click(),
  ]);
  const path = await file.path();
  // Kept beside the test's other output, to look at.
  await file.saveAs(`test-results/e2e/downloads/${file.suggestedFilename()}`);
  return { name: file.suggestedFilename(), path };
}

/** Load a file through the panel's file picker. */
async function chooseFile(page: Page, name: string, content: string | Buffer): Promise<void> {
  await page.locator('#import-file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: typeof content === 'string' ? Buffer.from(content) : content,
  });
}

async function runFor(page: Page, ms: number): Promise<void> {
  await openPage(page, QUERY);
  await waitForSnapshot(page, (s) => (s.timeMs ?? 0) >= ms, `the simulation runs ${ms} ms`, 45_000);
  await page.evaluate(() => window.__refractory?.setPlaying(false));
  await waitForSnapshot(page, (s) => s.idle, 'the bridge settles once paused');
}

test('the run downloads as CSV files that parse back and agree with what the page ran', async ({ page }) => {
  const problems = collectPageProblems(page);
  await runFor(page, 2500);
  const s = await snapshot(page);
  await expect(page.locator('#export-coverage')).toContainText(
    `Now they hold simulated time 0.0 s to ${((s.timeMs ?? 0) / 1000).toFixed(1)} s`,
  );

  const tables = new Map<string, ReturnType<typeof readCsv>>();
  for (const table of ['spikes', 'eeg', 'rates', 'events']) {
    const file = await download(page, table);
    expect(file.name).toBe(`refractory-seed4-t${((s.timeMs ?? 0) / 1000).toFixed(1)}s-${table}.csv`);
    const parsed = readCsv(readFileSync(file.path, 'utf8'));
    expect(parsed.comments.join('\n')).toContain('settings: gaba=0.7, side=32, seed=4; no drugs');
    tables.set(table, parsed);
    await expect(page.locator('#export-message')).toHaveText(`Saved ${file.name}.`);
  }
  const eeg = tables.get('eeg') as ReturnType<typeof readCsv>;
  expect(eeg.header).toEqual(['time_ms', 'eeg_pa', 'spikes_e', 'spikes_i']);
  // One row per whole millisecond run; the spikes of the samples are all the spikes the page got
  // but those of the last, unfinished millisecond.
  expect(eeg.rows.length).toBe(Math.floor(s.timeMs ?? 0));
  const sampled = [...numbers(eeg, 'spikes_e'), ...numbers(eeg, 'spikes_i')].reduce((a, b) => a + b, 0);
  expect(sampled).toBeLessThanOrEqual(s.spikesSinceBuild);
  expect(sampled).toBeGreaterThan(0.99 * s.spikesSinceBuild);

  const spikes = tables.get('spikes') as ReturnType<typeof readCsv>;
  expect(spikes.rows.length).toBeGreaterThan(100);
  expect(new Set(strings(spikes, 'population'))).toEqual(new Set(['E', 'I']));
  const times = numbers(spikes, 'time_ms');
  expect(times.every((t, k) => t >= 0 && t <= (s.timeMs ?? 0) && (k === 0 || t >= times[k - 1]))).toBe(true);

  const rates = tables.get('rates') as ReturnType<typeof readCsv>;
  expect(rates.rows.length).toBe(Math.floor((s.timeMs ?? 0) / 10));
  expect(numbers(rates, 'rate_e_hz').every((x) => x >= 0)).toBe(true);
  expect(
    numbers(rates, 'chi')
      .slice(-10)
      .every((x) => x >= 0 && x <= 1),
  ).toBe(true);
  expect((tables.get('events') as ReturnType<typeof readCsv>).header[0]).toBe('onset_ms');
  expect(problems).toEqual([]);
});

test('the picture holds the sheet, the plots and a caption; the settings file runs on the command line', async ({
  page,
}) => {
  await runFor(page, 1500);
  const picture = await download(page, 'png');
  expect(picture.name).toMatch(/^refractory-seed4-t\d+\.\ds\.png$/);
  const measured = await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    ctx.drawImage(bitmap, 0, 0);
    /** Pixels clearly unlike both the page's and the sheet's background, in a region. */
    const drawn = (x: number, y: number, w: number, h: number): number => {
      const d = ctx.getImageData(x, y, w, h).data;
      let count = 0;
      for (let p = 0; p < d.length; p += 4) {
        const far = (r: number, g: number, b: number) =>
          Math.abs(d[p] - r) + Math.abs(d[p + 1] - g) + Math.abs(d[p + 2] - b) > 24;
        if (far(0x0f, 0x14, 0x20) && far(0x0a, 0x0e, 0x18)) count++;
      }
      return count / (w * h);
    };
    return {
      width: bitmap.width,
      height: bitmap.height,
      sheet: drawn(16, 38, 640, 640),
      plots: drawn(672, 38, 760, 600),
      caption: drawn(16, bitmap.height - 60, 1000, 50),
    };
  }, readFileSync(picture.path).toString('base64'));
  expect(measured.width).toBe(1448);
  expect(measured.height).toBeGreaterThan(700);
  expect(measured.sheet).toBeGreaterThan(0.2);
  expect(measured.plots).toBeGreaterThan(0.01);
  expect(measured.caption).toBeGreaterThan(0.005);

  const settings = await download(page, 'scenario');
  expect(settings.name).toBe('exported-settings.json');
  const json = JSON.parse(readFileSync(settings.path, 'utf8'));
  expect(validateScenario(json).params).toEqual({ gaba: 0.7, side: 32, seed: 4 });
  const cli = runCli(['run', '--scenario', settings.path, '--duration-s', '0.5', '--json']);
  expect(cli.stderr).toBe('');
  expect(JSON.parse(cli.stdout).params).toMatchObject({ gaba: 0.7, side: 32, seed: 4 });
});

test('loading a scenario file: bad ones are refused with every problem named and nothing changed; a good one applies', async ({
  page,
}) => {
  const problems = collectPageProblems(page);
  await openPage(page, QUERY);
  await expect(page.locator('#export-panel')).toBeVisible();
  await expect.poll(() => new URL(page.url()).search).toBe(QUERY);
  const storeParams = () => page.evaluate(() => window.__refractory?.params());
  const before = {
    address: new URL(page.url()).search,
    gaba: await page.locator('#gaba').inputValue(),
    params: await storeParams(),
  };
  const alert = page.locator('#export-problem');
  const unchanged = async (): Promise<void> => {
    // A file is checked whole before anything reaches the store: once the problem is shown, the
    // store holds what it held, so the address (which follows the store) has nothing to follow.
    expect(await storeParams()).toEqual(before.params);
    expect(new URL(page.url()).search).toBe(before.address);
    expect(await page.locator('#gaba').inputValue()).toBe(before.gaba);
    expect((await snapshot(page)).engineGaba).toBe(0.7);
  };

  await chooseFile(page, 'broken.json', '{"name": "x", "params": {');
  await expect(alert).toContainText('broken.json was not loaded:');
  await expect(alert).toContainText('Invalid JSON');
  await expect(alert).toContainText('Nothing was changed.');
  await unchanged();

  await chooseFile(page, 'huge.json', Buffer.alloc(SCENARIO_MAX_BYTES + 1, 0x20));
  await expect(alert).toContainText(`The file is ${SCENARIO_MAX_BYTES + 1} bytes; a scenario file may have at most`);
  await unchanged();

  const outOfRange = {
    name: 'too-much',
    description: 'Out of range.',
    params: { gaba: 9, pgp: -1 },
    drugs: ['phenytoin=200/12'],
    durationS: 60,
    demonstrates: 'nothing',
  };
  await chooseFile(page, 'too-much.json', JSON.stringify(outOfRange));
  await expect(alert.locator('li')).toHaveText([
    /^"params": gaba=9 is not allowed: gaba takes a number in/,
    /^"params": pgp=-1/,
  ]);
  await unchanged();
  expect(await page.evaluate(() => window.__refractory?.treatment().drugs)).toEqual([]);

  // Dropped on the page, as from a file manager.
  const good = { ...outOfRange, name: 'good', params: { gaba: 0.5, seed: 9 }, atHours: 336 };
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'good.json', { type: 'application/json' }));
    document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, JSON.stringify(good));
  await expect(page.locator('#export-message')).toHaveText(
    'Loaded "good" from good.json: gaba=0.5, seed=9; phenytoin=200/12 at 336 h.',
  );
  await expect(alert).toBeEmpty();
  await waitForSnapshot(
    page,
    (s) => s.engineGaba === 0.5 && s.seed === 9 && s.engineAtHours === 336 && s.engineDrugs?.[0] === 'phenytoin',
    'the engine runs the loaded settings',
  );
  // Every parameter comes from the file (side back to its default), as a preset loads.
  await expect.poll(() => new URL(page.url()).search).toBe('?gaba=0.5&seed=9&drug=phenytoin=200/12&at=336');
  expect(problems).toEqual([]);
});
