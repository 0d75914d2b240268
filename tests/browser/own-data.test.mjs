// Own data, batch norm, dropout and linear regions on the page in headless Chromium: drawn points
// train and round-trip through the link; a CSV upload is read exactly (injection-like labels stay
// text), a CSV with numeric targets trains as a regression (R², value legend) and keeps its
// targets through the link and the download, and a regression preset started from gives own
// targets; a malformed one is refused with its row and column and leaves the data alone; the
// batch norm and dropout controls reach the trainer; region counts show for ReLU and tanh says
// why not; the detail view tells when units died; the batch-norm experiment quotes what it shows.
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {test} from 'node:test';

import {openPage, panelData, useBrowser, WAIT_MS, waitForEpoch} from './fixture.mjs';

const session = useBrowser();

const BASE = '#dataset=circle&points=100&activations=relu&layers=4&exp=';
const arenaData = (page) => page.evaluate(() => window.reluLabTest.arenaSettings.data ?? null);
const message = (page) => page.textContent('#data-message');

// Waits until `check(settings, arg)` holds for the current arena's settings as the trainer read
// them (a function evaluated in the page).
async function waitForSettings(page, check, arg = null) {
  await page.waitForFunction(check, arg, {timeout: WAIT_MS, polling: 100});
}

async function upload(page, name, text) {
  await page.setInputFiles('#data-file', {name, mimeType: 'text/csv', buffer: Buffer.from(text)});
}

// The editor's Download CSV, as text.
async function downloadCsv(page) {
  const [download] =
      await Promise.all([page.waitForEvent('download'), page.click('#data-download')]);
  return readFile(await download.path(), 'utf8');
}

// Uploads `text` as a CSV file and waits for the new arena it makes (the same points give the
// same data, but a new generation).
async function uploadAgain(page, text) {
  const generation = await page.evaluate(() => Number(document.documentElement.dataset.generation));
  await upload(page, 'again.csv', text);
  await page.waitForFunction(
      (g) => Number(document.documentElement.dataset.generation) > g, generation,
      {timeout: WAIT_MS, polling: 100});
}

