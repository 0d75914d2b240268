// The JS-side input check: plain JSON data passes unchanged, everything else fails fast with an
// Error naming the call and the field.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {JSON_LIMITS, toJsonText} from '../../js/json-guard.mjs';

test('plain data becomes the same JSON as JSON.stringify', () => {
  const value = {a: [1, -0.5, 'x', true, null], b: {c: Float32Array.of(0.5, 2)}, skip: undefined};
  assert.equal(
      toJsonText(value, 'call', 'settings'), '{"a":[1,-0.5,"x",true,null],"b":{"c":[0.5,2]}}');
  const proto = JSON.parse('{"__proto__": {"lr": 1}}');
  assert.equal(toJsonText(proto, 'call', 'settings'), '{"__proto__":{"lr":1}}');
});

test('non-data is rejected with the call and the path', () => {
  const cyclic = {a: {}};
  cyclic.a.back = cyclic;
  const cases = [
    [cyclic, /^call: a\.back: refers to itself/],
    [{m: new Map()}, /^call: m: a Map is not JSON data/],
    [{d: new Date(0)}, /^call: d: a Date is not JSON data/],
    [{x: [1, NaN]}, /^call: x\[1\]: NaN is not a finite number/],
    [{f: () => 1}, /^call: f: a function is not JSON data/],
    [{b: 1n}, /^call: b: a bigint is not JSON data/],
    [{s: Symbol('q')}, /^call: s: a symbol is not JSON data/],
    [{[Symbol('k')]: 1}, /^call: settings: has a symbol key/],
    [{'\ud800': 1}, /^call: \["\\ud800"\]: a string with an unpaired surrogate/],
    [{h: [1, , 3]}, /^call: h\[1\]: undefined/],
    [{trainFraction: new Array(3e6).fill(1.5)}, /^call: settings: larger than 262144 bytes/],
  ];
  for (const [value, pattern] of cases) {
    assert.throws(() => toJsonText(value, 'call', 'settings'), {message: pattern});
  }
  let deep = [];
  const root = deep;
  for (let i = 0; i < 100000; ++i) deep = (deep[0] = []);
  assert.throws(
      () => toJsonText(root, 'call', 'settings'),
      {message: new RegExp(`nested deeper than ${JSON_LIMITS.settings.maxDepth} levels`)});
  const hostile = {
    get x() {
      throw new TypeError('no');
    }
  };
  assert.throws(
      () => toJsonText(hostile, 'call', 'settings'),
      {message: /^call: settings: could not be read/});
});

test('the byte limit is reached early, not after serialising everything', () => {
  const start = performance.now();
  assert.throws(() => toJsonText({x: new Array(3e6).fill(1.5)}, 'call', 'settings'));
  assert.ok(performance.now() - start < 1000, 'took longer than a second');
});
