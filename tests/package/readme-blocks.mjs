// README's usage snippets are the files tests run: a snippet follows a comment naming its file
// (`<!-- tested: tests/package/consumer/x -->`), and readmeBlock returns the code block after it,
// so a test can check that README shows exactly what it ran.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';

import {ROOT} from './packed.mjs';

/** @returns {string|null} the fenced block after README's marker for consumer file `name`. */
export function readmeBlock(name) {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const marker = `<!-- tested: tests/package/consumer/${name} -->`;
  const at = readme.indexOf(marker);
  if (at < 0) return null;
  const block = readme.slice(at + marker.length).match(/^\s*```[a-z]*\n([\s\S]*?)```/);
  return block ? block[1] : null;
}
