import {loadReluLab} from 'relu-lab';

const lab = await loadReluLab();
const arena = lab.createArena({activations: ['relu', 'tanh'], seed: 3});
for (let done = 0; done < 50;) done += arena.train(50 - done).epochs;
document.querySelector('output').textContent =
    arena.metrics().map((m) => `${m.label}: ${m.testAccuracy?.toFixed(3)}`).join(', ');
arena.delete();
