// Builds the page into a dist/ that scripts/build.sh has given the JS library (dist/js/, with both
// wasm builds): every entry of web/ is bundled and minified by esbuild to the same path under
// dist/, so index.html, embed.html and the worker addresses (one folder under the root, see
// web/trainer/start-worker.js) read the same in the source tree and in dist/. Code the page loads
// only when first used (evidence, export, the data editor, the detail view) is split into
// dist/chunks/. Usage: node this [dist]
import {build} from 'esbuild';
import {copyFile, mkdir, writeFile} from 'node:fs/promises';
import {join, resolve} from 'node:path';

import {PACKAGE_DEFINE} from './package-info.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const WEB = join(ROOT, 'web');
const DIST = resolve(process.argv[2] || join(ROOT, 'dist'));
// How every browser bundle is built, the page's and the embed's (build-embed.mjs) alike: for
// browsers with module workers, constructed style sheets and wasm SIMD's feature probe.
export const BUNDLE_OPTIONS = Object.freeze({
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['chrome96', 'firefox101', 'safari16.4'],
  logLevel: 'error',
  // The loader reads wasm from disk under Node only: never in a browser bundle.
  external: ['node:*'],
});
// Copied as they are: the documents, the icon, and the classic script that runs where modules
// cannot (a sandboxed frame).
const STATIC =
    ['index.html', 'embed.html', 'favicon.svg', 'page/sandbox-check.js', 'figure/embed.css'];

const common = {
  ...BUNDLE_OPTIONS,
  outbase: WEB,
  outdir: DIST
};
const entry = (path) => join(WEB, path);
// As web/page/on-demand.js imports it: the page's bundle leaves it to the browser to fetch.
const SHARE_DIALOG = './share-dialog.js';
const GLUES = ['relu-lab-simd128.mjs', 'relu-lab-scalar.mjs'];

// Emscripten's glue is an ES module: esbuild shortens its module-level names too (a quarter off
// what the page's worker fetches first). Rewritten in place in dist/js/, where the loader and
// every bundle look for it; Node and browsers run it alike.
async function minifyGlue(dist) {
  for (const name of GLUES) {
    const file = join(dist, 'js', name);
    const result = await build({...BUNDLE_OPTIONS, entryPoints: [file], write: false});
    await writeFile(file, result.outputFiles[0].contents);
  }
}

export async function buildWeb(dist = DIST) {
  const out = {...common, outdir: dist};
  await minifyGlue(dist);
  for (const file of STATIC) {
    await mkdir(join(dist, file, '..'), {recursive: true});
    await copyFile(join(WEB, file), join(dist, file));
  }
  // The page: split, so that what loads on first use is its own chunk. The embed page shares
  // little with it and is built alone (shared chunks of the two would add requests to both).
  await build({
    ...out,
    entryPoints: [entry('page/main.js')],
    define: PACKAGE_DEFINE,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    external: [...out.external, SHARE_DIALOG],
  });
  // The Share dialog (loaded once the first epoch is shown) is one file with all it uses: split
  // like the rest, the modules it shares with the page would regroup the page's chunks into more
  // requests before the first epoch.
  await build({...out, entryPoints: [entry('page/share-dialog.js')], define: PACKAGE_DEFINE});
  await build({...out, entryPoints: [entry('figure/embed-page.js')]});
  // Workers: one file each; the library inside them finds its wasm builds in dist/js/.
  await build({
    ...out,
    entryPoints: [entry('trainer/worker.js'), entry('evidence/study-worker.js')],
    define: {RELU_LAB_BUILDS: '"../js/"'},
  });
  // The animation encoder: the video part (mediabunny) is split off, so a GIF never loads it.
  await build({
    ...out,
    entryPoints: [entry('time/export/export-worker.js')],
    splitting: true,
    chunkNames: 'time/export/[name]-[hash]',
  });
  await build({...out, entryPoints: [entry('style.css')], loader: {'.css': 'css'}});
}

if (import.meta.url === `file://${process.argv[1]}`) await buildWeb();
