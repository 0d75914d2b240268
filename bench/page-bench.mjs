// npm run bench:page: the playing page in headless Chromium (dist/ must be built) with 2 and with
// 10 panels, its fields drawn by the page's thread (the fallback, forced: page-paths.mjs) and by
// the workers (the default), the workers' play paced from the page's thread (a request per
// frame, as several workers are) or by the worker itself (the default for one worker), all
// measured in turn, twice, in one run: drift in the machine's load hits every row alike; then a
// post of three embedded figures. Compare rows as ratios; absolute figures are the machine's of
// the moment.
import {availableParallelism, loadavg} from 'node:os';

import {figureHost} from '../tests/browser/embed-pages.mjs';
import {launch, openPage} from '../tests/browser/fixture.mjs';

import {renderTable} from './bench-lib.mjs';
import {forceMainThreadFields} from './page-paths.mjs';

// 2-8-8-1 networks, 500 points of which 250 train, one epoch per frame from the start (no slow
// start), fields at 128^2 at most (the pool may train at a coarser grid: adaptive-resolution.js).
const BASE = '#points=500&split=0.5&layers=8,8&speed=1&ease=false&controls=true&res=128';
const PANELS = {
  2: '&activations=relu,tanh',
  10: ''
};
// Where the fields are drawn / who paces play: the fallback (page, pool), the workers with the
// pool's request per frame, and the workers pacing themselves.
// The last row holds the grid at 128 px (the adaptive resolution may train at a coarser one).
const PATHS = ['page/pool', 'worker/pool', 'worker/self', 'worker/self/held'];
const PATH_NAMES = {
  'page/pool': 'page (fallback), paced by the pool',
  'worker/pool': 'workers, paced by the pool',
  'worker/self': 'workers, self-paced',
  'worker/self/held': 'workers, self-paced, grid held',
};
const ROUNDS = Number(process.env.ROUNDS || 2);
const WARMUP_FRAMES = 20;
const PLAY_MS = 4000;
const DISPLAY_MS = 3000;
const SCRUBS = 12;

function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
}