test('drawn points train, and the link holds them exactly', async () => {
  const page = await openPage(session.context, `${session.url}${BASE}`, {reducedMotion: 'reduce'});
  await page.click('#data-clear');
  assert.match(await message(page), /Add at least 10 points/);
  assert.equal(await arenaData(page), null, 'a draft of 0 points is not trained on');
  const box = await page.locator('.data-canvas').boundingBox();
  // Five orange clicks on the left, five purple shift-clicks on the right, then a purple stroke.
  for (let i = 0; i < 5; ++i) {
    const y = box.y + box.height * (0.2 + 0.15 * i);
    await page.mouse.click(box.x + box.width * 0.2, y);
    await page.keyboard.down('Shift');
    await page.mouse.click(box.x + box.width * 0.8, y);
    await page.keyboard.up('Shift');
  }
  await page.click('.tool-1');
  // The trainer's notice about the small data set may have moved the editor.
  const moved = await page.locator('.data-canvas').boundingBox();
  await page.mouse.move(moved.x + moved.width * 0.6, moved.y + moved.height * 0.1);
  await page.mouse.down();
  await page.mouse.move(moved.x + moved.width * 0.6, moved.y + moved.height * 0.9, {steps: 12});
  await page.mouse.up();
  await waitForSettings(page, () => window.reluLabTest.arenaSettings.data?.labels.length >= 13);
  const data = await arenaData(page);
  const n = data.labels.length;
  assert.ok(n >= 13, `${n} points: 10 clicks and a stroke of several`);
  for (let i = 0; i < n; ++i) {
    const [x] = data.points[i];
    assert.equal(data.labels[i], x < -2 ? 0 : 1, `point ${i} at x ${x}`);
  }
  await page.click('#step');
  await waitForEpoch(page, 1);
  assert.ok((await panelData(page))[0].testAccuracy > 0);
  // The link holds the same points: a new page opened from it trains on them.
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /[#&]data=[A-Za-z0-9_-]+(&|$)/);
  const again = await openPage(session.context, `${session.url}${hash}`, {reducedMotion: 'reduce'});
  assert.deepEqual(await arenaData(again), data);
  // Start from a preset: its 100 points (the page's points setting) become own data.
  await again.selectOption('#data-preset', 'xor');
  await again.click('#data-start');
  await again.waitForFunction(
      () => window.reluLabTest.arenaSettings.data?.labels.length === 100, null, {timeout: WAIT_MS});
  assert.match(await again.textContent('#data-message'), /Started from the xor dataset/);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(again.problems, []);
  await again.close();
  await page.close();
});

test('a CSV is read exactly, labels are only text, and downloads back the same', async () => {
  const page = await openPage(session.context, `${session.url}${BASE}`, {reducedMotion: 'reduce'});
  await page.evaluate(() => {
    window.__pwned = 0;
  });
  const evil = ['<img src=x onerror="window.__pwned=1">', '=HYPERLINK("http://x")'];
  const rows = ['px,py,kind'];
  for (let i = 0; i < 24; ++i) {
    rows.push(`${(i / 4 - 3).toFixed(2)},${((i * 7) % 11 - 5) / 2},"${evil[i % 2]}"`);
  }
  await upload(page, 'evil.csv', rows.join('\r\n'));
  await waitForSettings(page, () => window.reluLabTest.arenaSettings.data?.labels.length === 24);
  const data = await arenaData(page);
  assert.equal(data.labels.length, 24);
  assert.deepEqual(data.points[5], [-1.75, -1.5]);
  assert.deepEqual(data.labels.slice(0, 4), [0, 1, 0, 1]);
  assert.match(
      await message(page), /Read 24 points in two classes \(12 orange, 12 purple\) from evil\.csv/);
  assert.match(await message(page), /Class 0 is "<img src=x onerror=/);
  assert.equal(await page.evaluate(() => window.__pwned), 0, 'no label ran as markup');
  assert.equal(await page.locator('.data-editor img').count(), 0);
  const text = await downloadCsv(page);
  assert.match(text, /^x,y,label\n-3,-2\.5,0\n/);
  assert.doesNotMatch(text, /HYPERLINK|onerror/, 'labels are written as 0/1');
  // The downloaded file reads back to the same data.
  // The same points again: a new arena (its generation) with the same data.
  await uploadAgain(page, text);
  assert.deepEqual(await arenaData(page), data);
  assert.deepEqual(page.dialogs, []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('CSV targets train a regression, through the link and the file', async () => {
  const page = await openPage(session.context, `${session.url}${BASE}`, {reducedMotion: 'reduce'});
  const rows = ['x,y,height'];
  for (let i = 0; i < 200; ++i) {
    const x = ((i * 37) % 120) / 10 - 6;
    const y = ((i * 53) % 120) / 10 - 6;
    rows.push(`${x.toFixed(1)},${y.toFixed(1)},${((x - y) / 4 + 0.25).toFixed(2)}`);
  }
  await upload(page, 'heights.csv', rows.join('\n'));
  await waitForSettings(page, () => window.reluLabTest.arenaSettings.data?.targets?.length === 200);
  assert.match(
      await message(page),
      /Read 200 points with numeric targets \(a regression\) from heights\.csv/);
  assert.match(await page.textContent('#data-status'), /numeric targets \(a regression\)/);
  assert.equal(await page.getAttribute('.data-canvas', 'data-kind'), 'regression');
  const data = await arenaData(page);
  assert.equal(data.labels, undefined);
  assert.deepEqual(data.points[1], [-2.3, -0.7]);
  // The trainer echoes the float core holds as its shortest text.
  assert.equal(data.targets[1], -0.15);
  // The drawing tools make classes: they say so and leave the data alone.
  const box = await page.locator('.data-canvas').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  assert.match(await message(page), /drawing adds classes/);
  assert.deepEqual(await arenaData(page), data);
  // The panels are a regression's: R², no accuracy, the value legend, and R² rises.
  await page.click('#step');
  await waitForEpoch(page, 1);
  const first = Number((await panelData(page))[0].r2);
  for (let epoch = 2; epoch <= 30; ++epoch) {
    await page.click('#step');
    await waitForEpoch(page, epoch);
  }
  const [panel] = await panelData(page);
  assert.equal(panel.testAccuracy, 'null');
  assert.match(panel.score, /^test R² -?\d\.\d\d$/);
  assert.ok(Number(panel.r2) > first && Number(panel.r2) > 0.5, `R² ${first} -> ${panel.r2}`);
  assert.equal(await page.isVisible('#legend-values'), true);
  // The link holds the targets: a page opened from it trains on the same data.
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /[#&]data=~[A-Za-z0-9_-]+(&|$)/);
  const again = await openPage(session.context, `${session.url}${hash}`, {reducedMotion: 'reduce'});
  assert.deepEqual(await arenaData(again), data);
  // Download CSV writes the targets, and reading it back gives the same data.
  const text = await downloadCsv(page);
  assert.match(text, /^x,y,target\n-6,-6,0\.25\n-2\.3,-0\.7,-0\.15\n/);
  await uploadAgain(page, text);
  assert.deepEqual(await arenaData(page), data);
  // Start from a regression preset: its 100 points with their targets become own data.
  await page.selectOption('#data-preset', 'reg-plane');
  await page.click('#data-start');
  await waitForSettings(page, () => window.reluLabTest.arenaSettings.data?.targets?.length === 100);
  assert.match(await message(page), /Started from the reg-plane dataset/);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(again.problems, []);
  await again.close();
  await page.close();
});

test('a malformed CSV names its row and column and leaves the data untouched', async () => {
  const page = await openPage(session.context, `${session.url}${BASE}`, {reducedMotion: 'reduce'});
  const rows = ['x,y,label'];
  for (let i = 0; i < 12; ++i) rows.push(`${i / 4},${- i / 4},${i % 2}`);
  await upload(page, 'good.csv', rows.join('\n'));
  await page.waitForFunction(
      () => window.reluLabTest.arenaSettings.data?.labels.length === 12, null, {timeout: WAIT_MS});
  const kept = await arenaData(page);
  const hash = await page.evaluate(() => location.hash);
  const bad = rows.slice();
  bad[3] = '0.5,abc,1';
  const cases = [
    [
      bad.join('\n'),
      /bad\.csv: row 4, column 2 \(y\): "abc" is not a number\. Your data is unchanged\./
    ],
    [rows.concat(['1,2']).join('\n'), /row 14: 2 columns, expected 3/],
    [rows.concat(['1,2,cat']).join('\n'), /row 14, column 3 \(label\): "cat" is a third label/],
    [
      ['x,y,label', ...Array.from({length: 5001}, (_, i) => `0,0,${i % 2}`)].join('\n'),
      /row 5002: more than 5000 rows/
    ],
    ['x,y,label\n1,2,0\n', /1 data row; at least 10 are needed/],
  ];
  for (const [text, pattern] of cases) {
    await upload(page, 'bad.csv', text);
    await page.waitForFunction(
        (p) => new RegExp(p).test(document.getElementById('data-message').textContent),
        pattern.source, {timeout: WAIT_MS});
    assert.ok(await page.locator('#data-message.data-error').isVisible());
  }
  assert.deepEqual(await arenaData(page), kept);
  assert.equal(await page.evaluate(() => location.hash), hash);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('batch norm and dropout controls reach the trainer, and it trains', async () => {
  const page = await openPage(session.context, `${session.url}${BASE}`, {reducedMotion: 'reduce'});
  await page.check('#setting-batchNorm');
  await waitForSettings(page, () => window.reluLabTest.arenaSettings.batchNorm === true);
  await page.fill('#setting-dropout', '0.2');
  await page.dispatchEvent('#setting-dropout', 'change');
  await waitForSettings(page, () => window.reluLabTest.arenaSettings.dropout > 0.1);
  const settings = await page.evaluate(() => window.reluLabTest.arenaSettings);
  assert.equal(settings.batchNorm, true);
  assert.ok(Math.abs(settings.dropout - 0.2) < 1e-6);
  assert.match(await page.evaluate(() => location.hash), /[#&]dropout=0\.2&.*batchNorm=true/);
  await page.click('#step');
  await waitForEpoch(page, 1);
  const [relu] = await panelData(page);
  assert.equal(relu.diverged, 'false');
  assert.ok(Number(relu.testLoss) > 0 && Number.isFinite(Number(relu.testLoss)));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('region counts show for ReLU; tanh says it has none and why', async () => {
  const page = await openPage(
      session.context, `${session.url}#activations=relu,tanh&layers=3&regions=true`,
      {reducedMotion: 'reduce'});
  await page.waitForFunction(
      () => document.querySelectorAll('.panel[data-regions]').length === 2, null,
      {timeout: WAIT_MS});
  const [relu, tanh] = await panelData(page);
  assert.ok(Number(relu.regions) >= 1 && Number(relu.regions) <= 7, `${relu.regions}: 3 lines`);
  assert.equal(tanh.regions, 'none');
  assert.equal(
      await page.textContent('.panel[data-activation="tanh"] .stat-regions dd'), 'none (smooth)');
  assert.match(
      await page.getAttribute('.panel[data-activation="tanh"] .stat-regions', 'title'),
      /tanh is smooth/);
  assert.ok(await page.isVisible('#regions-box'));
  assert.match(await page.textContent('#regions-note'), /128 × 128 grid/);
  // Off again: the counts go, the chart hides.
  await page.uncheck('#setting-regions');
  await page.waitForFunction(
      () => !document.querySelector('.panel[data-regions]'), null, {timeout: WAIT_MS});
  assert.equal(await page.isVisible('#regions-box'), false);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the detail view tells when each unit died', async () => {
  const page = await openPage(
      session.context, `${session.url}#exp=dying-in-training`, {reducedMotion: 'reduce'});
  for (let epoch = 1; epoch <= 8; ++epoch) {
    await page.click('#step');
    await waitForEpoch(page, epoch);
  }
  const [relu] = await panelData(page);
  assert.ok(Number(relu.deadUnits) > 0, 'units die at this setting');
  await page.click('.panel[data-activation="relu"] .panel-open');
  await page.waitForFunction(
      () => document.querySelector('.detail-life-chart')?.dataset.deadEver !== undefined, null,
      {timeout: WAIT_MS});
  const text = await page.textContent('.detail-life-text');
  assert.match(text, /^layer \d unit \d+: died in epoch [1-8]/);
  const ever = Number(await page.getAttribute('.detail-life-chart', 'data-dead-ever'));
  assert.ok(ever >= Number(relu.deadUnits), `${ever} ever dead, ${relu.deadUnits} now`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the batch-norm experiment: fewer dead ReLUs with batch norm at the same steps', async () => {
  const dead = {};
  for (const variant of ['sgd-plain', 'sgd-bn']) {
    const page = await openPage(
        session.context, `${session.url}#exp=batch-norm-cure&v=${variant}`,
        {reducedMotion: 'reduce'});
    for (let epoch = 1; epoch <= 20; ++epoch) {
      await page.click('#step');
      await waitForEpoch(page, epoch);
    }
    dead[variant] = Number((await panelData(page))[0].deadUnits);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
  // The numbers the experiment's text quotes (seed 4, epoch 20).
  assert.deepEqual(dead, {'sgd-plain': 13, 'sgd-bn': 2});
});
