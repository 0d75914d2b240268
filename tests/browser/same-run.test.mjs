// Whatever path leads to a state, the run is the one its link starts, epoch by epoch: an
// experiment clicked on the landing, a variant, a learning rate lowered while training, Back.
// Runs are compared through the kept epochs (reluLabTest.metricsAt), read after a pause, so the
// moment each page was read does not matter.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {newPage, openPage, useBrowser, WAIT_MS, waitForEpoch, waitForReady} from './fixture.mjs';

const EPOCHS = 10;
const EXP = 'dying-in-training';

const session = useBrowser();

// Plays on to EPOCHS, pauses, and reads every panel's numbers at epochs 1..EPOCHS.
async function runOf(page) {
  await waitForEpoch(page, EPOCHS);
  await page.evaluate(() => window.reluLabTest.setPlaying(false));
  await page.waitForSelector('html[data-worker-paused="true"]', {state: 'attached'});
  const wanted = Array.from({length: EPOCHS}, (_, i) => i + 1);
  const columns = await page.evaluate((e) => window.reluLabTest.metricsAt(e), wanted);
  return columns.map(({epoch, metrics}) => ({
                       epoch,
                       panels: metrics.map((m) => ({
                                             label: m.label,
                                             trainLoss: m.trainLoss,
                                             testAccuracy: m.testAccuracy,
                                             deadUnits: m.deadUnits,
                                           })),
                     }));
}

async function linkRun(hash) {
  const page = await openPage(session.context, `${session.url}#${hash}`);
  const run = await runOf(page);
  await page.close();
  return run;
}

function assertSame(actual, expected, path) {
  assert.equal(actual.length, expected.length);
  actual.forEach((column, i) => {
    assert.deepEqual(column, expected[i], `${path}: epoch ${expected[i].epoch} differs`);
  });
}

let linked;
test('the experiment\'s link gives the same run twice', async () => {
  linked = await linkRun(`exp=${EXP}`);
  assert.deepEqual(linked.map((c) => c.epoch), linked.map((_, i) => i + 1));
  assertSame(await linkRun(`exp=${EXP}`), linked, 'a second load of the link');
});

test('clicking the experiment on the landing runs what its link runs', async () => {
  const page = await openPage(session.context, session.url);
  await waitForEpoch(page, 2);  // the landing is training when the reader clicks
  await page.click(`#experiments button[data-experiment="${EXP}"]`);
  await page.waitForFunction(() => document.querySelectorAll('.panel').length === 3);
  assertSame(await runOf(page), linked, 'the click');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a variant clicked away and back runs what the link runs', async () => {
  const page = await openPage(session.context, `${session.url}#exp=${EXP}`);
  await waitForEpoch(page, 1);
  await page.click('#experiment-variants button[data-variant="lr01"]');
  await page.waitForFunction(() => location.hash.includes('v=lr01'), null, {timeout: WAIT_MS});
  await waitForEpoch(page, 1);
  await page.click('#experiment-variants button[data-variant="lr03"]');
  // The experiment's own variant: its link leaves v= out.
  await page.waitForFunction(() => !location.hash.includes('v=lr01'), null, {timeout: WAIT_MS});
  assertSame(await runOf(page), linked, 'the variant');
  await page.close();
});

// With two workers each applies the change at the step the pool named, wherever it was when the
// change arrived: the run is the same as with one, and as its link's.
for (const workers of [1, 2]) {
  test(
      `${workers} worker(s): a learning rate lowered while training is replayed by its link`,
      async () => {
        const page =
            await openPage(session.context, `${session.url}#exp=${EXP}&workers=${workers}`);
        await waitForEpoch(page, 3);
        await page.click('#experiment-actions button[data-action="lower-lr"]');
        await page.waitForFunction(() => /[#&]live=lr:0\.3:\d+/.test(location.hash));
        const run = await runOf(page);
        const hash = (await page.evaluate(() => location.hash)).slice(1);
        await page.close();
        // The change took effect: the run left the experiment's own after epoch 3.
        assert.notDeepEqual(run.at(-1), linked.at(-1));
        assertSame(run.slice(0, 3), linked.slice(0, 3), 'before the change');
        const link = hash.replace(/(^|&)at=[^&]*/, '');
        assertSame(await linkRun(link), run, 'the written link');
        const other = link.replace(/workers=\d/, `workers=${3 - workers}`);
        assertSame(await linkRun(other), run, `the link with ${3 - workers} worker(s)`);
      });
}

test('Back to an experiment runs what its link runs', async () => {
  const page = await newPage(session.context);
  await page.goto(`${session.url}#exp=${EXP}`);
  await waitForReady(page);
  await page.evaluate(() => {
    location.hash = 'exp=relu-vs-tanh';
  });
  await page.waitForFunction(() => document.querySelectorAll('.panel').length === 2);
  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll('.panel').length === 3);
  assertSame(await runOf(page), linked, 'Back');
  await page.close();
});
