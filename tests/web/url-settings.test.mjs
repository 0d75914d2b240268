// The page's settings table (web/page/page-table.js) in Node with core's schema (the built library
// in dist/js): the hash parser clamps to core's ranges or ignores bad values with a notice naming
// the setting, never throws, round-trips every setting, keeps values only a control's narrower UI
// range excludes, and reads older links' keys; workers= is read before the schema as backend= is.
import assert from 'node:assert/strict';
import {before, test} from 'node:test';

import {pageTable} from '../../web/page/page-table.js';
import {coerce} from '../../web/settings/parse-value.js';
import {requestedBackend, requestedWorkers} from '../../web/trainer/trainer-rows.js';

const {loadReluLab} = await import(new URL('../../dist/js/relu-lab.mjs', import.meta.url).href);

let schema;
let table;
before(async () => {
  schema = (await loadReluLab()).schema;
  table = pageTable(schema);
});

const coreSetting = (key) => schema.settings.find((s) => s.key === key);

test('an empty hash gives core\'s defaults and no notice', () => {
  const {settings, notices} = table.parse('');
  assert.deepEqual(settings, table.defaults());
  assert.deepEqual(notices, []);
  assert.deepEqual(settings.activations, coreSetting('activations').default);
  assert.deepEqual(settings.layers, coreSetting('layers').default);
  assert.equal(settings.split, coreSetting('trainFraction').default);
});

test('every core setting and activation parameter has exactly one row, with core\'s range', () => {
  const cores = table.rows.filter((row) => row.core !== undefined);
  const expected = [
    ...schema.settings.map((s) => [s.key, s]),
    ...schema.activations.flatMap((a) => a.params.map((p) => [`${a.name}.${p.key}`, p])),
  ];
  assert.deepEqual(cores.map((row) => row.core).sort(), expected.map(([key]) => key).sort());
  for (const [key, spec] of expected) {
    const row = cores.find((r) => r.core === key);
    for (const field of ['type', 'default', 'min', 'max', 'options']) {
      assert.deepEqual(row[field], spec[field], `${row.key} (${key}).${field}`);
    }
  }
});

test('a malformed hash is clamped with notices, each a full sentence', () => {
  const {settings, notices} =
      table.parse('#lr=abc&layers=999&activations=<img src=x onerror=alert(1)>&exp=nope');
  assert.equal(settings.lr, coreSetting('lr').default);
  assert.deepEqual(settings.layers, [coreSetting('layers').max]);
  assert.deepEqual(settings.activations, coreSetting('activations').default);
  assert.equal(settings.exp, '');
  assert.equal(notices.length, 5, notices.join(' | '));
  // The experiment is read first: it is the base the other keys change.
  assert.match(notices[0], /^exp: "nope" is not one of/);
  assert.match(notices[1], /^lr: "abc" is not a number/);
  assert.match(notices[2], /^layers: 999 is outside 1 to 16/);
  assert.match(notices[3], /"<img src=x onerror=alert\(1\)>" is not a known activation/);
  for (const notice of notices) assert.match(notice, /\.$/, notice);
  assert.doesNotMatch(notices[4], /using $/);
});

