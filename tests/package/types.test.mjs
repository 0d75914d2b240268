// The declarations as a TypeScript user meets them: tsc --strict over the installed package
// accepts the consumer example (every entry, README's calls) and rejects each deliberate misuse
// (misuse.ts marks each with @ts-expect-error, which fails if the line compiles), and a
// Node-only project (no DOM library, no @types/node) type-checks README's Node example.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';

import {PACKAGE, packed, ROOT} from './packed.mjs';

const {project} = packed();
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const CONSUMER = join(ROOT, 'tests', 'package', 'consumer');
cpSync(CONSUMER, project, {recursive: true});

function tsc(config) {
  const result = spawnSync('node', [TSC, '-p', config], {cwd: project, encoding: 'utf8'});
  return {code: result.status, out: result.stdout + result.stderr};
}

test('tsc --strict accepts the example and rejects every misuse', () => {
  const {code, out} = tsc('tsconfig.json');
  assert.equal(code, 0, out);
  const misuses =
      readFileSync(join(CONSUMER, 'misuse.ts'), 'utf8').match(/^\/\/ @ts-expect-error/gm);
  assert.ok(misuses.length >= 20, `${misuses.length} misuses`);
});

test('without the directives, each misuse is one error', () => {
  const text = readFileSync(join(CONSUMER, 'misuse.ts'), 'utf8');
  const count = text.match(/^\/\/ @ts-expect-error/gm).length;
  const bare = text.replace(/^\/\/ @ts-expect-error.*\n/gm, '');
  writeFileSync(join(project, 'misuse-bare.ts'), bare);
  const config = {extends: './tsconfig.json', files: ['misuse-bare.ts']};
  writeFileSync(join(project, 'tsconfig.bare.json'), JSON.stringify(config));
  const {code, out} = tsc('tsconfig.bare.json');
  assert.notEqual(code, 0);
  const lines = new Set(out.match(/^misuse-bare\.ts\((\d+),/gm));
  assert.equal(lines.size, count, out);
});

test('a Node-only project type-checks README\'s Node example (checkJs)', () => {
  const {code, out} = tsc('tsconfig.node.json');
  assert.equal(code, 0, out);
});

// The values a declaration file declares (types and interfaces are not run-time exports).
function declaredValues(file) {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^export declare (?:const|function|class) (\w+)/gm)].map((m) => m[1]);
}

test('each entry declares exactly the values its module exports', async () => {
  for (const [subpath, target] of Object.entries(PACKAGE.exports)) {
    if (typeof target === 'string') continue;  // the single file and package.json
    const declared = [...new Set(declaredValues(target.types))].sort();
    let exported;
    if (subpath === './figure') {
      // The element module needs a DOM to run: its exports are read from its source.
      const source = readFileSync(join(ROOT, 'web', 'figure', 'relu-lab-figure.js'), 'utf8');
      exported = [...source.matchAll(/^export (?:class|function|const) (\w+)/gm)].map((m) => m[1]);
    } else {
      exported = Object.keys(await import(join(ROOT, target.default)));
    }
    assert.deepEqual(declared, exported.sort(), `${subpath}: ${target.types}`);
  }
});
