#!/usr/bin/env node
/**
 * Browser frame timing (issue 4's speed targets), in headless Chromium with software WebGL:
 * builds the app, serves it with `vite preview`, opens it at a viewport, lets it run, and measures
 * over a window of wall time:
 *
 *   - frames per second the page paints (a requestAnimationFrame counter in the page);
 *   - the worker's achieved speed (simulated time per wall time, from the frames' clock);
 *   - main-thread work per frame: the durations of the renderer main thread's top-level tasks
 *     (Chrome trace, category devtools.timeline, "RunTask"), summed over the window and divided
 *     by the frames painted; also the median and 95th percentile of single tasks.
 *
 * With --plots the activity plots are scrolled into view (they draw only while visible), and each
 * run also reports the plots' draw time per frame (median and 90th percentile over the window),
 * then draws each plot 60 times from the history it holds, JavaScript only and with a pixel
 * read-back that waits for the GPU (median per plot).
 *
 * With --split (and a lecture scene in --query, e.g. "?lecture=5") the page opens split screen
 * (key S) before the window, and each run also reports both sides' achieved speed (simulated
 * time per wall time of each side's worker, from the lecture snapshot).
 *
 * Usage: npm run bench:browser -- [--runs 3] [--seconds 10] [--query "?gaba=0.6"] [--width 1366 --height 768]
 *                                  [--dpr 1] [--plots] [--split]
 * Prints one line per run and the medians. Not part of `npm test`: timing belongs in benchmarks,
 * which report and never fail on a figure (the browser tests assert behaviour only).
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../e2e/chromium.mjs';
import { flagReader, median } from './bench-args.mjs';
import { buildAndServe } from './serve-app.mjs';

const args = process.argv.slice(2);
const flag = flagReader(args);
const runs = Number(flag('runs', 3));
const seconds = Number(flag('seconds', 10));
const query = flag('query', '');
const width = Number(flag('width', 1366));
const height = Number(flag('height', 768));
const dpr = Number(flag('dpr', 1));
const plots = args.includes('--plots');
const split = args.includes('--split');
if (split && !/lecture=\d/.test(query)) {
  console.error('--split needs a lecture scene in --query, e.g. --query "?lecture=5"');
  process.exit(2);
}
/** Each split-screen side's simulated time (ms), in the page's order. */
const splitTimes = (page) =>
  page.evaluate(() => (window.__refractory?.lecture?.()?.split ?? []).map((side) => [side.side, side.timeMs ?? 0]));
const PORT = 4330;
const OUT = 'node_modules/.cache/refractory-bench-dist';

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

