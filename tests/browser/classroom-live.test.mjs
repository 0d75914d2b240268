// Live settings and classroom mode in headless Chromium: changing the learning rate (and the
// experiment's "lower it now" action) keeps the run going while changing layers restarts it;
// hide= hides the named controls and page parts and names the unknown ones.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openPage, panelData, useBrowser, WAIT_MS, waitForEpoch} from './fixture.mjs';

const session = useBrowser();

// Every panel's epoch and the epoch shown, read in one turn of the page: nothing can train between
// the reads.
const shown = (page) => page.evaluate(
    () => ({
      panels: [...document.querySelectorAll('.panel')].map((p) => Number(p.dataset.epoch)),
      epoch: document.getElementById('epoch').textContent,
      playing: document.documentElement.dataset.playing,
    }));

// One Step: waits for its frame, then checks that the run stands exactly there, paused.
async function step(page, epoch) {
  await page.click('#step');
  await waitForEpoch(page, epoch);
  const now = await shown(page);
  assert.deepEqual(now.panels, now.panels.map(() => epoch), `panels after Step to ${epoch}`);
  assert.deepEqual(
      {epoch: now.epoch, playing: now.playing}, {epoch: String(epoch), playing: 'false'});
}
// Reduced motion: the page starts paused at epoch 0. Paused while playing it would stop wherever
// its workers had got to, past the epoch shown, and the Steps below would not end where they say.
const PAUSED = {
  reducedMotion: 'reduce'
};

// With two workers every worker's arena must take the new lr.
for (const workers of [1, 2]) {
  test(
      `${workers} worker(s): changing lr mid-run keeps the epoch; changing layers restarts`,
      async () => {
        const page = await openPage(
            session.context, `${session.url}#exp=relu-vs-tanh&workers=${workers}`, PAUSED);
        assert.deepEqual(await shown(page), {panels: [0, 0], epoch: '0', playing: 'false'});
        for (let e = 1; e <= 3; ++e) await step(page, e);
        const generation = await page.getAttribute('html', 'data-generation');
        await page.fill('#setting-lr', '0.003');
        await page.press('#setting-lr', 'Enter');
        await page.waitForFunction(() => location.hash.includes('lr=0.003'));
        await step(page, 4);  // the run went on from epoch 3
        assert.equal(await page.getAttribute('html', 'data-generation'), generation, 'same arena');
        assert.equal(await page.isHidden('#notice-box'), true, 'no error notice');
        // Layers change the networks' shape: a new arena from epoch 0.
        await page.click('#setting-layers button[data-op="more"][data-layer="0"]');
        await page.waitForFunction(
            (g) => document.documentElement.dataset.generation !== g, generation,
            {timeout: WAIT_MS});
        await page.waitForFunction(() => document.getElementById('epoch').textContent === '0');
        assert.deepEqual(page.problems, []);
        await page.close();
      });
}

test('the dying experiment\'s "lower lr now" goes on from the same epoch; text stays', async () => {
  const page = await openPage(session.context, `${session.url}#exp=dying-in-training`, PAUSED);
  for (let e = 1; e <= 3; ++e) await step(page, e);
  const deadBefore = Number((await panelData(page))[0].deadUnits);
  await page.click('#experiment-actions button[data-action="lower-lr"]');
  await page.waitForFunction(() => /[#&]lr=0\.03(&|$)/.test(location.hash));
  assert.equal(await page.getAttribute('#experiment-box', 'data-left'), 'false');
  assert.match(await page.textContent('#experiment-note'), /training goes on/);
  assert.equal(
      await page.getAttribute('#experiment-actions button[data-action="lower-lr"]', 'aria-pressed'),
      'true');
  for (let e = 4; e <= 10; ++e) await step(page, e);
  const dead = Number((await panelData(page))[0].deadUnits);
  assert.ok(
      dead <= deadBefore + 1 && dead < 7, `ReLU dead: ${deadBefore} at epoch 3, ${dead} at 10`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('hide= hides the named controls and parts; unknown names get a notice', async () => {
  const page = await openPage(
      session.context, `${session.url}#exp=relu-vs-tanh&hide=lr,chart,intro,data,nonsense,play`);
  const visible = (selector) => page.isVisible(selector);
  assert.equal(await visible('#setting-lr'), false);
  assert.equal(await visible('#setting-optimizer'), true);
  assert.equal(await visible('.chart-box'), false);
  assert.equal(await visible('#lede'), false);
  assert.equal(await visible('.group-data'), false);
  assert.equal(await visible('#play'), false);
  assert.equal(await visible('#step'), true);
  assert.equal(await visible('#panels'), true);
  assert.equal(await visible('#notice-box'), true);
  assert.match(await page.textContent('#notices'), /"nonsense" is not a part of the page/);
  // The teacher's hide= survives loading another experiment and is kept in the link.
  await page.click('#experiments button[data-experiment="spiral"]');
  await page.waitForFunction(() => location.hash.includes('exp=spiral'));
  assert.match(await page.evaluate(() => location.hash), /hide=lr,chart,intro,data,play/);
  assert.equal(await visible('#setting-lr'), false);
  // A new link without hide= shows everything again.
  await page.evaluate(() => {
    location.hash = '#exp=relu-vs-tanh';
  });
  await page.waitForFunction(() => !document.querySelector('.classroom-hidden'));
  assert.equal(await visible('#setting-lr'), true);
  await page.close();
});
