// npm run bench:page: the page in headless Chromium (dist/ must be built). Prints the worker's
// compute per frame (1 epoch for every panel + every field, timed inside the worker with
// performance.now()) at 128x128 and 256x256 fields, and the time to the first drawn frame.
import {availableParallelism, loadavg} from 'node:os';

import {launch, openPage} from '../tests/browser/browser.mjs';

// 10 panels (the default set), 2-8-8-1 networks, 500 points of which 250 train.
const BASE = '#points=500&split=0.5&layers=8,8&speed=1&controls=true';
const WARMUP_FRAMES = 20;
const FRAMES = 120;
const NAVIGATIONS = 5;

function stats(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return {median: at(0.5), p90: at(0.9), mean, min: sorted[0], max: sorted[sorted.length - 1]};
}

function fmt(s) {
  return `median ${s.median.toFixed(2)} ms, mean ${s.mean.toFixed(2)}, p90 ${s.p90.toFixed(2)}, ` +
      `min ${s.min.toFixed(2)}, max ${s.max.toFixed(2)}`;
}

// Plays the page and returns the worker's timings of FRAMES frames after a warm-up.
async function frameTimes(context, url, resolution) {
  const page = await openPage(context, `${url}${BASE}&res=${resolution}`);
  await page.waitForFunction(
      (n) => window.reluLabDebug.frames >= n, WARMUP_FRAMES + FRAMES,
      {timeout: 600000, polling: 200});
  const samples = await page.evaluate(
      (n) => window.reluLabDebug.compute.filter((c) => c.trainMs > 0).slice(-n), FRAMES);
  const panels = samples[0].panels;
  const wallStart = await page.evaluate(() => [performance.now(), window.reluLabDebug.frames]);
  await page.waitForTimeout(3000);
  const wallEnd = await page.evaluate(() => [performance.now(), window.reluLabDebug.frames]);
  const fps = (1000 * (wallEnd[1] - wallStart[1])) / (wallEnd[0] - wallStart[0]);
  if (page.problems.length) console.log('page problems:', page.problems);
  await page.close();
  return {
    panels,
    compute: stats(samples.map((s) => s.computeMs)),
    train: stats(samples.map((s) => s.trainMs)),
    field: stats(samples.map((s) => s.fieldMs)),
    draw: stats(samples.map((s) => s.drawMs)),
    fps,
  };
}

async function firstFrame(context, url) {
  const times = [];
  const steps = {};
  let backend = '';
  for (let i = 0; i < NAVIGATIONS; ++i) {
    const page = await openPage(context, `${url}${BASE}&res=128`, {reducedMotion: 'reduce'});
    const {firstFrameMs, marks, compute} = await page.evaluate(() => window.reluLabDebug);
    times.push(firstFrameMs);
    marks.firstFrameWorker = compute[0].computeMs;
    marks.firstFrameDraw = compute[0].drawMs;
    for (const [key, ms] of Object.entries(marks)) (steps[key] ||= []).push(ms);
    backend = await page.getAttribute('html', 'data-backend');
    await page.close();
  }
  return {backend, ttff: stats(times), steps};
}

const cores = availableParallelism();
console.log(
    `load average before the run: ${loadavg()[0].toFixed(2)} on ${cores} cores ` +
    '(other work inflates every figure)');
const session = await launch();
try {
  const {backend, ttff, steps} = await firstFrame(session.context, session.url);
  console.log(`bench:page  headless Chromium, backend ${backend}, ${BASE.slice(1)}`);
  console.log(
      `time to first frame (navigation start -> first field drawn, ${NAVIGATIONS} loads): ` +
      fmt(ttff));
  const medians = Object.entries(steps).map(([k, v]) => `${k} ${stats(v).median.toFixed(0)} ms`);
  console.log(`  medians (since navigation; firstFrame* are durations): ${medians.join(', ')}`);
  for (const resolution of [128, 256]) {
    const r = await frameTimes(session.context, session.url, resolution);
    console.log(`${r.panels} panels, ${resolution}x${resolution} fields, ${FRAMES} frames:`);
    console.log(`  worker compute per frame (1 epoch + ${r.panels} fields): ${fmt(r.compute)}`);
    console.log(`    of which training: ${fmt(r.train)}`);
    console.log(`    of which fields:   ${fmt(r.field)}`);
    console.log(`  main thread drawing per frame (fields, points, charts): ${fmt(r.draw)}`);
    console.log(`  frames drawn per second while playing: ${r.fps.toFixed(1)}`);
  }
} finally {
  await session.close();
}