const server = await buildAndServe(OUT, PORT);
try {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const results = [];
  for (let r = 0; r < runs; r++) {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: dpr });
    await page.goto(`http://127.0.0.1:${PORT}/${query}`);
    await page.waitForFunction(() => (window.__refractory?.snapshot().framesDrawn ?? 0) > 10, null, {
      timeout: 60_000,
    });
    if (plots) await page.locator('#plots-panel').scrollIntoViewIfNeeded();
    if (split) {
      const notice = page.locator('#safety-dismiss');
      if (await notice.isVisible().catch(() => false)) await notice.click();
      await page.keyboard.press('s');
      await page.waitForFunction(
        () => {
          const sides = window.__refractory?.lecture?.()?.split ?? [];
          return sides.length === 2 && sides.every((side) => (side.timeMs ?? 0) > 1000);
        },
        null,
        { timeout: 120_000 },
      );
    }
    await page.waitForTimeout(3000); // warm-up
    const split0 = split ? await splitTimes(page) : [];
    const splitWall0 = split ? await page.evaluate(() => performance.now()) : 0;
    await page.evaluate(() => {
      const w = window;
      w.__benchFrames = 0;
      const tick = () => {
        w.__benchFrames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const t0 = await page.evaluate(() => ({
      wall: performance.now(),
      sim: window.__refractory.snapshot().timeMs,
      drawn: window.__refractory.snapshot().framesDrawn,
      plotsDrawn: window.__refractoryPlots?.framesDrawn() ?? 0,
    }));
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await page.waitForTimeout(seconds * 1000);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
    const t1 = await page.evaluate(() => ({
      wall: performance.now(),
      sim: window.__refractory.snapshot().timeMs,
      drawn: window.__refractory.snapshot().framesDrawn,
      frames: window.__benchFrames,
      plotsDrawn: window.__refractoryPlots?.framesDrawn() ?? 0,
      plotDrawMs: window.__refractoryPlots?.drawTimesMs() ?? [],
    }));
    const events = trace.traceEvents ?? trace;
    const mainTid = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const tasks = events.filter(
      (e) => e.ph === 'X' && e.name === 'RunTask' && mainTid && e.pid === mainTid.pid && e.tid === mainTid.tid,
    );
    const taskMs = tasks.map((e) => e.dur / 1000);
    // Thread (CPU) time of the same tasks: a task's wall time also counts the main thread blocked
    // in "Commit", waiting for the compositor (with software rendering, most of a frame).
    const taskCpuMs = tasks.map((e) => (e.tdur ?? e.dur) / 1000);
    const commitMs = events
      .filter((e) => e.ph === 'X' && e.name === 'Commit' && mainTid && e.pid === mainTid.pid && e.tid === mainTid.tid)
      .map((e) => ({ wall: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000 }));
    if (args.includes('--breakdown')) {
      // Where the main thread's time goes: complete events by name (nested ones overlap their parents).
      const byName = new Map();
      for (const e of events) {
        if (e.ph !== 'X' || !mainTid || e.pid !== mainTid.pid || e.tid !== mainTid.tid) continue;
        const key =
          e.name === 'FunctionCall' && e.args?.data?.functionName
            ? `FunctionCall ${e.args.data.functionName} ${e.args.data.url ?? ''}:${e.args.data.lineNumber ?? ''}`
            : e.name;
        byName.set(key, (byName.get(key) ?? 0) + e.dur / 1000);
      }
      const top = [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
      for (const [name, ms] of top)
        console.log(`  ${(ms / Math.max(1, seconds)).toFixed(1).padStart(7)} ms/s  ${name}`);
    }
    const wallMs = t1.wall - t0.wall;
    const splitSpeeds = [];
    if (split) {
      const split1 = await splitTimes(page);
      const splitWallMs = (await page.evaluate(() => performance.now())) - splitWall0;
      for (const [k, [side, timeMs]] of split1.entries()) {
        splitSpeeds.push({ side, speed: (timeMs - (split0[k]?.[1] ?? 0)) / splitWallMs });
      }
    }
    const result = {
      splitSpeeds,
      fps: (t1.frames / wallMs) * 1000,
      sheetFps: ((t1.drawn - t0.drawn) / wallMs) * 1000,
      speed: (t1.sim - t0.sim) / wallMs,
      mainMsPerFrame: taskMs.reduce((a, b) => a + b, 0) / Math.max(1, t1.frames),
      mainCpuMsPerFrame: taskCpuMs.reduce((a, b) => a + b, 0) / Math.max(1, t1.frames),
      commitWallMsPerFrame: commitMs.reduce((a, c) => a + c.wall, 0) / Math.max(1, t1.frames),
      commitCpuMsPerFrame: commitMs.reduce((a, c) => a + c.cpu, 0) / Math.max(1, t1.frames),
      taskMedianMs: taskMs.length ? median(taskMs) : 0,
      taskP95Ms: taskMs.length ? quantile(taskMs, 0.95) : 0,
    };
    if (plots) {
      // The draws of this window (the probe keeps the most recent ones).
      const window_ = t1.plotDrawMs.slice(-Math.min(t1.plotsDrawn - t0.plotsDrawn, t1.plotDrawMs.length));
      result.plotDraws = window_.length;
      result.plotDrawMedianMs = window_.length ? median(window_) : Number.NaN;
      result.plotDrawP90Ms = window_.length ? quantile(window_, 0.9) : Number.NaN;
      await page.evaluate(() => window.__refractory?.setPlaying(false));
      await page.waitForFunction(() => window.__refractory?.snapshot().paused === true, null, { timeout: 60_000 });
      for (const flush of [false, true]) {
        const draws = await page.evaluate((f) => window.__refractoryPlots?.benchmark(60, f) ?? [], flush);
        const perPlot = [0, 1, 2, 3].map((k) => median(draws.map((d) => d[k])));
        result[flush ? 'plotsReadBackMs' : 'plotsJsMs'] = perPlot;
      }
      console.log(
        `  plots: ${result.plotDraws} draws in the window, median ${result.plotDrawMedianMs.toFixed(2)} ms, p90 ${result.plotDrawP90Ms.toFixed(2)} ms; 60 draws each from the paused history (raster, LFP, rate, χ): JS only ${result.plotsJsMs.map((x) => x.toFixed(2)).join(', ')} ms, with read-back ${result.plotsReadBackMs.map((x) => x.toFixed(2)).join(', ')} ms`,
      );
    }
    results.push(result);
    if (split)
      console.log(`  split screen: ${splitSpeeds.map((x) => `${x.side} ${x.speed.toFixed(2)}×`).join(', ')} real time`);
    console.log(
      `run ${r + 1}: ${result.fps.toFixed(1)} fps (sheet redrawn ${result.sheetFps.toFixed(1)} times per s), worker ${result.speed.toFixed(2)}× real time, main thread per frame: ${result.mainCpuMsPerFrame.toFixed(2)} ms CPU, ${result.mainMsPerFrame.toFixed(2)} ms wall, of which ${result.commitWallMsPerFrame.toFixed(2)} ms wall (${result.commitCpuMsPerFrame.toFixed(2)} ms CPU) waiting in Commit (tasks: median ${result.taskMedianMs.toFixed(2)} ms, p95 ${result.taskP95Ms.toFixed(2)} ms)`,
    );
    await page.close();
  }
  await browser.close();
  const m = (key) => median(results.map((x) => x[key]));
  console.log(
    `median of ${runs} (${width}×${height}${query ? `, ${query}` : ''}, ${seconds} s each): ${m('fps').toFixed(1)} fps (sheet redrawn ${m('sheetFps').toFixed(1)}/s), worker ${m('speed').toFixed(2)}× real time, main thread ${m('mainCpuMsPerFrame').toFixed(2)} ms CPU per frame (${m('mainMsPerFrame').toFixed(2)} ms wall, ${m('commitWallMsPerFrame').toFixed(2)} of it waiting in Commit)`,
  );
  if (split) {
    const sides = results[0].splitSpeeds.map((x) => x.side);
    const perSide = sides.map(
      (side, k) => `${side} ${median(results.map((x) => x.splitSpeeds[k]?.speed ?? 0)).toFixed(2)}×`,
    );
    console.log(`  split screen, median: ${perSide.join(', ')} real time`);
  }
  if (plots)
    console.log(
      `  plots: median draw ${m('plotDrawMedianMs').toFixed(2)} ms (p90 ${m('plotDrawP90Ms').toFixed(2)} ms)`,
    );
} finally {
  server.close();
}
