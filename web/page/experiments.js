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

// What a text may quote of a run, read at the run's stop epoch (or the fact's own `at`) on the
// experiment's seed; tests/web/experiment-facts.test.mjs trains every experiment and variant and
// checks each one. `panel` is the panel's index in the experiment's activations, or a list of
// them: the fact holds for each.
const dead = (panel, value, at) => ({panel, metric: 'dead', value, at});
const accuracy = (panel, percent, at) => ({panel, metric: 'accuracy', value: percent, at});
const regions = (panel, value, at) => ({panel, metric: 'regions', value, at});
const alpha = (panel, layer, value, at) => ({panel, metric: 'alpha', layer, value, at});
const negativeAlphas = (panel, layer, value, at) =>
    ({panel, metric: 'negativeAlphas', layer, value, at});
// R² of a regression's test points, to two decimals.
const r2 = (panel, value, at) => ({panel, metric: 'r2', value, at});
// 'round' or 'corners': how the boundary around the circle's centre looks (how sharply it turns).
const shape = (panel, value, at) => ({panel, metric: 'shape', value, at});

/** @returns {string} a fact as its text quotes it. */
export function factText(fact) {
  if (fact.metric === 'accuracy') return `${fact.value.toFixed(1)}%`;
  if (fact.metric === 'alpha') return fact.value.toFixed(1);
  if (fact.metric === 'r2') return fact.value.toFixed(2);
  if (fact.metric === 'shape') return fact.value === 'corners' ? 'sharp corners' : fact.value;
  return String(fact.value);
}

/** @returns {string} `text` with each {name} replaced by the quoted value of facts[name]. */
export function withFacts(text, facts = {}) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => (facts[name] ? factText(facts[name]) : whole));
}

/**
 * @typedef {object} Experiment
 * @property {string} id used in the URL-free button ids and tests
 * @property {string} title
 * @property {string} text what to watch, 2-5 sentences; {name} quotes facts[name]
 * @property {object} settings overrides on top of the defaults
 * @property {number} stop the epoch the text is about: the run pauses there
 * @property {Object<string, object>} facts the numbers the text quotes (dead, accuracy, ...)
 * @property {{id: string, label: string, settings: object, note?: string, stop?: number,
 *     facts?: object}[]} [variants] one-click alternatives: a note (with its own facts) on top of
 *     the text, and their own stop epoch if the note is about another moment
 * @property {{id: string, label: string, settings: object, note: string}[]} [actions] changes
 *     of live settings (lab.schema's change: 'live') applied to the running networks
 */

