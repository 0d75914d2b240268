// The curated experiments: each is a complete setting (defaults plus a few overrides, so its URL
// reproduces it) and 2-4 sentences on what to watch. Plus the newcomer's introduction.

/** Plain text paragraphs behind the lede's "More about this page". */
export const INTRO = Object.freeze([
  'The background colour is each network\'s answer at every point of the plane: deep purple ' +
      'means "surely purple", deep orange "surely orange", pale means unsure. The chart under ' +
      'the panels shows each network\'s test loss; time is counted in epochs (one pass over ' +
      'the training points).',
  'Space pauses and resumes, s steps one epoch, r starts again from the same weights. The ' +
      'speed and the slow start are under View in the settings; every setting is kept in the ' +
      'address, so a link reproduces what you see.',
  'Click a panel to see inside its network: what every hidden unit has learned, the ' +
      'activation curve and its slope, and its loss. A "dead" unit outputs zero on every ' +
      'training point and no longer learns — the classic failure of ReLU.',
]);

/**
 * @typedef {object} Experiment
 * @property {string} id used in the URL-free button ids and tests
 * @property {string} title
 * @property {string} text what to watch, 2-4 sentences
 * @property {object} settings overrides on top of the defaults
 * @property {{label: string, settings: object}[]} [variants] one-click alternatives
 * @property {{id: string, label: string, settings: object, note: string}[]} [actions] changes
 *     of live settings (lab.schema's change: 'live') applied to the running networks
 */

