// What a TypeScript consumer writes: every entry of the package, used as the README shows.
// tests/package/ type-checks it with tsc --strict against the installed package.
import {loadReluLab, type ArenaSettings, type NetworkMetrics} from 'relu-lab';
import {fieldAt, RunHistory} from 'relu-lab/history';
import {compareSeeds, summarize} from 'relu-lab/studies';
import {sweep, summarizeSweep} from 'relu-lab/sweep';
import {planStudy} from 'relu-lab/study-plan';
import {median, verdictText} from 'relu-lab/stats';
import {mount, type ReluLabFigure} from 'relu-lab/figure';

const lab = await loadReluLab({backend: 'auto'});
const backend: 'wasm-simd128' | 'wasm-scalar' = lab.backend;
const {y, dydx} = lab.activate('leaky_relu', {slope: 0.2}, Float32Array.of(-1, 0, 2));
const {dalpha} = lab.activate('prelu', {alpha: [0.25, 0.1]}, new Float32Array(4));
const limit: number = lab.schema.limits.maxNetworks;

const settings: ArenaSettings = {
  dataset: 'spiral',
  noise: 0.1,
  layers: [8, 8],
  activations: ['relu', {activation: 'leaky_relu', params: {slope: 0.2}, label: 'leaky 0.2'}, 'tanh'],
  optimizer: {name: 'adam', beta1: 0.9},
};
const arena = lab.createArena(settings);
const progress = arena.train(10);
const reached: (number | null)[] = arena.train({epochs: 5, target: 0.9}).reached;
const metrics: NetworkMetrics[] = arena.metrics();
const accuracy: number | null = metrics[0].testAccuracy;
const grid: Float32Array | null = arena.field(0, 64, 'probability');
const warnings: string[] = arena.settings().warnings;
const model = arena.model(0);
const net = lab.networkFromJSON(model);
const logits: Float32Array = net.predict(Float32Array.of(0.1, 0.2));
net.train(Float32Array.of(0.1, 0.2), Float32Array.of(1), {optimizer: 'sgd', lr: 0.1, steps: 2});
net.delete();
// Own data: two classes, or a regression's targets.
const ownClasses: ArenaSettings = {data: {points: Float32Array.of(0, 0, 1, 1), labels: [0, 1]}};
const ownTargets: ArenaSettings = {data: {points: [[0, 0], [1, 1]], targets: [2.5, -1]}};
const regions = arena.regions(0, 32);
const count: number | null = regions.count;

const history = new RunHistory();
history.recordArena(arena, 0);
const field: Float32Array | null = fieldAt(arena, history, 0, 0, 64);
arena.delete();

const study = await compareSeeds(lab, {activations: ['relu', 'leaky_relu']}, {seeds: 5, epochs: 5});
const [relu, leaky] = summarize(study, {outcome: 'epochsToTarget', reference: 0});
if (leaky.versus) verdictText('leaky_relu', 'relu', leaky.versus, {unit: 'epochs', better: 'lower', betterWord: 'faster', worseWord: 'slower'});
const swept = await sweep(lab, {activations: ['relu']}, {key: 'lr', values: [0.01, 0.1], seeds: 5, epochs: 2});
summarizeSweep(swept, 'deadFraction');
const plan = planStudy(lab.schema, {kind: 'compare', settings: {activations: ['relu']}, seeds: 5});
const m: number = median([1, 2, 3]);

// The element, in a page (the DOM library is in this project's lib).
function figureIn(container: HTMLElement): ReluLabFigure {
  const figure = mount(container, {activations: 'relu,tanh', seed: 3, autoplay: true});
  figure.addEventListener('epoch', (event) => console.log(event.detail.epoch, event.detail.metrics[0].testAccuracy));
  figure.addEventListener('error', (event) => console.log(event.detail.message));
  const byTag: ReluLabFigure | null = document.querySelector('relu-lab-figure');
  byTag?.play();
  figure.step(5);
  return figure;
}

export {backend, y, dydx, dalpha, limit, progress, reached, accuracy, grid, warnings, logits, ownClasses, ownTargets, count, field, relu, plan, m, figureIn};
