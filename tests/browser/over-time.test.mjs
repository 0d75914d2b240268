// A run's time in headless Chromium: the timeline shows every panel at a kept epoch with the
// numbers recorded live then (keys and URL), a link reproduces it, "continue from here" drops the
// future; the "over time" figure (its settings line, key and label column), its PNG, and the
// GIF export (its schedule, preview and size estimate; decoded here) with cancel.
import assert from 'node:assert/strict';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {before, test} from 'node:test';

import {ESTIMATE_FACTOR} from '../../web/time/export/size-estimate.js';

import {openPage, panelData, useBrowser, WAIT_MS, waitForEpoch} from './fixture.mjs';

const SHOTS = new URL('../../build/screenshots/', import.meta.url).pathname;
const HASH = '#activations=relu,leaky_relu,tanh&res=64&points=200';
const EPOCHS = 8;

const session = useBrowser();
before(() => mkdir(SHOTS, {recursive: true}));

const shownEpochs = (page) => panelData(page).then((panels) => panels.map((p) => p.epoch));
const accuracies = (page) => panelData(page).then((panels) => panels.map((p) => p.testAccuracy));

async function waitForShown(page, epoch) {
  await page.waitForFunction((n) => {
    const panels = [...document.querySelectorAll('.panel')];
    return panels.length > 0 && panels.every((p) => p.dataset.epoch === String(n));
  }, epoch, {timeout: WAIT_MS, polling: 50});
}

// Steps one epoch at a time, recording each panel's test accuracy as drawn live.
async function stepAndRecord(page, epochs) {
  const live = [await accuracies(page)];
  for (let e = 1; e <= epochs; ++e) {
    await page.keyboard.press('s');
    await waitForEpoch(page, e);
    live.push(await accuracies(page));
  }
  return live;
}

