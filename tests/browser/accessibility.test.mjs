// axe-core on the page as a reader leaves it: the timeline scrubbed back (its epoch in the
// history colour) and a claim run (its strip plot of seed dots that open runs). Every rule, every
// impact: the page has no violation to excuse.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {axe, openPage, useBrowser, WAIT_MS, waitForEpoch} from './fixture.mjs';

const session = useBrowser();

test('axe: no violation with the timeline scrubbed and a claim run', async () => {
  const page = await openPage(session.context, session.url, {reducedMotion: 'reduce'});
  for (let e = 1; e <= 3; ++e) {
    await page.click('#step');
    await waitForEpoch(page, e);
  }
  await page.focus('#timeline-range');
  await page.keyboard.press('Home');
  await page.waitForFunction(
      () => !['live', undefined].includes(document.getElementById('timeline').dataset.shown));
  assert.deepEqual(await axe(page), [], 'timeline scrubbed');

  await page.locator('#evidence').scrollIntoViewIfNeeded();
  await page.waitForSelector('.evidence-form', {timeout: WAIT_MS});
  await page.fill('.evidence-form [name="seeds"]', '3');
  await page.click('[data-claim="half-active"] .claim-test');
  await page.waitForFunction(
      () => document.querySelector('[data-claim="half-active"] .claim-verdict').dataset.verdict,
      null, {timeout: WAIT_MS});
  await page.waitForSelector('.strip-plot .seed-dot', {timeout: WAIT_MS});
  assert.deepEqual(await axe(page), [], 'a claim run');
  assert.deepEqual(page.problems, []);
  await page.close();
});
