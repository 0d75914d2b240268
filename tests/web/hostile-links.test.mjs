// Links and attributes written by an adversary, in Node with core's schema: whatever a hash holds
// (script payloads, numbers that overflow a double, lists of a hundred thousand entries, own data
// core would refuse), parsing never throws, every number it yields is finite and within its row,
// lists stop at core's limits with one notice, and the work done is bounded by those limits, not
// by the link's length.
import fc from 'fast-check';
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {encodeData, fromFlat} from '../../web/data/own-data.js';
import {embedAttributes, FIGURE_ATTRIBUTES, figureTable, isGlobalAttribute, parseAttributes} from '../../web/figure/figure-attributes.js';
import {OWN_ATTRIBUTES} from '../../web/figure/figure-own.js';
import {pageTable} from '../../web/page/page-table.js';
import {expectedPanels} from '../../web/page/static-page.js';
import {MAX_PANELS} from '../../web/settings/boot-keys.js';

const {loadReluLab} = await import(new URL('../../dist/js/relu-lab.mjs', import.meta.url).href);
const schema = (await loadReluLab()).schema;
const page = pageTable(schema);
const figure = figureTable(schema);
const {maxNetworks, maxHiddenLayers} = schema.limits;

const LINKED = OWN_ATTRIBUTES.filter((a) => a.link).map((a) => a.name);
const RUNS = Number(process.env.RELU_PROPERTY_RUNS || 400);
const SEED = 20261207;

// Values the red-team scripts put in links: script and markup payloads, numbers a double cannot
// hold, and text that is not a number at all.
const PAYLOADS = [
  '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '"><script>alert(1)</script>', '1e309',
  '-1e309', '9'.repeat(400), `-${'9'.repeat(400)}`, 'Infinity', '-Infinity', 'NaN', '0x10',
  '1e-400', '', ' ', '__proto__', 'constructor', '\u0000', '%00', '\ud800'
];
const hostileValue = fc.oneof(fc.constantFrom(...PAYLOADS), fc.string({maxLength: 12}));

// Every number anywhere in `value` is finite.
function assertFinite(value, path) {
  if (typeof value === 'number') assert.ok(Number.isFinite(value), `${path} = ${value}`);
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`);
  }
}

function assertWithinRows(table, settings) {
  assertFinite(settings, 'settings');
  for (const row of table.rows) {
    const v = settings[row.key];
    if (typeof v === 'number' && row.min !== undefined) {
      assert.ok(v >= row.min && v <= row.max, `${row.key} = ${v}`);
    }
  }
  assert.ok(settings.activations.length >= 1 && settings.activations.length <= maxNetworks);
  assert.ok(settings.layers.length <= maxHiddenLayers);
}

test('MAX_PANELS, read before the schema exists, is core\'s maxNetworks', () => {
  assert.equal(MAX_PANELS, maxNetworks);
});

test('any key of the page with a hostile value: no throw, finite values within range', () => {
  const keys = [...page.rows.map((row) => row.key), 'reg', 'regRate', 'onclick', 'style'];
  const hash = fc.array(fc.tuple(fc.constantFrom(...keys), hostileValue), {
                   maxLength: 8
                 }).map((pairs) => new URLSearchParams(pairs).toString());
  fc.assert(fc.property(hash, (text) => {
    const {settings, notices} = page.parse(text);
    assertWithinRows(page, settings);
    for (const notice of notices) assert.equal(typeof notice, 'string');
    // What a link gives back writes itself as the same link.
    assert.deepEqual(page.parse(page.toHash(settings)).settings, settings);
  }), {numRuns: RUNS, seed: SEED});
});

test('any figure attribute with a hostile value: no throw, finite values within range', () => {
  const names = ['activations', 'layers', 'lr', 'seed', 'data', 'res', 'speed', 'onclick', 'style'];
  const attributes =
      fc.array(fc.record({name: fc.constantFrom(...names), value: hostileValue}), {maxLength: 6});
  fc.assert(fc.property(attributes, (list) => {
    assertWithinRows(figure, parseAttributes(figure, list).settings);
  }), {numRuns: RUNS, seed: SEED});
});

test('a list of 200,000 entries is read only up to its limit, with one notice', () => {
  const hideable = page.row('hide').options.length;
  for (const [entry, bad] of [['relu', false], ['tanh:0.5', false], ['swish', true]]) {
    const long = Array(200000).fill(entry).join(',');
    const {settings, notices} =
        page.parse(`activations=${long}&layers=${long}&hide=${long}&cols=${long}`);
    // The panels: the first maxNetworks names, as core keeps; a bad name is named once each.
    const panels = schema.settings.find((s) => s.key === 'activations').default.length;
    assert.equal(settings.activations.length, bad ? panels : maxNetworks);
    const tooMany = notices.filter(
        (n) => /at most \d+ (panels|hidden layers|epochs)|more names than there are parts/.test(n));
    assert.equal(tooMany.length, 4, notices.slice(0, 3).join(' | '));
    // Bounded by the limits, not by the link: one notice per entry read at most, and a few more.
    const most = maxNetworks + maxHiddenLayers + hideable + 8 + 8;
    assert.ok(notices.length <= most, `${notices.length} notices`);
  }
});

test('the blank panels before the schema are bounded by MAX_PANELS', () => {
  assert.equal(expectedPanels(`#activations=${'relu,'.repeat(200000)}`), MAX_PANELS);
  assert.equal(expectedPanels(`#activations=${',,,'.repeat(100000)}relu,tanh`), 2);
  assert.equal(expectedPanels('#activations=relu,tanh,elu'), 3);
  assert.equal(expectedPanels('#exp=dying-relu'), 3);
  assert.equal(expectedPanels(''), 2);
});

