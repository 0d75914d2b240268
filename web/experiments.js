// The curated experiments: each is a complete setting (defaults plus a few overrides, so its URL
// reproduces it) and 2-4 sentences on what to watch. Plus the newcomer's introduction.

/** Shown above the panels; plain text paragraphs. */
export const INTRO = Object.freeze([
  'Each panel is a small neural network learning the same task: tell the orange points from ' +
      'the purple ones. All networks see the same data and start from the same random weights; ' +
      'they differ only in the activation function of their hidden units (the panel title).',
  'The background colour is the network\'s answer at every point of the plane: deep purple means ' +
      '"surely purple", deep orange "surely orange", pale means unsure. Press play and watch the ' +
      'boundary form; the chart below the panels shows each network\'s test loss falling.',
  'Click a panel to see inside it: what every hidden unit has learned, the activation curve ' +
      'and its slope, and its loss curve. A "dead" unit outputs zero everywhere and no longer ' +
      'learns — the classic failure of ReLU.',
]);

/**
 * @typedef {object} Experiment
 * @property {string} id used in the URL-free button ids and tests
 * @property {string} title
 * @property {string} text what to watch, 2-4 sentences
 * @property {object} settings overrides on top of the defaults
 * @property {{label: string, settings: object}[]} [variants] one-click alternatives
 */

/** @type {readonly Experiment[]} */
export const EXPERIMENTS = Object.freeze([
  {
    id: 'relu-vs-tanh',
    title: 'ReLU vs tanh on two circles',
    text: 'The classic figure. ReLU networks are piecewise linear, so ReLU cuts the inner disc ' +
        'out with straight edges and corners; tanh bends a smooth, rounder envelope around it. ' +
        'With only six hidden units the polygon is easy to count.',
    settings: {activations: ['relu', 'tanh'], layers: [6], lr: 0.03, noise: 0.05},
  },
  {
    id: 'dying-relu',
    title: 'Dying ReLU',
    text: 'Every bias starts at -1.5, which switches most ReLU units off on every training ' +
        'point: their gradient is zero, so they never learn again — watch the "dead units" ' +
        'count, and the ReLU network stuck near chance. Leaky ReLU and ELU start from the same ' +
        'weights but keep a small slope below zero: no dead units, and they learn. Open the ' +
        'ReLU panel to see its dead units crossed out.',
    settings: {
      activations: ['relu', 'leaky_relu', 'elu'],
      layers: [8, 8],
      bias: -1.5,
      optimizer: 'adam',
      lr: 0.03,
    },
  },
  {
    id: 'leaky-vs-prelu',
    title: 'Leaky vs PReLU',
    text: 'Leaky ReLU keeps a fixed slope below zero (0.01 or 0.2 here); PReLU learns it, ' +
        'starting from 0.25. Watch the alpha under the PReLU panel, or open the panel for its ' +
        'trajectory: does the network want a larger or smaller slope than we would pick by hand?',
    settings: {
      activations: ['relu', 'leaky_relu:0.01', 'leaky_relu:0.2', 'prelu'],
      preluMode: 'shared',
      preluInit: 0.25,
    },
  },
  {
    id: 'smooth-rectifiers',
    title: 'Smooth rectifiers',
    text: 'GELU, SiLU (Swish), softplus and ELU all look like ReLU for large inputs but are ' +
        'smooth around zero. Their boundaries come out rounder, and their losses fall at a ' +
        'similar pace to ReLU\'s; compare the curves in the loss chart and open panels to see ' +
        'each curve and its derivative.',
    settings: {activations: ['relu', 'gelu', 'silu', 'softplus', 'elu']},
  },
  {
    id: 'init-matters',
    title: 'Initialisation matters',
    text: 'Four hidden layers make the starting weights matter (switch between the three ' +
        'starts below). He initialisation keeps the ' +
        'signal\'s size through ReLU layers, and ReLU, leaky and tanh learn within a few dozen ' +
        'epochs; TF Playground\'s uniform(-0.5, 0.5) shrinks it layer by layer and learning ' +
        'starts much later; a bias of -1 kills every ReLU. ' +
        'Sigmoid\'s gradients vanish through four layers whatever the start.',
    settings: {
      activations: ['relu', 'leaky_relu', 'tanh', 'sigmoid'],
      layers: [8, 8, 8, 8],
      init: 'he_normal',
      bias: 0.1,
      optimizer: 'sgd',
      lr: 0.03,
    },
    variants: [
      {label: 'He (normal)', settings: {init: 'he_normal', bias: 0.1}},
      {label: 'uniform(-0.5, 0.5)', settings: {init: 'uniform', bias: 0.1}},
      {label: 'bad: uniform, bias -1', settings: {init: 'uniform', bias: -1}},
    ],
  },
]);

/** @returns {object} defaults + the experiment's (and variant's) overrides. */
export function experimentSettings(defaults, experiment, variant) {
  return {...defaults, ...experiment.settings, ...(variant ? variant.settings : {})};
}
