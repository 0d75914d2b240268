import {loadReluLab} from 'relu-lab';

const lab = await loadReluLab();
const arena = lab.createArena({dataset: 'circle', activations: ['relu', 'tanh'], seed: 3});
for (let done = 0; done < 50;) done += arena.train(50 - done).epochs;
for (const m of arena.metrics()) {
  console.log(`${m.label}: epoch ${m.epoch}, test accuracy ${m.testAccuracy?.toFixed(3)}`);
}
arena.delete();