// Plays for PLAY_MS: the page's main-thread task time (CDP Performance metrics) and the workers'
// time per frame; then for DISPLAY_MS with an animation-frame counter (which makes the page's
// thread run a frame every display frame, so it is kept out of the task time): frames whose
// fields reached the screen and the page's animation frames.
async function playing(page, cdp) {
  await page.waitForFunction(
      (n) => window.reluLabTest.frames >= n, WARMUP_FRAMES, {timeout: 600000, polling: 100});
  const task = async () => (await cdp.send('Performance.getMetrics'))
                               .metrics.find((m) => m.name === 'TaskDuration')
                               .value;
  const taskBefore = await task();
  const load = await page.evaluate(async (ms) => {
    const test = window.reluLabTest;
    const framesBefore = test.frames;
    // Tasks of the page's thread over 50 ms (the browser's long tasks) while it trains.
    let longTasks = 0;
    const observer = new PerformanceObserver((list) => {
      longTasks += list.getEntries().length;
    });
    observer.observe({type: 'longtask'});
    await new Promise((resolve) => setTimeout(resolve, ms));
    observer.disconnect();
    const frames = test.frames - framesBefore;
    const recent = test.compute.slice(-frames);
    return {
      frames,
      worker: recent.map((c) => c.workerMs.reduce((a, b) => a + b, 0)),
      resolution: recent.map((c) => c.resolution),
      longTasks,
      firstFrameMs: test.firstFrameMs,
    };
  }, PLAY_MS);
  const taskMs = (await task() - taskBefore) * 1000;
  const display = await page.evaluate(async (ms) => {
    const test = window.reluLabTest;
    const start = performance.now(), framesBefore = test.frames;
    let animation = 0, onScreen = 0, seen = test.frames, go = true;
    // Where the page draws, a display frame shows new fields if a frame came since the last one
    // (two in one display frame: one is never seen). Where the workers draw, each painted frame
    // has a display frame of its own (trainer/paint-clock.js).
    const tick = () => {
      animation += 1;
      if (test.frames !== seen) onScreen += 1;
      seen = test.frames;
      if (go) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    await new Promise((resolve) => setTimeout(resolve, ms));
    go = false;
    const painted = document.documentElement.dataset.fields === 'worker';
    const frames = test.frames - framesBefore;
    return {
      seconds: (performance.now() - start) / 1000,
      onScreen: painted ? frames : onScreen,
      animation
    };
  }, DISPLAY_MS);
  return {...load, taskMs, ...display};
}

// Pauses, then moves the timeline one kept epoch at a time: from the input event to the page's
// handling of the frame that shows it (end to end) and the worker's time for that frame.
async function scrubbing(page) {
  await page.evaluate(() => window.reluLabTest.setPlaying(false));
  await page.waitForSelector('html[data-worker-paused="true"]', {state: 'attached'});
  return page.evaluate(async (moves) => {
    const test = window.reluLabTest;
    const range = document.getElementById('timeline-range');
    const out = [];
    for (let k = 0; k < moves; ++k) {
      const i = Number(range.max) - 1 - (k % Math.max(1, Number(range.max) - 1));
      const start = performance.now();
      const count = test.events.length;
      range.value = String(i);
      range.dispatchEvent(new Event('input', {bubbles: true}));
      // The frame of the epoch asked for: the page records each frame it handles (test-hook.js).
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (test.events.length > count && test.lastFrame.time.shown !== null) break;
        if (performance.now() - start > 10000) break;
      }
      const frame = test.lastFrame;
      const arrived = test.events.at(-1).t;
      out.push({
        endToEnd: arrived - start,
        worker: Math.max(...frame.workerMs),
        fields: frame.fieldMs,
        paint: frame.paintMs,
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return out;
  }, SCRUBS);
}

async function measure(context, url, panels, path) {
  const [where, pacing, held] = path.split('/');
  const page = await openPage(
      context, `${url}${BASE}${PANELS[panels]}`,
      {init: where === 'page' ? forceMainThreadFields : undefined});
  const drawn = await page.evaluate(() => document.documentElement.dataset.fields);
  if (drawn !== where) throw new Error(`asked for fields drawn by the ${where}, got ${drawn}`);
  if (pacing === 'pool') {
    // The pacing of several workers, for one: from the next Play on (test-hook.js).
    await page.evaluate(() => {
      const test = window.reluLabTest;
      test.paceInPool();
      test.setPlaying(false);
      test.setPlaying(true);
    });
  }
  if (held) await page.evaluate(() => window.reluLabTest.holdResolution());
  const size = await page.evaluate(() => window.reluLabTest.workers);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const play = await playing(page, cdp);
  const scrub = await scrubbing(page);
  if (page.problems.length) console.log('page problems:', page.problems);
  await page.close();
  return {play, scrub, size};
}

// A post with three figures of two panels each, playing: the frames each figure draws per second
// (a figure draws its own fields on the page's thread) and the page's animation frames.
const POST = ['relu,tanh', 'elu,gelu', 'leaky_relu,silu']
                 .map(
                     (a, i) => `<relu-lab-figure autoplay activations="${a}" seed="${
                         i + 3}" speed="1" panel-size="200"></relu-lab-figure>`)
                 .join('\n');

async function measurePost(session) {
  const host = await session.serve({pages: {'/post.html': figureHost(POST), '/favicon.ico': ''}});
  const page = await session.context.newPage();
  await page.goto(`${host.url}post.html`);
  await page.waitForFunction(
      () => [...document.querySelectorAll('relu-lab-figure')].every(
          (f) => f.metrics.length && f.metrics[0].epoch >= 3),
      null, {timeout: 600000, polling: 100});
  const result = await page.evaluate(async (ms) => {
    const figures = [...document.querySelectorAll('relu-lab-figure')];
    const last = figures.map((f) => f.metrics);
    const frames = figures.map(() => 0);
    let animation = 0, go = true;
    const tick = () => {
      animation += 1;
      figures.forEach((f, i) => {
        if (f.metrics !== last[i]) frames[i] += 1;
        last[i] = f.metrics;
      });
      if (go) requestAnimationFrame(tick);
    };
    const start = performance.now();
    requestAnimationFrame(tick);
    await new Promise((resolve) => setTimeout(resolve, ms));
    go = false;
    const seconds = (performance.now() - start) / 1000;
    return {perFigure: frames.map((n) => n / seconds), animation: animation / seconds};
  }, DISPLAY_MS);
  await page.close();
  return result;
}

const cores = availableParallelism();
console.log(
    `load average before the run: ${loadavg()[0].toFixed(2)} on ${cores} cores ` +
    '(other work inflates every figure)');
const session = await launch();
const results = {};  // `${panels}/${path}` -> {play: [], scrub: []}
const posts = [];    // measurePost's, one per round
try {
  for (let round = 0; round < ROUNDS; ++round) {
    for (const panels of Object.keys(PANELS)) {
      for (const path of PATHS) {
        const r = await measure(session.context, session.url, panels, path);
        const key = `${panels}/${path}`;
        results[key] ??= {play: [], scrub: [], size: r.size};
        results[key].play.push(r.play);
        results[key].scrub.push(...r.scrub);
      }
    }
    posts.push(await measurePost(session));
  }
} finally {
  await session.close();
}
console.log(`load average after the run: ${loadavg()[0].toFixed(2)}`);

const header = [
  'panels', 'fields drawn by, pool', 'frames on screen/s', 'animation frames/s',
  'main-thread tasks/frame', 'worker/frame', 'training grid', 'long tasks', 'first frame',
  'scrub end to end', 'scrub worker', 'of it fields / paint'
];
const rows = [];
const ms = (x) => `${x.toFixed(1)} ms`;
for (const panels of Object.keys(PANELS)) {
  for (const path of PATHS) {
    const {play, scrub, size} = results[`${panels}/${path}`];
    const sum = (key) => play.reduce((total, p) => total + p[key], 0);
    const seconds = sum('seconds');
    const frames = sum('frames');
    rows.push([
      panels, `${PATH_NAMES[path]}, ${size} worker${size > 1 ? 's' : ''}`,
      (sum('onScreen') / seconds).toFixed(1), (sum('animation') / seconds).toFixed(1),
      ms(sum('taskMs') / frames), ms(median(play.flatMap((p) => p.worker))),
      `${median(play.flatMap((p) => p.resolution))}^2`, String(sum('longTasks')),
      ms(median(play.map((p) => p.firstFrameMs))), ms(median(scrub.map((s) => s.endToEnd))),
      ms(median(scrub.map((s) => s.worker))),
      `${ms(median(scrub.map((s) => s.fields)))} / ${ms(median(scrub.map((s) => s.paint)))}`
    ]);
  }
}
console.log(
    `bench:page  headless Chromium, ${BASE.slice(1)}, ${ROUNDS} rounds of ${PLAY_MS / 1000} s ` +
    `playing (+ ${DISPLAY_MS / 1000} s counting display frames) and ${
        SCRUBS} timeline moves per row`);
console.log(renderTable(header, rows, {markdown: true, markdownLeft: (i) => i < 2}));
console.log(
    'frames on screen/s: frames whose fields reached a display frame; animation frames/s: the ' +
    'page\'s requestAnimationFrame rate (its thread\'s freedom); main-thread tasks/frame: CDP ' +
    'TaskDuration of the page\'s thread per frame, without the counter running; worker/frame: the median frame\'s time in all ' +
    'workers (train, fields, painting where they paint); long tasks: the page\'s tasks over 50 ms ' +
    'while playing (all rounds); first frame: from navigation to the first frame drawn; scrub: a ' +
    'timeline move, from the input ' +
    'event to the page handling the frame of that epoch (fields on screen by then where the ' +
    'workers paint), and that frame\'s worker time (medians).');
const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
console.log(
    `\nA post of three figures (two panels each, autoplay, speed 1), ${DISPLAY_MS / 1000} s per ` +
    `round: frames drawn per figure per second ${
        posts.map((p) => p.perFigure.map((f) => f.toFixed(1)).join(' / ')).join(', ')} (mean ${
        mean(posts.flatMap((p) => p.perFigure)).toFixed(1)}); the page's animation frames ${
        posts.map((p) => p.animation.toFixed(1)).join(', ')}/s.`);
