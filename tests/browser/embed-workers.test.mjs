// The figures of one page and their workers: an element out of the document starts nothing, and
// many figures share a bounded number of trainer workers (one per core but one, at most four)
// while each trains its own panels with its own settings, to the same numbers as alone.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {figureHost} from './embed-pages.mjs';
import {newPage, useBrowser, WAIT_MS, waitForFigureEpoch} from './fixture.mjs';

const session = useBrowser({viewport: {width: 1000, height: 900}});

// Opens `body` in a host page; `page.trainers` lists the trainer workers it started.
async function open(body) {
  const host = await session.serve({pages: {'/t.html': figureHost(body), '/favicon.ico': ''}});
  const page = await newPage(session.context);
  page.trainers = [];
  page.on('worker', (worker) => {
    if (/worker\.js$|^blob:/.test(worker.url())) page.trainers.push(worker.url());
  });
  await page.goto(`${host.url}t.html`);
  return page;
}

// Steps every figure of `page` to `epoch` once it is ready, and waits until each shows it.
async function stepAll(page, epoch) {
  await page.waitForFunction(
      () => [...document.querySelectorAll('relu-lab-figure')].every((f) => f.state === 'paused'),
      null, {timeout: WAIT_MS, polling: 200});
  await page.evaluate((n) => {
    for (const f of document.querySelectorAll('relu-lab-figure')) f.step(n);
  }, epoch);
  await page.waitForFunction(
      (n) => [...document.querySelectorAll('relu-lab-figure')].every(
          (f) => f.metrics.length && f.metrics[0].epoch === n),
      epoch, {timeout: WAIT_MS, polling: 200});
}

test('play() on an element out of the document starts nothing', async () => {
  const page = await open('<relu-lab-figure id="in" loading="eager"></relu-lab-figure>');
  await page.evaluate(() => {
    // Never connected, and connected then removed: both asked to play.
    window.never = document.createElement('relu-lab-figure');
    window.never.play();
    window.removed = document.createElement('relu-lab-figure');
    document.body.append(window.removed);
    window.removed.remove();
    window.removed.play();
  });
  // The figure in the document trains; by then the others would have started too.
  await page.$eval('#in', (f) => f.play());
  await waitForFigureEpoch(page, '#in', 2);
  const states = await page.evaluate(() => [window.never.state, window.removed.state]);
  assert.deepEqual(states, ['idle', 'idle']);
  assert.equal(page.trainers.length, 1, page.trainers.join(', '));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test(
    'twenty figures share at most one worker per core but one, each with its own run', async () => {
      const kinds = [
        {activations: 'relu,tanh', seed: 3}, {activations: 'elu', seed: 4},
        {activations: 'sigmoid,leaky_relu,gelu', seed: 5}, {activations: 'relu,tanh', seed: 6}
      ];
      const figures =
          Array.from({length: 20}, (_, i) => ({id: `f${i}`, ...kinds[i % kinds.length]}));
      const markup = figures.map(
          (f) => `<relu-lab-figure id="${f.id}" loading="eager" panel-size="80" ` +
              `activations="${f.activations}" seed="${f.seed}"></relu-lab-figure>`);
      const page = await open(markup.join('\n'));
      // Most of them are off screen, where play pauses: each is stepped to epoch 3 instead.
      await stepAll(page, 3);
      const cap = await page.evaluate(
          () => Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 1) - 1)));
      assert.ok(
          page.trainers.length <= cap, `${page.trainers.length} trainer workers for 20 figures`);
      const shown = await page.$$eval(
          'relu-lab-figure',
          (all) => all.map((f) => ({
                             id: f.id,
                             activations: f.metrics.map((m) => m.activation).join(','),
                             losses: f.metrics.map((m) => m.trainLoss),
                           })));
      // Each figure trains its own panels; figures with the same settings, the same numbers.
      const first = new Map();
      shown.forEach((s, i) => {
        assert.equal(s.activations, figures[i].activations, s.id);
        const key = `${figures[i].activations}/${figures[i].seed}`;
        if (!first.has(key)) first.set(key, s.losses);
        assert.deepEqual(s.losses, first.get(key), `${s.id} as the first ${key}`);
      });
      assert.deepEqual(page.problems, []);
      // A figure that trains alone on its page gets the same numbers as the shared ones.
      const alone = await open(
          '<relu-lab-figure id="a" loading="eager" activations="elu" seed="4"></relu-lab-figure>');
      await stepAll(alone, 3);
      assert.deepEqual(
          await alone.$eval('#a', (f) => f.metrics.map((m) => m.trainLoss)), first.get('elu/4'));
      await alone.close();
      await page.close();
    });
