// Skip links and in-page anchors: the first Tab stops jump to the panels, the settings and the
// claims without touching the URL or the run; a hash that names an element of the page (#panels)
// is an anchor, never settings; a keyboard reader reaches the first claim's "Test it" in a few
// Tabs.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openPage, useBrowser, WAIT_MS} from './fixture.mjs';

const session = useBrowser();
const PAUSED = {
  reducedMotion: 'reduce'
};

const state = (page) => page.evaluate(() => ({
                                        hash: location.hash,
                                        generation: document.documentElement.dataset.generation,
                                        focused: document.activeElement?.id,
                                        notice: !document.getElementById('notice-box').hidden,
                                      }));

test('"Skip to the panels" moves focus there and leaves the URL and the run alone', async () => {
  const page =
      await openPage(session.context, `${session.url}#exp=dying-in-training&lr=0.03`, PAUSED);
  const before = await state(page);
  await page.keyboard.press('Tab');
  assert.equal(
      await page.evaluate(() => document.activeElement.textContent), 'Skip to the panels',
      'the first Tab stop');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'panels');
  const after = await state(page);
  assert.deepEqual(after, {...before, focused: 'panels'});
  assert.equal(await page.getAttribute('#experiment-box', 'data-experiment'), 'dying-in-training');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a hash naming an element of the page is an anchor, not settings', async () => {
  const page = await openPage(session.context, `${session.url}#exp=spiral`, PAUSED);
  const before = await state(page);
  await page.evaluate(() => {
    location.hash = '#settings-heading';
  });
  await page.waitForFunction((h) => location.hash === h, before.hash, {timeout: WAIT_MS});
  const after = await state(page);
  assert.equal(after.generation, before.generation, 'the run was not rebuilt');
  assert.equal(after.notice, false, 'no "not a setting" notice');
  assert.equal(await page.getAttribute('#experiment-box', 'data-experiment'), 'spiral');
  // Opened with an anchor, the page shows the landing and scrolls there.
  const anchored = await openPage(session.context, `${session.url}#evidence`, PAUSED);
  assert.equal(await anchored.isHidden('#notice-box'), true);
  assert.match(await anchored.evaluate(() => location.hash), /[#&]exp=relu-vs-tanh(&|$)/);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(anchored.problems, []);
  await page.close();
  await anchored.close();
});

// Tab presses from the top of the page to the first claim's "Test it", through the skip links.
test('the first claim\'s "Test it" is a few Tabs away', async () => {
  const page = await openPage(session.context, session.url, PAUSED);
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent.trim());
  let presses = 0;
  const tab = async () => {
    await page.keyboard.press('Tab');
    presses += 1;
  };
  while (await focusedText() !== 'Skip to the claims' && presses < 10) await tab();
  assert.equal(await focusedText(), 'Skip to the claims');
  await page.keyboard.press('Enter');
  await page.waitForFunction(
      () => document.activeElement?.id === 'claims-heading', null, {timeout: WAIT_MS});
  await tab();
  const first = await page.evaluate(() => {
    const button = document.activeElement;
    return {
      text: button.textContent,
      first: button.closest('.claim') === document.querySelector('.claims .claim'),
    };
  });
  assert.deepEqual(first, {text: 'Test it', first: true});
  assert.ok(presses <= 5, `${presses} Tabs and an Enter`);
  assert.deepEqual(page.problems, []);
  await page.close();
});
