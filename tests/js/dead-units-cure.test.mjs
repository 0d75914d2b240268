// The figures behind the page's "Batch norm as a cure" experiment and README's tables, over
// seeds 1..10 at the dying-ReLU settings: with plain SGD at lr 2 batch norm leaves fewer ReLU
// units dead than without; with Adam at lr 0.3 it does not (the page says both).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';

const dist = process.env.RELU_LAB_DIST ? pathToFileURL(`${process.env.RELU_LAB_DIST}/`).href :
                                         new URL('../../dist/', import.meta.url).href;
const {loadReluLab} = await import(new URL('js/relu-lab.mjs', dist).href);

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};

// Dead ReLU units (of 16) after `epochs` for seeds 1..10; a call trains within its work budget.
function deadUnits(lab, settings, epochs) {
  const dead = [];
  for (let seed = 1; seed <= 10; ++seed) {
    const arena = lab.createArena(
        {dataset: 'circle', layers: [8, 8], activations: ['relu'], ...settings, seed});
    while (arena.metrics()[0].epoch < epochs) arena.train(epochs - arena.metrics()[0].epoch);
    dead.push(arena.metrics()[0].deadUnits);
    arena.delete();
  }
  return dead;
}

test(
    'batch norm leaves fewer dead ReLUs under plain SGD at lr 2, not under Adam at lr 0.3',
    async () => {
      const lab = await loadReluLab();
      const sgd = {optimizer: 'sgd', lr: 2};
      const plain = deadUnits(lab, sgd, 20);
      const normed = deadUnits(lab, {...sgd, batchNorm: true}, 20);
      assert.equal(median(plain), 11.5, plain.join(' '));
      assert.equal(median(normed), 2, normed.join(' '));
      // Seed 4, the page's: 13 dead without, 2 with.
      assert.deepEqual([plain[3], normed[3]], [13, 2]);
      const adam = {optimizer: 'adam', lr: 0.3};
      assert.ok(
          median(deadUnits(lab, {...adam, batchNorm: true}, 200)) >=
          median(deadUnits(lab, adam, 200)));
    });
