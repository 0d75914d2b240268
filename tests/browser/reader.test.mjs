// The reader's page in headless Chromium: a pace one can watch, the comparison on the first
// screen, experiments that keep settings and text together, no cut-off numbers, no layout shift
// and no axe violations.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {axe, newPage, openPage, panelData, useBrowser, waitForEpoch, waitForReady} from './fixture.mjs';

const DESKTOP = {
  width: 1400,
  height: 900
};
const PHONE = {
  width: 390,
  height: 844
};

const session = useBrowser();

// The ReLU and tanh fields as pixel hashes.
function fieldHashes(page) {
  return page.$$eval('.panel canvas', (canvases) => canvases.map((c) => {
    const data = canvasPixels(c);  // fixture.mjs
    let h = 0;
    for (let i = 0; i < data.length; i += 7) h = (h * 31 + data[i]) >>> 0;
    return h;
  }));
}

// Records layout shifts not caused by input, from navigation on.
async function openWithShiftObserver(address, viewport) {
  const page = await newPage(session.context, {viewport});
  await page.addInitScript(() => {
    window.layoutShift = 0;
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.layoutShift += entry.value;
        window.shifts.push(`${entry.value.toFixed(3)}: ${
            entry.sources
                .map(
                    (s) => `${s.node?.className || s.node?.id || s.node?.nodeName} ${
                        JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`)
                .join('; ')}`);
      }
    }).observe({type: 'layout-shift', buffered: true});
  });
  await page.goto(address);
  await waitForReady(page);
  return page;
}

test('default pace: the ReLU and tanh fields change between 0.5 s, 2 s and 5 s', async (t) => {
  const page = await openPage(session.context, session.url, {viewport: DESKTOP});
  assert.deepEqual((await panelData(page)).map((p) => p.activation), ['relu', 'tanh']);
  const shots = [];
  for (const wait of [500, 1500, 3000]) {
    await page.waitForTimeout(wait);
    shots.push(
        {hashes: await fieldHashes(page), epochs: await page.getAttribute('html', 'data-epochs')});
  }
  t.diagnostic(`epochs at 0.5 s, 2 s, 5 s: ${shots.map((s) => s.epochs).join(', ')}; ${
      JSON.stringify(shots.map((s) => s.hashes))} ${page.problems}`);
  for (const i of [0, 1]) {
    assert.notEqual(shots[0].hashes[i], shots[1].hashes[i], `panel ${i}: 0.5 s vs 2 s`);
    assert.notEqual(shots[1].hashes[i], shots[2].hashes[i], `panel ${i}: 2 s vs 5 s`);
  }
  // Slowly at first: still within the first epochs after half a second.
  assert.ok(Number(shots[0].epochs) < 5, `epochs at 0.5 s: ${shots[0].epochs}`);
  // Reading the canvases back is this test's doing (Chromium warns about it), not the page's.
  assert.deepEqual(page.problems.filter((p) => !/willReadFrequently/.test(p)), []);
  await page.close();
});

