// Dead ReLU units at dying-ReLU settings (8-8 relu, circle, batch 10; Adam at lr 0.3 and 0.1, plain
// SGD at lr 2 and 1.5) over 10 seeds: plain, with batch norm, with dropout, with both. Prints the
// median, range and per-seed counts per variant, and the median test accuracy, as README's tables.
// Usage: node tools/dead_units_experiment.mjs [epochs] (after scripts/build.sh; reads dist/js/).
import {loadReluLab} from '../dist/js/relu-lab.mjs';

const lab = await loadReluLab();
const EPOCHS = Number(process.argv[2] || 200);
const SEEDS = 10;
const base = {
  dataset: 'circle',
  layers: [8, 8],
  activations: ['relu']
};
const variants = {
  plain: {},
  '`batchNorm: true`': {batchNorm: true},
  '`dropout: 0.2`': {dropout: 0.2},
  '`dropout: 0.1`': {dropout: 0.1},
  'both (BN, dropout 0.1)': {batchNorm: true, dropout: 0.1},
};
const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Trains to `epochs`: a call does a bounded amount of work and says how far it got.
function trainTo(arena, epochs) {
  while (arena.metrics()[0].epoch < epochs && !arena.metrics()[0].diverged) {
    arena.train(epochs - arena.metrics()[0].epoch);
  }
}

for (const [optimizer, lr] of [['adam', 0.3], ['adam', 0.1], ['sgd', 2], ['sgd', 1.5]]) {
  console.log(`\n${optimizer} lr ${lr}, ${EPOCHS} epochs, seeds 1..${SEEDS}\n`);
  console.log('| variant | dead units, median | range | per seed | test accuracy, median |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [name, extra] of Object.entries(variants)) {
    const dead = [], accuracy = [];
    for (let seed = 1; seed <= SEEDS; ++seed) {
      const arena = lab.createArena({...base, ...extra, optimizer, lr, seed});
      trainTo(arena, EPOCHS);
      const [m] = arena.metrics();
      dead.push(m.deadUnits);
      accuracy.push(m.testAccuracy);
      arena.delete();
    }
    console.log(
        `| ${name} | ${median(dead)} | ${Math.min(...dead)}..${Math.max(...dead)} | ` +
        `${dead.join(' ')} | ${median(accuracy).toFixed(3)} |`);
  }
}
