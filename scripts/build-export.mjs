// Bundles the animation encoder (web/export-worker.js with gifenc, and web/export-video.js with
// mediabunny, split off so a GIF never loads it) into dist/export/, minified by esbuild. The
// page loads it only when an export starts. Usage: node this [dist]
import {build} from 'esbuild';
import {rm} from 'node:fs/promises';
import {join, resolve} from 'node:path';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const DIST = resolve(process.argv[2] || join(ROOT, 'dist'));
await build({
  entryPoints: [join(ROOT, 'web/export-worker.js')],
  outdir: join(DIST, 'export'),
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  target: ['chrome96', 'firefox101', 'safari16.4'],
  chunkNames: '[name]-[hash]',
  logLevel: 'error',
});
// The unbundled sources came along with the page's files; the bundle replaces them.
for (const name of ['export-worker.js', 'export-video.js'])
  await rm(join(DIST, name), {force: true});