/** @type {readonly Experiment[]} */
export const EXPERIMENTS = Object.freeze([
  {
    id: 'relu-vs-tanh',
    title: 'ReLU vs tanh',
    text: 'The classic figure. A ReLU network is piecewise linear, so it cuts the inner disc ' +
        'out with straight edges and corners; tanh bends a smooth, round envelope around it. ' +
        'With few hidden units the polygon is easy to count.',
    settings: {activations: ['relu', 'tanh'], layers: [6], lr: 0.03, noise: 0.05},
    variants: [
      {
        id: 'three',
        label: '3 units',
        settings: {layers: [3]},
        note: 'Three ReLU units give at most a triangle; tanh still rounds it.'
      },
      {id: 'six', label: '6 units', settings: {}},
      {
        id: 'deep',
        label: '8, 8 units',
        settings: {layers: [8, 8]},
        note: 'Two layers: more, smaller facets, but ReLU\'s boundary is still made of lines.'
      },
    ],
  },
  {
    id: 'dying-in-training',
    title: 'Dying while training',
    text: 'A learning rate too high for Adam (0.3): in the first few epochs large steps push ' +
        'some ReLU units below zero on every training point. Their slope there is 0, so no ' +
        'gradient ever reaches them again: they are dead, and the count under the ReLU panel ' +
        'climbs (0, 2, 4, then 7 of 16 units with this seed). Leaky ReLU and ELU keep a slope ' +
        'below zero and lose none. Lower the rate while it trains and the count stops ' +
        'climbing, but that brings no unit back: no gradient reaches a dead unit at any rate. ' +
        'A second-layer unit can still come back when the first layer changes its inputs (on ' +
        '12 of 20 seeds here: the claims below count them). Or restart with one of the cures ' +
        'below.',
    settings: {
      activations: ['relu', 'leaky_relu', 'elu'],
      layers: [8, 8],
      optimizer: 'adam',
      lr: 0.3,
      seed: 1,
    },
    actions: [{
      id: 'lower-lr',
      label: 'Lower lr to 0.03 now',
      settings: {lr: 0.03},
      note: 'The rate is now 0.03 and training goes on from where it was: the steps calm ' +
          'down and no more units die, but those already dead stay dead (lowered at epoch 3, ' +
          '2 of 16 stay dead instead of 7).',
    }],
    variants: [
      {id: 'lr03', label: 'lr 0.3 (dies)', settings: {}},
      {id: 'lr01', label: 'lr 0.1', settings: {lr: 0.1}, note: 'Smaller steps: fewer units die.'},
      {
        id: 'lr003',
        label: 'cure: lr 0.03',
        settings: {lr: 0.03},
        note: 'A tenth of the rate: no unit dies. This is the cure that works here.'
      },
      {
        id: 'bias',
        label: 'bias 0.1',
        settings: {bias: 0.1},
        note: 'Starting every bias at 0.1 keeps units alive at the start, but it does not stop ' +
            'steps this large from killing them: more die here, not fewer.'
      },
      {
        id: 'l2',
        label: 'L2 0.001',
        settings: {l2: 0.001},
        note: 'A weight penalty pulls weights (not biases) towards 0; at this rate it does not ' +
            'revive dead units, and more die. The cure is the step size.'
      },
    ],
  },
  {
    id: 'batch-norm-cure',
    title: 'Batch norm as a cure',
    // Measured with tools/dead_units_experiment.mjs (seeds 1..10, plain SGD at lr 2): by epoch
    // 20 a median of 11.5 of 16 ReLU units dead without batch norm, 2 with it; by epoch 200,
    // 11.5 and 7.5 (median test accuracy 0.51 and 0.81). With Adam at lr 0.3 batch norm and
    // dropout leave more units dead, not fewer, so this experiment uses plain SGD.
    text: 'Plain SGD with a step far too large (lr 2): the first updates switch most ReLU ' +
        'units off on every training point (13 of 16 dead by epoch 20 with this seed) and ReLU ' +
        'sticks near 50%. Batch norm re-centres each unit\'s input on every batch, so a large ' +
        'step rarely turns a unit off for good: 2 die early and ReLU learns. It slows the dying ' +
        'rather than ending it (10 seeds: a median of 2 dead at epoch 20, 11.5 without). ' +
        'Dropout is no cure here; with Adam (\'Dying while training\') neither is batch norm.',
    settings: {
      activations: ['relu', 'leaky_relu', 'elu'],
      layers: [8, 8],
      optimizer: 'sgd',
      lr: 2,
      seed: 4,
    },
    variants: [
      {id: 'sgd-plain', label: 'SGD lr 2 (dies)', settings: {}},
      {
        id: 'sgd-bn',
        label: 'cure: batch norm',
        settings: {batchNorm: true},
        note: 'The same steps through batch normalisation: most units stay alive and ReLU learns.'
      },
      {
        id: 'sgd-dropout',
        label: 'dropout 0.1',
        settings: {dropout: 0.1},
        note: 'Dropout keeps more ReLU units alive with this seed, but not over most seeds (a ' +
            'median of 11 dead of 16 at epoch 20), and here ELU loses every unit instead.'
      },
      {
        id: 'sgd-lr01',
        label: 'cure: lr 0.1',
        settings: {lr: 0.1},
        note: 'A twentieth of the step: no unit dies. The step size remains the surest cure.'
      },
    ],
  },
  {
    id: 'dying-relu',
    title: 'Dead at the start',
    text: 'Every bias starts at -1.5, which switches most ReLU units off on every training ' +
        'point before training begins: their gradient is zero, so they never learn — watch the ' +
        '"dead units" count, and the ReLU network stuck. Leaky ReLU and ELU start from the ' +
        'same weights but keep a small slope below zero: no dead units, and they learn.',
    settings: {
      activations: ['relu', 'leaky_relu', 'elu'],
      layers: [8, 8],
      bias: -1.5,
      optimizer: 'adam',
      lr: 0.03,
    },
    variants: [
      {id: 'bias-15', label: 'bias -1.5', settings: {}},
      {
        id: 'bias-05',
        label: 'bias -0.5',
        settings: {bias: -0.5},
        note: 'A milder negative start: fewer units begin dead.'
      },
      {
        id: 'bias01',
        label: 'cure: bias 0.1',
        settings: {bias: 0.1},
        note: 'A small positive bias (TF Playground\'s choice) starts every unit alive.'
      },
    ],
  },
  {
    id: 'leaky-vs-prelu',
    title: 'Leaky vs PReLU',
    text: 'Leaky ReLU keeps a fixed slope below zero (0.01 or 0.2 here); PReLU learns it, ' +
        'starting from 0.25 (the alpha under its panel, one per layer). On the circle the ' +
        'first layer\'s alpha turns negative (about -0.6 by epoch 200): each unit becomes a ' +
        'V, like |x|, which is just what a ring needs. A learned slope need not look like ' +
        'one we would pick by hand.',
    settings: {
      activations: ['relu', 'leaky_relu:0.01', 'leaky_relu:0.2', 'prelu'],
      preluMode: 'shared',
      preluInit: 0.25,
    },
    variants: [
      {id: 'shared', label: 'one alpha per layer', settings: {}},
      {
        id: 'channel',
        label: 'one alpha per unit',
        settings: {preluMode: 'channel'},
        note: 'Each unit learns its own alpha: some stay positive, several go negative (open ' +
            'the PReLU panel for them all).'
      },
    ],
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
    title: 'Initialisation',
    text: 'Four hidden layers make the starting weights matter. He initialisation keeps the ' +
        'signal\'s size through ReLU layers, and ReLU, leaky and tanh learn within a few dozen ' +
        'epochs; uniform(-0.5, 0.5) shrinks it layer by layer and learning starts much later; ' +
        'a bias of -1 kills every ReLU. Sigmoid\'s gradients vanish through four layers ' +
        'whatever the start.',
    settings: {
      activations: ['relu', 'leaky_relu', 'tanh', 'sigmoid'],
      layers: [8, 8, 8, 8],
      init: 'he_normal',
      bias: 0.1,
      optimizer: 'sgd',
      lr: 0.03,
    },
    variants: [
      {id: 'he', label: 'He (normal)', settings: {init: 'he_normal', bias: 0.1}},
      {id: 'uniform', label: 'uniform(-0.5, 0.5)', settings: {init: 'uniform', bias: 0.1}},
      {id: 'bad', label: 'bad: uniform, bias -1', settings: {init: 'uniform', bias: -1}},
    ],
  },
  {
    id: 'vanishing',
    title: 'Vanishing gradients',
    text: 'Six hidden layers trained with plain SGD. Sigmoid\'s slope is at most 0.25, so the ' +
        'gradient shrinks by that factor or more at every layer on its way back: the first ' +
        'layers hardly move and sigmoid stays near chance, while ReLU (slope 1 where active) ' +
        'and tanh (slope up to 1) learn.',
    settings: {
      activations: ['relu', 'tanh', 'sigmoid'],
      layers: [8, 8, 8, 8, 8, 8],
      optimizer: 'sgd',
      lr: 0.1,
    },
    variants: [
      {id: 'six', label: '6 layers', settings: {}},
      {
        id: 'two',
        label: '2 layers',
        settings: {layers: [8, 8]},
        note: 'With two layers sigmoid starts to learn, slowly.'
      },
    ],
  },
  {
    id: 'spiral',
    title: 'Spiral',
    text: 'Two interleaved spirals are hard for small networks, and here the activations ' +
        'really part ways: watch which networks follow the arms and which give up on a ' +
        'straight cut. With this seed Leaky ReLU is first to wind round, ELU and ReLU follow, ' +
        'tanh takes longer, sigmoid and linear stay near chance.',
    settings: {
      dataset: 'spiral',
      activations: ['relu', 'leaky_relu', 'elu', 'tanh', 'sigmoid', 'linear'],
      layers: [8, 8, 8],
      lr: 0.01,
    },
  },
  // Input features and regression: the two other axes of TF Playground.
  {
    id: 'features-do-the-work',
    title: 'Features do the work',
    text: 'Given X₁² and X₂² instead of the raw point, even a linear network separates the ' +
        'circle: the disc is where X₁² + X₂² is small, a straight cut in feature space. ReLU ' +
        'draws the same round boundary, because its corners now live in feature space too. ' +
        'Press the input tiles to swap features; with the raw X₁, X₂ the linear panel is back ' +
        'to a straight line.',
    settings: {features: ['x1sq', 'x2sq'], activations: ['linear', 'relu'], layers: [4]},
    variants: [
      {id: 'squares', label: 'circle on X₁², X₂²', settings: {}},
      {
        id: 'raw',
        label: 'circle on X₁, X₂',
        settings: {features: ['x1', 'x2']},
        note: 'The raw point: the linear network can only draw a line through the disc.'
      },
      {
        id: 'xor-product',
        label: 'xor on X₁X₂',
        settings: {dataset: 'xor', features: ['x1x2']},
        note: 'xor is the sign of X₁X₂: one feature and any network solves it at once.'
      },
    ],
  },
  {
    id: 'facets-vs-smooth',
    title: 'Facets vs smooth',
    text: 'A regression: the colour is now each network\'s output value, and the dots are the ' +
        'targets on the same scale. ReLU fits the six bumps with a surface of flat facets ' +
        'meeting at creases; tanh fits smooth hills. Both are scored by R² (1 is a perfect fit) ' +
        'and trained on the mean squared error.',
    settings: {dataset: 'reg-gauss', activations: ['relu', 'tanh'], layers: [8, 8], lr: 0.01},
    variants: [
      {id: 'gauss', label: 'six bumps', settings: {}},
      {
        id: 'plane',
        label: 'a plane',
        settings: {dataset: 'reg-plane'},
        note: 'A tilted plane: ReLU and tanh both fit it almost exactly (R² near 1).'
      },
      {
        id: 'few-units',
        label: '4 units',
        settings: {layers: [4]},
        note: 'Four ReLU units: few facets, so the creases are easy to see.'
      },
    ],
  },
]);

