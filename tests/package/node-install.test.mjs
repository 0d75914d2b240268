// The installed package in Node: imported by name (every subpath of its exports) from a fresh
// project, the README's Node example run as it is, and an esbuild bundle of a consumer: the wasm
// builds resolve when they sit beside the bundle or are named by loadReluLab({builds}), and a
// bundle without them fails with an error that says what to do.
import {build} from 'esbuild';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {copyFileSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {test} from 'node:test';

import {PACKAGE, packed, ROOT} from './packed.mjs';
import {readmeBlock} from './readme-blocks.mjs';

const {project, installed} = packed();
const CONSUMER = join(ROOT, 'tests', 'package', 'consumer');
const BUILD_FILES =
    ['simd128', 'scalar'].flatMap((b) => [`relu-lab-${b}.mjs`, `relu-lab-${b}.wasm`]);

function runIn(dir, file) {
  const result = spawnSync('node', [file], {cwd: dir, encoding: 'utf8'});
  return {code: result.status, out: result.stdout, err: result.stderr};
}

test('every export of the package imports by name from an installed project', () => {
  // The element needs a DOM: the browser tests load it.
  const subpaths =
      Object.keys(PACKAGE.exports).filter((p) => !/\.(html|json)$/.test(p) && p !== './figure');
  const script =
      subpaths.map((p, i) => `import * as m${i} from '${PACKAGE.name}${p.slice(1)}';`).join('\n') +
      `\nconsole.log(JSON.stringify([${
          subpaths.map((_, i) => `Object.keys(m${i}).length`).join(', ')}]));`;
  writeFileSync(join(project, 'imports.mjs'), script);
  const {code, out, err} = runIn(project, 'imports.mjs');
  assert.equal(code, 0, err);
  assert.ok(JSON.parse(out).every((n) => n > 0), out);
});

test('the README\'s Node example trains from the installed package', () => {
  const example = readFileSync(join(CONSUMER, 'node-example.mjs'), 'utf8');
  assert.equal(readmeBlock('node-example.mjs'), example, 'README shows the tested example');
  writeFileSync(join(project, 'node-example.mjs'), example);
  const {code, out, err} = runIn(project, 'node-example.mjs');
  assert.equal(code, 0, err);
  assert.match(out, /^relu: epoch 50, test accuracy (0\.9\d\d|1\.000)\ntanh: epoch 50, /);
});

test('an esbuild bundle finds the wasm beside it or where loadReluLab({builds}) says', async () => {
  const dir = mkdtempSync(join(project, 'bundle-'));
  const bundle = (entry, outfile) => build({
    stdin: {contents: entry, resolveDir: project, loader: 'js'},
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: resolve(dir, outfile),
    logLevel: 'error',
  });
  const example = readFileSync(join(CONSUMER, 'node-example.mjs'), 'utf8');
  await bundle(example, 'plain.mjs');
  // Moved away from its build files, the loader says so and what to do.
  const bare = runIn(dir, 'plain.mjs');
  assert.notEqual(bare.code, 0);
  assert.match(
      bare.err,
      /loadReluLab: the wasm-simd128 build could not be loaded from .*relu-lab-simd128\.mjs.*loadReluLab\(\{builds\}\)/);
  // The README's recipe: the four build files beside the bundle.
  for (const file of BUILD_FILES) {
    copyFileSync(join(installed, 'dist', 'js', file), join(dir, file));
  }
  assert.match(runIn(dir, 'plain.mjs').out, /^relu: epoch 50/);
  // Or the folder named at load time.
  const named = example.replace(
      'loadReluLab()',
      `loadReluLab({builds: new URL('../node_modules/${
          PACKAGE.name}/dist/js/', import.meta.url)})`);
  const alone = mkdtempSync(join(project, 'named-'));
  await bundle(named, join(alone, 'named.mjs'));
  const run = runIn(alone, 'named.mjs');
  assert.equal(run.code, 0, run.err);
  assert.match(run.out, /^relu: epoch 50/);
});

test('the tarball installs offline into a fresh project, with nothing else', () => {
  const {tarball} = packed();
  const fresh = mkdtempSync(join(project, '..', 'fresh-'));
  writeFileSync(
      join(fresh, 'package.json'), '{"name": "fresh", "private": true, "type": "module"}');
  execFileSync(
      'npm', ['install', '--offline', '--no-audit', '--no-fund', tarball],
      {cwd: fresh, stdio: 'ignore'});
  const lock = JSON.parse(readFileSync(join(fresh, 'package-lock.json'), 'utf8'));
  assert.deepEqual(Object.keys(lock.packages).filter((p) => p), [`node_modules/${PACKAGE.name}`]);
});
