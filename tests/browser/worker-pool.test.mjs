// The page with its panels shared among several workers (the workers= key): identical numbers
// and fields for 1, 2 and 3 workers, the panels of every drawn frame at one epoch, a pause that
// leaves all of them at the same epoch, and the note on coarser fields under load. Conditions
// are awaited; durations are reported only.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openPage, useBrowser, WAIT_MS} from './fixture.mjs';

// Minibatches (shuffles), PReLU per unit and a parameter override: all must split cleanly.
const SETTINGS = '#dataset=spiral&points=400&layers=6,6&batch=9&preluMode=channel&res=64&' +
    'activations=relu,leaky_relu:0.3,prelu,elu,gelu,silu,softplus,tanh,sigmoid,linear,relu';
const EPOCHS = 25;

const session = useBrowser();

// Trains a paused page EPOCHS epochs in one request; returns what its frame showed.
async function trainedFrame(workers) {
  const page = await openPage(
      session.context, `${session.url}${SETTINGS}&workers=${workers}`, {reducedMotion: 'reduce'});
  assert.equal(await page.evaluate(() => window.reluLabTest.workers), workers);
  await page.evaluate((n) => window.reluLabTest.step(n), EPOCHS);
  await page.waitForFunction(
      (n) => window.reluLabTest.lastFrame.epochs === n, EPOCHS, {timeout: WAIT_MS, polling: 50});
  // The fields as the workers compute them (a frame whose fields they painted carries none).
  const frame = await page.evaluate(async () => {
    const test = window.reluLabTest;
    const {metrics, resolution, workerMs} = test.lastFrame;
    const [{fields}] = await test.fieldsAt(['final'], resolution);
    return {metrics, fields: fields.map((f) => Array.from(f)), resolution, parts: workerMs.length};
  });
  const created = await page.evaluate(() => window.reluLabTest.arenaSettings);
  assert.deepEqual(page.problems, []);
  await page.close();
  return {frame, created};
}

test('1, 2 and 3 workers give the same metrics and fields, bit for bit', async () => {
  const one = await trainedFrame(1);
  assert.equal(one.frame.parts, 1);
  assert.equal(one.frame.metrics.length, 11);
  assert.ok(one.frame.metrics.every((m) => m.epoch === EPOCHS));
  for (const workers of [2, 3]) {
    const many = await trainedFrame(workers);
    assert.equal(many.frame.parts, workers, 'each worker drew its share');
    assert.deepEqual(many.created, one.created, `settings echo with ${workers} workers`);
    assert.deepEqual(many.frame.metrics, one.frame.metrics, `metrics with ${workers} workers`);
    assert.equal(many.frame.resolution, one.frame.resolution);
    many.frame.fields.forEach((field, i) => {
      assert.ok(field.every((v, k) => Object.is(v, one.frame.fields[i][k])), `field ${i}`);
    });
  }
});

test(
    '2 workers in play: every frame at one epoch, and a pause stops all at the same one',
    async (t) => {
      const page = await openPage(session.context, `${session.url}${SETTINGS}&workers=2`);
      // The frames that arrive from here on, each as the number of distinct epochs of its panels.
      const since = await page.evaluate(() => performance.now());
      await page.waitForFunction(
          (t0) =>
              window.reluLabTest.events.filter((e) => e.type === 'frame' && e.t >= t0).length >= 30,
          since, {timeout: WAIT_MS, polling: 100});
      await page.click('#play');
      await page.waitForSelector(
          'html[data-worker-paused="true"]', {state: 'attached', timeout: WAIT_MS});
      const seen = await page.evaluate(
          (t0) => window.reluLabTest.events.filter((e) => e.type === 'frame' && e.t >= t0)
                      .map((e) => e.panelEpochs.length),
          since);
      assert.ok(seen.every((distinct) => distinct === 1), 'panels of one frame share its epoch');
      const last = await page.evaluate(() => {
        const {epochs, steps, metrics} = window.reluLabTest.lastFrame;
        return {epochs, steps, distinct: new Set(metrics.map((m) => m.epoch)).size};
      });
      assert.equal(last.distinct, 1, 'the paused frame\'s panels share one epoch');
      assert.equal(await page.getAttribute('html', 'data-epochs'), String(last.epochs));
      t.diagnostic(`${seen.length} frames in lockstep, paused at step ${last.steps}`);
      assert.deepEqual(page.problems, []);
      await page.close();
    });

test(
    'under load the note names the coarser training resolution; a pause refines and hides it',
    async (t) => {
      const heavy = '#layers=16,16,16&res=512&points=1000&activations=' +
          'relu,leaky_relu,prelu,elu,gelu,gelu_tanh,silu,softplus,tanh,sigmoid,linear,relu';
      const page = await openPage(session.context, `${session.url}${heavy}&workers=1`);
      const note = await page.waitForSelector(
          '.resolution-note[data-coarse="true"]', {state: 'visible', timeout: WAIT_MS});
      const text = await note.textContent();
      const shown = Number(await note.getAttribute('data-resolution'));
      assert.ok(shown < 512, `training at ${shown} px`);
      assert.match(text, new RegExp(`^Fields at ${shown} px while training \\(512 px`));
      await page.click('#play');
      await page.waitForSelector(
          'html[data-worker-paused="true"]', {state: 'attached', timeout: WAIT_MS});
      await page.waitForSelector('.resolution-note', {state: 'hidden', timeout: WAIT_MS});
      const paused = await page.evaluate(() => window.reluLabTest.lastFrame.resolution);
      assert.equal(paused, 512, 'the paused frame is drawn at the chosen resolution');
      t.diagnostic(`note: "${text}"`);
      assert.deepEqual(page.problems, []);
      await page.close();
    });
