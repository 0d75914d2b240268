// The embed's first-load budget, on the built dist/embed/ (scripts/build.sh; builds nothing):
// what a page with one <relu-lab-figure> fetches before its first frame, gzip -9, file by file
// as scripts/build-embed.mjs's firstLoadSizes() counts them. Leaves out the page's own load.
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {before, test} from 'node:test';
import {fileURLToPath} from 'node:url';

import {FIGURE_BUDGET, FIRST_LOAD_BUDGET, firstLoadSizes} from '../../scripts/build-embed.mjs';

const DIST = process.env.RELU_LAB_DIST || fileURLToPath(new URL('../../dist', import.meta.url));

let sizes;
before(async () => {
  if (!existsSync(join(DIST, 'embed'))) {
    throw new Error(`${DIST}/embed/ is missing: build it first (bash scripts/build.sh)`);
  }
  sizes = await firstLoadSizes(DIST);
});

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

test(`a figure's first load is at most ${kib(FIRST_LOAD_BUDGET)} gzipped`, (t) => {
  for (const {file, bytes, gzip} of sizes.files) {
    const share = ((100 * gzip) / FIRST_LOAD_BUDGET).toFixed(1);
    t.diagnostic(`${file}: ${gzip} B gzipped (${bytes} B), ${share}% of the budget`);
  }
  t.diagnostic(`total: ${sizes.gzip} B = ${kib(sizes.gzip)} of ${kib(FIRST_LOAD_BUDGET)}`);
  assert.ok(
      sizes.gzip <= FIRST_LOAD_BUDGET,
      `${sizes.gzip} B is ${sizes.gzip - FIRST_LOAD_BUDGET} B over ${FIRST_LOAD_BUDGET} B: ` +
          sizes.files.map((f) => `${f.file} ${f.gzip} B`).join(', '));
});

test(`the figure element's bundle alone is at most ${kib(FIGURE_BUDGET)} gzipped`, () => {
  const figure = sizes.files.find((f) => f.file === 'relu-lab-figure.js');
  assert.ok(figure, 'firstLoadSizes() counts relu-lab-figure.js');
  assert.ok(
      figure.gzip <= FIGURE_BUDGET,
      `relu-lab-figure.js: ${figure.gzip} B gzipped is ${figure.gzip - FIGURE_BUDGET} B over ` +
          `${FIGURE_BUDGET} B`);
});
