// npm run bench:page: the page in headless Chromium (dist/ must be built), with 1 and with 2
// trainer workers measured back to back in one run. Prints the worker compute per frame (1 epoch
// for every panel + every field, timed inside the workers; with 2 workers the slower one's, as
// the frame waits for it), where the time goes, frames drawn per second and time to first frame.
import {availableParallelism, loadavg} from 'node:os';

import {launch, openPage} from '../tests/browser/fixture.mjs';

import {renderTable} from './bench-lib.mjs';

// 10 panels (the default set), 2-8-8-1 networks, 500 points of which 250 train; one epoch per
// frame from the start (no slow start), so every frame is an epoch and its fields.
const BASE = '#points=500&split=0.5&layers=8,8&speed=1&ease=false&controls=true';
const RESOLUTIONS = [128, 256];
const POOLS = [1, 2];
const ROUNDS = 2;  // 1, 2, 1, 2 workers: drift in the machine's load hits both alike
const WARMUP_FRAMES = 20;
const FRAMES = 100;
const FPS_MS = 3000;
const NAVIGATIONS = 4;
const TARGETS = {
  compute128: 6,
  compute256: 16,
  fps: 55,
  firstFrame: 500
};

function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// Plays the page at a fixed field resolution and returns FRAMES frames' timings after a
// warm-up, the frames drawn per second, and the resolution the adaptive pool picked before.
async function playing(context, url, resolution, workers) {
  const page = await openPage(context, `${url}${BASE}&res=${resolution}&workers=${workers}`);
  await page.waitForFunction(
      (n) => window.reluLabTest.frames >= n, WARMUP_FRAMES, {timeout: 600000, polling: 100});
  const adaptive = await page.evaluate(() => {
    const {holdResolution, compute} = window.reluLabTest;
    // The compute targets are for the chosen grid: stop the pool trading resolution for time.
    holdResolution();
    return compute.at(-1).resolution;
  });
  await page.waitForFunction(
      ([n, res]) =>
          window.reluLabTest.compute.filter((c) => c.trainMs > 0 && c.resolution === res).length >=
          n,
      [FRAMES, resolution], {timeout: 600000, polling: 200});
  const samples = await page.evaluate(
      ([n, res]) =>
          window.reluLabTest.compute.filter((c) => c.trainMs > 0 && c.resolution === res).slice(-n),
      [FRAMES, resolution]);
  const start = await page.evaluate(() => [performance.now(), window.reluLabTest.frames]);
  await page.waitForTimeout(FPS_MS);
  const end = await page.evaluate(() => [performance.now(), window.reluLabTest.frames]);
  if (page.problems.length) console.log('page problems:', page.problems);
  await page.close();
  return {samples, adaptive, fps: (1000 * (end[1] - start[1])) / (end[0] - start[0])};
}

async function firstFrames(context, url, workers) {
  const times = [];
  for (let i = 0; i < NAVIGATIONS; ++i) {
    const page = await openPage(
        context, `${url}${BASE}&res=128&workers=${workers}`, {reducedMotion: 'reduce'});
    times.push(await page.evaluate(() => window.reluLabTest.firstFrameMs));
    await page.close();
  }
  return times;
}

const ms = (x) => x.toFixed(1);
const cores = availableParallelism();
console.log(
    `load average before the run: ${loadavg()[0].toFixed(2)} on ${cores} cores ` +
    '(other work inflates every figure)');
const session = await launch();
const results = {};  // `${resolution}/${workers}` -> {samples, fps, adaptive, firstFrame}
try {
  for (let round = 0; round < ROUNDS; ++round) {
    for (const resolution of RESOLUTIONS) {
      for (const workers of POOLS) {
        const r = await playing(session.context, session.url, resolution, workers);
        const key = `${resolution}/${workers}`;
        results[key] ??= {samples: [], fps: [], adaptive: []};
        results[key].samples.push(...r.samples);
        results[key].fps.push(r.fps);
        results[key].adaptive.push(r.adaptive);
      }
    }
    for (const workers of POOLS) {
      const key = `128/${workers}`;
      (results[key].firstFrame ??= [])
          .push(...await firstFrames(session.context, session.url, workers));
    }
  }
} finally {
  await session.close();
}

const header = [
  'fields', 'workers', 'compute/frame', 'speed-up', 'train', 'fields', 'sum of workers',
  'frame arrives', 'drawing', 'frames/s', 'first frame', 'adaptive picks'
];
const rows = [];
for (const resolution of RESOLUTIONS) {
  const one = median(results[`${resolution}/1`].samples.map((s) => s.computeMs));
  for (const workers of POOLS) {
    const r = results[`${resolution}/${workers}`];
    const of = (key) => median(r.samples.map((s) => s[key]));
    const compute = of('computeMs');
    rows.push([
      `${resolution}^2`, workers, `${ms(compute)} ms`, `${(one / compute).toFixed(2)}x`,
      `${ms(of('trainMs'))} ms`, `${ms(of('fieldMs'))} ms`,
      `${ms(median(r.samples.map((s) => s.workerMs.reduce((a, b) => a + b, 0))))} ms`,
      `${ms(of('arriveMs'))} ms`, `${ms(of('drawMs'))} ms`, median(r.fps).toFixed(1),
      r.firstFrame ? `${median(r.firstFrame).toFixed(0)} ms` : '-', `${Math.min(...r.adaptive)} px`
    ]);
  }
}
console.log(
    `bench:page  headless Chromium, ${BASE.slice(1)}, 10 panels, ${FRAMES * ROUNDS} ` +
    `frames per row (medians), ${NAVIGATIONS * ROUNDS} loads for the first frame`);
console.log(renderTable(header, rows, {markdown: true, markdownLeft: (i) => i === 0}));
console.log(
    `targets: <= ${TARGETS.compute128} ms per frame on one worker at 128^2, <= ` +
    `${TARGETS.compute256} ms at 256^2, >= ${TARGETS.fps} frames/s, first frame < ` +
    `${TARGETS.firstFrame} ms`);
console.log(
    'compute/frame: 1 epoch + 10 fields + metrics inside the (slower) worker; train/fields: ' +
    'its parts; sum of workers: CPU time of all workers; frame arrives: worker post -> page ' +
    'handler (postMessage + the page thread being busy); drawing: the page\'s draw of one ' +
    'frame; adaptive picks: the smallest training resolution the 16 ms budget chose before it ' +
    'was turned off for the measurement.');
