// Classroom links in headless Chromium: hide= reaches every part of the page (timeline, evidence,
// the over-time and export buttons, each settings group; a column of hidden groups goes), so does
// controls=false; the Classroom link dialog builds such a link by ticking; links are short (only
// what differs) and long old ones still load; the Share dialog names the epoch a link opens at.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {axe, openPage, useBrowser, WAIT_MS, waitForEpoch} from './fixture.mjs';

const session = useBrowser();
const PAUSED = {
  reducedMotion: 'reduce'
};
const PARTS = ['#timeline', '#evidence', '#open-over-time', '#open-export'];

const visibility = (page, selectors) =>
    Promise.all(selectors.map(async (s) => [s, await page.isVisible(s)]))
        .then((pairs) => Object.fromEntries(pairs));

test('hide= hides the timeline, evidence, over-time, export and every settings group', async () => {
  const groups = ['data', 'network', 'params', 'training', 'more', 'view'];
  const page = await openPage(
      session.context,
      `${session.url}#exp=relu-vs-tanh&hide=timeline,evidence,overTime,export,${groups}`, PAUSED);
  assert.deepEqual(await visibility(page, [...PARTS, 'aside.controls', '#panels']), {
    '#timeline': false,
    '#evidence': false,
    '#open-over-time': false,
    '#open-export': false,
    'aside.controls': false,
    '#panels': true,
  });
  // Without the column the panels have the page's width.
  const widths = await page.evaluate(() => ({
                                       results: document.getElementById('results').offsetWidth,
                                       page: document.querySelector('main').offsetWidth,
                                     }));
  assert.equal(widths.results, widths.page);
  assert.equal(await page.isHidden('#notice-box'), true);
  // Every line of a group hidden: the empty group goes.
  const training = await page.evaluate(
      () => window.reluLabTest.table.rows.filter((r) => r.group === 'training').map((r) => r.key));
  await page.evaluate((keys) => {
    location.hash = `#exp=relu-vs-tanh&hide=${keys}`;
  }, training);
  await page.waitForFunction(() => document.querySelector('.group-training').offsetParent === null);
  assert.equal(await page.isHidden('#notice-box'), true);
  assert.equal(await page.isVisible('.group-network'), true);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('controls=false hides the timeline, evidence, over-time and export too', async () => {
  const page =
      await openPage(session.context, `${session.url}#exp=relu-vs-tanh&controls=false`, PAUSED);
  assert.deepEqual(Object.values(await visibility(page, PARTS)), [false, false, false, false]);
  assert.equal(await page.isVisible('#panels'), true);
  await page.close();
});

test('the Classroom link dialog builds a link by ticking what to show', async () => {
  const page = await openPage(session.context, `${session.url}#exp=dying-in-training`, PAUSED);
  await page.click('#share');
  await page.click('.share-classroom');
  await page.waitForSelector('dialog.classroom[open]');
  const link = () => page.inputValue('#classroom-link');
  assert.match(await link(), /#exp=dying-in-training$/, 'everything ticked: nothing hidden');
  await page.getByRole('checkbox', {name: 'Timeline', exact: true}).uncheck();
  await page.getByRole('checkbox', {name: 'Settings', exact: true}).uncheck();
  await page.getByRole('checkbox', {name: 'Many-seed evidence and claims'}).uncheck();
  assert.deepEqual(await axe(page), [], 'the dialog');
  const url = await link();
  assert.match(url, /#exp=dying-in-training&hide=timeline,settings,evidence$/);
  const student = await openPage(session.context, url, PAUSED);
  assert.deepEqual(
      await visibility(student, ['#timeline', 'aside.controls', '#evidence', '#panels']), {
        '#timeline': false,
        'aside.controls': false,
        '#evidence': false,
        '#panels': true,
      });
  assert.equal(
      await student.getAttribute('#experiment-box', 'data-experiment'), 'dying-in-training');
  assert.deepEqual(page.problems, []);
  assert.deepEqual(student.problems, []);
  await student.close();
  await page.close();
});

test('links are short, old long links load, Share names the epoch a link opens at', async () => {
  const page = await openPage(session.context, session.url, PAUSED);
  assert.equal(await page.evaluate(() => location.hash), '#exp=relu-vs-tanh');
  // A link of every key, defaults included, as the page once wrote them.
  const long = await page.evaluate(() => {
    const {table} = window.reluLabTest;
    const settings = {...table.parse('#exp=dying-in-training&v=lr01').settings, seed: 4};
    return table.rows.filter((row) => !row.inLink || row.inLink(settings[row.key]))
        .map((row) => `${row.key}=${encodeURIComponent(table.text(row, settings[row.key]))}`)
        .join('&');
  });
  assert.ok(long.length > 400, `${long.length} characters`);
  const old = await openPage(session.context, `${session.url}#${long}`, PAUSED);
  assert.equal(await old.evaluate(() => location.hash), '#exp=dying-in-training&v=lr01&seed=4');
  assert.equal(await old.isHidden('#notice-box'), true);
  assert.equal(await old.inputValue('#setting-seed'), '4');
  for (let e = 1; e <= 3; ++e) {
    await old.click('#step');
    await waitForEpoch(old, e);
  }
  await old.focus('#timeline-range');
  await old.keyboard.press('ArrowLeft');
  await old.waitForFunction(() => /[#&]at=2(&|$)/.test(location.hash), null, {timeout: WAIT_MS});
  await old.click('#share');
  const hint = await old.textContent('dialog.share[open] .share-hint');
  assert.match(hint, /opens at epoch 2, paused/);
  assert.doesNotMatch(hint, /from epoch 0/);
  assert.match(await old.inputValue('#share-link'), /[#&]at=2$/);
  // The embed gets the figure's keys, its panels always.
  assert.match(await old.inputValue('#share-iframe'), /embed\.html#[^"]*activations=/);
  assert.deepEqual(old.problems, []);
  await old.close();
  await page.close();
});
