// Where things sit: at 1400x900 the two landing panels leave no empty column beside them (the
// loss chart takes the room); a row of experiments wider than the screen shows that it scrolls
// and scrolls to its last button; on a phone an experiment's text appears next to the button
// tapped, on the first screen.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openPage, useBrowser, WAIT_MS} from './fixture.mjs';

const session = useBrowser();
const PAUSED = {
  reducedMotion: 'reduce'
};

test('1400x900: nothing empty right of the two landing panels', async () => {
  const page = await openPage(
      session.context, session.url, {...PAUSED, viewport: {width: 1400, height: 900}});
  const gap = await page.evaluate(() => {
    const rect = (e) => e.getBoundingClientRect();
    const panels = rect(document.getElementById('panels'));
    const last = [...document.querySelectorAll('.panel')].map(rect).reduce(
        (a, b) => (a.right > b.right ? a : b));
    // Whatever shares the panels' band of the page counts as filling it.
    const beside = [...document.querySelectorAll('#results > *')].map(rect).filter(
        (r) => r.width > 0 && r.top < panels.bottom && r.bottom > panels.top);
    const right =
        Math.max(last.right, ...beside.filter((r) => r.left >= last.right).map((r) => r.right));
    return rect(document.getElementById('results')).right - right;
  });
  assert.ok(gap < 40, `${Math.round(gap)} px empty right of the panels`);
  await page.close();
});

test('1400x900: the experiment row says it scrolls and scrolls to its last button', async () => {
  const page = await openPage(
      session.context, session.url, {...PAUSED, viewport: {width: 1400, height: 900}});
  const lastShown = () => page.evaluate(() => {
    const row = document.getElementById('experiments').getBoundingClientRect();
    const last = document.querySelector('#experiments button:last-child').getBoundingClientRect();
    return last.left >= row.left - 1 && last.right <= row.right + 1;
  });
  const cue = '.scroll-cue[data-side="right"]';
  const cut = !await lastShown();
  for (let clicks = 0; !await lastShown(); ++clicks) {
    assert.ok(clicks < 20, 'the arrow reaches the last button');
    assert.equal(await page.isVisible(cue), true, 'a cut row shows its arrow');
    // Each click's smooth scroll ends (scrollend) before the next look.
    await page.evaluate(() => {
      const row = document.getElementById('experiments');
      window.scrolled =
          new Promise((resolve) => row.addEventListener('scrollend', resolve, {once: true}));
    });
    await page.click(cue);
    await page.evaluate(() => window.scrolled);
  }
  if (cut) {
    await page.waitForSelector('.scroll-cue[data-side="left"]', {state: 'visible'});
    await page.waitForSelector(cue, {state: 'hidden'});
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('390x844: an experiment\'s text appears next to the button tapped', async () => {
  const page = await openPage(
      session.context, session.url, {...PAUSED, viewport: {width: 390, height: 844}});
  const button = page.locator('#experiments button[data-experiment="dying-in-training"]');
  await button.scrollIntoViewIfNeeded();
  await button.click();
  await page.waitForFunction(
      () => document.getElementById('experiment-box').dataset.experiment === 'dying-in-training');
  const at = await page.evaluate(() => {
    const tapped =
        document.querySelector('#experiments button[data-experiment="dying-in-training"]')
            .getBoundingClientRect();
    const text = document.querySelector('.experiment-text').getBoundingClientRect();
    return {below: text.top - tapped.bottom, top: text.top, height: innerHeight};
  });
  assert.ok(
      at.below >= 0 && at.below < 60,
      `the text starts ${Math.round(at.below)} px below the button`);
  assert.ok(
      at.top >= 0 && at.top < at.height - 100,
      `the text is on the screen (y = ${Math.round(at.top)})`);
  assert.deepEqual(page.problems, []);
  await page.close();
});
