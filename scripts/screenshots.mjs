// Screenshots for looking at the page and the figure as readers see them: the landing at
// 1400x900, in a 700 px column and on a 390x844 phone, each once trained to an epoch, plus
// the embed page. Writes PNGs to the folder given (default build/screenshots/) from a built
// dist/. Usage: node scripts/screenshots.mjs [out] [hash]
import {mkdir} from 'node:fs/promises';
import {join, resolve} from 'node:path';

import {launch, openPage, WAIT_MS} from '../tests/browser/fixture.mjs';

const OUT = resolve(process.argv[2] || 'build/screenshots');
const HASH = process.argv[3] || '';
const VIEWPORTS = [
  {name: 'wide', width: 1400, height: 900},
  {name: 'column', width: 700, height: 900},
  {name: 'phone', width: 390, height: 844},
];
// Far enough that the boundaries have formed, near enough to be quick on a busy machine.
const EPOCH = 30;

await mkdir(OUT, {recursive: true});
const session = await launch();
try {
  for (const viewport of VIEWPORTS) {
    const page = await openPage(session.context, `${session.url}${HASH}`, {viewport});
    // An experiment pauses at its own stop epoch, which may come first.
    await page.waitForFunction((n) => {
      const root = document.documentElement.dataset;
      const epochs = Number(root.epochs);
      return epochs >= n || (epochs > 0 && root.workerPaused === 'true');
    }, EPOCH, {timeout: WAIT_MS});
    const file = join(OUT, `page-${viewport.name}.png`);
    await page.screenshot({path: file});
    console.log(`${file}${page.problems.length ? `  problems: ${page.problems.join('; ')}` : ''}`);
    await page.close();
    const embed = await session.context.newPage();
    await embed.setViewportSize({width: viewport.width, height: Math.round(viewport.width * 0.8)});
    await embed.goto(`${session.url}embed.html${HASH || '#activations=relu,tanh'}`);
    await embed.waitForFunction((n) => {
      const figure = document.querySelector('relu-lab-figure');
      return figure && figure.metrics.length > 0 && figure.metrics[0].epoch >= n;
    }, EPOCH, {timeout: WAIT_MS});
    const embedFile = join(OUT, `embed-${viewport.name}.png`);
    await embed.screenshot({path: embedFile});
    console.log(embedFile);
    await embed.close();
  }
} finally {
  await session.close();
}
