// The detail view against core in headless Chromium: with every bias at -1.5 most ReLUs die, and
// the view crosses out exactly the units core reports dead (deadMask, checked again by the same
// arena run in Node) and names exactly those dead units that are not silent elsewhere on the plane.
import assert from 'node:assert/strict';
import {mkdir} from 'node:fs/promises';
import {before, test} from 'node:test';

import {openPage, useBrowser, WAIT_MS, waitForEpoch} from './fixture.mjs';

const {loadReluLab} = await import(new URL('../../dist/js/relu-lab.mjs', import.meta.url).href);
const SHOTS = new URL('../../build/screenshots/', import.meta.url).pathname;
const EPOCHS = 5;

const session = useBrowser();
before(() => mkdir(SHOTS, {recursive: true}));

// "layer 1 unit 6, ..." for every [layer][unit] where pick holds, as the detail view names them.
function names(grid, pick) {
  const out = [];
  grid.forEach((layer, l) => layer.forEach((cell, u) => {
    if (pick(cell)) out.push(`layer ${l + 1} unit ${u + 1}`);
  }));
  return out.join(', ');
}

test('the detail view crosses out exactly the units core reports dead', async (t) => {
  const page = await openPage(
      session.context, `${session.url}#bias=-1.5&activations=relu,leaky_relu&layers=8,8&res=64`,
      {reducedMotion: 'reduce'});
  for (let i = 0; i < EPOCHS; ++i) await page.keyboard.press('s');
  await waitForEpoch(page, EPOCHS);
  await page.click('.panel[data-activation="relu"]');
  await page.waitForFunction(
      (n) => document.querySelector('.detail-facts').textContent.includes(`epoch ${n}`) &&
          document.querySelector('.detail-network').dataset.crossed !== undefined,
      EPOCHS, {timeout: WAIT_MS});
  const shown = await page.$eval('.detail-network', (c) => ({...c.dataset}));
  const facts = await page.textContent('.detail-facts');
  const backend = await page.getAttribute('html', 'data-backend');
  const {arenaSettings, lastFrame} = await page.evaluate(() => {
    const {arenaSettings, lastFrame} = window.reluLabTest;
    return {arenaSettings, lastFrame};
  });

  // Core, again, in Node: the same settings and build, the same epochs.
  const lab = await loadReluLab({backend});
  const arena = lab.createArena(arenaSettings);
  arena.train(EPOCHS);
  const core = arena.metrics()[0];
  const activity = arena.unitActivity(0, 64);
  arena.delete();

  assert.deepEqual(lastFrame.metrics[0].deadMask, core.deadMask);
  const dead = names(core.deadMask, (d) => d);
  assert.ok(core.deadUnits > 0, 'bias -1.5 kills some ReLUs');
  assert.equal(shown.crossed, dead);
  assert.match(facts, new RegExp(`dead units \\(crossed out\\) ${core.deadUnits} of 16`));
  assert.equal((facts.match(/\d+ of \d+/g) || []).length, 1, `one count: ${facts}`);
  const elsewhere = names(activity, (a) => a.deadTrain && !a.silentDomain);
  assert.equal(shown.liveElsewhere, elsewhere);
  if (elsewhere) assert.match(await page.textContent('.detail-units'), /not silent everywhere/);
  t.diagnostic(`crossed out: ${dead}; dead yet not silent on the plane: ${elsewhere || 'none'}`);
  await page.screenshot({path: `${SHOTS}detail-dead-relu.png`});
  assert.deepEqual(page.problems, []);
  await page.close();
});
