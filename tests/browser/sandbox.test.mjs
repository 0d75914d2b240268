// The page inside iframes in headless Chromium: sandbox="allow-scripts" alone gives the frame an
// opaque origin, which blocks module scripts and the worker, so the page must say what the host
// has to allow instead of staying blank; with allow-same-origin it runs.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {newPage, useBrowser, WAIT_MS} from './fixture.mjs';

const session = useBrowser();

async function framed(sandbox) {
  const page = await newPage(session.context);
  await page.setContent(
      `<iframe sandbox="${sandbox}" src="${session.url}" width="900" height="700"></iframe>`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  return {page, frame};
}

test('sandbox="allow-scripts" shows what the host must allow', async () => {
  const {page, frame} = await framed('allow-scripts');
  await frame.waitForSelector('#frame-blocked', {state: 'visible', timeout: WAIT_MS});
  const text = await frame.textContent('#frame-blocked');
  assert.match(text, /allow-same-origin/);
  assert.match(text, /sandbox="allow-scripts allow-same-origin"/);
  assert.equal(await frame.$('#panels .loading'), null);
  await page.close();
});

test('sandbox="allow-scripts allow-same-origin" runs the page', async () => {
  const {page, frame} = await framed('allow-scripts allow-same-origin');
  await frame.waitForSelector('html[data-ready="true"]', {state: 'attached', timeout: WAIT_MS});
  assert.equal(await frame.isVisible('#frame-blocked'), false);
  await page.close();
});
