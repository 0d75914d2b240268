// lab.schema: deep-frozen, its keys, and its defaults equal to what the default arena reports
// (both come from core's tables); every documented bound is accepted without a warning.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';

// RELU_LAB_DIST (a folder) lets a developer point at another build of dist/.
const dist = process.env.RELU_LAB_DIST ? pathToFileURL(`${process.env.RELU_LAB_DIST}/`).href :
                                         new URL('../../dist/', import.meta.url).href;
const {loadReluLab} = await import(new URL('js/relu-lab.mjs', dist).href);
const lab = await loadReluLab();

function assertDeepFrozen(value, path) {
  if (value === null || typeof value !== 'object') return;
  assert.ok(Object.isFrozen(value), `${path} is frozen`);
  for (const [key, inner] of Object.entries(value)) assertDeepFrozen(inner, `${path}.${key}`);
}

// The value of a schema key in a settings() object ("optimizer.beta1" is inside optimizer).
function valueAt(settings, key) {
  const [head, tail] = key.split('.');
  if (tail !== undefined) return settings[head][tail];
  if (key === 'optimizer') return settings.optimizer.name;
  if (key === 'activations') return settings.activations.map((a) => a.activation);
  return settings[key];
}

test('lab.schema is deep-frozen and has settings, activations and limits', () => {
  assertDeepFrozen(lab.schema, 'schema');
  assert.deepEqual(
      Object.keys(lab.schema), ['settings', 'regressionDatasets', 'activations', 'limits']);
  assert.deepEqual(lab.schema.regressionDatasets, ['reg-plane', 'reg-gauss']);
  assert.deepEqual(lab.schema.activations.map((a) => a.name), [...lab.activationNames]);
  const display = Object.fromEntries(lab.schema.activations.map((a) => [a.name, a.displayName]));
  assert.equal(display.leaky_relu, 'Leaky ReLU');
  assert.equal(display.gelu_tanh, 'GELU (tanh approx.)');
  for (const entry
           of [...lab.schema.settings, ...lab.schema.activations.flatMap((a) => a.params)]) {
    assert.equal(typeof entry.key, 'string');
    assert.equal(typeof entry.meaning, 'string', entry.key);
    assert.ok('default' in entry, entry.key);
    if (entry.type === 'enum') assert.ok(entry.options.includes(entry.default), entry.key);
    if (entry.type === 'number')
      assert.ok(entry.min <= entry.default && entry.default <= entry.max);
  }
  assert.equal(lab.schema.limits.maxNetworks, 12);
  assert.equal(lab.schema.limits.maxUnits, 16);
});

test('schema defaults are the default arena\'s settings, key for key', () => {
  const arena = lab.createArena({});
  const settings = arena.settings();
  arena.delete();
  // data (default null) is written only when points were given.
  const topKeys =
      lab.schema.settings.map((s) => s.key).filter((k) => !k.includes('.') && k !== 'data');
  assert.deepEqual(Object.keys(settings).filter((k) => k !== 'warnings'), topKeys);
  for (const entry of lab.schema.settings) {
    const value = valueAt(settings, entry.key);
    if (value === undefined) continue;  // e.g. optimizer.momentum does not apply to adam
    assert.deepEqual(value, entry.default, entry.key);
  }
  // Activation params: each default network echoes its params with the schema's defaults.
  for (const network of settings.activations) {
    const params = lab.schema.activations.find((a) => a.name === network.activation).params;
    assert.deepEqual(
        network.params, Object.fromEntries(params.map((p) => [p.key, p.default])),
        network.activation);
  }
});

test('every documented bound is accepted without a warning', () => {
  for (const entry of lab.schema.settings) {
    if (!['number', 'int'].includes(entry.type)) continue;
    for (const bound of [entry.min, entry.max]) {
      const [head, tail] = entry.key.split('.');
      const settings = tail ? {[head]: {[tail]: bound}} : {[head]: bound};
      if (entry.key === 'batchSize') settings.points = lab.schema.limits.maxPoints;
      const arena = lab.createArena(settings);
      assert.deepEqual(arena.settings().warnings, [], `${entry.key} = ${bound}`);
      arena.delete();
    }
  }
  for (const activation of lab.schema.activations) {
    for (const p of activation.params.filter((q) => q.type === 'number')) {
      for (const bound of [p.min, p.max]) {
        const arena = lab.createArena(
            {activations: [{activation: activation.name, params: {[p.key]: bound}}]});
        assert.deepEqual(arena.settings().warnings, [], `${activation.name}.${p.key} = ${bound}`);
        arena.delete();
      }
    }
  }
});

test('activate() takes its params and defaults from the schema', () => {
  const x = Float32Array.of(-2, -0.5, 0, 1.5);
  for (const activation of lab.schema.activations) {
    if (activation.name === 'prelu') continue;  // alpha is the tensor itself
    const defaults = Object.fromEntries(
        activation.params.filter((p) => p.type === 'number').map((p) => [p.key, p.default]));
    assert.deepEqual(
        lab.activate(activation.name, {}, x), lab.activate(activation.name, defaults, x),
        activation.name);
  }
  assert.throws(() => lab.activate('prelu', {mode: 'channel'}, x), /unknown parameter 'mode'/);
});