for (const [name, viewport] of [['1400x900', DESKTOP], ['390x844', PHONE]]) {
  test(`ReLU and tanh fully inside the first screen at ${name}, no layout shift`, async (t) => {
    const page = await openWithShiftObserver(session.url, viewport);
    await page.waitForTimeout(1500);
    const boxes = await page.$$eval('.panel', (panels) => panels.map((p) => {
      const r = p.getBoundingClientRect();
      return {
        activation: p.dataset.activation,
        top: r.top,
        bottom: r.bottom,
        left: r.left,
        right: r.right
      };
    }));
    assert.deepEqual(boxes.map((b) => b.activation), ['relu', 'tanh']);
    for (const b of boxes) {
      assert.ok(
          b.top >= 0 && b.left >= 0 && b.bottom <= viewport.height && b.right <= viewport.width,
          `${b.activation} at ${JSON.stringify(b)}`);
    }
    const shift = await page.evaluate(() => window.layoutShift);
    t.diagnostic(`cumulative layout shift ${shift.toFixed(4)}`);
    for (const line of await page.evaluate(() => window.shifts)) t.diagnostic(line);
    assert.ok(shift < 0.05, `CLS ${shift}`);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

test('every experiment and variant loads settings and text together and round-trips', async () => {
  const page = await openPage(session.context, session.url, {viewport: DESKTOP});
  const ids = await page.$$eval('#experiments button', (bs) => bs.map((b) => b.dataset.experiment));
  assert.ok(ids.length >= 8, ids.join());
  for (const id of ids) {
    await page.click(`#experiments button[data-experiment="${id}"]`);
    await page.waitForFunction((x) => location.hash.includes(`exp=${x}`), id);
    const variants =
        await page.$$eval('#experiment-variants button', (bs) => bs.map((b) => b.dataset.variant));
    for (const v of [null, ...variants]) {
      if (v) await page.click(`#experiment-variants button[data-variant="${v}"]`);
      // A link names a variant unless it is the experiment's own settings.
      if (v) {
        await page.waitForSelector(
            `#experiment-variants button[data-variant="${v}"][aria-pressed="true"]`);
      }
      const state = await page.evaluate(
          () => ({
            hash: location.hash,
            text: document.getElementById('experiment-box').textContent,
            left: document.getElementById('experiment-box').dataset.left,
            pressed:
                [...document.querySelectorAll('#experiment-variants [aria-pressed="true"]')].length,
          }));
      assert.equal(state.left, 'false', `${id}/${v}`);
      if (variants.length) assert.equal(state.pressed, 1, `${id}/${v}: one variant pressed`);
      // The same link in a fresh page shows the same settings and text.
      const copy = await openPage(session.context, session.url + state.hash, {viewport: DESKTOP});
      const again =
          await copy.evaluate(() => ({
                                hash: location.hash,
                                text: document.getElementById('experiment-box').textContent,
                              }));
      assert.equal(again.hash, state.hash, `${id}/${v}`);
      assert.equal(again.text, state.text, `${id}/${v}`);
      assert.deepEqual(copy.problems, []);
      await copy.close();
    }
  }
  // `#exp=` with nothing else loads the experiment's own settings.
  const bare = await openPage(session.context, `${session.url}#exp=dying-in-training`);
  assert.equal(await bare.evaluate(() => location.hash), '#exp=dying-in-training');
  assert.equal(await bare.evaluate(() => window.reluLabTest.arenaSettings.lr), 0.3);
  assert.equal(await bare.getAttribute('#experiment-box', 'data-left'), 'false');
  await bare.close();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a changed setting marks the text as left; Back restores the experiment', async () => {
  const page = await openPage(session.context, `${session.url}#exp=relu-vs-tanh`);
  await page.fill('#setting-noise', '0.2');
  await page.press('#setting-noise', 'Enter');
  await page.waitForSelector('#experiment-box[data-left="true"]');
  assert.match(await page.textContent('#experiment-left'), /You changed noise/);
  await page.click('#experiment-back');
  await page.waitForSelector('#experiment-box[data-left="false"]');
  const back = await page.evaluate(() => window.reluLabTest.table.parse(location.hash).settings);
  assert.equal(back.noise, 0.05);
  await page.close();
});

test(
    'dying during training: ReLU\'s dead count rises, leaky stays 0; lr 0.03 cures it',
    async (t) => {
      const page = await openPage(session.context, `${session.url}#exp=dying-in-training`);
      await page.evaluate(() => window.reluLabTest.setPlaying(false));
      const dead = async () => (await panelData(page)).map((p) => Number(p.deadUnits));
      await page.click('#reset');
      await page.waitForFunction(
          () => [...document.querySelectorAll('.panel')].every((p) => p.dataset.epoch === '0'));
      const counts = [await dead()];
      for (let epoch = 1; epoch <= 8; ++epoch) {
        await page.click('#step');
        await waitForEpoch(page, epoch);
        counts.push(await dead());
      }
      t.diagnostic(`dead relu/leaky/elu per epoch: ${counts.map((c) => c.join('/')).join(' ')}`);
      assert.equal(counts[0][0], 0);
      assert.ok(counts.at(-1)[0] > counts[1][0] || counts.at(-1)[0] >= 4, 'relu dies over epochs');
      assert.ok(counts.every((c) => c[1] === 0), 'leaky never dies');
      await page.click('#experiment-variants button[data-variant="lr003"]');
      await page.waitForFunction(() => window.reluLabTest.arenaSettings?.lr === 0.03);
      await page.evaluate(() => window.reluLabTest.setPlaying(true));
      await waitForEpoch(page, 8);
      const cured = await dead();
      assert.ok(cured[0] < counts.at(-1)[0], `cured: ${cured.join('/')}`);
      await page.close();
    });

for (const viewport of [{width: 700, height: 900}, PHONE]) {
  test(`no truncated text in panel cells at ${viewport.width} px`, async () => {
    const page = await openPage(session.context, `${session.url}#exp=leaky-vs-prelu`, {viewport});
    await waitForEpoch(page, 2);
    const cut = await page.$$eval(
        '.panel dd, .panel dt, .panel-name, .panel-params',
        (cells) =>
            cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent));
    assert.deepEqual(cut, []);
    await page.close();
  });
}

test('axe: no violations on the default page, controls=false and the detail view', async () => {
  const page = await openPage(session.context, session.url, {viewport: DESKTOP});
  await page.evaluate(() => window.reluLabTest.setPlaying(false));
  assert.deepEqual(await axe(page), []);
  await page.click('.panel[data-activation="relu"]');
  await page.waitForSelector('#detail[open]');
  await page.waitForTimeout(500);
  assert.deepEqual(await axe(page), []);
  await page.close();
  const bare = await openPage(session.context, `${session.url}#exp=relu-vs-tanh&controls=false`);
  await bare.evaluate(() => window.reluLabTest.setPlaying(false));
  assert.deepEqual(await axe(bare), []);
  await bare.close();
});
