// loadReluLab's `builds` option, for a bundle that moved the loader away from its wasm builds: a
// folder given as a URL or its text loads them, and a wrong value or a folder without them is an
// Error naming the call and the option (the package tests cover bundles end to end).
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';

import {loadReluLab} from '../../dist/js/relu-lab.mjs';

const BUILDS = new URL('../../dist/js/', import.meta.url);

test('builds as a URL or its text loads the builds from that folder', async () => {
  for (const builds of [BUILDS, BUILDS.href, BUILDS.href.replace(/\/$/, '')]) {
    const lab = await loadReluLab({builds, backend: 'wasm-scalar'});
    assert.equal(lab.backend, 'wasm-scalar');
  }
});

test('a wrong builds value or a folder without the builds says so', async () => {
  await assert.rejects(
      loadReluLab({builds: 5}), /^TypeError: loadReluLab: builds must be a URL or its text, got/);
  // Node has no document to resolve a relative folder against.
  await assert.rejects(
      loadReluLab({builds: 'assets/'}),
      /loadReluLab: builds must be an absolute URL here, got "assets\/"/);
  const empty = pathToFileURL(mkdtempSync(join(tmpdir(), 'relu-lab-builds-')) + '/');
  await assert.rejects(
      loadReluLab({builds: empty}),
      /loadReluLab: the wasm-simd128 build could not be loaded from file:.*relu-lab-simd128\.mjs .*loadReluLab\(\{builds\}\)/);
});
