// scripts/lint-comments.mjs in Node on made-up files: a comment naming a file that is not there
// (a moved path, a bare name no file has) is reported with its line, a comment naming existing
// files in any of the accepted ways is not, code is not read, and tracker citations are reported.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {lintFile, trackedIndex} from '../../scripts/lint-comments.mjs';

const index = trackedIndex([
  'web/settings/url-settings.js', 'web/trainer/worker-pool.js', 'web/page/main.js',
  'core/nn/mlp.cpp', 'scripts/build.sh', 'README.md'
]);
// Assembled, so that this file does not cite them itself.
const THE_ISSUE = 'the ' +
    'issue';
const TICKET = 'tick' +
    'et';

test('a comment naming a moved path or an unknown file name is stale', () => {
  const text = 'const a = 1;\n// Parsed by web/url-settings.js, run by pool.js.\n';
  assert.deepEqual(lintFile('web/page/main.js', text, index), [
    'web/page/main.js:2: names web/url-settings.js, which does not exist',
    'web/page/main.js:2: names pool.js, which no tracked file is',
  ]);
});

test(
    'paths from the root, from the file\'s folder or ending a tracked path, and names, are valid',
    () => {
      const text = '/* Parsed by web/settings/url-settings.js (../settings/url-settings.js from\n' +
          ' * here, trainer/worker-pool.js from web/), run by worker-pool.js and main.js; the\n' +
          ' * build writes dist/js/relu-lab.mjs; DIR/js/relu-lab.mjs is a placeholder. */\n';
      assert.deepEqual(lintFile('web/page/main.js', text, index), []);
    });

test('only comments are read: code, strings and regular expressions are the build\'s', () => {
  const text = 'import {x} from \'./gone.js\';\n' +
      'const s = \'gone.js // not a comment\';\n' +
      'const r = /gone\\.js\\/\\/x/;  // a comment naming main.js\n';
  assert.deepEqual(lintFile('web/page/main.js', text, index), []);
});

test('C++, shell, HTML and Markdown files have their own comments', () => {
  assert.deepEqual(
      lintFile('core/nn/mlp.cpp', '#include "nn/gone.h"\n// See core/mlp.cpp.\n', index),
      ['core/nn/mlp.cpp:2: names core/mlp.cpp, which does not exist']);
  assert.deepEqual(
      lintFile('scripts/build.sh', 'set -e\necho "gone.sh"  # built by scripts/gone.sh\n', index),
      ['scripts/build.sh:2: names scripts/gone.sh, which does not exist']);
  assert.deepEqual(
      lintFile('web/index.html', '<p>gone.js</p>\n<!-- see\n page/gone.js -->\n', index),
      ['web/index.html:3: names page/gone.js, which does not exist']);
  assert.deepEqual(
      lintFile('README.md', 'Run `bash scripts/build.sh`, then `web/gone.js`.\n', index),
      ['README.md:1: names web/gone.js, which does not exist']);
});

test('citations of a tracker are reported anywhere; naming the tracker itself is not', () => {
  const text = `// As ${THE_ISSUE} asks (Issue ${12}, a ${TICKET}).\n` +
      `const s = '${THE_ISSUE} tracker is not in the repository';\n`;
  assert.deepEqual(lintFile('web/page/main.js', text, index), [
    `web/page/main.js:1: cites "Issue ${12}", outside the repository`,
    `web/page/main.js:1: cites "${THE_ISSUE}", outside the repository`,
    `web/page/main.js:1: cites "${TICKET}", outside the repository`,
  ]);
});
