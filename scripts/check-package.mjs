// Checks that the package is ready to pack: a semver version with its CHANGELOG.md entry, no
// runtime dependencies, and every file its "exports" and "types" name present (after a build),
// both wasm builds beside the library and beside the embed. npm pack runs it after building
// (scripts/prepack.sh); tests/package/ runs it too. Usage: node scripts/check-package.mjs [root]
import {existsSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';

const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
// The files the library and the element load at run time, next to each other.
const BUILD_FILES = [
  'relu-lab-simd128.mjs', 'relu-lab-simd128.wasm', 'relu-lab-scalar.mjs', 'relu-lab-scalar.wasm'
];

// Every file path an "exports" value names, whatever its nesting of conditions.
function exportTargets(value) {
  if (typeof value === 'string') return [value];
  return Object.values(value).flatMap(exportTargets);
}

/** @returns {string[]} what keeps the package at `root` from packing; empty if nothing. */
export function packageProblems(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const problems = [];
  if (pkg.private) problems.push('package.json: "private" is set');
  if (!SEMVER.test(pkg.version ?? '')) problems.push(`version ${pkg.version} is not semver`);
  if (Object.keys(pkg.dependencies ?? {}).length) {
    problems.push('the package has runtime dependencies: the library and the figure need none');
  }
  const changelog = join(root, 'CHANGELOG.md');
  if (!existsSync(changelog) || !readFileSync(changelog, 'utf8').includes(`## ${pkg.version} `)) {
    problems.push(`CHANGELOG.md has no "## ${pkg.version} " entry`);
  }
  if (!existsSync(join(root, 'LICENSE'))) problems.push('LICENSE is missing');
  const files = [pkg.types, ...exportTargets(pkg.exports ?? {})];
  for (const dir of ['dist/js', 'dist/embed']) {
    files.push(...BUILD_FILES.map((name) => `${dir}/${name}`));
  }
  for (const file of new Set(files)) {
    if (!existsSync(join(root, file))) problems.push(`${file} is missing (run npm run build)`);
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems =
      packageProblems(resolve(process.argv[2] || new URL('..', import.meta.url).pathname));
  for (const problem of problems) console.error(`check-package: ${problem}`);
  if (problems.length) process.exit(1);
  console.log('check-package: ready to pack');
}
