// The evidence section in headless Chromium: a K=5 comparison shows progress and renders its
// plot, table and verdicts; a seed opens that run in the panels; the same study URL gives the
// same numbers (the table's text); cancel stops the workers; a 3-point sweep and a claim render.
// Waits for conditions only, never on time.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openPage, useBrowser, WAIT_MS} from './fixture.mjs';

let page;
const PANELS = '#activations=relu,leaky_relu,tanh';
const session = useBrowser({
  async setup() {
    page = await openPage(session.context, session.url + PANELS, {reducedMotion: 'reduce'});
    // The section loads as a reader scrolls near it.
    await page.locator('#evidence').scrollIntoViewIfNeeded();
    await page.waitForSelector('.evidence-form', {timeout: WAIT_MS});
  },
  teardown() {
    assert.deepEqual(page.problems, []);
  },
});

async function fill(values) {
  for (const [name, value] of Object.entries(values)) {
    const selector = `.evidence-form [name="${name}"]`;
    if (name === 'study')
      await page.check(`${selector}[value="${value}"]`);
    else if (await page.$eval(selector, (e) => e.tagName) === 'SELECT')
      await page.selectOption(selector, value);
    else
      await page.fill(selector, String(value));
  }
}

const state = () => page.$eval('#evidence', (e) => e.dataset.state);
const waitState = (s) => page.waitForFunction(
    (x) => document.querySelector('#evidence').dataset.state === x, s, {timeout: WAIT_MS});
const tableText = () => page.$eval('.evidence-table', (t) => t.textContent);

test('a K=5 comparison shows progress, then its plot, table and verdicts', async () => {
  await fill({study: 'compare', seeds: 5, studyEpochs: 40, target: 95});
  await page.click('.evidence-run');
  await page.waitForSelector('.evidence-progress:not([hidden])', {timeout: WAIT_MS});
  await waitState('done');
  assert.equal(await page.$$eval('.evidence-plot svg .seed-dot', (d) => d.length), 15);
  assert.equal(await page.$$eval('.evidence-table tbody tr', (r) => r.length), 3);
  const verdicts = await page.$$eval('.evidence-verdicts li', (l) => l.map((x) => x.textContent));
  assert.equal(verdicts.length, 2);
  // In display names and plain words; the statistics on hover.
  for (const v of verdicts) {
    assert.match(
        v, /^(Leaky ReLU|tanh) reached 95% test accuracy [a-z ]+ ReLU on (\d of 5|all 5) seeds/);
  }
  const linked = await page.evaluate(() => window.reluLabTest.table.parse(location.hash).settings);
  assert.deepEqual(
      [linked.study, linked.seeds, linked.studyEpochs], ['compare', 5, 40],
      'the link names the study');
});

test('a seed opens that run in the panels', async () => {
  const link = await page.$('.evidence-table tbody tr:nth-child(3) td:nth-child(5) a');
  const seed = Number((await link.textContent()).match(/seed (\d+)/)[1]);
  await link.click();
  await page.waitForFunction(
      (s) => window.reluLabTest.arenaSettings?.seed === s, seed, {timeout: WAIT_MS});
  assert.match(await page.evaluate(() => location.hash), new RegExp(`[#&]seed=${seed}(&|$)`));
  // The study still describes the panels' settings: a seed is not a change of study.
  assert.equal(await page.$eval('#evidence', (e) => e.dataset.stale), 'false');
});

// Opens a link and waits for the evidence section's form (it loads as a reader scrolls near it).
async function openStudyLink(hash) {
  const linked = await openPage(session.context, session.url + hash, {reducedMotion: 'reduce'});
  await linked.locator('#evidence').scrollIntoViewIfNeeded();
  await linked.waitForSelector('.evidence-form', {timeout: WAIT_MS});
  return linked;
}

test('the same study URL fills the form; Run gives the same numbers', async () => {
  const first = await tableText();
  const hash = await page.evaluate(() => location.hash);
  const again = await openStudyLink(hash);
  // ready() has run: a study started by the link would be running now.
  assert.equal(await again.$eval('#evidence', (e) => e.dataset.state), 'idle');
  assert.match(
      await again.textContent('.evidence-status'),
      /This link fills in a comparison: 5 runs of 40 epochs: about \d+ s on \d workers?\. Press Run/);
  assert.equal(await again.inputValue('.evidence-form [name="seeds"]'), '5');
  await again.click('.evidence-run');
  await again.waitForFunction(
      () => document.querySelector('#evidence').dataset.state === 'done', null, {timeout: WAIT_MS});
  assert.equal(await again.$eval('.evidence-table', (t) => t.textContent), first);
  assert.deepEqual(again.problems, []);
  await again.close();
});