test('the timeline shows every panel at a kept epoch, as it was live', async () => {
  const page = await openPage(session.context, session.url + HASH, {reducedMotion: 'reduce'});
  const live = await stepAndRecord(page, EPOCHS);
  const range = page.locator('#timeline-range');
  await range.focus();
  await page.keyboard.press('Home');
  await waitForShown(page, 0);
  assert.deepEqual(await accuracies(page), live[0]);
  assert.match(page.url(), /[#&]at=0(&|$)/);
  for (let e = 1; e <= 3; ++e) {
    await page.keyboard.press('ArrowRight');
    await waitForShown(page, e);
    assert.deepEqual(await accuracies(page), live[e], `epoch ${e}`);
  }
  assert.match(page.url(), /[#&]at=3(&|$)/);
  assert.equal(await page.getAttribute('#loss-chart', 'data-mark'), '3');
  assert.equal(await range.getAttribute('aria-valuetext'), 'epoch 3');
  await page.keyboard.press('End');
  await waitForShown(page, EPOCHS);
  assert.doesNotMatch(page.url(), /[#&]at=/, 'live: the default, left out');
  assert.deepEqual(await accuracies(page), live[EPOCHS]);
  // Scrubbing pauses: play was off; a step from the shown epoch trains on from the live end.
  await range.focus();
  await page.keyboard.press('ArrowLeft');
  await waitForShown(page, EPOCHS - 1);
  await page.keyboard.press('Escape');
  await page.click('#step');
  await waitForShown(page, EPOCHS + 1);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a link with the epoch shown reproduces it; continue from here drops the future', async () => {
  const page = await openPage(session.context, session.url + HASH, {reducedMotion: 'reduce'});
  const live = await stepAndRecord(page, EPOCHS);
  await page.close();

  // Reduced motion: the run stays paused after Continue (it plays otherwise), so it can be stepped.
  const linked =
      await openPage(session.context, `${session.url}${HASH}&at=5`, {reducedMotion: 'reduce'});
  await waitForShown(linked, 5);
  assert.deepEqual(await accuracies(linked), live[5]);
  assert.equal(await linked.getAttribute('html', 'data-playing'), 'false');
  assert.equal(await linked.textContent('#timeline-epoch'), 'epoch 5');
  await linked.click('#timeline-resume');
  await linked.waitForFunction(() => {
    const t = document.getElementById('timeline');
    return t.dataset.shown === 'live' && document.getElementById('timeline-range').max === '5';
  }, null, {timeout: WAIT_MS});
  assert.doesNotMatch(linked.url(), /[#&]at=/, 'live: the default, left out');
  assert.deepEqual(await shownEpochs(linked), ['5', '5', '5']);
  await linked.click('#step');
  await waitForShown(linked, 6);
  assert.deepEqual(await accuracies(linked), live[6]);  // the same numbers: an exact replay
  assert.deepEqual(linked.problems, []);
  await linked.close();
});

test('with 2 workers the timeline and continue-from-here show one epoch across all', async () => {
  const page =
      await openPage(session.context, `${session.url}${HASH}&workers=2`, {reducedMotion: 'reduce'});
  const live = await stepAndRecord(page, 4);
  await page.locator('#timeline-range').focus();
  await page.keyboard.press('Home');
  await waitForShown(page, 0);
  assert.deepEqual(await accuracies(page), live[0]);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await waitForShown(page, 2);
  assert.deepEqual(await accuracies(page), live[2]);
  await page.click('#timeline-resume');
  await page.waitForFunction(
      () => document.getElementById('timeline-range').max === '2', null, {timeout: WAIT_MS});
  await page.click('#step');
  await waitForShown(page, 3);
  assert.deepEqual(await accuracies(page), live[3]);
  assert.deepEqual(page.problems, []);
  await page.close();
});

// Reads the figure's canvas (2x): how far the row labels' ink stops before the first cell, and
// whether the band under the last row holds the class colours and a white middle of the scale.
function figurePixels() {
  const dialog = document.getElementById('over-time');
  const canvas = dialog.querySelector('.over-time-canvas');
  const ctx = canvas.getContext('2d');
  const {data, width, height} = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const firstCell = 2 * Number(dialog.dataset.firstCellX);
  const at = (x, y) => data.subarray(4 * (y * width + x), 4 * (y * width + x) + 3);
  const ink = (p) => p[0] < 200 || p[1] < 200 || p[2] < 200;
  // The rows' band starts where the first cell's left border does: a long vertical run of grey
  // (the settings line above crosses that x too, but only for a line's height).
  let cellTop = 0;
  for (let run = 0; cellTop < height && run < 100; ++cellTop) {
    run = at(firstCell, cellTop)[0] < 240 ? run + 1 : 0;
  }
  let labelsEnd = 0;
  for (let y = cellTop; y < height - 80; y += 2) {
    for (let x = firstCell - 2; x > labelsEnd; --x) {
      if (ink(at(x, y))) {
        labelsEnd = x;
        break;
      }
    }
  }
  const near = (p, [r, g, b]) => Math.abs(p[0] - r) + Math.abs(p[1] - g) + Math.abs(p[2] - b) < 30;
  const key = [];
  for (let y = height - 80; y < height; ++y) {
    for (let x = 0; x < width; ++x) key.push(at(x, y));
  }
  return {
    labelGap: (firstCell - labelsEnd) / 2,
    keyColors: [[230, 97, 1], [94, 60, 153]].map((c) => key.some((p) => near(p, c))),
    keyScale: key.some((p) => near(p, [247, 247, 247])) && key.some((p) => p[0] > p[2] + 40) &&
        key.some((p) => p[2] > p[0] + 20),
  };
}

// Walks a GIF's blocks: logical screen size and the number of images (frames).
function parseGif(bytes) {
  const b = Buffer.from(bytes);
  assert.equal(b.subarray(0, 6).toString('latin1'), 'GIF89a');
  const width = b.readUInt16LE(6), height = b.readUInt16LE(8);
  const table = (packed) => (packed & 0x80 ? 3 * (1 << ((packed & 7) + 1)) : 0);
  const skipSubBlocks = (p) => {
    while (b[p] !== 0) p += b[p] + 1;
    return p + 1;
  };
  let p = 13 + table(b[10]);
  let frames = 0;
  for (;;) {
    const block = b[p++];
    if (block === 0x3b) break;
    if (block === 0x21) {
      p = skipSubBlocks(p + 1);
    } else if (block === 0x2c) {
      frames += 1;
      assert.ok(b.readUInt16LE(p + 4) <= width && b.readUInt16LE(p + 6) <= height);
      p += 9 + table(b[p + 8]);
      p = skipSubBlocks(p + 1);  // LZW minimum code size, then the image data
    } else {
      assert.fail(`unexpected GIF block 0x${block.toString(16)} at ${p - 1}`);
    }
  }
  return {width, height, frames, globalColors: table(b[10]) / 3};
}

test(
    'the over time figure renders with labels from a link; PNG and GIF exports decode',
    async () => {
      const page =
          await openPage(session.context, `${session.url}${HASH}&at=12&fig=true&cols=0,3,final`);
      await page.waitForSelector('#over-time[data-columns="3"]', {timeout: WAIT_MS});
      const figure = await page.$eval('#over-time', (d) => ({...d.dataset}));
      assert.deepEqual([figure.rows, figure.epochs], ['3', '0,3,12']);
      const heads = await page.$$eval('#over-time th', (ths) => ths.map((th) => th.textContent));
      assert.deepEqual(heads, [
        'Panel', 'epoch 0', 'epoch 3', 'epoch 12 (final)', 'ReLU', 'Leaky ReLU slope 0.01', 'tanh'
      ]);
      // What was trained, in the figure (its table's caption carries the same line).
      const caption = await page.textContent('#over-time caption');
      for (const part
               of ['circle data (200 points', 'hidden layers 8-8', 'ReLU, Leaky ReLU',
                   'adam, lr 0.01, batch 10', 'seed 1']) {
        assert.ok(caption.includes(part), `${part} in ${caption}`);
      }
      const drawn = await page.evaluate(figurePixels);
      // The row labels end close to the first column: no wide gap after "Leaky ReLU".
      assert.ok(
          drawn.labelGap >= 4 && drawn.labelGap <= 24, `${drawn.labelGap} px after the labels`);
      // The colour key under the cells: both class colours and the field's scale.
      assert.deepEqual(drawn.keyColors, [true, true]);
      assert.ok(drawn.keyScale, 'a gradient from orange through white to purple');
      await page.locator('#over-time').screenshot({path: `${SHOTS}over-time-dialog.png`});
      const [download] = await Promise.all(
          [page.waitForEvent('download'), page.click('#over-time [data-act=png]')]);
      const png = await readFile(await download.path());
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
      const canvasSize = await page.$eval('.over-time-canvas', (c) => [c.width, c.height]);
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], canvasSize);
      await writeFile(`${SHOTS}over-time-export.png`, png);
      const decoded = await page.evaluate(async () => {
        const canvas = document.querySelector('.over-time-canvas');
        const bitmap = await createImageBitmap(await new Promise((r) => canvas.toBlob(r)));
        return [bitmap.width, bitmap.height];
      });
      assert.deepEqual(decoded, canvasSize);
      // The SVG: the same layout at 1x, with the settings line and the key as vector marks.
      const [svgDownload] = await Promise.all(
          [page.waitForEvent('download'), page.click('#over-time [data-act=svg]')]);
      const svg = await readFile(await svgDownload.path(), 'utf8');
      assert.match(
          svg, new RegExp(`^<svg [^>]*width="${canvasSize[0] / 2}" height="${canvasSize[1] / 2}"`));
      assert.match(svg, />seed 1<|· seed 1</);
      assert.match(svg, />class 1</);
      assert.match(svg, /<linearGradient/);
      assert.equal((svg.match(/<image /g) || []).length, 9);

      // The GIF: 2 panels, epochs 0..12 evenly in 7 frames at 96 px per panel.
      await page.click('#over-time [data-act=close]');
      // The dialog's close event (which writes the URL) comes in a task of its own.
      await page.waitForFunction(
          () => window.reluLabTest.table.parse(location.hash).settings.fig === false, null,
          {timeout: WAIT_MS});
      await page.click('#open-export');
      await page.waitForSelector('#export[open]');
      // The default schedule is logarithmic: every epoch first.
      assert.equal(await page.inputValue('#export select[name=schedule]'), 'log');
      await page.waitForSelector('#export .export-preview[data-epochs]');
      assert.match(
          await page.getAttribute('#export .export-preview', 'data-epochs'), /^0,1,2,3,4,5,6,/);
      await page.uncheck('#export input[name=panel][value="2"]');
      await page.selectOption('#export select[name=schedule]', 'even');
      await page.fill('#export input[name=to]', '12');
      await page.fill('#export input[name=frames]', '7');
      await page.selectOption('#export select[name=size]', '96');
      // The preview shows these frames before any encoding, and plays them in turn.
      await page.waitForFunction(() => {
        const box = document.querySelector('#export .export-preview');
        return box.dataset.epochs === '0,2,4,6,8,10,12' && Number(box.dataset.frame) >= 2;
      }, null, {timeout: WAIT_MS});
      const previewSize = await page.$eval('.export-preview-canvas', (c) => [c.width, c.height]);
      await page.waitForSelector('#export[data-estimate]', {timeout: WAIT_MS});
      await page.locator('#export').screenshot({path: `${SHOTS}export-dialog.png`});
      const estimate = Number(await page.getAttribute('#export', 'data-estimate'));
      assert.match(await page.textContent('.export-estimate'), /^7 frames of 210x152 px.*about/);
      const [gifDownload] = await Promise.all([
        page.waitForEvent('download', {timeout: WAIT_MS}), page.click('#export [data-act=start]')
      ]);
      const gifBytes = await readFile(await gifDownload.path());
      const gifSize = await page.evaluate(async () => {
        const img = new Image();
        img.src = document.querySelector('.export-download').href;
        await img.decode();
        return [img.naturalWidth, img.naturalHeight];
      });
      const parsed = parseGif(gifBytes);
      assert.equal(parsed.frames, 7);
      assert.equal(parsed.globalColors, 256);
      // The epoch line, then two 96 px panels side by side with their label lines and 6 px gaps.
      assert.deepEqual([parsed.width, parsed.height], [2 * 96 + 3 * 6, 24 + 96 + 20 + 2 * 6]);
      assert.deepEqual(gifSize, [parsed.width, parsed.height]);
      assert.deepEqual(previewSize, gifSize);
      // The size shown before encoding is within the stated factor of the file's.
      const ratio = estimate / gifBytes.length;
      assert.ok(
          ratio <= ESTIMATE_FACTOR && ratio >= 1 / ESTIMATE_FACTOR,
          `estimated ${estimate} B, encoded ${gifBytes.length} B`);
      await writeFile(`${SHOTS}export.gif`, gifBytes);

      // Cancel: an export under way stops, the dialog is ready again and no file is offered. Its
      // encoder's script is held back until Cancel is pressed, so that the export cannot end
      // first (routing also turns off the cache that would skip the hold).
      let release;
      const held = new Promise((resolve) => {
        release = resolve;
      });
      await page.route('**/export-worker.js', async (route) => {
        await held;
        await route.continue().catch(() => {});  // the worker may be gone by then
      });
      await page.fill('#export input[name=to]', '12');
      await page.fill('#export input[name=frames]', '13');
      await page.selectOption('#export select[name=size]', '256');
      await page.evaluate(() => delete document.getElementById('export').dataset.frames);
      await page.click('#export [data-act=start]');
      await page.waitForFunction(() => document.getElementById('export').dataset.busy === 'true');
      await page.click('#export [data-act=cancel]');
      await page.waitForFunction(() => document.getElementById('export').dataset.busy === 'false');
      release();
      await page.unroute('**/export-worker.js');
      assert.equal(await page.textContent('.export-status'), 'Cancelled.');
      assert.equal(await page.$eval('.export-download', (a) => a.hidden), true);
      assert.equal(await page.getAttribute('#export', 'data-frames'), null);
      assert.deepEqual(page.problems, []);
      await page.close();
    });

test(
    'video export where the browser has an encoder (skipped with the reason otherwise)',
    async (t) => {
      const page = await openPage(session.context, `${session.url}${HASH}&at=6`);
      await page.click('#open-export');
      await page.waitForSelector('#export[data-video-formats]');
      const formats = (await page.getAttribute('#export', 'data-video-formats')).split(',');
      if (!formats.includes('webm')) {
        const reason = 'this Chromium has no WebCodecs WebM encoder: the dialog offers GIF only';
        assert.match(await page.textContent('.export-video-note'), /only GIF/);
        t.skip(reason);
        console.log(`skipped: ${reason}`);
        await page.close();
        return;
      }
      await page.selectOption('#export select[name=format]', 'webm');
      await page.selectOption('#export select[name=schedule]', 'even');
      await page.fill('#export input[name=to]', '6');
      await page.fill('#export input[name=frames]', '4');
      await page.waitForFunction(() => {
        const d = document.getElementById('export');
        return d.dataset.estimate &&
            d.querySelector('.export-estimate').textContent.includes('GIF');
      }, null, {timeout: WAIT_MS});
      const estimate = Number(await page.getAttribute('#export', 'data-estimate'));
      const [download] = await Promise.all([
        page.waitForEvent('download', {timeout: WAIT_MS}), page.click('#export [data-act=start]')
      ]);
      const bytes = await readFile(await download.path());
      assert.equal(bytes.readUInt32BE(0), 0x1a45dfa3, 'an EBML (WebM) header');
      // A video's estimate (the GIF's times a measured ratio) is within the stated factor too.
      const ratio = estimate / bytes.length;
      assert.ok(
          ratio <= ESTIMATE_FACTOR && ratio >= 1 / ESTIMATE_FACTOR,
          `estimated ${estimate} B, encoded ${bytes.length} B`);
      assert.equal(await page.getAttribute('#export', 'data-frames'), '4');
      // The page's CSP allows no blob: media: the file is played in a blank page instead.
      const blank = await session.context.newPage();
      const size = await blank.evaluate(async (base64) => {
        const video = document.createElement('video');
        video.src = `data:video/webm;base64,${base64}`;
        await new Promise((resolve, reject) => {
          video.onloadedmetadata = resolve;
          video.onerror = () => reject(new Error('the video does not load'));
        });
        return [video.videoWidth, video.videoHeight];
      }, bytes.toString('base64'));
      await blank.close();
      assert.deepEqual(size, [3 * 128 + 4 * 6, 24 + 128 + 20 + 2 * 6]);
      assert.deepEqual(page.problems, []);
      await page.close();
    });
