// npm run bench:trace: where a frame's time goes on the playing page. Records a Chromium trace
// (CDP Tracing through playwright-core's CDPSession) of the page with 10 panels for a few
// seconds, then sums each thread's busy time (the union of its top-level events, so nesting is
// not counted twice) per frame the page drew, and the main thread's heaviest events. With
// `--fallback` the page draws the fields on its own thread (OffscreenCanvas hidden from it);
// by default both paths are traced, one after the other, in one run.
import {launch, openPage} from '../tests/browser/fixture.mjs';

import {forceMainThreadFields} from './page-paths.mjs';

const BASE = '#points=500&split=0.5&layers=8,8&speed=1&ease=false&controls=true&res=128';
const WARMUP_FRAMES = 20;
const TRACE_MS = 4000;
const CATEGORIES = [
  'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame', 'blink', 'cc', 'gpu', 'viz', 'v8.execute',
  'benchmark', 'latencyInfo'
].join(',');

// Every event of a trace, read from its stream; `stopped()` runs as the trace ends.
async function record(cdp, ms, stopped) {
  await cdp.send('Tracing.start', {
    categories: CATEGORIES,
    transferMode: 'ReturnAsStream',
    options: 'record-as-much-as-possible',
  });
  await new Promise((resolve) => setTimeout(resolve, ms));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await stopped();
  const {stream} = await done;
  let text = '';
  for (;;) {
    const {data, eof, base64Encoded} = await cdp.send('IO.read', {handle: stream, size: 1 << 20});
    text += base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data;
    if (eof) break;
  }
  await cdp.send('IO.close', {handle: stream});
  const parsed = JSON.parse(text);
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

// The summed length of `intervals` ([start, end] in µs) without counting overlaps twice.
function union(intervals) {
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0, end = -Infinity;
  for (const [s, e] of intervals) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

// Busy ms per thread ("process/thread") and the main thread's heaviest events (inclusive ms).
export function summarise(events, rendererPid) {
  const names = new Map(), processes = new Map();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'thread_name') names.set(`${e.pid}/${e.tid}`, e.args.name);
    if (e.name === 'process_name') processes.set(e.pid, e.args.name);
  }
  const busy = new Map(), heavy = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !(e.dur > 0)) continue;
    let thread = names.get(`${e.pid}/${e.tid}`) ?? `thread ${e.tid}`;
    // Workers share a name: each one counts on its own.
    if (thread === 'DedicatedWorker thread') thread += ` ${e.tid}`;
    const key =
        `${processes.get(e.pid) ?? e.pid}${e.pid === rendererPid ? ' (page)' : ''}/${thread}`;
    if (!busy.has(key)) busy.set(key, []);
    busy.get(key).push([e.ts, e.ts + e.dur]);
    if (e.pid === rendererPid && thread === 'CrRendererMain') {
      heavy.set(e.name, (heavy.get(e.name) ?? 0) + e.dur / 1000);
    }
  }
  const threads =
      [...busy].map(([key, spans]) => ({key, ms: union(spans) / 1000})).sort((a, b) => b.ms - a.ms);
  const top = [...heavy].sort((a, b) => b[1] - a[1]).slice(0, 14);
  const count = (name) =>
      events.filter((e) => e.pid === rendererPid && e.name === name && e.ph === 'X').length;
  const counts =
      Object.fromEntries(['Layout', 'Paint', 'ProxyMain::BeginMainFrame', 'HandlePostMessage'].map(
          (n) => [n, count(n)]));
  const drawn = events.filter((e) => e.name === 'DrawFrame' || e.name === 'Display::DrawAndSwap');
  return {threads, top, counts, compositorFrames: drawn.length};
}

async function traceOnce(session, fallback) {
  const page = await openPage(
      session.context, `${session.url}${BASE}`,
      {init: fallback ? forceMainThreadFields : undefined});
  await page.waitForFunction(
      (n) => window.reluLabTest.frames >= n, WARMUP_FRAMES, {timeout: 600000, polling: 100});
  const cdp = await session.context.newCDPSession(page);
  const {processId: rendererPid} = await cdp.send('SystemInfo.getProcessInfo').catch(() => ({}));
  const before = await page.evaluate(() => [performance.now(), window.reluLabTest.frames]);
  let after;
  const read = () => page.evaluate(() => [performance.now(), window.reluLabTest.frames]);
  const events = await record(cdp, TRACE_MS, async () => (after = await read()));
  const offscreen = await page.evaluate(() => document.documentElement.dataset.fields);
  await page.close();
  // The renderer is the process whose main thread ran the page's frames.
  const pid = rendererPid ??
      events.find((e) => e.name === 'FunctionCall' || e.name === 'RunMicrotasks')?.pid;
  const frames = after[1] - before[1];
  const seconds = (after[0] - before[0]) / 1000;
  return {fallback, offscreen, frames, seconds, ...summarise(events, pid)};
}

function report(r) {
  const perFrame = (ms) => (r.frames ? ms / r.frames : NaN).toFixed(1);
  console.log(
      `\n${r.fallback ? 'fallback (fields drawn on the page\'s thread)' : 'default'}: ` +
      `data-fields=${r.offscreen}, ${r.frames} frames in ${r.seconds.toFixed(1)} s = ` +
      `${(r.frames / r.seconds).toFixed(1)} frames/s; ${r.compositorFrames} compositor frames`);
  console.log('| thread | busy ms/s | busy ms/frame |');
  console.log('| :-- | --: | --: |');
  for (const {key, ms} of r.threads.slice(0, 12)) {
    console.log(`| ${key} | ${(ms / r.seconds).toFixed(0)} | ${perFrame(ms)} |`);
  }
  console.log(`page events per frame: ${
      Object.entries(r.counts).map(([n, c]) => `${n} ${(c / r.frames).toFixed(1)}`).join(', ')}`);
  console.log('page main thread, heaviest events (inclusive, nested ones counted in each):');
  console.log(r.top.map(([name, ms]) => `${name} ${perFrame(ms)} ms/frame`).join('; '));
}

const only = process.argv.includes('--fallback') ? [true] :
    process.argv.includes('--workers')           ? [false] :
                                                   [true, false];
const session = await launch();
try {
  for (const fallback of only) report(await traceOnce(session, fallback));
} finally {
  await session.close();
}
