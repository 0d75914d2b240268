// The network diagram of the detail view: weights drawn as links, each weight and bias editable
// (the next field and metrics are the edited network's, the epoch goes on), bad values refused
// with the trainer's or the form's message; and the axe scan of the view stays clean.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {axe, openPage, panelData, useBrowser, WAIT_MS, waitForEpoch} from './fixture.mjs';

const session = useBrowser();

function fieldHash(page, index) {
  return page.$eval(`.panel[data-index="${index}"] canvas`, (c) => {
    const data = canvasPixels(c);  // fixture.mjs
    let h = 0;
    for (let i = 0; i < data.length; i += 7) h = (h * 31 + data[i]) >>> 0;
    return h;
  });
}

// One worker, and two (panel 1 is then the second worker's panel 0: the edit must reach it).
for (const [workers, activation, index] of [[1, 'relu', 0], [2, 'tanh', 1]]) {
  test(
      `${workers} worker(s): editing a bias of ${activation} changes its next field and metrics`,
      async () => {
        // Reduced motion: the page starts paused at epoch 0, so one Step is epoch 1. Paused while
        // playing it would stop wherever its workers had got to, past the epoch shown.
        const page = await openPage(
            session.context, `${session.url}#exp=relu-vs-tanh&workers=${workers}`,
            {reducedMotion: 'reduce'});
        await page.click('#step');
        await waitForEpoch(page, 1);
        const before = {
          field: await fieldHash(page, index),
          loss: (await panelData(page))[index].trainLoss
        };
        await page.click(`.panel[data-activation="${activation}"] .panel-open`);
        await page.waitForSelector(
            '#detail[open] .weight-editor select option', {state: 'attached'});
        const answer = () => page.textContent('.weight-answer');
        // A typo is caught by the form; a value beyond the trainer's range by the trainer.
        await page.selectOption('.weight-which', {label: 'bias of output'});
        await page.fill('.weight-value', 'abc');
        await page.click('.weight-editor button');
        assert.match(await answer(), /"abc" is not a number/);
        await page.fill('.weight-value', '5000');
        await page.click('.weight-editor button');
        await page.waitForFunction(
            () => document.querySelector('.weight-answer').classList.contains('weight-error') &&
                /1000/.test(document.querySelector('.weight-answer').textContent),
            null, {timeout: WAIT_MS});
        assert.equal(await answer(), 'value 5000 is not a finite number within -1000..1000');
        // A large negative output bias: the network says "orange" nearly everywhere.
        await page.fill('.weight-value', '-8');
        await page.click('.weight-editor button');
        await page.waitForFunction(
            () => /^Set/.test(document.querySelector('.weight-answer').textContent), null,
            {timeout: WAIT_MS});
        await page.waitForFunction(
            ([i, loss]) => document.querySelectorAll('.panel')[i].dataset.trainLoss !== loss,
            [index, before.loss], {timeout: WAIT_MS});
        const after = (await panelData(page))[index];
        assert.ok(
            Number(after.trainLoss) > 2 * Number(before.loss),
            `${before.loss} -> ${after.trainLoss}`);
        assert.equal(after.epoch, '1', 'an edit is not a step');
        assert.equal(await page.inputValue('.weight-value'), '-8');
        // The frame that brought the new loss drew the edited network's field.
        assert.notEqual(await fieldHash(page, index), before.field);
        await page.click('#detail .detail-close');
        // Training goes on from the edited network.
        await page.click('#step');
        await waitForEpoch(page, 2);
        // Chromium's hint about this test's own pixel readbacks is not a problem of the page.
        assert.deepEqual(page.problems.filter((p) => !p.includes('willReadFrequently')), []);
        await page.close();
      });
}

test('the detail view with its diagram and editor has no axe violations', async () => {
  const page = await openPage(session.context, `${session.url}#exp=relu-vs-tanh`);
  await page.evaluate(() => window.reluLabTest.setPlaying(false));
  await page.click('.panel[data-activation="tanh"] .panel-open');
  await page.waitForSelector('#detail[open] .weight-editor select option', {state: 'attached'});
  assert.deepEqual(await axe(page), []);
  await page.close();
});
