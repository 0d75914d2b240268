// The settings form and the URL in headless Chromium against core's schema: every control's range
// is core's unless a stated UI override narrows it, older links' keys still load, a link value
// outside a control's narrower range is kept and marked, corrections typed into the form are not
// called corrections of the link, notices are bounded, and the lr control offers 1-3 per decade.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openPage, useBrowser, WAIT_MS} from './fixture.mjs';

const session = useBrowser();

const noticeTexts = (page) =>
    page.$$eval('#notices li', (items) => items.map((li) => li.textContent));

test('every control\'s range is core\'s schema range or a stated UI override', async () => {
  const page = await openPage(session.context, session.url, {reducedMotion: 'reduce'});
  const {rows, schema} = await page.evaluate(() => {
    const {table, schema} = window.reluLabTest;
    return {rows: table.rows, schema};
  });
  const coreRange = new Map([
    ...schema.settings.map((s) => [s.key, s]),
    ...schema.activations.flatMap((a) => a.params.map((p) => [`${a.name}.${p.key}`, p])),
  ]);
  let checked = 0;
  for (const row of rows.filter((r) => r.core !== undefined)) {
    const spec = coreRange.get(row.core);
    const input = await page.$(`#setting-${CSS.escape(row.key)}[type="number"]`);
    if (!input) continue;
    const min = Number(await input.getAttribute('min'));
    const max = Number(await input.getAttribute('max'));
    assert.equal(min, row.ui?.min ?? spec.min, `${row.key} min: core ${spec.min}`);
    assert.equal(max, row.ui?.max ?? spec.max, `${row.key} max: core ${spec.max}`);
    checked += 1;
  }
  assert.ok(checked >= 10, `${checked} number controls checked`);
  // Enums offer exactly core's options; the panel checkboxes are core's activations.
  for (const row of rows.filter((r) => r.core !== undefined && r.type === 'enum')) {
    const options =
        await page.$$eval(`#setting-${CSS.escape(row.key)} option`, (os) => os.map((o) => o.value));
    assert.deepEqual(options, coreRange.get(row.core).options, row.key);
  }
  const checks = await page.$$eval('.activation-checks input', (cs) => cs.map((c) => c.value));
  assert.deepEqual(checks.sort(), schema.activations.map((a) => a.name).sort());
  assert.deepEqual(page.problems, []);
  await page.close();
});

// CSS.escape is a browser global; the keys here only need dots escaped.
const CSS = {
  escape: (key) => key.replace(/\./g, '\\.')
};

test('older links load: split, bias, batch, slope, reg and regRate', async () => {
  const page = await openPage(
      session.context,
      `${
          session
              .url}#split=0.7&bias=-1.5&batch=5&slope=0.2&reg=l2&regRate=0.5&activations=relu,leaky_relu`,
      {reducedMotion: 'reduce'});
  const settings = await page.evaluate(() => window.reluLabTest.arenaSettings);
  assert.equal(settings.trainFraction, 0.7);
  assert.equal(settings.biasInit, -1.5);
  assert.equal(settings.batchSize, 5);
  assert.equal(settings.l2, 0.5);
  assert.equal(settings.activations[1].params.slope, 0.2);
  assert.equal(await page.isVisible('#notice-box'), false, 'old keys are not errors');
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /[#&]split=0\.7(&|$)/);
  assert.match(hash, /[#&]l2=0\.5(&|$)/);
  assert.doesNotMatch(hash, /reg=/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a link value outside a control\'s narrower range is kept and marked', async () => {
  const page =
      await openPage(session.context, `${session.url}#points=20`, {reducedMotion: 'reduce'});
  assert.equal(await page.inputValue('#setting-points'), '20');
  assert.match(await page.getAttribute('#setting-points', 'class'), /\boutside\b/);
  assert.match(await page.textContent('#setting-points ~ .control-note'), /outside this control/);
  const settings = await page.evaluate(() => window.reluLabTest.arenaSettings);
  assert.equal(settings.points, 20);
  assert.equal(await page.isVisible('#notice-box'), false);
  // The same value typed into the form meets the control's range, and the notice says whose.
  await page.fill('#setting-points', '30');
  await page.press('#setting-points', 'Tab');
  await page.waitForFunction(
      () => /[#&]points=50(&|$)/.test(location.hash), null, {timeout: WAIT_MS});
  const title = await page.textContent('#notice-title');
  assert.doesNotMatch(title, /link/);
  assert.match((await noticeTexts(page))[0], /this control's range/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('notices are bounded, full sentences, and a bad exp says so plainly', async () => {
  const bad = 'a=1&b=2&c=3&d=4&e=5&f=6&g=7&exp=nope';
  const page = await openPage(session.context, `${session.url}#${bad}`, {reducedMotion: 'reduce'});
  const notices = await noticeTexts(page);
  assert.equal(notices.length, 6, notices.join(' | '));
  assert.equal(notices[5], 'And 3 more.');
  for (const n of notices) assert.match(n, /^\S.*\.$/, n);
  assert.match(await page.textContent('#notice-title'), /from the link/);
  const all = await page.evaluate(() => window.reluLabTest.table.parse(location.hash).notices);
  assert.deepEqual(all, []);  // the hash is rewritten with the corrected settings
  const exp = await page.evaluate(() => window.reluLabTest.table.parse('#exp=nope').notices[0]);
  assert.doesNotMatch(exp, /using\s*\.?$/);
  assert.match(exp, /\.$/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the learning-rate control offers 1 and 3 per decade and takes a typed value', async () => {
  const page = await openPage(session.context, session.url, {reducedMotion: 'reduce'});
  const offered = await page.$$eval('#setting-lr-values option', (os) => os.map((o) => o.value));
  for (const v of ['0.003', '0.01', '0.03', '0.1', '0.3', '1']) {
    assert.ok(offered.includes(v), `${v} in ${offered}`);
  }
  await page.fill('#setting-lr', '0.05');
  await page.press('#setting-lr', 'Tab');
  await page.waitForFunction(
      () => /[#&]lr=0\.05(&|$)/.test(location.hash), null, {timeout: WAIT_MS});
  assert.equal(await page.isVisible('#notice-box'), false);
  assert.deepEqual(page.problems, []);
  await page.close();
});
