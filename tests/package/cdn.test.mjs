// The installed package served as an npm CDN serves it (/npm/<name>@<version>/ on a second
// loopback origin, with CORS) and a blog post on another origin under the README's strict CSP:
// the element snippets README and the Share dialog give, with only the CDN's origin swapped,
// load their worker and wasm relative to the element's URL and train; the figure below the fold
// loads nothing until scrolled to; the first load fits its budget; the single file from the
// package trains from file:// with the network off.
import {build} from 'esbuild';
import assert from 'node:assert/strict';
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';

import {FIRST_LOAD_BUDGET, firstLoadSizes} from '../../scripts/build-embed.mjs';
import {NPM_CDN} from '../../web/page/cdn-snippet.js';
import {strictCsp} from '../browser/embed-pages.mjs';
import {figureState, newPage, openPage, useBrowser, WAIT_MS, waitForFigureEpoch} from '../browser/fixture.mjs';

import {PACKAGE, packed} from './packed.mjs';
import {readmeBlock} from './readme-blocks.mjs';

const {dir, installed, project} = packed();
const CONSUMER = new URL('consumer/', import.meta.url).pathname;
const consumerFile = (name) => readFileSync(join(CONSUMER, name), 'utf8');
const [major, minor] = PACKAGE.version.split('.');
// The CDN's tree: the exact version and the major.minor range README pins resolve to this build.
const cdnRoot = join(dir, 'cdn');
rmSync(cdnRoot, {recursive: true, force: true});
mkdirSync(join(cdnRoot, 'npm'), {recursive: true});
for (const tag of [PACKAGE.version, `${major}.${minor}`]) {
  symlinkSync(installed, join(cdnRoot, 'npm', `${PACKAGE.name}@${tag}`));
}
const CDN_HOST = new URL(NPM_CDN).origin;

let cdn;
const session = useBrowser({
  viewport: {width: 1000, height: 1200},
  async setup(s) {
    cdn = await s.serve({root: cdnRoot, cors: true});
  },
});

