// Where do dead ReLU units come back? Runs the page's experiments that kill units, and settings
// near them, over seeds 1..K with unit life tracked (js/unit-life.mjs: the dead mask at every
// kept epoch), and prints per setting the seeds with a revival, the units revived and the
// earliest example (seed, layer, unit, dead from, alive again at). Picks the claim's setting.
// Usage: node tools/revival-search.mjs [--seeds 20] [--epochs 200] (after scripts/build.sh).
import {parseArgs} from 'node:util';

import {EXPERIMENTS} from '../web/page/experiments.js';
import {pageTable} from '../web/page/page-table.js';

const {values: args} = parseArgs({options: {seeds: {type: 'string'}, epochs: {type: 'string'}}});
const {loadReluLab} = await import(new URL('../dist/js/relu-lab.mjs', import.meta.url).href);
const {runSeed} = await import(new URL('../dist/js/seed-study.mjs', import.meta.url).href);

const lab = await loadReluLab();
const table = pageTable(lab.schema);
const seeds = Number(args.seeds ?? 20);
const epochs = Number(args.epochs ?? 200);

// The experiments whose text is about dying units, each variant, and a few nearby settings.
const candidates = [];
for (const id of ['dying-in-training', 'batch-norm-cure', 'dying-relu']) {
  const e = EXPERIMENTS.find((x) => x.id === id);
  for (const v of e.variants ?? [{id: '', settings: {}}]) {
    candidates.push({name: `${id}${v.id ? `/${v.id}` : ''}`, url: {...e.settings, ...v.settings}});
  }
}
const near = [
  {name: 'adam lr 0.1', url: {layers: [8, 8], optimizer: 'adam', lr: 0.1}},
  {name: 'adam lr 0.3, bias -0.5', url: {layers: [8, 8], optimizer: 'adam', lr: 0.3, bias: -0.5}},
  {name: 'adam lr 0.03, bias -1', url: {layers: [8, 8], optimizer: 'adam', lr: 0.03, bias: -1}},
  {name: 'adam lr 0.01, bias -1', url: {layers: [8, 8], optimizer: 'adam', lr: 0.01, bias: -1}},
  {name: 'momentum lr 0.3', url: {layers: [8, 8], optimizer: 'momentum', lr: 0.3}},
  {name: 'sgd lr 1', url: {layers: [8, 8], optimizer: 'sgd', lr: 1}},
];
candidates.push(...near);

for (const {name, url} of candidates) {
  const urlSettings = {...table.defaults(), ...url, activations: ['relu']};
  const settings = table.arenaSettings(urlSettings);
  const start = performance.now();
  const hits = [];
  let units = 0, late = 0;
  for (let seed = 1; seed <= seeds; ++seed) {
    const [r] = runSeed(lab, settings, seed, {epochs, target: 0.95, unitLife: true});
    units += r.revivals;
    late += r.lateRevivals;
    if (r.revivals) hits.push({seed, ...r.revival, revivals: r.revivals});
  }
  // The example: a unit that died while training if any came back, else the earliest.
  const first =
      hits.sort((a, b) => (b.deadAt > 0) - (a.deadAt > 0) || a.revivedAt - b.revivedAt)[0];
  const example = first ?
      `seed ${first.seed}: layer ${first.layer + 1} unit ${first.unit + 1} dead from epoch ${
          first.deadAt}, alive again at ${first.revivedAt}` :
      'none';
  console.log(`${name.padEnd(34)} revival on ${hits.length} of ${seeds} seeds, ${units} units (${
      late} died while training); ${example} (${
      ((performance.now() - start) / 1000).toFixed(1)} s)`);
}
