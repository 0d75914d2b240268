// The built figure (dist/embed/relu-lab-figure.js and the figure-run.js it fetches when it starts,
// from scripts/build.sh; this test builds nothing) carries only itself: none of the page's
// experiments nor the evidence section's claims, whose prose would cost every blog post that embeds
// a figure.
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {test} from 'node:test';

import {CLAIMS} from '../../web/evidence/claims.js';
import {EXPERIMENTS, INTRO} from '../../web/page/experiments.js';

const EMBED = new URL('../../dist/embed/', import.meta.url);

// The runs of a text that a minifier writes as they are: quotes, backslashes and non-ASCII
// characters may come out escaped, so the text is cut there; short runs could match anything.
function runs(text) {
  return text.split(/['"`\\]|[^\x20-\x7e]/).filter((run) => run.length >= 20);
}

// A short title is only a match as a whole string literal.
function literals(text) {
  return ['"', '\'', '`'].map((q) => `${q}${text}${q}`);
}

const bundle = (await Promise.all(['relu-lab-figure.js', 'figure-run.js'].map(
                    (file) => readFile(new URL(file, EMBED), 'utf8'))))
                   .join('\n');

test('the figure bundle holds no experiment title or text', () => {
  const prose = [...INTRO];
  for (const e of EXPERIMENTS) {
    for (const title of literals(e.title)) assert.ok(!bundle.includes(title), e.title);
    prose.push(e.text);
    for (const v of e.variants ?? []) prose.push(v.note ?? '');
    for (const a of e.actions ?? []) prose.push(a.note);
  }
  const found = prose.flatMap(runs).filter((run) => bundle.includes(run));
  assert.deepEqual(found, []);
});

test('the figure bundle holds no claim or its scope', () => {
  const prose = CLAIMS.flatMap((c) => [c.text, c.scope]);
  assert.ok(prose.flatMap(runs).length >= 2 * CLAIMS.length, 'every claim has text to look for');
  const found = prose.flatMap(runs).filter((run) => bundle.includes(run));
  assert.deepEqual(found, []);
});

test(
    'the figure\'s modules come from figure/, panels/, settings/, trainer/, common/ only',
    async () => {
      const {build} = await import('esbuild');
      const {BUNDLE_OPTIONS} = await import('../../scripts/build-web.mjs');
      const root = new URL('../../', import.meta.url).pathname;
      const result = await build({
        ...BUNDLE_OPTIONS,
        entryPoints:
            ['web/figure/relu-lab-figure.js', 'web/figure/figure-run.js'].map((f) => root + f),
        absWorkingDir: root,
        outdir: '/nonexistent',
        write: false,
        metafile: true,
      });
      const inputs = Object.keys(result.metafile.inputs);
      const allowed = /^(web\/(figure|panels|settings|trainer|common)\/|js\/)/;
      assert.deepEqual(inputs.filter((path) => !allowed.test(path)), []);
    });
