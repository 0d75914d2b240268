// Property tests of the JS API with fast-check: whatever a script passes to createArena(),
// networkFromJSON() or activate(), the call either succeeds or throws an Error whose message
// names the call; nothing else escapes (no RangeError, no TypeError from inside the wrapper,
// no abort), and afterwards the module still gives the same numbers as a fresh one.
import fc from 'fast-check';
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';

import {fingerprint} from './fingerprint.mjs';

const dist = process.env.RELU_LAB_DIST ? pathToFileURL(`${process.env.RELU_LAB_DIST}/`).href :
                                         new URL('../../dist/', import.meta.url).href;
const {loadReluLab} = await import(new URL('js/relu-lab.mjs', dist).href);

// Runs are seeded so a failure reproduces; the count is reported in README's Reliability.
const RUNS = Number(process.env.RELU_PROPERTY_RUNS || 400);
const SEED = 20261201;
export const calls = {
  count: 0
};

// Values a careless or hostile script may pass where JSON data is expected.
function exotic() {
  const cyclic = {};
  cyclic.self = cyclic;
  const deep = [];
  let cursor = deep;
  for (let i = 0; i < 5000; ++i) cursor = (cursor[0] = []);
  const detached = new Float32Array(4);
  structuredClone(detached.buffer, {transfer: [detached.buffer]});
  return fc.constantFrom(
      cyclic, deep, detached, new Map([['lr', 1]]), new Date(0), Object.create(null), Symbol('s'),
      10n, () => 1, NaN, Infinity, -0, undefined, null, new Array(3e5).fill(1.5), '\ud800',
      JSON.parse('{"__proto__": {"lr": 1}}'), {toJSON: () => ({lr: 'x'})}, new Proxy({}, {}));
}

const anyValue = fc.oneof(
    {depthSize: 'small'}, fc.anything({maxDepth: 3, withTypedArray: true, withMap: true}),
    exotic());

// Settings objects with known keys and values of any type, so validation deep inside is reached.
const SETTINGS_KEYS = [
  'dataset', 'noise', 'points', 'trainFraction', 'seed', 'layers', 'activations', 'init',
  'biasInit', 'optimizer', 'lr', 'batchSize', 'l1', 'l2', 'clipNorm', 'scaleInputs',
  'activationGain'
];
const settingsLike = fc.dictionary(
    fc.oneof(fc.constantFrom(...SETTINGS_KEYS), fc.string({maxLength: 8})),
    fc.oneof(
        anyValue, fc.double(), fc.integer(), fc.constantFrom('relu', 'adam', 'spiral', 'tanh'),
        fc.array(
            fc.oneof(fc.integer({min: -2, max: 20}), fc.constantFrom('relu', 'prelu')),
            {maxLength: 8})),
    {maxKeys: 6});

function expectNamedError(what, run) {
  calls.count += 1;
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof Error, `${what} threw a non-Error: ${String(error)}`);
    assert.ok(
        error.message.startsWith(`${what}`),
        `${what} threw an error that does not name the call: ${error.name}: ${error.message}`);
  }
}

for (const backend of ['wasm-simd128', 'wasm-scalar']) {
  test(
      `${backend}: createArena, networkFromJSON and activate throw only named Errors`, async () => {
        const lab = await loadReluLab({backend});
        const before = fingerprint(lab);
        fc.assert(fc.property(fc.oneof(settingsLike, anyValue), (settings) => {
          expectNamedError('createArena', () => lab.createArena(settings).delete());
        }), {numRuns: RUNS, seed: SEED});
        fc.assert(fc.property(anyValue, (model) => {
          expectNamedError('networkFromJSON', () => lab.networkFromJSON(model).delete());
        }), {numRuns: RUNS, seed: SEED});
        fc.assert(
            fc.property(
                fc.oneof(fc.constantFrom(...lab.activationNames), anyValue), anyValue,
                fc.oneof(fc.float32Array({maxLength: 16}), anyValue),
                (name, params, x) => {
                  expectNamedError('activate', () => lab.activate(name, params, x));
                }),
            {numRuns: RUNS, seed: SEED});
        assert.equal(fingerprint(lab), before, 'the module changed its numbers after the fuzzing');
        const fresh = await loadReluLab({backend});
        assert.equal(fingerprint(fresh), before, 'a fresh module disagrees');
      });
}

// Transfers the buffer of a typed array of `kind`, leaving the array detached (reads as empty).
function detachedArray(kind) {
  const array = new globalThis[kind](4);
  structuredClone(array.buffer, {transfer: [array.buffer]});
  return array;
}

test(
    'a detached typed array anywhere in settings or a model is an error naming its field',
    async () => {
      const lab = await loadReluLab();
      const kinds = fc.constantFrom('Float32Array', 'Float64Array', 'Int32Array', 'Uint8Array');
      const model = (W) => ({
        format: 'relu-lab/model',
        version: 1,
        inputs: 2,
        layers: [{units: 1, activation: 'linear', W, b: [0]}],
      });
      fc.assert(fc.property(fc.constantFrom(...SETTINGS_KEYS, 'data'), kinds, (key, kind) => {
        const settings = key === 'data' ? {data: {points: detachedArray(kind), labels: [0, 1]}} :
                                          {[key]: detachedArray(kind)};
        const field = key === 'data' ? 'data\\.points' : key;
        assert.throws(
            () => lab.createArena(settings).delete(),
            {message: new RegExp(`^createArena: ${field}: its buffer was detached`)});
      }), {numRuns: RUNS, seed: SEED});
      fc.assert(fc.property(kinds, fc.boolean(), (kind, row) => {
        const W = row ? [detachedArray(kind)] : detachedArray(kind);
        assert.throws(() => lab.networkFromJSON(model(W)).delete(), {
          message: new RegExp(
              `^networkFromJSON: layers\\[0\\]\\.W${row ? '\\[0\\]' : ''}: its buffer was detached`)
        });
      }), {numRuns: RUNS, seed: SEED});
    });
