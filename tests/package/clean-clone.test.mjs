// `npm pack` on a clean clone (the last commit, no dist/, no build/): prepack builds what the
// package needs and the tarball holds the same files as the one the other tests install. The
// wasm modules, the library's and the figure's, are taken from this checkout's dist/
// (RELU_LAB_WASM_FROM, as scripts/build.sh allows) so that the test does not compile core again;
// everything else is built from the clone.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';

import {packed, ROOT} from './packed.mjs';

test('npm pack on a clean clone builds dist/ first and packs the same files', () => {
  const work = mkdtempSync(join(tmpdir(), 'relu-lab-clone-'));
  try {
    const clone = join(work, 'clone');
    execFileSync('git', ['clone', '--quiet', ROOT, clone]);
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
    const out =
        execFileSync('npm', ['pack', '--json', '--pack-destination', work, '--loglevel=error'], {
          cwd: clone,
          encoding: 'utf8',
          env: {...process.env, RELU_LAB_WASM_FROM: join(ROOT, 'dist')},
          stdio: ['ignore', 'pipe', 'pipe'],
        });
    // The build's own lines come first; npm's JSON is the last thing printed.
    const [manifest] = JSON.parse(out.slice(out.lastIndexOf('\n[') + 1));
    const paths = (m) => m.files.map((f) => f.path).sort();
    assert.deepEqual(paths(manifest), paths(packed().manifest));
  } finally {
    rmSync(work, {recursive: true, force: true});
  }
});