test('numbers clamp to core\'s bounds; a UI override does not clamp a link', () => {
  const {settings, notices} = table.parse(
      'lr=1000&noise=-1&points=20&batch=2.6&bias=-7&layers=0,8,4,4,4,4,4,4&res=9999&speed=0');
  assert.equal(settings.lr, coreSetting('lr').max);
  assert.equal(settings.noise, 0);
  // 20 is below the points control's 50 but core takes it: the link keeps it.
  assert.equal(settings.points, 20);
  assert.equal(settings.bias, -7);
  assert.equal(settings.batch, 3);
  assert.deepEqual(settings.layers, [1, 8, 4, 4, 4, 4]);
  assert.equal(settings.res, schema.limits.maxFieldResolution);
  assert.equal(settings.speed, table.row('speed').min);
  assert.ok(notices.length >= 7, notices.join(' | '));
  assert.ok(!notices.some((n) => /^(points|bias):/.test(n)), notices.join(' | '));
  // Typed into the control, the same value meets the control's range and says so.
  const typed = coerce(table, 'points', '20');
  assert.equal(typed.value, table.row('points').ui.min);
  assert.match(typed.notices[0], /this control's range/);
});

test('unknown keys, enums and booleans are ignored with a notice', () => {
  const {settings, notices} = table.parse('dataset=mnist&discretize=maybe&foo=1&optimizer=adam');
  assert.equal(settings.dataset, 'circle');
  assert.equal(settings.discretize, false);
  assert.equal(settings.optimizer, 'adam');
  assert.equal(notices.length, 3);
});

test('activation variants: parameter kept, clamped or dropped; at most maxNetworks', () => {
  const {settings, notices} = table.parse(
      'activations=leaky_relu:0.2,leaky_relu:7,elu:x,relu:1,' +
      'tanh,'.repeat(schema.limits.maxNetworks));
  assert.deepEqual(
      settings.activations.slice(0, 4), ['leaky_relu:0.2', 'leaky_relu:1', 'elu', 'relu']);
  assert.equal(settings.activations.length, schema.limits.maxNetworks);
  assert.equal(notices.length, 4, notices.join(' | '));
});

test('every setting round-trips through the hash exactly', () => {
  const custom = {
    ...table.defaults(),
    dataset: 'spiral',
    noise: 0.35,
    points: 1234,
    split: 0.7,
    seed: 2147480000,
    layers: [3, 16, 1],
    activations: ['prelu:-0.5', 'softplus:12.5', 'gelu_tanh'],
    init: 'lecun_uniform',
    bias: -1.3,
    slope: 0.125,
    preluMode: 'channel',
    preluInit: 0.1,
    eluAlpha: 2.5,
    beta: 0.3,
    'softplus.threshold': 5,
    optimizer: 'nesterov',
    'optimizer.momentum': 0.5,
    lr: 0.00123,
    batch: 77,
    l1: 0.03,
    clipNorm: 2,
    res: 96,
    speed: 7,
    discretize: true,
    test: true,
    controls: false,
    backend: 'scalar',
    exp: 'dying-relu',
    dropout: 0.25,
    batchNorm: true,
    regions: true,
    // Ten points, the fewest core trains on.
    data: {
      x: [-6, 0, 1.25, 6, -1, -2, -3, 2, 3, 4],
      y: [6, -0.01, 3.5, -6, 1, 2, 3, -2, -3, -4],
      labels: [0, 1, 1, 0, 0, 0, 0, 1, 1, 1]
    },
  };
  const {settings, notices} = table.parse(`#${table.toHash(custom)}`);
  assert.deepEqual(notices, []);
  assert.deepEqual(settings, custom);
  // Own data goes to core as {points, labels} without a preset's point count beside it.
  const a = table.arenaSettings(custom);
  assert.deepEqual(
      a.data,
      {points: custom.data.x.map((x, i) => [x, custom.data.y[i]]), labels: custom.data.labels});
  assert.deepEqual(a.data.points.slice(0, 2), [[-6, 6], [0, -0.01]]);
  assert.equal('points' in a, false);
  // Own data too large for a link is left out of it (the page offers it as a file).
  const many = {
    x: new Array(1001).fill(1),
    y: new Array(1001).fill(2),
    labels: new Array(1001).fill(0)
  };
  assert.doesNotMatch(table.toHash({...custom, data: many}), /data=/);
  assert.doesNotMatch(table.toHash(table.defaults()), /data=/);
  const bad = table.parse('#data=AB%3CA');
  assert.equal(bad.settings.data, null);
  assert.match(
      bad.notices[0], /^data: character 3 is not a base64url digit, so the dataset is used/);
});

// Every key written, defaults included, as links were once made: what they set, they still set.
function longLink(settings) {
  return table.rows.filter((row) => !row.inLink || row.inLink(settings[row.key]))
      .map((row) => `${row.key}=${encodeURIComponent(table.text(row, settings[row.key]))}`)
      .join('&');
}

test(
    'a link writes only what differs from its experiment (or the defaults); long links load',
    () => {
      const landing = table.parse('#exp=relu-vs-tanh').settings;
      assert.equal(table.toHash(landing), 'exp=relu-vs-tanh');
      const changed = {...landing, lr: 0.003, hide: ['timeline', 'lr'], at: 30};
      const hash = table.toHash(changed);
      assert.equal(hash, 'exp=relu-vs-tanh&lr=0.003&hide=timeline,lr&at=30');
      assert.deepEqual(table.parse(`#${hash}`).settings, changed);
      // A variant that is not the experiment's first is written beside it.
      const variant = table.parse('#exp=dying-in-training&v=lr01').settings;
      assert.equal(table.toHash(variant), 'exp=dying-in-training&v=lr01');
      // Own settings say so: an empty hash would open the landing.
      const own = {...table.defaults(), seed: 5};
      assert.equal(table.toHash(own), 'exp=&seed=5');
      assert.equal(table.toHash(table.defaults()), 'exp=');
      for (const settings of [landing, changed, variant, own]) {
        const long = longLink(settings);
        assert.ok(long.length > 400, `a long link (${long.length} characters)`);
        const read = table.parse(`#${long}`);
        assert.deepEqual(read.notices, []);
        assert.deepEqual(read.settings, settings);
      }
    });

test('older links: split, bias, batch, slope, ... and reg/regRate still load', () => {
  const {settings, notices} =
      table.parse('split=0.7&bias=-1.5&batch=5&slope=0.05&eluAlpha=2&reg=l2&regRate=0.5');
  assert.deepEqual(notices, []);
  const a = table.arenaSettings(settings);
  assert.equal(a.trainFraction, 0.7);
  assert.equal(a.biasInit, -1.5);
  assert.equal(a.batchSize, 5);
  assert.equal(a.l1, 0);
  assert.equal(a.l2, 0.5);
  assert.equal(a.activations.find((n) => n.activation === 'leaky_relu').params.slope, 0.05);
  assert.equal(a.activations.find((n) => n.activation === 'elu').params.alpha, 2);
  assert.equal(table.parse('reg=l1').settings.l1, 0.001);
});

test(
    'arenaSettings speaks the trainer settings JSON, and core takes it without warnings',
    async () => {
      const {settings} = table.parse('activations=relu,leaky_relu:0.2,prelu,elu,softplus');
      const a = table.arenaSettings(settings);
      assert.deepEqual(a.activations, [
        {activation: 'relu', params: {}},
        {activation: 'leaky_relu', params: {slope: 0.2}},
        {activation: 'prelu', params: {mode: 'shared', init: 0.25}},
        {activation: 'elu', params: {alpha: 1}},
        {activation: 'softplus', params: {beta: 1, threshold: 20}},
      ]);
      assert.equal(a.optimizer.name, 'adam');
      assert.equal('data' in a, false);
      for (const row of table.rows) {
        // No own data means the preset: no data key at all (core reads null as a wrong type).
        if (row.core === undefined || row.core.includes('.') || row.core === 'data') continue;
        assert.ok(row.core in a, `${row.core} reaches createArena`);
      }
      const lab = await loadReluLab();
      const arena = lab.createArena(a);
      assert.deepEqual(arena.settings().warnings, []);
      arena.delete();
    });

test('backend= picks the build before the schema is known', () => {
  assert.equal(requestedBackend(''), 'auto');
  assert.equal(requestedBackend('#backend=scalar'), 'wasm-scalar');
  assert.equal(requestedBackend('#backend=simd128&lr=1'), 'wasm-simd128');
  assert.equal(requestedBackend('#backend=<b>'), 'auto');
});

test('workers= picks the pool size before the schema is known; bad values mean the default', () => {
  assert.equal(requestedWorkers(''), 0);
  assert.equal(requestedWorkers('#workers=2&lr=1'), 2);
  for (const bad of ['-1', '1.5', 'x', '99']) assert.equal(requestedWorkers(`#workers=${bad}`), 0);
  assert.deepEqual(table.parse('#workers=3').notices, []);
});
