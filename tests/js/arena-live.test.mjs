// arena.update, setWeight and setBias through the JS API: the run goes on with the new values,
// restart settings and bad arguments are errors naming the call and the field.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';

const dist = process.env.RELU_LAB_DIST ? pathToFileURL(`${process.env.RELU_LAB_DIST}/`).href :
                                         new URL('../../dist/', import.meta.url).href;
const {loadReluLab} = await import(new URL('js/relu-lab.mjs', dist).href);

for (const backend of ['wasm-simd128', 'wasm-scalar']) {
  test(
      `${backend}: update keeps the epoch; an update at epoch 0 equals a fresh arena`, async () => {
        const lab = await loadReluLab({backend});
        const settings = {activations: ['relu', 'tanh'], optimizer: 'adam', lr: 0.3, seed: 1};
        const live = lab.createArena(settings);
        live.train(3);
        live.update({lr: 0.03, l2: 0.001});
        assert.equal(live.settings().lr, 0.03);
        assert.equal(live.metrics()[0].epoch, 3);
        live.train(2);
        assert.equal(live.metrics()[0].epoch, 5);
        const early = lab.createArena(settings);
        early.update({lr: 0.03});
        const fresh = lab.createArena({...settings, lr: 0.03});
        early.train(4);
        fresh.train(4);
        assert.deepEqual(early.model(0), fresh.model(0));
        assert.throws(
            () => live.update({layers: [3]}), /^Error: arena\.update: layers changes the data/);
        assert.throws(
            () => live.update({lr: 'fast'}), /^Error: arena\.update: lr: expected a number/);
        assert.throws(() => live.update(3), /^Error: arena\.update: settings must be an object/);
        for (const a of [live, early, fresh]) a.delete();
      });

  test(`${backend}: setWeight and setBias edit the model and the field`, async () => {
    const lab = await loadReluLab({backend});
    const arena = lab.createArena({activations: ['relu'], layers: [3]});
    const before = arena.field(0, 32);
    arena.setWeight(0, 1, 0, 2, -4);
    arena.setBias(0, 0, 1, 0.5);
    const model = arena.model(0);
    assert.equal(model.layers[1].W[0][2], -4);
    assert.equal(model.layers[0].b[1], 0.5);
    assert.notDeepEqual(arena.field(0, 32), before);
    assert.throws(
        () => arena.setWeight(0, 1, 0, 3, 1),
        /^Error: arena\.setWeight: input 3 is outside 0\.\.2$/);
    assert.throws(
        () => arena.setBias(0, 0, 0, NaN), /^Error: arena\.setBias: value nan is not a finite/);
    assert.throws(
        () => arena.setWeight(0, 0, 0, 0, '1'), /^Error: arena\.setWeight: value must be a number/);
    assert.throws(
        () => arena.setWeight(0.5, 0, 0, 0, 1),
        /^Error: arena\.setWeight: index must be an integer/);
    arena.delete();
  });
}
