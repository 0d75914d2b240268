// What a reader's browser fetches until the page shows its first trained epoch, measured in
// headless Chromium on the built dist/ (npm run bench:first-load prints it; the page-first-load
// test holds it to PAGE_FIRST_LOAD_BUDGET): every request and its response body gzipped with -9.
import {extname} from 'node:path';
import {gzipSync} from 'node:zlib';

import {launch, openPage, WAIT_MS} from './fixture.mjs';

/** The page's first load until it shows epoch 1: requests, and bytes gzipped with -9. */
export const PAGE_FIRST_LOAD_BUDGET = Object.freeze({requests: 15, gzip: 160 * 1024});

// Records every http(s) request the context makes (pages and their workers) until stop(); the
// bodies of those requests' responses are gzipped once they have arrived. Each keeps when the
// browser started it (ms since 1970, the browser's clock), to cut at a moment of the page's.
export function recordRequests(context) {
  const requests = [];
  let recording = true;
  const onRequest = (request) => {
    if (!recording || !/^https?:/.test(request.url())) return;
    const entry = {url: new URL(request.url()), body: null, startedAt: 0};
    entry.done = request.response().then(async (response) => {
      if (response) entry.body = await response.body();
      entry.startedAt = request.timing().startTime;
    });
    requests.push(entry);
  };
  context.on('request', onRequest);
  const stop = async () => {
    recording = false;
    context.off('request', onRequest);
    await Promise.all(requests.map((r) => r.done));
    return requests.map(({url, body, startedAt}) => {
      if (body === null) throw new Error(`no response body for ${url.href}`);
      const type = extname(url.pathname).slice(1) || 'html';
      return {
        path: url.pathname,
        type,
        bytes: body.length,
        gzip: gzipSync(body, {level: 9}).length,
        startedAt,
      };
    });
  };
  return stop;
}

// In the page: the moments (ms since 1970) its first frame and its first trained epoch were
// put into the document, as window.firstShown = {frame, epoch}.
function watchFirstShown() {
  window.firstShown = {frame: null, epoch: null};
  const now = () => performance.timeOrigin + performance.now();
  new MutationObserver(() => {
    const {dataset} = document.documentElement;
    if (dataset.ready === 'true') window.firstShown.frame ??= now();
    if (Number(dataset.epochs) >= 1) window.firstShown.epoch ??= now();
  }).observe(document, {subtree: true, attributeFilter: ['data-ready', 'data-epochs']});
}

/**
 * Opens the page with its defaults and records what it fetched.
 * @returns {Promise<{files: object[], firstFrame: object[], after: object[]}>} files: requested
 *     before epoch 1 was shown; firstFrame: before the first frame was; after: from epoch 1 until
 *     the loss chart is drawn. Each {path, type, bytes, gzip, startedAt}.
 */
export async function pageFirstLoad() {
  const session = await launch();
  try {
    const stop = recordRequests(session.context);
    await session.context.addInitScript(watchFirstShown);
    // openPage resolves once the first frame is drawn (html[data-ready]): the networks show.
    const page = await openPage(session.context, session.url);
    await page.waitForFunction(
        () => Number(document.documentElement.dataset.epochs) >= 1, null,
        {timeout: WAIT_MS, polling: 20});
    // What waited for the first epoch (the charts with uPlot, the data editor) arrives after it.
    await page.waitForSelector('#loss-chart[data-drawn="true"]', {state: 'attached'});
    const shown = await page.evaluate(() => window.firstShown);
    const files = await stop();
    if (page.problems.length) throw new Error(`page problems: ${page.problems.join('; ')}`);
    // Requests the browser started before each moment.
    const before = (moment) => files.filter((f) => f.startedAt <= moment);
    return {
      files: before(shown.epoch),
      firstFrame: before(shown.frame),
      after: files.filter((f) => f.startedAt > shown.epoch),
    };
  } finally {
    await session.close();
  }
}