// A post holding `snippets` (the script tag once, then figures) and one figure far below.
function post(head, figures) {
  const words = 'Activation functions decide what a unit passes on. '.repeat(8);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title>
${head}</head><body><main><h1>A post</h1><p>${words}</p>${figures.join(`<p>${words}</p>`)}
<p>${words}</p><canvas width="10" height="4000"></canvas>
<relu-lab-figure id="far" activations="relu,elu" seed="9" autoplay></relu-lab-figure></main></body></html>`;
}

// A 1x1 PNG: the still a post serves beside a snippet that names it.
const ONE_PIXEL_PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64');

// The snippet's CDN origin swapped for the local one: nothing else in it changes.
const local = (snippet) => snippet.replaceAll(CDN_HOST, cdn.origin);

// `root`: a folder of the post's own files (the still a snippet's poster names).
async function openPost(html, root) {
  const host = await session.serve({
    headers: {'Content-Security-Policy': strictCsp(cdn.origin)},
    pages: {'/post.html': html, '/favicon.ico': ''},
    ...(root ? {root} : {}),
  });
  const page = await newPage(session.context);
  // localhost, not the CDN's 127.0.0.1: another origin.
  await page.goto(`${host.url.replace('127.0.0.1', 'localhost')}post.html`);
  return page;
}

test(
    'README\'s CDN snippet, pinned to major.minor, trains cross-origin under the strict CSP',
    async () => {
      const snippet = readmeBlock('cdn-snippet.html');
      assert.ok(snippet, 'README marks its CDN snippet');
      const script = `${NPM_CDN}${PACKAGE.name}@${major}.${minor}/dist/embed/relu-lab-figure.js`;
      assert.ok(snippet.includes(`src="${script}"`), snippet);
      const [head, ...figures] = local(snippet).trim().split('\n');
      const page = await openPost(post(head, figures));
      await waitForFigureEpoch(page, 'relu-lab-figure', 10);
      assert.equal((await figureState(page)).backend, 'wasm-simd128');
      // Everything came from the package's folder on the CDN; the far figure fetched nothing.
      const base = `/npm/${PACKAGE.name}@${major}.${minor}/dist/embed/`;
      assert.deepEqual(cdn.log.filter((path) => !path.startsWith(base)), []);
      assert.equal(cdn.log.filter((path) => path.endsWith('.wasm')).length, 1);
      assert.equal((await figureState(page, '#far')).state, 'idle');
      await page.$eval('#far', (f) => f.scrollIntoView());
      await waitForFigureEpoch(page, '#far', 5);
      assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
      assert.deepEqual(page.problems, []);
      await page.close();
    });

test(
    'the Share dialog\'s CDN snippet names this build\'s version and reproduces the state',
    async () => {
      const hash = 'activations=relu,leaky_relu:0.2&dataset=xor&seed=4&lr=0.03';
      const app = await openPage(session.context, `${session.url}#${hash}`);
      await app.click('#share');
      // The dialog's code is fetched once the first epoch is shown: the dialog opens when it is in.
      await app.waitForSelector('#share-cdn');
      const snippet = await app.$eval('#share-cdn', (t) => t.value);
      const element = await app.$eval('#share-element', (t) => t.value);
      const script = `${NPM_CDN}${PACKAGE.name}@${PACKAGE.version}/dist/embed/relu-lab-figure.js`;
      assert.equal(snippet.split('\n')[0], `<script type="module" src="${script}"></script>`);
      // The same figure as the self-hosted snippet: only the script's address differs.
      assert.equal(snippet.split('\n')[1], element.split('\n')[1]);
      const [head, figure] = local(snippet).split('\n');
      // The still the snippet's poster names, saved beside the post as the Share dialog offers.
      const still = mkdtempSync(join(tmpdir(), 'relu-lab-still-'));
      writeFileSync(join(still, /poster="([^"]+)"/.exec(figure)[1]), ONE_PIXEL_PNG);
      const page = await openPost(
          post(head, [figure.replace('<relu-lab-figure ', '<relu-lab-figure autoplay ')]), still);
      await waitForFigureEpoch(page, 'relu-lab-figure', 3);
      const settings = await page.$eval('relu-lab-figure', (f) => f.settings);
      assert.deepEqual(settings.activations, ['relu', 'leaky_relu:0.2']);
      assert.equal(settings.dataset, 'xor');
      assert.equal(settings.seed, 4);
      assert.equal(settings.lr, 0.03);
      assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
      assert.deepEqual(page.problems, []);
      await page.close();
      await app.close();
      rmSync(still, {recursive: true, force: true});
    });

test('the installed embed\'s first load fits the budget', async () => {
  const {gzip, files} = await firstLoadSizes(join(installed, 'dist'));
  assert.ok(gzip <= FIRST_LOAD_BUDGET, `${gzip} bytes: ${JSON.stringify(files)}`);
});

