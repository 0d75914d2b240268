// How the page's settings form shows core's settings: as rows added to the table's core rows,
// each with its group, label, step, the lr control's decade list and `ui`, a deliberately narrower
// control range (a URL value outside it is kept and marked, not clamped).

// Core settings not listed go to the 'more' group under their own key.
// clang-format off
const PRESENTATION = Object.freeze({
  dataset: {group: 'data', label: 'Dataset'},
  noise: {group: 'data', label: 'Noise', step: 0.05},
  // Below 50 points the test half is too small for its accuracy to mean much.
  points: {group: 'data', label: 'Points', step: 50, ui: {min: 50}},
  // Own points, drawn or uploaded: the data editor is the control (data-editor.js) and says in
  // its own words what core's meaning (the settings value's JSON shape) says for the API.
  data: {group: 'data', label: 'Own data', meaning: ''},
  trainFraction: {group: 'data', label: 'Train fraction', step: 0.1},
  seed: {group: 'data', label: 'Seed', step: 1},
  // TF Playground's input tiles (feature-tiles.js), pressed to feed a feature to the network.
  features: {group: 'network', label: 'Input features'},
  layers: {group: 'network', label: 'Hidden layers'},
  activations: {group: 'network', label: 'Panels'},
  init: {group: 'network', label: 'Weight init'},
  // Inputs lie in [-1, 1]: beyond ±3 the bias swamps every weight, so each ReLU starts dead
  // or linear and the panels no longer differ.
  biasInit: {group: 'network', label: 'Bias init', step: 0.1, ui: {min: -3, max: 3}},
  'leaky_relu.slope': {group: 'params', label: 'Leaky slope', step: 0.01},
  'prelu.mode': {group: 'params', label: 'PReLU alpha'},
  'prelu.init': {group: 'params', label: 'PReLU init', step: 0.05},
  'elu.alpha': {group: 'params', label: 'ELU alpha', step: 0.1},
  'softplus.beta': {group: 'params', label: 'Softplus beta', step: 0.1},
  optimizer: {group: 'training', label: 'Optimizer'},
  lr: {group: 'training', label: 'Learning rate', decades: true},
  batchSize: {group: 'training', label: 'Batch size', step: 1},
  l1: {group: 'training', label: 'L1 penalty', step: 0.001},
  l2: {group: 'training', label: 'L2 penalty', step: 0.001},
  dropout: {group: 'training', label: 'Dropout', step: 0.05},
  batchNorm: {group: 'training', label: 'Batch norm'},
  'optimizer.momentum': {group: 'more', label: 'Momentum', step: 0.05},
  'optimizer.beta1': {group: 'more', label: 'Adam beta1', step: 0.01},
  'optimizer.beta2': {group: 'more', label: 'Adam beta2', step: 0.001},
  'optimizer.eps': {group: 'more', label: 'Adam eps'},
  clipNorm: {group: 'more', label: 'Clip norm', step: 0.1},
});
// clang-format on

/** @returns {object[]} one row per core setting and activation parameter: {core, group, label}. */
export function formRows(schema) {
  const row = (core, label) => ({core, ...(PRESENTATION[core] || {group: 'more', label})});
  return [
    ...schema.settings.map((s) => row(s.key, s.key)),
    ...schema.activations.flatMap(
        (a) => a.params.map((p) => row(`${a.name}.${p.key}`, `${a.displayName} ${p.key}`))),
  ];
}
