// The activation JS API: loadReluLab(), backend choice, activationNames and
// activate() with its errors, on both builds. Values are checked against closed forms computed
// here in double, and the prelu alpha gradient against its definition.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {loadReluLab, simdSupported} from '../../dist/js/relu-lab.mjs';

const NAMES = [
  'linear', 'relu', 'leaky_relu', 'prelu', 'elu', 'gelu', 'gelu_tanh', 'silu', 'softplus',
  'sigmoid', 'tanh'
];

// Relative closeness for float32 results vs double closed forms.
function assertClose(actual, expected, what, tolerance = 2e-6) {
  for (let i = 0; i < expected.length; ++i) {
    const scale = Math.max(1, Math.abs(expected[i]));
    assert.ok(
        Math.abs(actual[i] - expected[i]) <= tolerance * scale,
        `${what}[${i}]: got ${actual[i]}, expected ${expected[i]}`);
  }
}

for (const backend of ['wasm-simd128', 'wasm-scalar']) {
  test(`${backend}: loads and reports its backend and the 11 names`, async () => {
    const lab = await loadReluLab({backend});
    assert.equal(lab.backend, backend);
    assert.deepEqual([...lab.activationNames], NAMES);
    assert.ok(Object.isFrozen(lab.activationNames));
  });

  test(`${backend}: activate matches closed forms and derivatives`, async () => {
    const lab = await loadReluLab({backend});
    const xs = [-3, -1.5, -0.25, 0.5, 2, 7];
    const x = Float32Array.from(xs);
    const sig = (v) => 1 / (1 + Math.exp(-v));
    const cases = {
      relu: [(v) => Math.max(v, 0), (v) => (v > 0 ? 1 : 0)],
      leaky_relu: [(v) => (v > 0 ? v : 0.2 * v), (v) => (v > 0 ? 1 : 0.2), {slope: 0.2}],
      elu: [
        (v) => (v > 0 ? v : 0.5 * Math.expm1(v)), (v) => (v > 0 ? 1 : 0.5 * Math.exp(v)),
        {alpha: 0.5}
      ],
      sigmoid: [sig, (v) => sig(v) * (1 - sig(v))],
      tanh: [Math.tanh, (v) => 1 / Math.cosh(v) ** 2],
      silu: [(v) => v * sig(v), (v) => sig(v) * (1 + v * (1 - sig(v)))],
      softplus: [
        (v) => (2 * v > 20 ? v : Math.log1p(Math.exp(2 * v)) / 2),
        (v) => (2 * v > 20 ? 1 : sig(2 * v)), {beta: 2}
      ],
    };
    for (const [name, [f, df, params]] of Object.entries(cases)) {
      const {y, dydx} = lab.activate(name, params, x);
      assert.ok(y instanceof Float32Array && dydx instanceof Float32Array);
      assertClose(y, xs.map((v) => Math.fround(f(Math.fround(v)))), `${name}.y`);
      assertClose(dydx, xs.map((v) => df(Math.fround(v))), `${name}.dydx`);
    }
  });

  test(`${backend}: prelu shared and per-channel alphas, with dalpha`, async () => {
    const lab = await loadReluLab({backend});
    const x = Float32Array.of(-1, 2, -3, -4, 5, -6);
    const shared = lab.activate('prelu', undefined, x);  // torch default alpha 0.25
    assert.deepEqual([...shared.y], [-0.25, 2, -0.75, -1, 5, -1.5]);
    assert.deepEqual([...shared.dalpha], [-1 - 3 - 4 - 6]);
    const perChannel = lab.activate('prelu', {alpha: [0.5, 0.1]}, x);  // x as (3, 2)
    assertClose(perChannel.y, [-0.5, 2, -1.5, -0.4, 5, -0.6], 'prelu.y');
    assertClose(perChannel.dydx, [0.5, 1, 0.5, 0.1, 1, 0.1], 'prelu.dydx');
    assert.deepEqual([...perChannel.dalpha], [-1 - 3 + 0, -4 - 6]);
  });

  test(`${backend}: special values follow the documented conventions`, async () => {
    const lab = await loadReluLab({backend});
    const x = Float32Array.of(NaN, -Infinity, Infinity, -0, 0);
    const relu = lab.activate('relu', {}, x);
    assert.ok(Number.isNaN(relu.y[0]) && Number.isNaN(relu.dydx[0]));
    assert.deepEqual([...relu.y.slice(1)], [0, Infinity, 0, 0]);
    assert.ok(Object.is(relu.y[3], 0), 'relu(-0) is +0 (torch: -0; see README conventions)');
    assert.deepEqual([...relu.dydx.slice(1)], [0, 1, 0, 0]);
    for (const name of ['silu', 'gelu', 'gelu_tanh']) {
      const {y, dydx} = lab.activate(name, {}, x);
      assert.ok(Number.isNaN(y[0]), `${name}(NaN) is NaN`);
      assert.deepEqual(
          [...y.slice(1, 3)], [-0, Infinity], `${name} limits at -inf (from below) and inf`);
      // The derivative's limit is 0 at -inf; its sign of zero is not part of the convention.
      assert.ok(dydx[1] === 0 && dydx[2] === 1, `${name}' limits: ${dydx[1]}, ${dydx[2]}`);
    }
  });

  test(`${backend}: bad input throws clear errors`, async () => {
    const lab = await loadReluLab({backend});
    const x = Float32Array.of(1, 2, 3);
    assert.throws(() => lab.activate('swish', {}, x), /unknown activation "swish"/);
    assert.throws(() => lab.activate(42, {}, x), /unknown activation/);
    assert.throws(() => lab.activate('relu', {}, [1, 2]), /x must be a Float32Array/);
    assert.throws(() => lab.activate('leaky_relu', {slop: 0.2}, x), /unknown parameter 'slop'/);
    assert.throws(() => lab.activate('leaky_relu', {slope: '0.2'}, x), /slope must be a number/);
    assert.throws(() => lab.activate('leaky_relu', {slope: NaN}, x), /slope: must be a finite/);
    assert.throws(() => lab.activate('softplus', {beta: 0}, x), /beta: must be > 0/);
    assert.throws(() => lab.activate('elu', {alpha: Infinity}, x), /alpha: must be a finite/);
    assert.throws(() => lab.activate('prelu', {alpha: [0.1, 0.2]}, x), /multiple of it/);
    assert.throws(() => lab.activate('prelu', {alpha: [0.1, NaN, 0.3]}, x), /alpha\[1\]/);
    assert.throws(() => lab.activate('prelu', {alpha: []}, x), /prelu needs alpha/);
    assert.throws(() => lab.activate('relu', 'fast', x), /params must be a plain object/);
    // The lab still works after errors.
    assert.deepEqual([...lab.activate('relu', {}, x).y], [1, 2, 3]);
  });

  test(`${backend}: empty and large inputs`, async () => {
    const lab = await loadReluLab({backend});
    assert.equal(lab.activate('tanh', {}, new Float32Array(0)).y.length, 0);
    const big = new Float32Array(1 << 20).map((_, i) => (i % 200) / 10 - 10);
    const {y} = lab.activate('relu', {}, big);  // grows wasm memory: views must be re-fetched
    assert.equal(y.length, big.length);
    assert.equal(y[150], big[150] > 0 ? big[150] : 0);
  });
}

test('auto backend follows the SIMD probe; bad options throw', async () => {
  const lab = await loadReluLab();
  assert.equal(lab.backend, simdSupported() ? 'wasm-simd128' : 'wasm-scalar');
  await assert.rejects(loadReluLab({backend: 'gpu'}), /backend must be one of/);
  await assert.rejects(loadReluLab('fast'), /options must be an object/);
});
