// The experiments about the shapes activations draw: corners against curves, the leaky and
// parametric rectifiers, the smooth ones, depth, and what input features do. Each is an
// Experiment (experiments.js), listed there.
import {accuracy, alpha, dead, negativeAlphas, r2, regions, shape} from './experiment-facts.js';

export const reluVsTanh = {
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
};

export const leakyVsPrelu = {
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
};

export const smoothRectifiers = {
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
};

export const vanishing = {
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
};

export const spiral = {
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
};

export const featuresDoTheWork = {
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
};

export const facetsVsSmooth = {
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
};
