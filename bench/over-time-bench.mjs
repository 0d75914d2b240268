// The run's time in headless Chromium, printed (not asserted): how long a timeline move takes
// to redraw all 10 panels at 128x128, and the GIF export of 10 panels x 100 frames at 128 px.
// Usage: bash scripts/build.sh && node bench/over-time-bench.mjs
import {launch, openPage, WAIT_MS} from '../tests/browser/fixture.mjs';

const ALL = 'relu,leaky_relu,prelu,elu,gelu,silu,softplus,tanh,sigmoid,linear';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const session = await launch();
const page = await openPage(
    session.context, `${session.url}#activations=${ALL}&res=128&at=100`, {reducedMotion: 'reduce'});
await page.waitForFunction(
    () => document.getElementById('timeline').dataset.shown === '100', null, {timeout: WAIT_MS});
const scrub = await page.evaluate(async () => {
  const range = document.getElementById('timeline-range');
  const timeline = document.getElementById('timeline');
  const times = [];
  for (let k = 0; k < 40; ++k) {
    const epoch = (k * 7) % 100;
    const t0 = performance.now();
    const shown = new Promise((resolve) => {
      // Observers run after the task that drew the frame (every panel) has finished.
      const observer = new MutationObserver(() => {
        if (timeline.dataset.shown === String(epoch)) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(timeline, {attributes: true});
    });
    range.value = String(epoch);
    range.dispatchEvent(new Event('input'));
    await shown;
    times.push(performance.now() - t0);
  }
  return times;
});
console.log(`scrub to a kept epoch, 10 panels at 128x128 redrawn: median ${
    median(scrub).toFixed(1)} ms, max ${Math.max(...scrub).toFixed(1)} ms (${scrub.length} moves)`);

const parts = await page.evaluate(() => window.reluLabTest.compute.slice(-40));
const med = (key) => median(parts.map((c) => c[key])).toFixed(1);
console.log(
    `  of which: fields ${med('fieldMs')} ms, worker frame ${med('computeMs')} ms, ` +
    `page draw ${med('drawMs')} ms (medians)`);
await page.click('#open-export');
await page.waitForSelector('#export[open]');
await page.fill('#export input[name=from]', '0');
await page.fill('#export input[name=to]', '99');
await page.selectOption('#export select[name=schedule]', 'even');
await page.fill('#export input[name=frames]', '100');
await page.selectOption('#export select[name=size]', '128');
await page.click('#export [data-act=start]');
await page.waitForSelector('#export[data-frames]', {timeout: 10 * WAIT_MS});
const gif = await page.$eval('#export', (d) => ({...d.dataset}));
console.log(`GIF, 10 panels x ${gif.frames} frames at 128 px (${
    await page.$eval('.export-status', (s) => s.textContent)}): ${
    (gif.bytes / 1e6).toFixed(2)} MB in ${(gif.ms / 1000).toFixed(1)} s`);
if (page.problems.length) console.log('problems:', page.problems);
await session.close();
