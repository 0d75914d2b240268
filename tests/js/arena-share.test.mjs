// What lets worker-pool.js split the panels: a network in an arena of any subset of the panels
// trains to the same numbers (metrics, weights, fields, bit for bit) as in the full arena, on
// both builds, with minibatches (shuffles), adam, PReLU and a labelled duplicate.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';

const dist = process.env.RELU_LAB_DIST ? pathToFileURL(`${process.env.RELU_LAB_DIST}/`).href :
                                         new URL('../../dist/', import.meta.url).href;
const {loadReluLab} = await import(new URL('js/relu-lab.mjs', dist).href);

const PANELS = [
  'relu', {activation: 'leaky_relu', params: {slope: 0.2}},
  {activation: 'prelu', params: {mode: 'channel'}}, 'elu', 'gelu', 'silu', 'softplus', 'tanh',
  'sigmoid', 'linear', {activation: 'relu', label: 'relu again'}
];
const SETTINGS = {
  dataset: 'spiral',
  points: 300,
  layers: [6, 5],
  batchSize: 7,
  seed: 1234,
  lr: 0.02
};
const EPOCHS = 12;

// Everything a panel shows, after EPOCHS epochs.
function snapshot(arena, index) {
  const metrics = arena.metrics()[index];
  return {metrics, model: arena.model(index), field: Array.from(arena.field(index, 48))};
}

for (const backend of ['wasm-simd128', 'wasm-scalar']) {
  test(
      `${backend}: panels [2, 5], [10] and [0, 7, 1] of an arena equal the full arena's`,
      async () => {
        const lab = await loadReluLab({backend});
        const full = lab.createArena({...SETTINGS, activations: PANELS});
        full.train(EPOCHS);
        for (const share of [[2, 5], [10], [0, 7, 1]]) {
          const part = lab.createArena({...SETTINGS, activations: share.map((i) => PANELS[i])});
          part.train(EPOCHS);
          assert.deepEqual(part.data(), full.data());
          share.forEach((panel, k) => {
            assert.deepEqual(
                snapshot(part, k), snapshot(full, panel), `panel ${panel} in ${share}`);
          });
          part.delete();
        }
        full.delete();
      });
}
