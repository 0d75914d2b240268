// The tarball npm pack makes of a built checkout: what it holds (the library with both wasm
// builds, the element with its worker and builds, the single file, declarations, README,
// LICENSE, CHANGELOG) and what it must not (sources, tests, build trees), its size as README
// states it, and the package.json facts a publish relies on.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';

import {packageProblems} from '../../scripts/check-package.mjs';

import {PACKAGE, packed, ROOT} from './packed.mjs';

const {manifest} = packed();
const files = manifest.files.map((f) => f.path);

test('the tarball holds what runs: library, both builds twice, element, single file, types', () => {
  for (const dir of ['dist/js', 'dist/embed']) {
    for (const build of ['simd128', 'scalar']) {
      assert.ok(files.includes(`${dir}/relu-lab-${build}.wasm`), `${dir} ${build} wasm`);
      assert.ok(files.includes(`${dir}/relu-lab-${build}.mjs`), `${dir} ${build} glue`);
    }
  }
  for (const js of readdirSync(join(ROOT, 'js'))) assert.ok(files.includes(`dist/js/${js}`), js);
  for (const file
           of ['dist/embed/relu-lab-figure.js', 'dist/embed/worker.js', 'dist/relu-lab-figure.html',
               'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']) {
    assert.ok(files.includes(file), file);
  }
  for (const dts of readdirSync(join(ROOT, 'types'))) assert.ok(files.includes(`types/${dts}`));
});

test('the tarball holds no sources, tests, build trees or page', () => {
  const outside = files.filter(
      (f) =>
          !/^(dist\/(js|embed)\/[^/]+|dist\/relu-lab-figure\.html|types\/[^/]+\.d\.ts|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/
               .test(f));
  assert.deepEqual(outside, []);
});

test('package.json: publishable, semver with a CHANGELOG entry, no runtime dependencies', () => {
  assert.deepEqual(packageProblems(ROOT), []);
  assert.equal(PACKAGE.private, undefined);
  assert.equal(PACKAGE.dependencies, undefined);
  // npm pack builds what the package needs first (a clean checkout has no dist/).
  assert.equal(PACKAGE.scripts.prepack, 'bash scripts/prepack.sh');
  assert.match(readFileSync(join(ROOT, 'scripts', 'prepack.sh'), 'utf8'), /scripts\/build\.sh/);
});

test('README states the tarball\'s size and file count as packed', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const kb = (bytes) => Math.round(bytes / 1000);
  const now = `${kb(manifest.size)} kB packed, ${kb(manifest.unpackedSize)} kB unpacked, ${
      manifest.entryCount} files`;
  const stated = readme.match(/(\d+) kB packed, (\d+) kB unpacked, (\d+) files/);
  assert.ok(stated, `README should say "${now}"`);
  // Within 1%: a README edit or a rebuild moves a few bytes; more is a change README must state.
  const near = (text, bytes) => Math.abs(Number(text) * 1000 - bytes) <= bytes / 100;
  assert.ok(
      near(stated[1], manifest.size) && near(stated[2], manifest.unpackedSize),
      `README: ${stated[0]}, now ${now}`);
  assert.equal(Number(stated[3]), manifest.entryCount, `README: ${stated[0]}, now ${now}`);
});

test('the declarations use no any and are generated from this build', () => {
  for (const dts of readdirSync(join(ROOT, 'types'))) {
    // The code, without its comments (which may say "any order").
    const code = readFileSync(join(ROOT, 'types', dts), 'utf8')
                     .replace(/\/\*[\s\S]*?\*\//g, '')
                     .replace(/\/\/.*$/gm, '');
    assert.doesNotMatch(code, /\bany\b/, `${dts} declares any`);
  }
  execFileSync('node', [join(ROOT, 'scripts', 'build-types.mjs'), '--check']);
});
