// Input features and regression on the page and in the element, in headless Chromium: pressing a
// feature tile restarts the networks with the new fan-in, a regression panel shows its output
// surface with R² and a value legend, the two experiments load from #exp=, and a
// <relu-lab-figure> with features and a regression dataset renders.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {figureHost} from './embed-pages.mjs';
import {axe, newPage, openPage, panelData, useBrowser, WAIT_MS, waitForEpoch} from './fixture.mjs';

const session = useBrowser({cors: true});

// The fan-in of panel 0's first layer, read from the detail view's model once it is open.
const fanIn = (page) =>
    page.evaluate(() => window.reluLabTest.lastFrame?.detail?.model?.layers[0].W[0].length ?? 0);

test('pressing a feature tile restarts the networks with the new fan-in', async () => {
  const page = await openPage(session.context, `${session.url}#activations=relu&features=x1,x2`);
  const pressed = () => page.$$eval(
      '.feature-tile[aria-pressed="true"]', (tiles) => tiles.map((t) => t.dataset.feature));
  // The fan-in as the detail view's network diagram has it (opened, read, closed).
  const fanInShown = async (columns) => {
    await page.click('.panel-open');
    await page.waitForFunction(
        (n) => window.reluLabTest.lastFrame?.detail?.model?.layers[0].W[0].length === n, columns,
        {timeout: WAIT_MS});
    await page.keyboard.press('Escape');
    await page.waitForSelector('#detail', {state: 'hidden'});
  };
  assert.deepEqual(await pressed(), ['x1', 'x2']);
  await fanInShown(2);
  await page.click('.feature-tile[data-feature="x1sq"]');
  await page.waitForFunction(
      () => window.reluLabTest.arenaSettings?.features.join() === 'x1,x2,x1sq', null,
      {timeout: WAIT_MS});
  assert.match(await page.evaluate(() => location.hash), /features=x1,x2,x1sq/);
  assert.deepEqual(await pressed(), ['x1', 'x2', 'x1sq']);
  await fanInShown(3);
  // The last pressed tile cannot be released: the first layer needs an input.
  await page.click('.feature-tile[data-feature="x1"]');
  await page.waitForFunction(
      () => window.reluLabTest.arenaSettings?.features.join() === 'x2,x1sq', null,
      {timeout: WAIT_MS});
  await page.click('.feature-tile[data-feature="x2"]');
  await page.waitForFunction(
      () => window.reluLabTest.arenaSettings?.features.join() === 'x1sq', null, {timeout: WAIT_MS});
  assert.equal(await page.getAttribute('.feature-tile[data-feature="x1sq"]', 'disabled'), '');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('facets vs smooth: regression panels show a surface, R² and a value legend', async () => {
  const page = await openPage(session.context, `${session.url}#exp=facets-vs-smooth`);
  await waitForEpoch(page, 40);
  const panels = await panelData(page);
  assert.deepEqual(panels.map((p) => p.activation), ['relu', 'tanh']);
  for (const p of panels) {
    assert.equal(p.testAccuracy, 'null');
    assert.ok(Number(p.r2) > 0.2, `${p.activation}: R² ${p.r2} after 40 epochs`);
    assert.match(p.score, /^test R² \d\.\d\d$/);
  }
  assert.equal(await page.textContent('.panel .stat-acc dt'), 'test R²');
  assert.equal(await page.isVisible('#legend-values'), true);
  assert.equal(await page.isVisible('#legend-classes'), false);
  assert.match(await page.textContent('#legend-values'), /orange \(-1\) through white \(0\)/);
  assert.match(await page.textContent('#chart-title'), /mean squared error/);
  // The surface spans the scale: both signs of the six bumps show in the panel's pixels.
  const colours = await page.$eval('.panel canvas', (canvas) => {
    const data = canvasPixels(canvas);  // fixture.mjs
    let orange = 0, purple = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] > data[i + 2] + 15) ++orange;
      if (data[i + 2] > data[i] + 15) ++purple;
    }
    return {orange, purple};
  });
  assert.ok(colours.orange > 1000 && colours.purple > 1000, JSON.stringify(colours));
  const violations = await axe(page, {impacts: ['serious', 'critical']});
  assert.deepEqual(violations, []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('features do the work: a linear network on X1², X2² separates the circle', async () => {
  const page = await openPage(session.context, `${session.url}#exp=features-do-the-work`);
  // The experiment pauses at its stop, epoch 20.
  await waitForEpoch(page, 20);
  const [linear, relu] = await panelData(page);
  assert.equal(linear.activation, 'linear');
  assert.equal(relu.activation, 'relu');
  assert.ok(Number(linear.testAccuracy) >= 0.9, `linear: ${linear.testAccuracy}`);
  assert.deepEqual(
      await page.$$eval(
          '.feature-tile[aria-pressed="true"]', (tiles) => tiles.map((t) => t.dataset.feature)),
      ['x1sq', 'x2sq']);
  // The Share dialog's element carries the features; the link names the experiment, which
  // sets them.
  await page.click('#share');
  await page.waitForFunction(() => document.querySelector('#share-element')?.value.length > 0);
  assert.match(await page.inputValue('#share-element'), /features="x1sq,x2sq"/);
  assert.match(await page.inputValue('#share-link'), /#exp=features-do-the-work/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('an element with features and a regression dataset renders its surface and R²', async () => {
  const host = await session.serve({
    pages: {
      '/t.html': figureHost(
          '<relu-lab-figure loading="eager" autoplay dataset="reg-gauss" ' +
          'features="x1,x2,x1x2" activations="relu,tanh"></relu-lab-figure>'),
      '/favicon.ico': '',
    },
  });
  const page = await newPage(session.context);
  await page.goto(`${host.url}t.html`);
  await page.waitForFunction(
      () => document.querySelector('relu-lab-figure')?.metrics.some((m) => m.epoch >= 20), null,
      {timeout: WAIT_MS});
  const figure = await page.$eval(
      'relu-lab-figure',
      (f) => ({
        features: f.settings.features,
        accuracy: f.metrics.map((m) => m.testAccuracy),
        r2: f.metrics.map((m) => m.r2),
        stats: [...f.shadowRoot.querySelectorAll('.stats')].map((s) => s.textContent),
      }));
  assert.deepEqual(figure.features, ['x1', 'x2', 'x1x2']);
  assert.deepEqual(figure.accuracy, [null, null]);
  for (const r2 of figure.r2) assert.ok(Number.isFinite(r2), String(r2));
  for (const text of figure.stats) assert.match(text, /test R² -?\d\.\d\d/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the over time figure draws a regression\'s surfaces with R²', async () => {
  const page = await openPage(
      session.context,
      `${session.url}#exp=facets-vs-smooth&res=64&points=200&at=6&fig=true&cols=0,3,final`);
  await page.waitForSelector('#over-time[data-columns="3"]', {timeout: WAIT_MS});
  const cells = await page.$$eval('#over-time td', (tds) => tds.map((td) => td.textContent));
  assert.ok(cells.some((text) => /R² -?\d\.\d\d/.test(text)), cells.join(' | '));
  // The surface's colours, not a blank or grey cell: both ends of the scale are drawn.
  const colours = await page.$eval('.over-time-canvas', (canvas) => {
    const data = canvasPixels(canvas);  // fixture.mjs
    let orange = 0, purple = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] > data[i + 2] + 15) ++orange;
      if (data[i + 2] > data[i] + 15) ++purple;
    }
    return {orange, purple};
  });
  assert.ok(colours.orange > 500 && colours.purple > 500, JSON.stringify(colours));
  assert.deepEqual(page.problems, []);
  await page.close();
});