test('overflowing numbers in a link are refused or clamped, never Infinity', () => {
  const {settings, notices} = page.parse(
      `lr=1e309&noise=-1e309&seed=${'9'.repeat(400)}&layers=1e309,8&activations=` +
      'leaky_relu:1e309,elu:-1e309');
  assertWithinRows(page, settings);
  assert.deepEqual(settings.layers, [8]);
  assert.deepEqual(settings.activations, ['leaky_relu', 'elu']);
  assert.ok(notices.length >= 5, notices.join(' | '));
});

// Own data core would refuse (too few or too many points, one class): the preset, with a notice.
function ownData(n, oneClass = false) {
  const points = [];
  const labels = [];
  for (let i = 0; i < n; ++i) {
    points.push((i % 97) / 10 - 4.8, Math.floor(i / 97) / 10 - 4.8);
    labels.push(oneClass ? 0 : i % 2);
  }
  return fromFlat(points, labels);
}

test('link data core would refuse falls back to the preset with a notice', () => {
  const cases = [
    [ownData(1), /holds 1 point, fewer than the 10 needed/],
    [ownData(9), /holds 9 points, fewer than the 10/],
    [ownData(20, true), /one class/],
    [ownData(5001), /holds 5001 points, more than the 5000 allowed/],
  ];
  for (const [data, pattern] of cases) {
    for (const table of [page, figure]) {
      const {settings, notices} = table.parse(`data=${encodeData(data)}`);
      assert.equal(settings.data, null, `${data.labels.length} points`);
      assert.equal(notices.length, 1, notices.join(' | '));
      assert.match(notices[0], /^data: /);
      assert.match(notices[0], pattern);
      assert.match(notices[0], /so the dataset is used instead\.$/);
    }
  }
  // Data of a million points is refused by its length before a point is decoded.
  const {settings, notices} = page.parse(`data=${'MgEs'.repeat(1000000)}`);
  assert.equal(settings.data, null);
  assert.match(notices[0], /holds 1000000 points, more than the 5000/);
  // Data core accepts is kept.
  assert.equal(page.parse(`data=${encodeData(ownData(12))}`).settings.data.labels.length, 12);
});

test(
    'embed.html takes only settings from its hash, never the figure\'s or global attributes',
    () => {
      const keys = fc.oneof(
          fc.constantFrom(
              ...FIGURE_ATTRIBUTES, 'onclick', 'onmouseover', 'onClick', 'style', 'STYLE', 'id',
              'class', 'popover', 'tabindex', 'contenteditable', 'accesskey', 'slot', 'is',
              'aria-label', 'data-x', 'xmlns', 'itemprop', 'panelSize', 'activations', 'lr',
              'preluMode', 'data', 'hide', 'at'),
          fc.string({maxLength: 10}));
      const own = {page: 'https://relu-lab.example/', autoplay: false};
      fc.assert(fc.property(fc.array(fc.tuple(keys, hostileValue), {maxLength: 10}), (pairs) => {
        const attributes = embedAttributes(new URLSearchParams(pairs).toString(), own);
        assert.equal(attributes.page, own.page);
        assert.equal(attributes.controls, 'minimal');
        assert.equal('autoplay' in attributes, false);
        for (const name of Object.keys(attributes)) {
          // The figure's own attributes a link carries over (the epoch shown, `at`) are its own.
          if (['embed', 'fit', 'loading', 'controls', 'page', ...LINKED].includes(name)) continue;
          assert.ok(!FIGURE_ATTRIBUTES.includes(name) && !isGlobalAttribute(name), name);
          assert.match(name, /^[a-z][a-z0-9.-]*$/);
        }
      }), {numRuns: RUNS, seed: SEED});
      const attributes = embedAttributes(
          '#activations=relu&preluMode=channel&label=x&page=https://evil/&at=30', own);
      assert.deepEqual(attributes, {
        embed: true,
        fit: true,
        loading: 'eager',
        controls: 'minimal',
        page: own.page,
        activations: 'relu',
        'prelu-mode': 'channel',
        at: '30',
      });
    });
