// The per-layer signals of arena.metrics() (meanActivation, activeFraction, gradNormPerLayer)
// on the built library: their shape, their meaning against net.lossAndGradients at the initial
// weights, and the two facts the claims rest on, at fixed seeds: at initialisation a 6-layer
// sigmoid network's first-layer gradient is a small fraction of its output layer's while ReLU's
// is not, and ELU's mean activations are nearer zero than ReLU's.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';

const dist = process.env.RELU_LAB_DIST ? pathToFileURL(`${process.env.RELU_LAB_DIST}/`).href :
                                         new URL('../../dist/', import.meta.url).href;
const {loadReluLab} = await import(new URL('js/relu-lab.mjs', dist).href);
const lab = await loadReluLab();

const DEEP = Array(6).fill(8);
const norm = (rows) => Math.sqrt(rows.flat().reduce((s, g) => s + g * g, 0));

test('metrics() carries one signal per hidden layer and a gradient norm per layer', () => {
  const arena = lab.createArena({layers: [8, 5, 3], activations: ['relu', 'tanh']});
  try {
    for (const m of arena.metrics()) {
      assert.equal(m.meanActivation.length, 3);
      assert.equal(m.activeFraction.length, 3);
      assert.equal(m.gradNormPerLayer.length, 4);  // the output layer last
      for (const f of m.activeFraction) assert.ok(f >= 0 && f <= 1);
      for (const g of m.gradNormPerLayer) assert.ok(g > 0 && Number.isFinite(g));
    }
    const [relu, tanh] = arena.metrics();
    // ReLU's zeros are exact; tanh's outputs are almost never exactly 0.
    assert.ok(relu.activeFraction[0] < 0.8);
    assert.equal(tanh.activeFraction[0], 1);
    for (const a of relu.meanActivation) assert.ok(a > 0);
  } finally {
    arena.delete();
  }
});

test(
    'at epoch 0 the gradient norms are those of the full-batch gradient at the initial weights',
    () => {
      const arena = lab.createArena({points: 100, layers: [6, 4], activations: ['tanh']});
      try {
        const [m] = arena.metrics();
        // The training rows: arena.data() gives them scaled, as the network sees them.
        const data = arena.data();
        const train = data.trainCount;
        const net = lab.networkFromJSON(arena.model(0));
        const {grads} = net.lossAndGradients(
            data.points.subarray(0, 2 * train), data.labels.subarray(0, train));
        net.delete();
        grads.layers.forEach((layer, l) => {
          const want = norm(layer.W);
          assert.ok(Math.abs(m.gradNormPerLayer[l] - want) <= 1e-5 * want, `layer ${l}`);
        });
        // After an epoch: the RMS over its steps, a different number from the same weights'.
        arena.train(1);
        assert.notEqual(arena.metrics()[0].gradNormPerLayer[0], m.gradNormPerLayer[0]);
      } finally {
        arena.delete();
      }
    });

test(
    'at initialisation a 6-layer sigmoid network\'s first-layer gradient nearly vanishes, ReLU\'s does not',
    () => {
      for (const seed of [1, 2, 3]) {
        const arena =
            lab.createArena({seed, layers: DEEP, activations: ['sigmoid', 'relu', 'tanh']});
        try {
          const ratio = (m) => m.gradNormPerLayer[0] / m.gradNormPerLayer.at(-1);
          const [sigmoid, relu] = arena.metrics().map(ratio);
          assert.ok(sigmoid < 1e-3, `seed ${seed}: sigmoid ratio ${sigmoid}`);
          assert.ok(relu > 0.05, `seed ${seed}: relu ratio ${relu}`);
        } finally {
          arena.delete();
        }
      }
    });

test(
    'ELU\'s mean activations are nearer zero than ReLU\'s, at initialisation and after training',
    () => {
      for (const seed of [1, 2, 3]) {
        const arena = lab.createArena({seed, activations: ['relu', 'elu']});
        try {
          const meanAbs = (m) => m.meanActivation.reduce((s, a) => s + Math.abs(a), 0);
          const check = (when) => {
            const [relu, elu] = arena.metrics().map(meanAbs);
            assert.ok(elu < relu, `seed ${seed} ${when}: elu ${elu}, relu ${relu}`);
          };
          check('at epoch 0');
          arena.train(50);
          check('after 50 epochs');
        } finally {
          arena.delete();
        }
      }
    });
