// The figure's wasm builds (dist/embed/: arenas only, wasm/CMakeLists.txt) under the library's
// loader: they train, draw and replay exactly what the library's builds (dist/js/) do, for every
// arena call the element's worker makes, and what they leave out fails naming the call.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';

// RELU_LAB_DIST (a folder) lets a developer point at another build of dist/.
const dist = process.env.RELU_LAB_DIST ? pathToFileURL(`${process.env.RELU_LAB_DIST}/`).href :
                                         new URL('../../dist/', import.meta.url).href;
const {loadReluLab} = await import(new URL('js/relu-lab.mjs', dist).href);
const FIGURE_BUILDS = new URL('embed/', dist);

const BACKENDS = ['wasm-simd128', 'wasm-scalar'];
const SETTINGS = [
  {dataset: 'spiral', activations: ['relu', 'prelu', 'gelu', 'tanh'], seed: 7, batchNorm: true},
  {dataset: 'reg-gauss', activations: ['leaky_relu', 'silu'], features: ['x1', 'x2', 'x1x2']},
  {dataset: 'moons', activations: ['elu', 'softplus'], dropout: 0.2, optimizer: 'momentum'},
];

// Everything the element's worker reads from an arena (web/trainer/), after a few epochs, a
// live change and a replayed epoch's parameters.
function run(lab, settings) {
  const arena = lab.createArena(settings);
  try {
    const seen = {settings: arena.settings(), data: arena.data()};
    arena.trainSteps(30);
    const kept = arena.params(0);
    arena.train(3);
    arena.update({lr: 0.005});
    arena.train(2);
    seen.metrics = arena.metrics();
    seen.fields = Array.from({length: arena.size}, (_, i) => arena.field(i, 48));
    seen.regions = Array.from({length: arena.size}, (_, i) => arena.regions(i, 48));
    arena.setParams(0, kept);
    seen.replayed = arena.field(0, 48);
    return seen;
  } finally {
    arena.delete();
  }
}

for (const backend of BACKENDS) {
  test(`${backend}: the figure's build trains what the library's does, bit for bit`, async () => {
    const library = await loadReluLab({backend});
    const figure = await loadReluLab({backend, builds: FIGURE_BUILDS});
    assert.equal(figure.backend, backend);
    assert.deepEqual(figure.schema, library.schema);
    for (const settings of SETTINGS) {
      assert.deepEqual(run(figure, settings), run(library, settings), JSON.stringify(settings));
    }
  });
}

test('what the figure\'s build leaves out fails naming the call', async () => {
  const figure = await loadReluLab({builds: FIGURE_BUILDS});
  const leftOut = /not in the figure's build \(dist\/embed\/\): use dist\/js\/'s/;
  assert.throws(() => figure.activate('relu', {}, new Float32Array(4)), /^Error: activate: /);
  assert.throws(() => figure.activate('relu', {}, new Float32Array(4)), leftOut);
  assert.throws(
      () => figure.networkFromJSON('{}'),
      (e) => /^networkFromJSON: /.test(e.message) && leftOut.test(e.message));
  // The detail view's and the weight editor's calls: not bound at all.
  const arena = figure.createArena({activations: ['relu']});
  try {
    for (const call
             of [() => arena.model(0), () => arena.unitField(0, 0, 0, 32),
                () => arena.unitActivity(0, 32), () => arena.setWeight(0, 0, 0, 0, 1),
                () => arena.setBias(0, 0, 0, 1)]) {
      assert.throws(call, TypeError);
    }
  } finally {
    arena.delete();
  }
  // The library's build has them all.
  const library = await loadReluLab();
  assert.equal(library.activate('relu', {}, Float32Array.of(-1, 2)).y[1], 2);
  const lib = library.createArena({activations: ['relu']});
  assert.equal(lib.model(0).format, 'relu-lab/model');
  lib.delete();
});
