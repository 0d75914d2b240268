// The figure's own attributes are one table (figure-own.js): README's attribute table lists each
// with its values and default as the table says, and the element's attribute list is its names.
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {test} from 'node:test';

import {FIGURE_ATTRIBUTES} from '../../web/figure/figure-attributes.js';
import {OWN_ATTRIBUTES} from '../../web/figure/figure-own.js';

const README = await readFile(new URL('../../README.md', import.meta.url), 'utf8');

test('README\'s attribute table has a row per own attribute, as the table says', () => {
  for (const a of OWN_ATTRIBUTES) {
    assert.ok(
        README.includes(`\n| \`${a.name}\` | ${a.values} | ${a.fallback} |\n`),
        `README row of ${a.name}`);
  }
  assert.deepEqual(FIGURE_ATTRIBUTES, OWN_ATTRIBUTES.map((a) => a.name));
});
