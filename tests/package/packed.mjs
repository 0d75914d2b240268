// The package as a user gets it: `npm pack` of this checkout's built dist/ (the tarball npm
// publish would upload; prepack's build is skipped, test.sh has just built dist/), installed with
// `npm install --offline` into a fresh project. Made once per run in build/package-test/ and
// shared by the tests/package/ files; `node tests/package/packed.mjs` makes it (test.sh does,
// before the tests), and a test file run alone makes it when it is missing.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

import {packageProblems} from '../../scripts/check-package.mjs';

export const ROOT = new URL('../../', import.meta.url).pathname;
const OUT = join(ROOT, 'build', 'package-test');
export const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

const npm = (args, cwd) => execFileSync(
    'npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'],
    {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});

function make() {
  const problems = packageProblems(ROOT);
  if (problems.length) throw new Error(`the package is not ready: ${problems.join('; ')}`);
  mkdirSync(join(ROOT, 'build'), {recursive: true});
  const work = mkdtempSync(join(ROOT, 'build', 'package-test-'));
  // --json: the file list as npm computed it (what the registry would get).
  const [manifest] =
      JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT));
  const project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({name: 'consumer', private: true, type: 'module'}, null, 2));
  npm(['install', '--offline', join(work, manifest.filename)], project);
  writeFileSync(join(work, 'manifest.json'), JSON.stringify(manifest, null, 2));
  rmSync(OUT, {recursive: true, force: true});
  try {
    renameSync(work, OUT);
  } catch {
    // Another test file made it at the same moment: theirs serves as well.
    rmSync(work, {recursive: true, force: true});
  }
}

/**
 * @param {{fresh?: boolean}} [options] fresh: pack and install again even if present
 * @returns {{dir: string, tarball: string, manifest: object, project: string, installed: string}}
 *     manifest: npm pack's JSON (files, size, unpackedSize); installed: node_modules/<name>
 */
export function packed({fresh = false} = {}) {
  if (fresh || !existsSync(join(OUT, 'manifest.json'))) make();
  const manifest = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8'));
  const project = join(OUT, 'project');
  return {
    dir: OUT,
    tarball: join(OUT, manifest.filename),
    manifest,
    project,
    installed: join(project, 'node_modules', PACKAGE.name),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const {manifest, tarball} = packed({fresh: true});
  console.log(
      `packed: ${tarball} (${manifest.size} bytes, ${manifest.entryCount} files), ` +
      `installed in ${join(OUT, 'project')}`);
  for (const name of readdirSync(OUT)) console.log(`  ${name}`);
}
