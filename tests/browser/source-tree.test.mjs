// The source tree runs as it stands: `npm run serve:source` serves web/ unbundled (each module
// by its own import path, the library from js/, the wasm builds from build/), and the page and the
// embed page train there as they do from dist/. Needs build/wasm-*/ (scripts/build.sh makes it).
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {SOURCE_ALIASES} from '../../scripts/serve.mjs';

import {newPage, openPage, useBrowser, WAIT_MS} from './fixture.mjs';

let source;
const session = useBrowser({
  async setup() {
    source = await session.serve(
        {root: new URL('../../', import.meta.url).pathname, aliases: SOURCE_ALIASES});
  },
});

test('web/index.html trains from the source tree, module by module', async () => {
  const requests = [];
  const record = (request) => requests.push(request.url());
  session.context.on('request', record);
  const page = await openPage(session.context, `${source.url}web/#activations=relu,tanh`);
  session.context.off('request', record);
  await page.waitForFunction(
      () => Number(document.documentElement.dataset.epochs) >= 1, null, {timeout: WAIT_MS});
  assert.deepEqual(page.problems, []);
  // Unbundled: the wiring module and the trainer's own modules are fetched by their source paths.
  assert.ok(requests.some((u) => u.endsWith('/web/page/main.js')), 'page/main.js was loaded');
  assert.ok(requests.some((u) => u.endsWith('/web/panels/panel.js')), 'panels/panel.js was loaded');
  await page.close();
});

test('web/embed.html shows the figure from the source tree', async () => {
  const page = await newPage(session.context);
  await page.goto(`${source.url}web/embed.html#activations=relu,tanh`);
  await page.waitForFunction(() => {
    const figure = document.querySelector('relu-lab-figure');
    return figure && figure.metrics.length === 2 && figure.metrics[0].epoch >= 1;
  }, null, {timeout: WAIT_MS});
  assert.deepEqual(page.problems, []);
  await page.close();
});