/** @type {readonly Experiment[]} */
export const EXPERIMENTS = Object.freeze([
  {
    id: 'relu-vs-tanh',
    title: 'ReLU vs tanh',
    text: 'The classic figure. ReLU is piecewise linear: its output is {reluRegions} flat ' +
        'pieces ("Linear regions" under View shows them), so it cuts the disc out with ' +
        'straight edges meeting in {reluShape}. Tanh is smooth and bends a {tanhShape} ' +
        'envelope. Both separate the test points ({reluAcc}, {tanhAcc}). A little weight ' +
        'decay (L2 0.003) keeps tanh\'s curve gentle: see "no weight decay".',
    settings: {activations: ['relu', 'tanh'], layers: [6], lr: 0.03, noise: 0.05, l2: 0.003},
    stop: 50,
    facts: {
      reluRegions: regions(0, 23),
      reluShape: shape(0, 'corners'),
      tanhShape: shape(1, 'round'),
      reluAcc: accuracy(0, 99.6),
      tanhAcc: accuracy(1, 99.6),
    },
    variants: [
      {
        id: 'three',
        label: '3 units',
        settings: {layers: [3], seed: 5},
        note: 'Three units: ReLU has three straight cuts, and they close a triangle around the ' +
            'disc with {reluShape} ({reluRegions} linear regions, {reluDead} units dead, ' +
            '{reluAcc}); tanh\'s three units still bend a {tanhShape} curve ({tanhAcc}). This ' +
            'variant uses seed 5: with seed 1, two of the three ReLU units die at once and one ' +
            'straight cut is all that is left.',
        facts: {
          reluShape: shape(0, 'corners'),
          reluRegions: regions(0, 6),
          reluDead: dead(0, 0),
          reluAcc: accuracy(0, 98.8),
          tanhShape: shape(1, 'round'),
          tanhAcc: accuracy(1, 99.2),
        },
      },
      {id: 'six', label: '6 units', settings: {}},
      {
        id: 'deep',
        label: '8, 8 units',
        settings: {layers: [8, 8]},
        note: 'Two layers: many more, smaller facets ({reluRegions} linear regions), but ' +
            'ReLU\'s boundary is still straight pieces meeting in {reluShape}; tanh\'s stays ' +
            '{tanhShape}.',
        facts: {
          reluRegions: regions(0, 165),
          reluShape: shape(0, 'corners'),
          tanhShape: shape(1, 'round'),
        },
      },
      {
        id: 'no-l2',
        label: 'no weight decay',
        settings: {l2: 0},
        stop: 400,
        note: 'Without weight decay tanh\'s weights grow as it trains, and its curve sharpens: ' +
            '{tanhEarly} at epoch 5, it has {tanhShape} by epoch 400, where this variant ' +
            'pauses. A smooth function can come as close to a corner as its weights allow; ' +
            'ReLU\'s corners are there from the start ({reluShape} at epoch 5).',
        facts: {
          tanhEarly: shape(1, 'round', 5),
          tanhShape: shape(1, 'corners'),
          reluShape: shape(0, 'corners', 5),
        },
      },
    ],
  },
  {
    id: 'dying-in-training',
    title: 'Dying while training',
    text: 'A learning rate too high for Adam (0.3): in the first few epochs large steps push ' +
        'some ReLU units below zero on every training point. Their slope there is 0, so no ' +
        'gradient ever reaches them again: they are dead, and the count under the ReLU panel ' +
        'climbs, to {reluDead} of 16 with this seed. ReLU still separates the circle ' +
        '({reluAcc}): the units left alive are enough for it. Leaky ReLU and ELU keep a slope ' +
        'below zero and lose none ({othersDead} dead in either). Lower the rate while it ' +
        'trains and the count stops climbing, but that brings no unit back: no gradient ' +
        'reaches a dead unit at any rate. A second-layer unit can still come back when the ' +
        'first layer changes its inputs (on 12 of 20 seeds here: the claims below count ' +
        'them). Or restart with one of the cures below.',
    settings: {
      activations: ['relu', 'leaky_relu', 'elu'],
      layers: [8, 8],
      optimizer: 'adam',
      lr: 0.3,
      seed: 1,
    },
    stop: 20,
    facts: {
      reluDead: dead(0, 7),
      reluAcc: accuracy(0, 100),
      othersDead: dead([1, 2], 0),
    },
    actions: [{
      id: 'lower-lr',
      label: 'Lower lr to 0.03 now',
      settings: {lr: 0.03},
      note: 'The rate is now 0.03 and training goes on from where it was: the steps calm ' +
          'down and no more units die, but those already dead stay dead. The link of the page ' +
          'now records when the rate changed, so it replays this run.',
    }],
    variants: [
      {id: 'lr03', label: 'lr 0.3 (dies)', settings: {}},
      {
        id: 'lr01',
        label: 'lr 0.1',
        settings: {lr: 0.1},
        note: 'Smaller steps: {reluDead} ReLU unit dies instead of 7.',
        facts: {reluDead: dead(0, 1)},
      },
      {
        id: 'lr003',
        label: 'cure: lr 0.03',
        settings: {lr: 0.03},
        note: 'A tenth of the rate: no unit dies ({reluDead}). This is the cure that works here.',
        facts: {reluDead: dead(0, 0)},
      },
      {
        id: 'bias',
        label: 'bias 0.1',
        settings: {bias: 0.1},
        note: 'Starting every bias at 0.1 keeps units alive at the start, but it does not stop ' +
            'steps this large from killing them: more die here ({reluDead} of 16), not fewer.',
        facts: {reluDead: dead(0, 12)},
      },
      {
        id: 'l2',
        label: 'L2 0.001',
        settings: {l2: 0.001},
        note: 'A weight penalty pulls weights (not biases) towards 0; at this rate it does not ' +
            'revive dead units, and more die ({reluDead} of 16). Played on, the run is ' +
            'unstable: Adam\'s large steps and the penalty throw the other networks off too, ' +
            'and by epoch 200 ELU is at {eluLater} and Leaky ReLU at {leakyLater}. The cure is ' +
            'the step size.',
        facts: {
          reluDead: dead(0, 11),
          eluLater: accuracy(2, 49.2, 200),
          leakyLater: accuracy(1, 78.8, 200),
        },
      },
    ],
  },
  {
    id: 'batch-norm-cure',
    title: 'Batch norm as a cure',
    // With Adam at lr 0.3 batch norm and dropout leave more units dead, not fewer
    // (tools/dead_units_experiment.mjs), so this experiment uses plain SGD.
    text: 'Plain SGD with a step far too large (lr 2): the first updates switch most ReLU ' +
        'units off on every training point ({reluDead} of 16 dead by epoch 20 with this seed) ' +
        'and ReLU sticks near chance ({reluAcc}). Leaky ReLU, whose slope of 0.01 lets only a ' +
        'trickle of gradient through, is stuck too for now ({leakyAcc}); ELU learns ' +
        '({eluAcc}). Batch norm re-centres each unit\'s input on every batch, so a large step ' +
        'rarely turns a unit off for good. Dropout is no cure here; with Adam (\'Dying while ' +
        'training\') neither is batch norm.',
    settings: {
      activations: ['relu', 'leaky_relu', 'elu'],
      layers: [8, 8],
      optimizer: 'sgd',
      lr: 2,
      seed: 4,
    },
    stop: 20,
    facts: {
      reluDead: dead(0, 13),
      reluAcc: accuracy(0, 50.4),
      leakyAcc: accuracy(1, 50.4),
      eluAcc: accuracy(2, 100),
    },
    variants: [
      {id: 'sgd-plain', label: 'SGD lr 2 (dies)', settings: {}},
      {
        id: 'sgd-bn',
        label: 'cure: batch norm',
        settings: {batchNorm: true},
        stop: 100,
        note: 'The same steps through batch normalisation: at epoch 100 only {reluDead} ReLU ' +
            'units are dead and ReLU is at {reluAcc}; Leaky ReLU is at {leakyAcc}, ELU at ' +
            '{eluAcc}. It slows the dying rather than ending it: played on, more units die ' +
            '({reluDeadLater} by epoch 200).',
        facts: {
          reluDead: dead(0, 2),
          reluAcc: accuracy(0, 100),
          leakyAcc: accuracy(1, 95.6),
          eluAcc: accuracy(2, 99.6),
          reluDeadLater: dead(0, 6, 200),
        },
      },
      {
        id: 'sgd-dropout',
        label: 'dropout 0.1',
        settings: {dropout: 0.1},
        note: 'Dropout keeps more ReLU units alive with this seed ({reluDead} dead, ReLU at ' +
            '{reluAcc}), but here ELU loses every unit instead ({eluDead} of 16, {eluAcc}).',
        facts: {
          reluDead: dead(0, 7),
          reluAcc: accuracy(0, 66.8),
          eluDead: dead(2, 16),
          eluAcc: accuracy(2, 49.6),
        },
      },
      {
        id: 'sgd-lr01',
        label: 'cure: lr 0.1',
        settings: {lr: 0.1},
        note: 'A twentieth of the step: no unit dies ({reluDead}) and every network is at ' +
            '{reluAcc}. The step size remains the surest cure.',
        facts: {reluDead: dead(0, 0), reluAcc: accuracy(0, 100)},
      },
    ],
  },
  {
    id: 'dying-relu',
    title: 'Dead at the start',
    text: 'Every bias starts at -1.5, which switches most ReLU units off on every training ' +
        'point before training begins: their gradient is zero, so they never learn — ' +
        '{reluDead} of 16 are dead and the ReLU network is stuck at {reluAcc}. Leaky ReLU and ' +
        'ELU start from the same weights but keep a small slope below zero: no dead units, ' +
        'and they learn ({leakyAcc} and {eluAcc}).',
    settings: {
      activations: ['relu', 'leaky_relu', 'elu'],
      layers: [8, 8],
      bias: -1.5,
      optimizer: 'adam',
      lr: 0.03,
    },
    stop: 20,
    facts: {
      reluDead: dead(0, 14),
      reluAcc: accuracy(0, 49.2),
      leakyAcc: accuracy(1, 98.8),
      eluAcc: accuracy(2, 100),
    },
    variants: [
      {id: 'bias-15', label: 'bias -1.5', settings: {}},
      {
        id: 'bias-05',
        label: 'bias -0.5',
        settings: {bias: -0.5},
        note: 'A milder negative start: fewer units begin dead ({reluDead} of 16), and the ' +
            'rest are enough for ReLU to learn ({reluAcc}).',
        facts: {reluDead: dead(0, 5), reluAcc: accuracy(0, 100)},
      },
      {
        id: 'bias01',
        label: 'cure: bias 0.1',
        settings: {bias: 0.1},
        note: 'A small positive bias (TF Playground\'s choice) starts every unit alive; one ' +
            'dies along the way ({reluDead}) and ReLU learns ({reluAcc}).',
        facts: {reluDead: dead(0, 1), reluAcc: accuracy(0, 100)},
      },
    ],
  },
  {
    id: 'leaky-vs-prelu',
    title: 'Leaky vs PReLU',
    text: 'Leaky ReLU keeps a fixed slope below zero (0.01 or 0.2 here); PReLU learns it, ' +
        'starting from 0.25 (the alpha under its panel, one per layer). On the circle the ' +
        'first layer\'s alpha turns negative ({firstAlpha} by epoch 150): each unit becomes a ' +
        'V, like |x|, which is just what a ring needs; the second layer\'s stays positive ' +
        '({secondAlpha}). All four networks separate the circle (each at {allAcc}); a ' +
        'learned slope need not look like one we would pick by hand.',
    settings: {
      activations: ['relu', 'leaky_relu:0.01', 'leaky_relu:0.2', 'prelu'],
      preluMode: 'shared',
      preluInit: 0.25,
    },
    stop: 150,
    facts: {
      firstAlpha: alpha(3, 0, -0.6),
      secondAlpha: alpha(3, 1, 0.6),
      allAcc: accuracy([0, 1, 2, 3], 100),
    },
    variants: [
      {id: 'shared', label: 'one alpha per layer', settings: {}},
      {
        id: 'channel',
        label: 'one alpha per unit',
        settings: {preluMode: 'channel'},
        note: 'Each unit learns its own alpha: {negative} of the first layer\'s 8 go negative, ' +
            'the rest stay positive (open the PReLU panel for them all).',
        facts: {negative: negativeAlphas(3, 0, 5)},
      },
    ],
  },
  {
    id: 'smooth-rectifiers',
    title: 'Smooth rectifiers',
    text: 'GELU, SiLU (Swish), softplus and ELU all look like ReLU for large inputs but are ' +
        'smooth around zero. Their boundaries come out {smoothShape} where ReLU\'s has ' +
        '{reluShape} (ELU is linear above zero: its curve is the least even). On this circle ' +
        'every one learns as fast as ReLU: all five are at {allAcc} by epoch 20 (softplus, ' +
        'the slowest, was at {softplusEarly} at epoch 10). Compare the curves in the loss ' +
        'chart and open panels to see each activation and its derivative.',
    settings: {activations: ['relu', 'gelu', 'silu', 'softplus', 'elu']},
    stop: 20,
    facts: {
      smoothShape: shape([1, 2, 3, 4], 'round'),
      reluShape: shape(0, 'corners'),
      allAcc: accuracy([0, 1, 2, 3, 4], 100),
      softplusEarly: accuracy(3, 98, 10),
    },
  },
  {
    id: 'init-matters',
    title: 'Initialisation',
    text: 'Four hidden layers make the starting weights matter. He initialisation keeps the ' +
        'signal\'s size through ReLU layers, and by epoch 50 ReLU, leaky and tanh are all at ' +
        '{learnedAcc}. Sigmoid\'s gradients vanish through four layers whatever the start: it ' +
        'stays at chance ({sigmoidAcc}). Try the variants: a small uniform start learns ' +
        'later, and a negative bias stops every network.',
    settings: {
      activations: ['relu', 'leaky_relu', 'tanh', 'sigmoid'],
      layers: [8, 8, 8, 8],
      init: 'he_normal',
      bias: 0.1,
      optimizer: 'sgd',
      lr: 0.03,
    },
    stop: 50,
    facts: {
      learnedAcc: accuracy([0, 1, 2], 100),
      sigmoidAcc: accuracy(3, 49.2),
    },
    variants: [
      {id: 'he', label: 'He (normal)', settings: {init: 'he_normal', bias: 0.1}},
      {
        id: 'uniform',
        label: 'uniform(-0.5, 0.5)',
        settings: {init: 'uniform', bias: 0.1},
        note: 'uniform(-0.5, 0.5) shrinks the signal layer by layer, so learning starts ' +
            'later: ReLU is still at chance at epoch 10 ({reluEarly}) and at {reluAcc} by 50, ' +
            'while tanh has only reached {tanhAcc}.',
        facts: {
          reluEarly: accuracy(0, 49.2, 10),
          reluAcc: accuracy(0, 100),
          tanhAcc: accuracy(2, 62.0),
        },
      },
      {
        id: 'bad',
        label: 'bad: uniform, bias -1',
        settings: {init: 'uniform', bias: -1},
        note: 'A bias of -1 on top of a small start kills every ReLU unit ({reluDead} of 32). ' +
            'It stops the others too: Leaky ReLU\'s and tanh\'s signal is so small after four ' +
            'layers that they stay at chance as well (both at {stuckAcc}).',
        facts: {reluDead: dead(0, 32), stuckAcc: accuracy([1, 2], 49.2)},
      },
    ],
  },
  {
    id: 'vanishing',
    title: 'Vanishing gradients',
    text: 'Six hidden layers trained with plain SGD. Sigmoid\'s slope is at most 0.25, so the ' +
        'gradient shrinks by that factor or more at every layer on its way back: the first ' +
        'layers hardly move and sigmoid stays at chance ({sigmoidAcc}), while ReLU (slope 1 ' +
        'where active) and tanh (slope up to 1) learn ({reluAcc} and {tanhAcc}). ReLU gets ' +
        'there with {reluDead} of its 48 units dead.',
    settings: {
      activations: ['relu', 'tanh', 'sigmoid'],
      layers: [8, 8, 8, 8, 8, 8],
      optimizer: 'sgd',
      lr: 0.1,
    },
    stop: 50,
    facts: {
      sigmoidAcc: accuracy(2, 49.2),
      reluAcc: accuracy(0, 100),
      tanhAcc: accuracy(1, 100),
      reluDead: dead(0, 5),
    },
    variants: [
      {id: 'six', label: '6 layers', settings: {}},
      {
        id: 'two',
        label: '2 layers',
        settings: {layers: [8, 8]},
        note: 'With two layers more gradient reaches sigmoid\'s first layer, but not enough at ' +
            'this rate: it wavers near chance ({sigmoidAcc} at epoch 50).',
        facts: {sigmoidAcc: accuracy(2, 62.8)},
      },
    ],
  },
  {
    id: 'spiral',
    title: 'Spiral',
    text: 'Two interleaved spirals are hard for small networks, and here the activations ' +
        'really part ways: watch which networks follow the arms and which give up on a ' +
        'straight cut. With this seed Leaky ReLU winds round first ({leakyEarly} at epoch 50), ' +
        'ELU follows ({eluAcc} at 200); ReLU ({reluAcc}) and tanh ({tanhAcc}) get most of it; ' +
        'sigmoid ({sigmoidAcc}) and linear ({linearAcc}) stay near chance.',
    settings: {
      dataset: 'spiral',
      activations: ['relu', 'leaky_relu', 'elu', 'tanh', 'sigmoid', 'linear'],
      layers: [8, 8, 8],
      lr: 0.01,
    },
    stop: 200,
    facts: {
      leakyEarly: accuracy(1, 98.8, 50),
      eluAcc: accuracy(2, 99.2),
      reluAcc: accuracy(0, 86.4),
      tanhAcc: accuracy(3, 85.2),
      sigmoidAcc: accuracy(4, 58.4),
      linearAcc: accuracy(5, 58.0),
    },
  },
  // Input features and regression: the two other axes of TF Playground.
  {
    id: 'features-do-the-work',
    title: 'Features do the work',
    text: 'Given X₁² and X₂² instead of the raw point, even a linear network separates the ' +
        'circle ({linearAcc} at epoch 20): the disc is where X₁² + X₂² is small, a straight cut ' +
        'in feature space. ReLU draws a {reluShape} boundary too ({reluAcc}), because its ' +
        'corners now live in feature space. Press the input tiles to swap features.',
    settings: {features: ['x1sq', 'x2sq'], activations: ['linear', 'relu'], layers: [4]},
    stop: 20,
    facts: {
      linearAcc: accuracy(0, 100.0),
      reluShape: shape(1, 'round'),
      reluAcc: accuracy(1, 100.0),
    },
    variants: [
      {id: 'squares', label: 'circle on X₁², X₂²', settings: {}},
      {
        id: 'raw',
        label: 'circle on X₁, X₂',
        settings: {features: ['x1', 'x2']},
        stop: 50,
        note: 'The raw point: the linear network can only draw a line through the disc ' +
            '({linearAcc} at epoch 50); ReLU has to cut the disc out of the plane with its ' +
            'hidden units, and its boundary has {reluShape} ({reluAcc}).',
        facts: {
          linearAcc: accuracy(0, 58.4),
          reluShape: shape(1, 'corners'),
          reluAcc: accuracy(1, 98.4),
        },
      },
      {
        id: 'xor-product',
        label: 'xor on X₁X₂',
        settings: {dataset: 'xor', features: ['x1x2']},
        note: 'xor is the sign of X₁X₂: with that one feature ReLU is at {reluEarly} after one ' +
            'epoch, and both networks reach {bothAcc} by epoch 20.',
        facts: {
          reluEarly: accuracy(1, 95.2, 1),
          bothAcc: accuracy([0, 1], 100.0),
        },
      },
    ],
  },
  {
    id: 'facets-vs-smooth',
    title: 'Facets vs smooth',
    text: 'A regression: the colour is now each network\'s output value, and the dots are the ' +
        'targets on the same scale. ReLU fits the six bumps with a surface of flat facets ' +
        'meeting at creases; tanh fits smooth hills. Both are trained on the mean squared error ' +
        'and scored by R² on the test points (1 is a perfect fit): tanh leads early ({tanhEarly} ' +
        'against {reluEarly} at epoch 20), ReLU catches up ({reluR2} against {tanhR2} at 200).',
    settings: {dataset: 'reg-gauss', activations: ['relu', 'tanh'], layers: [8, 8], lr: 0.01},
    stop: 200,
    facts: {
      tanhEarly: r2(1, 0.69, 20),
      reluEarly: r2(0, 0.37, 20),
      reluR2: r2(0, 0.76),
      tanhR2: r2(1, 0.72),
    },
    variants: [
      {id: 'gauss', label: 'six bumps', settings: {}},
      {
        id: 'plane',
        label: 'a plane',
        settings: {dataset: 'reg-plane'},
        stop: 50,
        note: 'A tilted plane: ReLU and tanh both fit it almost exactly within a few epochs ' +
            '(R² {bothEarly} at epoch 5).',
        facts: {bothEarly: r2([0, 1], 0.99, 5)},
      },
      {
        id: 'few-units',
        label: '4 units',
        settings: {layers: [4]},
        note: 'Four units in one layer: ReLU has few facets, so its creases are easy to see, and ' +
            'neither network fits the bumps well (R² {reluR2} for ReLU, {tanhR2} for tanh at ' +
            'epoch 200).',
        facts: {reluR2: r2(0, 0.32), tanhR2: r2(1, 0.62)},
      },
    ],
  },
]);

/** Every variant id of every experiment (the URL's `v` values). */
export const VARIANT_IDS =
    Object.freeze([...new Set(EXPERIMENTS.flatMap((e) => (e.variants || []).map((v) => v.id)))]);

/** The page without a link opens this experiment: its two panels fit any first screen. */
export const LANDING = 'relu-vs-tanh';

/** @returns {number} the epoch experiment `experiment`'s `variant` (if any) stops at. */
export function stopEpoch(experiment, variant) {
  return variant?.stop ?? experiment.stop;
}

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
