// Builds what authors embed, from a dist/ that scripts/build.sh has filled (with the figure's
// wasm builds in dist/embed/): dist/embed/ (the <relu-lab-figure> element, what it runs once
// started, and its worker, minified by esbuild, next to those builds), dist/relu-lab-figure.html
// (one self-contained file: modules and wasm inlined) and dist/embed/sizes.json (what a figure's
// first load costs, gzipped). Usage: node this [dist]
import {build} from 'esbuild';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {join, resolve} from 'node:path';
import {gzipSync} from 'node:zlib';

import {BUNDLE_OPTIONS} from './build-web.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const DIST = resolve(process.argv[2] || join(ROOT, 'dist'));
const OUT = join(DIST, 'embed');
const BUILDS = ['relu-lab-simd128', 'relu-lab-scalar'];
// What the element imports once it starts, as web/figure/relu-lab-figure.js names it.
const RUN_MODULE = './figure-run.js';
const common = BUNDLE_OPTIONS;

async function bundleTo(entry, outfile, extra = {}) {
  await build({...common, entryPoints: [resolve(ROOT, entry)], outfile, ...extra});
}

// A figure draws its own fields: its worker leaves out the painter of the page's canvases
// (web/trainer/worker.js).
const NO_PAINTER = {
  'globalThis.RELU_LAB_PAINTS': 'false'
};

// A virtual module, for entries that exist only as source text here.
function virtualEntry(contents) {
  return {contents, resolveDir: ROOT, sourcefile: 'entry.js', loader: 'js'};
}

async function selfHostedFolder() {
  await mkdir(OUT, {recursive: true});
  // The element's run, its worker and both builds sit beside it, so embed/ can be served on its
  // own. The element fetches its run when it starts: a bundle of its own, not inlined.
  await bundleTo('web/figure/relu-lab-figure.js', join(OUT, 'relu-lab-figure.js'), {
    external: [...common.external, RUN_MODULE],
  });
  await bundleTo(join('web/figure', RUN_MODULE), join(OUT, RUN_MODULE), {
    define: {RELU_LAB_TRAINER_WORKER: '"./worker.js"'},
  });
  await bundleTo('web/trainer/worker.js', join(OUT, 'worker.js'), {define: NO_PAINTER});
  for (const name of BUILDS) {
    // Emscripten's glue is an ES module: esbuild can shorten its module-level names too.
    const glue = join(OUT, `${name}.mjs`);
    await bundleTo(glue, glue, {allowOverwrite: true});
  }
}

// The worker with both builds inside (the wasm bytes as base64, decoded on load): one glue
// serves both, since they differ only in the wasm file name, which wasmBinary makes moot.
// A module worker from a blob: cannot start in a file:// page (its origin is opaque), a classic
// one can: so this worker is one classic script (the glue has no top-level await to stop that).
async function inlineWorkerSource() {
  const result = await build({
    ...common,
    format: 'iife',
    // Only read where no build is provided, which never happens in this worker.
    define: {'import.meta.url': '"about:blank"', ...NO_PAINTER},
    write: false,
    stdin: virtualEntry(`
      import {provideBuild} from './js/relu-lab.mjs';
      import createModule from ${JSON.stringify(join(OUT, 'relu-lab-simd128.mjs'))};
      import simd from ${JSON.stringify(join(OUT, 'relu-lab-simd128.wasm'))};
      import scalar from ${JSON.stringify(join(OUT, 'relu-lab-scalar.wasm'))};
      provideBuild('wasm-simd128', createModule, simd);
      provideBuild('wasm-scalar', createModule, scalar);
      import './web/trainer/worker.js';
    `),
    loader: {'.wasm': 'binary'},
  });
  return result.outputFiles[0].text;
}

async function singleFile() {
  const workerSource = await inlineWorkerSource();
  const setup = `
    import {setWorkerFactory} from './web/trainer/start-worker.js';
    const source = ${JSON.stringify(workerSource)};
    const url = URL.createObjectURL(new Blob([source], {type: 'text/javascript'}));
    setWorkerFactory(() => new Worker(url));`;
  const result = await build({
    ...common,
    write: false,
    stdin: virtualEntry(`import 'single-file-setup';\nimport './web/figure/relu-lab-figure.js';`),
    plugins: [{
      name: 'single-file-setup',
      setup(b) {
        b.onResolve({filter: /^single-file-setup$/}, () => ({path: 'setup', namespace: 'v'}));
        b.onLoad({filter: /.*/, namespace: 'v'}, () => ({contents: setup, resolveDir: ROOT}));
      },
    }],
  });
  // A script element ends at the first "</script", wherever it is: escape it in the code.
  const script = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const template = await readFile(join(ROOT, 'web', 'figure-single.html'), 'utf8');
  const html =
      template.replace('<!-- FIGURE-SCRIPT -->', () => `<script type="module">${script}</script>`);
  await writeFile(join(DIST, 'relu-lab-figure.html'), html);
  return html.length;
}

// The budgets, gzip -9 (tests/web/embed-budget.test.mjs holds the build to them): the element,
// its run, its worker, the glue and the wasm together; and the element alone, which every page
// that embeds a figure loads, while the rest waits until the figure comes near the viewport.
// 110 KiB: the figure's own wasm builds bind only what its worker calls (wasm/CMakeLists.txt).
export const FIRST_LOAD_BUDGET = 110 * 1024;
export const FIGURE_BUDGET = 12 * 1024;

/** gzip -9 and raw sizes of the files a lazy figure fetches before its first frame. */
export async function firstLoadSizes(dist = DIST) {
  const files = [
    'relu-lab-figure.js', 'figure-run.js', 'worker.js', 'relu-lab-simd128.mjs',
    'relu-lab-simd128.wasm'
  ];
  const rows = [];
  for (const file of files) {
    const bytes = await readFile(join(dist, 'embed', file));
    rows.push({file, bytes: bytes.length, gzip: gzipSync(bytes, {level: 9}).length});
  }
  return {files: rows, gzip: rows.reduce((sum, r) => sum + r.gzip, 0)};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await selfHostedFolder();
  const singleBytes = await singleFile();
  const sizes = {firstLoad: await firstLoadSizes(), singleFileBytes: singleBytes};
  await writeFile(join(OUT, 'sizes.json'), JSON.stringify(sizes, null, 2) + '\n');
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
      `build-embed: first load ${kb(sizes.firstLoad.gzip)} gzipped of ` +
      `${kb(FIRST_LOAD_BUDGET)} (` +
      sizes.firstLoad.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ') +
      `); relu-lab-figure.html ${kb(singleBytes)}`);
}
