// The revival claim in headless Chromium: run from its link's Test it, its study finds a unit that
// died and came back, and the example link opens that seed at the epoch of the comeback, paused,
// where the detail view's unit life names the unit as revived.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openPage, useBrowser, WAIT_MS} from './fixture.mjs';

const session = useBrowser();

test('the revival claim holds and its example opens at the revival\'s epoch', async () => {
  const page = await openPage(
      session.context, `${session.url}#study=claim&claim=dead-revive&seeds=5`,
      {reducedMotion: 'reduce'});
  // A link names the claim; the reader runs it.
  await page.click('[data-claim="dead-revive"] .claim-test');
  await page.waitForFunction(
      () => document.querySelector('#evidence')?.dataset.state === 'done', null,
      {timeout: WAIT_MS});
  assert.equal(
      await page.$eval('[data-claim="dead-revive"] .claim-verdict', (e) => e.dataset.verdict),
      'holds here');
  // The example, in the result shown at the claim.
  const line =
      await page.$eval('[data-claim="dead-revive"] .evidence-verdicts', (e) => e.textContent);
  const [, seed, layer, unit, died, back] = line.match(
      /seed (\d+): layer (\d+) unit (\d+) dead from epoch (\d+), alive again at epoch (\d+)/);
  assert.ok(Number(back) > Number(died) && Number(died) > 0, line);
  assert.equal(await page.textContent('.claim-example'), `Open seed ${seed} at epoch ${back}`);
  await page.click('.claim-example');
  await page.waitForFunction((n) => {
    const panels = [...document.querySelectorAll('.panel')];
    return panels.length === 1 && panels[0].dataset.epoch === n;
  }, back, {timeout: WAIT_MS, polling: 50});
  assert.match(page.url(), new RegExp(`[#&]seed=${seed}(&|$)`));
  assert.match(page.url(), new RegExp(`[#&]at=${back}(&|$)`));
  assert.equal(await page.getAttribute('html', 'data-playing'), 'false');
  await page.click('.panel[data-activation="relu"]');
  const named = `layer ${layer} unit ${unit}: died in epoch ${died}, revived in epoch ${back}`;
  await page.waitForFunction(
      (text) => document.querySelector('.detail-life-text')?.textContent.includes(text), named,
      {timeout: WAIT_MS});
  assert.deepEqual(page.problems, []);
  await page.close();
});