test('a link to the largest study starts nothing and says what Run would cost', async () => {
  const linked = await openStudyLink(
      '#activations=relu,tanh&study=sweep&sweepPoints=12&seeds=200&studyEpochs=2000');
  assert.equal(await linked.$eval('#evidence', (e) => e.dataset.state), 'idle');
  assert.equal(await linked.$eval('#evidence', (e) => e.dataset.workers ?? '0'), '0');
  assert.match(
      await linked.textContent('.evidence-status'),
      /a sweep: 2,400 runs of 2,000 epochs: about [\d.]+ (min|h|days) on \d workers?\. Press Run/);
  assert.match(await linked.textContent('.evidence-cost'), /^Run: 2,400 runs of 2,000 epochs/);
  await linked.fill('.evidence-form [name="seeds"]', '10');
  await linked.waitForFunction(
      () => /^Run: 120 runs/.test(document.querySelector('.evidence-cost').textContent), null,
      {timeout: WAIT_MS});
  // A claim's link marks the claim; its button runs it.
  const claim = await openStudyLink('#study=claim&claim=half-active');
  assert.equal(await claim.$eval('#evidence', (e) => e.dataset.state), 'idle');
  assert.match(await claim.textContent('.evidence-status'), /press its Test it button below/);
  assert.equal(
      await claim.$eval('[data-claim="half-active"]', (c) => c.classList.contains('claim-linked')),
      true);
  assert.deepEqual([...linked.problems, ...claim.problems], []);
  await linked.close();
  await claim.close();
});

test('cancel stops the workers', async () => {
  await fill({study: 'compare', seeds: 200, studyEpochs: 2000});
  await page.click('.evidence-run');
  await waitState('running');
  await page.waitForFunction(
      () => /[1-9]\d* of 200 runs/.test(document.querySelector('.progress-text').textContent), null,
      {timeout: WAIT_MS});
  await page.click('.evidence-cancel');
  await waitState('cancelled');
  assert.equal(await page.$eval('#evidence', (e) => e.dataset.workers), '0');
  assert.equal(await page.$eval('.evidence-run', (b) => b.disabled), false);
  assert.equal(await state(), 'cancelled');
});

test('a 3-point sweep renders a line per network', async () => {
  await fill({
    study: 'sweep',
    seeds: 5,
    studyEpochs: 10,
    sweepKey: 'lr',
    sweepPoints: 3,
    outcome: 'deadFraction'
  });
  await page.click('.evidence-run');
  await waitState('done');
  assert.equal(await page.$$eval('.evidence-plot svg polyline', (l) => l.length), 3);
  const head = await page.$$eval('.evidence-table thead th', (h) => h.map((x) => x.textContent));
  assert.deepEqual(head, ['network', 'lr 0.0001', 'lr 0.01', 'lr 1']);
  assert.equal(
      await page.textContent('.evidence-plot svg .y-title'), 'dead hidden units (fraction)');
});

test(
    'a claim\'s result shows at the claim in plain words, with a note and Undo for the panels',
    async () => {
      await fill({seeds: 5});
      const claim = '[data-claim="elu-faster"]';
      await page.click(`${claim} .claim-test`);
      // The panels change with a visible note beside the claim; Undo is one press away.
      await page.waitForSelector(
          `${claim} .evidence-panels-note:not([hidden]) .evidence-undo`, {timeout: WAIT_MS});
      assert.match(
          await page.textContent(`${claim} .evidence-panels-note`),
          /The panels above now show this claim's setting \(ReLU, ELU\)/);
      await page.waitForFunction(
          (c) => document.querySelector(`${c} .claim-verdict`).dataset.verdict !== '', claim,
          {timeout: WAIT_MS});
      await page.waitForSelector(`${claim} .evidence-plot svg`, {timeout: WAIT_MS});
      // Next to the claim: the result box is inside its item, right under its button.
      const gap = await page.evaluate((c) => {
        const button = document.querySelector(`${c} .claim-test`).getBoundingClientRect();
        const plot = document.querySelector(`${c} .evidence-plot`).getBoundingClientRect();
        return plot.top - button.bottom;
      }, claim);
      assert.ok(gap >= 0 && gap < 400, `the plot starts ${gap} px below the claim's button`);
      await page.waitForFunction(
          (c) => document.activeElement.closest(c) !== null, claim, {timeout: WAIT_MS});
      const lines = await page.$$eval(
          `${claim} .evidence-verdicts li`,
          (l) => l.map((x) => ({text: x.textContent, title: x.title})));
      assert.match(lines[0].text, /^The claim (holds here|does not hold here|within noise)\.$/);
      assert.match(
          lines[1].text,
          /^ELU reached 95% test accuracy (as fast as|faster than|slower than) ReLU on \d of 5 seeds.*: (a|no) clear difference here\.$/);
      assert.doesNotMatch(lines[1].text, /elu|relu|CI/);
      assert.match(
          lines[1].title,
          /95% CI \[.*\].*bootstrap interval of the median \(the 5 seeds resampled 2000 times\)/);
      await page.click(`${claim} .evidence-undo`);
      await page.waitForFunction(
          () => document.querySelectorAll('.panel').length === 3, null, {timeout: WAIT_MS});
      assert.match(page.url(), /activations=relu,leaky_relu,tanh/);
      assert.match(
          await page.textContent(`${claim} .evidence-panels-note`), /back to the setting you had/);
    });

test('a claim loads its setting and produces a verdict', async () => {
  await fill({seeds: 5});
  await page.click('[data-claim="half-active"] .claim-test');
  await page.waitForFunction(
      () => document.querySelector('[data-claim="half-active"] .claim-verdict').dataset.verdict !==
          '',
      null, {timeout: WAIT_MS});
  const verdict =
      await page.$eval('[data-claim="half-active"] .claim-verdict', (e) => e.dataset.verdict);
  assert.ok(['holds here', 'does not hold here', 'within noise'].includes(verdict), verdict);
  assert.match(await page.evaluate(() => location.hash), /study=claim&.*claim=half-active/);
  await page.waitForFunction(
      () => document.querySelectorAll('.panel').length === 1, null, {timeout: WAIT_MS});
});