/** Every variant id of every experiment (the URL's `v` values). */
export const VARIANT_IDS =
    Object.freeze([...new Set(EXPERIMENTS.flatMap((e) => (e.variants || []).map((v) => v.id)))]);

/** The page without a link opens this experiment: its two panels fit any first screen. */
export const LANDING = 'relu-vs-tanh';

/**
 * @returns {{experiment?: Experiment, variant?: object}} by URL ids; without a variant id, the
 *     variant that is the experiment itself (no overrides), if it has one.
 */
export function findExperiment(expId, variantId) {
  const experiment = EXPERIMENTS.find((e) => e.id === expId);
  const variants = experiment?.variants || [];
  const own = (v) =>
      Object.entries(v.settings)
          .every(
              ([key, value]) => JSON.stringify(experiment.settings[key]) === JSON.stringify(value));
  const variant = variantId ? variants.find((v) => v.id === variantId) : variants.find(own);
  return {experiment, variant};
}

/**
 * @param {Experiment} experiment
 * @param {object} settings the page's settings
 * @param {string[]} left the keys where settings differ from the experiment's own
 * @returns {object|undefined} the action whose settings are exactly what differs, if any
 */
export function actionTaken(experiment, settings, left) {
  return (experiment.actions || []).find((a) => {
    const keys = Object.keys(a.settings);
    return keys.length === left.length &&
        keys.every((k) => left.includes(k) && String(settings[k]) === String(a.settings[k]));
  });
}