test('the package\'s single file trains from file:// with the network off', async () => {
  const page = await newPage(session.context);
  const requests = [];
  await session.context.route(/^https?:/, (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await session.context.setOffline(true);
  try {
    await page.goto(`file://${join(installed, 'dist', 'relu-lab-figure.html')}`);
    await page.click('relu-lab-figure >> .poster');
    await waitForFigureEpoch(page, 'relu-lab-figure', 10);
    assert.deepEqual(requests, []);
    assert.deepEqual(page.problems, []);
  } finally {
    await session.context.setOffline(false);
    await session.context.unroute(/^https?:/);
    await page.close();
  }
});

// Observable cells (`name = expression`, `name = {block}`) as one module's statements.
function observableAsModule(cells) {
  return cells.trim()
             .split(/\n\n+/)
             .map((cell) => {
               const [, name, body] = cell.match(/^(\w+) = ([\s\S]*)$/);
               return body.startsWith('{') ? `const ${name} = await (async () => ${body})();` :
                                             `const ${name} = await (${body});`;
             })
             .join('\n') +
      '\nwindow.result = metrics.map((m) => m.label + " " + m.epoch).join(", ");';
}

test('README\'s plain HTML page and Observable cells load the library from the CDN', async () => {
  const page = readmeBlock('plain-page.html');
  assert.equal(page, consumerFile('plain-page.html'), 'README shows the tested page');
  const cells = readmeBlock('observable.js');
  assert.equal(cells, consumerFile('observable.js'), 'README shows the tested cells');
  const host = await session.serve({
    pages: {
      '/plain.html': local(page),
      '/favicon.ico': '',
    },
  });
  const tab = await newPage(session.context);
  const origin = host.url.replace('127.0.0.1', 'localhost');
  await tab.goto(`${origin}plain.html`);
  await tab.waitForFunction(
      () => /^relu: test accuracy/.test(document.querySelector('#out').textContent), null,
      {timeout: WAIT_MS});
  assert.match(
      await tab.$eval('#out', (e) => e.textContent),
      /^relu: test accuracy (0\.9\d\d|1\.000)\ntanh: /);
  // Observable runs cells in the notebook's page: the same import, from another origin.
  const result = await tab.evaluate(async (code) => {
    const url = URL.createObjectURL(new Blob([code], {type: 'text/javascript'}));
    await import(url);
    return window.result;
  }, local(observableAsModule(cells)));
  assert.equal(result, 'relu 50, tanh 50');
  assert.deepEqual(tab.problems, []);
  await tab.close();
});

test('an esbuild browser bundle of a consumer trains with the builds copied beside it', async () => {
  const app = consumerFile('bundle-app.js');
  assert.equal(readmeBlock('bundle-app.js'), app, 'README shows the tested app');
  const out = join(dir, 'bundle-web');
  rmSync(out, {recursive: true, force: true});
  await build({
    stdin: {contents: app, resolveDir: project, loader: 'js'},
    bundle: true,
    format: 'esm',
    outfile: join(out, 'app.js'),
    logLevel: 'error',
  });
  // README's recipe: the builds beside the bundle (esbuild does not copy them).
  for (const b of ['simd128', 'scalar']) {
    for (const ext of ['mjs', 'wasm']) {
      copyFileSync(
          join(installed, 'dist', 'js', `relu-lab-${b}.${ext}`), join(out, `relu-lab-${b}.${ext}`));
    }
  }
  const host = await session.serve({
    root: out,
    pages: {
      '/index.html':
          '<!doctype html><html lang="en"><title>app</title><script type="module" src="app.js"></script><output></output></html>',
      '/favicon.ico': '',
    },
  });
  const tab = await newPage(session.context);
  await tab.goto(`${host.url}index.html`);
  await tab.waitForFunction(
      () => document.querySelector('output').textContent !== '', null, {timeout: WAIT_MS});
  assert.match(await tab.$eval('output', (e) => e.textContent), /^relu: (0\.9\d\d|1\.000), tanh: /);
  assert.deepEqual(tab.problems, []);
  await tab.close();
});

test(
    'an esbuild bundle of the element trains with the embed\'s worker and builds beside it',
    async () => {
      const app = consumerFile('bundle-figure.js');
      assert.equal(readmeBlock('bundle-figure.js'), app, 'README shows the tested app');
      const out = join(dir, 'bundle-figure');
      rmSync(out, {recursive: true, force: true});
      await build({
        stdin: {contents: app, resolveDir: project, loader: 'js'},
        bundle: true,
        format: 'esm',
        outfile: join(out, 'app.js'),
        logLevel: 'error',
      });
      // README's recipe: the element's worker and builds beside the bundle.
      for (const file
               of ['worker.js',
                   ...['simd128', 'scalar'].flatMap(
                       (b) => [`relu-lab-${b}.mjs`, `relu-lab-${b}.wasm`])]) {
        copyFileSync(join(installed, 'dist', 'embed', file), join(out, file));
      }
      const host = await session.serve({
        root: out,
        pages: {
          '/index.html':
              '<!doctype html><html lang="en"><title>app</title><script type="module" src="app.js"></script><main></main></html>',
          '/favicon.ico': '',
        },
      });
      const tab = await newPage(session.context);
      await tab.goto(`${host.url}index.html`);
      await waitForFigureEpoch(tab, 'relu-lab-figure', 5);
      assert.deepEqual(tab.problems, []);
      await tab.close();
    });
