// The figure's settings in Node: its table is the page's core rows with the few view rows a figure
// shows; the page's other keys are named on the element as ignored, never taken for unknown, and
// left out of the Share dialog's element snippet, which a figure reads back exactly.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {attributeName, elementSnippet, figureAttributes, figureTable, PAGE_ONLY_KEYS, parseAttributes} from '../../web/figure/figure-attributes.js';
import {OWN_ATTRIBUTES} from '../../web/figure/figure-own.js';
import {pageTable} from '../../web/page/page-table.js';

const {loadReluLab} = await import(new URL('../../dist/js/relu-lab.mjs', import.meta.url).href);
const schema = (await loadReluLab()).schema;
const page = pageTable(schema);
const figure = figureTable(schema);

const attributes = (pairs) => Object.entries(pairs).map(([name, value]) => ({name, value}));

test(
    'the page-only keys are exactly the page\'s rows a figure lacks but its own attributes', () => {
      const linked = OWN_ATTRIBUTES.filter((a) => a.link).map((a) => a.link);
      const figureKeys = [...figure.rows.map((row) => row.key), ...linked];
      const pageKeys = page.rows.map((row) => row.key);
      assert.deepEqual(figureKeys.filter((key) => !pageKeys.includes(key)), []);
      assert.deepEqual(
          [...PAGE_ONLY_KEYS].sort(), pageKeys.filter((key) => !figureKeys.includes(key)).sort());
      // The figure's rows are the page's own, with the same ranges and defaults.
      assert.deepEqual(linked.filter((key) => !pageKeys.includes(key)), []);
      for (const row of figure.rows) {
        for (const field of ['type', 'default', 'min', 'max', 'options', 'effect']) {
          assert.deepEqual(row[field], page.row(row.key)[field], `${row.key}.${field}`);
        }
      }
    });

test('page-only attributes are named as ignored here, once; unknown ones as not settings', () => {
  const {settings, notices} = parseAttributes(figure, attributes({
                                                'hide': 'chart',
                                                'at': '40',
                                                'study-epochs': '20',
                                                'STUDY': 'sweep',
                                                'exp': 'relu-vs-tanh',
                                                'workers': '2',
                                                'controls': 'full',
                                                'lr': '0.1',
                                                'show-test': '',
                                                'bogus': '1',
                                                'aria-label': 'a figure',
                                              }));
  assert.equal(settings.lr, 0.1);
  assert.equal(settings.test, true);
  assert.deepEqual(settings.activations, ['relu', 'tanh']);
  for (const key of PAGE_ONLY_KEYS) assert.equal(key in settings, false, key);
  assert.deepEqual(notices, [
    'Settings of the full page only, ignored here: hide, study-epochs, study, exp, workers.',
    '"bogus" is not a setting, so it is ignored.',
  ]);
});

test(
    'the element snippet leaves page-only settings out, keeps the epoch shown and rebuilds the figure\'s exactly',
    () => {
      const settings = {
        ...page
            .parse(
                '#exp=dying-in-training&v=lr01&hide=chart&at=30&study=sweep&workers=2&ease=false' +
                '&regions=true&fig=true&controls=false&res=96&test=true&backend=scalar')
            .settings,
        data: {
          x: [-6, 0, 1.25, 1, 2, 3, 4, 5, -1, -2],
          y: [6, -0.01, 3.5, 1, 2, 3, 4, 5, -1, -2],
          labels: [0, 1, 1, 0, 1, 0, 1, 0, 1, 0]
        },
      };
      const pairs = figureAttributes(figure, settings);
      const names = pairs.map(([name]) => name);
      for (const key of PAGE_ONLY_KEYS) assert.ok(!names.includes(attributeName(key)), key);
      assert.ok(
          names.includes('data') && !pairs.some(([, v]) => v.includes('object')), names.join());
      const snippet = elementSnippet(figure, settings, 'https://cdn.example/relu-lab-figure.js');
      assert.match(snippet, / show-test /);
      assert.match(snippet, / at="30" /);
      // Nothing the element would ignore or take as its default: no controls="minimal".
      assert.doesNotMatch(snippet, /hide=|study=|workers=|exp=|ease|regions|fig=|controls=/);
      assert.match(snippet, /poster="relu-lab-[^"]*-epoch30\.png"/);
      assert.match(
          snippet,
          /<noscript><img src="relu-lab-[^"]*\.png" width="\d+" height="\d+" alt="relu-lab: /);
      const back = parseAttributes(figure, pairs.map(([name, value]) => ({name, value})));
      assert.deepEqual(back.notices, []);
      for (const row of figure.rows) {
        assert.deepEqual(back.settings[row.key], settings[row.key], row.key);
      }
      // Own data too large for a link stays out of the snippet, as out of the link.
      const many = {x: Array(1001).fill(1), y: Array(1001).fill(2), labels: Array(1001).fill(0)};
      assert.ok(!figureAttributes(figure, {...settings, data: many}).some(([n]) => n === 'data'));
    });
