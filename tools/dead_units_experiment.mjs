// Dead ReLU units at a dying-ReLU setting (Adam lr 0.3, 8-8 relu, circle) over 10 seeds: plain,
// with batch norm, with dropout 0.2. Prints the median and range per variant for README.
// Usage: node tools/dead_units_experiment.mjs (after scripts/build.sh; reads dist/js/).
import {loadReluLab} from '../dist/js/relu-lab.mjs';

const lab = await loadReluLab();
const EPOCHS = 200;
const base = {dataset: 'circle', layers: [8, 8], activations: ['relu'], optimizer: 'adam', lr: 0.3};
const variants = {plain: {}, batchNorm: {batchNorm: true}, dropout: {dropout: 0.2}};
const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
for (const [name, extra] of Object.entries(variants)) {
  const dead = [], accuracy = [];
  for (let seed = 1; seed <= 10; ++seed) {
    const arena = lab.createArena({...base, ...extra, seed});
    arena.train(EPOCHS);
    const [m] = arena.metrics();
    dead.push(m.deadUnits);
    accuracy.push(m.testAccuracy);
    arena.delete();
  }
  console.log(`| ${name} | ${median(dead)} | ${Math.min(...dead)}..${Math.max(...dead)} | ` +
              `${dead.join(' ')} | ${median(accuracy).toFixed(3)} |`);
}
