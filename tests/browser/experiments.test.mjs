// The curated experiments in headless Chromium: each loads from its button with its explanation,
// trains to its stop epoch and pauses there, and its panels show the numbers its text quotes —
// the numbers tests/web/experiment-facts.test.mjs reads of the same run in Node.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {EXPERIMENTS, factText, findExperiment, stopEpoch} from '../../web/page/experiments.js';

import {openPage, panelData, useBrowser, WAIT_MS} from './fixture.mjs';

// The experiments read here: the landing's, one about dead units and one with five panels.
const CHECKED = ['relu-vs-tanh', 'dying-relu', 'smooth-rectifiers'];

let page;
const session = useBrowser({
  async setup() {
    page = await openPage(session.context, session.url);
  },
});

// A fact as a panel shows it (regions and alphas are other views: not read here).
function shown(panel, fact) {
  if (fact.metric === 'dead') return Number(panel.deadUnits);
  if (fact.metric === 'accuracy') return Math.round(Number(panel.testAccuracy) * 1000) / 10;
  return undefined;
}

for (const id of CHECKED) {
  test(`experiment ${id} pauses at its stop epoch showing its text's numbers`, async () => {
    const {experiment, variant} = findExperiment(id, '');
    const stop = stopEpoch(experiment, variant);
    await page.click(`#experiments button[data-experiment="${id}"]`);
    const names = experiment.settings.activations.map((token) => token.split(':')[0]);
    await page.waitForFunction((n) => {
      const panels = [...document.querySelectorAll('.panel')];
      return panels.map((p) => p.dataset.activation).join() === n.join();
    }, names, {timeout: WAIT_MS});
    assert.equal(
        await page.getAttribute(`button[data-experiment="${id}"]`, 'aria-pressed'), 'true');
    assert.match(await page.evaluate(() => location.hash), new RegExp(`exp=${id}`));
    await page.waitForFunction((epoch) => {
      const panels = [...document.querySelectorAll('.panel')];
      return document.documentElement.dataset.workerPaused === 'true' &&
          panels.every((p) => Number(p.dataset.epoch) === epoch);
    }, stop, {timeout: WAIT_MS, polling: 100});
    const text = await page.textContent('#experiment-text');
    assert.match(text, new RegExp(`Pauses at epoch ${stop},`));
    const panels = await panelData(page);
    for (const [name, fact] of Object.entries(experiment.facts)) {
      assert.ok(text.includes(factText(fact)), `the text quotes ${name}: ${text}`);
      if ((fact.at ?? stop) !== stop) continue;
      for (const panel of [].concat(fact.panel)) {
        const value = shown(panels[panel], fact);
        if (value !== undefined) assert.equal(value, fact.value, `${id}: ${name} on the page`);
      }
    }
    assert.deepEqual(page.problems, []);
  });
}

test('Play trains on past the stop', async () => {
  const before = Number((await panelData(page))[0].epoch);
  await page.click('#play');
  await page.waitForFunction((e) => {
    const panels = [...document.querySelectorAll('.panel')];
    return panels.every((p) => Number(p.dataset.epoch) > e + 2);
  }, before, {timeout: WAIT_MS, polling: 100});
});

test('every experiment has a button', async () => {
  const ids = await page.$$eval('#experiments button', (bs) => bs.map((b) => b.dataset.experiment));
  assert.deepEqual(ids, EXPERIMENTS.map((e) => e.id));
});

test('a link to an epoch before the stop plays on to the stop and pauses there', async () => {
  const link = await openPage(session.context, `${session.url}#exp=dying-in-training&at=10`);
  const epochs = () => link.$$eval('.panel', (ps) => ps.map((p) => Number(p.dataset.epoch)));
  await link.waitForFunction(
      () => [...document.querySelectorAll('.panel')].every((p) => p.dataset.epoch === '10'), null,
      {timeout: WAIT_MS});
  await link.click('#play');
  await link.waitForFunction(() => {
    const root = document.documentElement.dataset;
    return root.playing === 'false' && root.workerPaused === 'true';
  }, null, {timeout: WAIT_MS});
  const {experiment} = findExperiment('dying-in-training', '');
  assert.deepEqual(await epochs(), [experiment.stop, experiment.stop, experiment.stop]);
  assert.deepEqual(link.problems, []);
  await link.close();
});
