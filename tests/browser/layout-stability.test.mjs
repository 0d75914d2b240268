// Nothing on the page moves while it trains: the layout-shift score (a PerformanceObserver of
// 'layout-shift' entries, as Chromium reports Cumulative Layout Shift) stays under 0.05 while
// the epoch grows from one digit to three (the landing's run to its stop, then Play), at 1400,
// 700 and 390 px. The play bar's width must not depend on the epoch's digits.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openPage, useBrowser, WAIT_MS} from './fixture.mjs';

const session = useBrowser();

const VIEWPORTS = [
  {width: 1400, height: 900},
  {width: 700, height: 900},
  {width: 390, height: 844},
];
// From "5.88" to "135.84": the widths the epoch's text takes on the way.
const UNTIL_EPOCH = 120;

for (const viewport of VIEWPORTS) {
  test(`${viewport.width} px: training moves nothing (layout shift < 0.05)`, async () => {
    const page = await openPage(session.context, session.url, {viewport});
    const start = Number(await page.getAttribute('html', 'data-epochs'));
    assert.ok(start < 10, `the run is young when the measuring starts (epoch ${start})`);
    await page.evaluate(() => {
      window.shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.hadRecentInput) continue;
          window.shifts.push({
            value: entry.value,
            nodes: entry.sources.map(
                (s) => s.node?.id || s.node?.className || s.node?.nodeName || '?'),
          });
        }
      }).observe({type: 'layout-shift'});
    });
    // The landing's experiment pauses at its stop; Play trains on past it, as a reader would.
    await page.waitForFunction(
        () => document.documentElement.dataset.workerPaused === 'true', null,
        {timeout: WAIT_MS, polling: 200});
    await page.click('#play');
    await page.waitForFunction(
        (n) => Number(document.documentElement.dataset.epochs) >= n, UNTIL_EPOCH,
        {timeout: WAIT_MS, polling: 200});
    const shifts = await page.evaluate(() => window.shifts);
    const sum = shifts.reduce((s, e) => s + e.value, 0);
    assert.ok(
        sum < 0.05,
        `layout shift ${sum.toFixed(3)} over ${shifts.length} shifts: ${
            JSON.stringify(shifts.sort((a, b) => b.value - a.value).slice(0, 8))}`);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}
