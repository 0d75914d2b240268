// The experiments about dead ReLUs: when units die (too high a learning rate, a bad start, a
// negative bias) and what cures it. Each is an Experiment (experiments.js), listed there.
import {accuracy, dead} from './experiment-facts.js';

export const dyingInTraining = {
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
};

export const batchNormCure = {
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
};

export const dyingRelu = {
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
};

export const initMatters = {
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
};
