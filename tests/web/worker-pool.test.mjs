// web/trainer/worker-pool.js in Node with stand-in workers (fake-workers.mjs): the one scheduler.
// Several workers are asked exact optimizer steps, one worker paces itself; Step waits for the
// arena and for a pause to settle; a pause ends with all workers at one step; changes reach the
// right worker; a request to a rebuilt arena fails rather than hangs. The pace's clock is made up,
// never measured.
import assert from 'node:assert/strict';
import {afterEach, beforeEach, mock, test} from 'node:test';

import {answer, FRAMES_IN_FLIGHT, MSG, msg, request} from '../../web/trainer/protocol.js';

import {created, fakePool, frame} from './fake-workers.mjs';

let clock = 0;
beforeEach(() => {
  clock = 0;
  mock.method(performance, 'now', () => clock);
  mock.timers.enable({apis: ['setTimeout']});
});
afterEach(() => {
  mock.timers.reset();
  mock.restoreAll();
});

const steps = (worker) => worker.take(MSG.step).map((m) => m.steps);
const types = (heard) => heard.map((m) => m.type);

// A pool of `size` with arena 1 of `names` built (trainCount / batch: steps per epoch), its
// workers' mailboxes emptied.
function built(size, names, trainCount = 10, batchSize = 5) {
  const setup = fakePool(size);
  setup.pool.create({generation: 1, settings: {activations: names}, view: {resolution: 64}});
  setup.shares = setup.workers.map((w) => w.take(MSG.create)[0]?.share ?? null);
  setup.pool.gen.shares.forEach((share, w) => {
    setup.workers[w].say(
        created(1, share ? share.map((i) => names[i]) : names, trainCount, batchSize));
  });
  for (const worker of setup.workers) worker.sent = [];
  return setup;
}

test('a Step before the arena exists waits for it, then trains to the end of the epoch', () => {
  const {pool, workers, heard} = fakePool(1);
  pool.create({generation: 1, settings: {activations: ['relu', 'tanh']}, view: {resolution: 64}});
  assert.equal(workers[0].take(MSG.create).length, 1);
  pool.step({epochs: 1});
  assert.deepEqual(steps(workers[0]), [], 'the epoch length is not known yet');
  workers[0].say(created(1, ['relu', 'tanh'], 20, 5));
  assert.deepEqual(types(heard), [MSG.loaded, MSG.created]);
  assert.deepEqual(steps(workers[0]), [4], 'one epoch of 20 rows in batches of 5');
  pool.step({batches: 1});
  pool.step({epochs: 2});
  assert.deepEqual(steps(workers[0]), [1, 3 + 4], 'from step 5: to the boundary, then an epoch');
});

test('two workers: their frames at one step are one frame, and both go on once it is drawn', () => {
  const {pool, workers, shares, heard} = built(2, ['relu', 'tanh', 'elu']);
  assert.deepEqual(shares, [[0, 2], [1]]);
  assert.deepEqual(heard.at(-1).panels.map((p) => p.activation), ['relu', 'tanh', 'elu']);
  pool.step({batches: 3});
  assert.deepEqual(workers.map(steps), [[3], [3]], 'every worker the same exact steps');
  workers[0].say(frame(1, 3, 2));
  assert.notEqual(heard.at(-1).type, MSG.frame, 'half a frame is not drawn');
  workers[1].say(frame(1, 3, 1));
  const joined = heard.at(-1);
  assert.equal(joined.type, MSG.frame);
  assert.equal(joined.metrics.length, 3);
  assert.deepEqual(workers.map((w) => w.take(MSG.drawn)), [[], []], 'not acknowledged yet');
  pool.drawn(1);
  assert.deepEqual(workers.map((w) => w.take(MSG.drawn)), [[msg.drawn(1)], [msg.drawn(1)]]);
});

test(
    'several workers are paced by the pool: exact steps, never play, and at most ' +
        `${FRAMES_IN_FLIGHT} requests go undrawn`,
    () => {
      const {pool, workers, heard} = built(2, ['relu', 'tanh']);  // 2 steps per epoch
      pool.step({batches: 1});
      pool.step({batches: 1});
      pool.play({speed: 1, ease: false});
      clock += 100;
      mock.timers.tick(100);
      assert.deepEqual(workers.map(steps), [[1, 1], [1, 1]], 'two requests in flight: play waits');
      assert.deepEqual(workers.map((w) => w.take(MSG.play)), [[], []]);
      for (const worker of workers) {
        worker.say(frame(1, 1, 1));
        worker.say(frame(1, 2, 1));
      }
      pool.drawn(1);
      // 100 ms at one epoch per 60 Hz frame owe 6 epochs, capped at two frames' worth.
      assert.deepEqual(workers.map(steps), [[4], [4]]);
      assert.equal(types(heard).filter((t) => t === MSG.frame).length, 2);
    });

test(
    'one worker paces itself: play goes to it once (again at a new speed), never a step request',
    () => {
      const {pool, workers, heard} = built(1, ['relu', 'tanh']);
      const [worker] = workers;
      pool.play({speed: 1, ease: false, until: 8});
      clock += 100;
      mock.timers.tick(100);
      assert.deepEqual(worker.take(MSG.play), [msg.play({speed: 1, ease: false, until: 8})]);
      assert.deepEqual(steps(worker), []);
      // Its frames come as it trains, each handed out and acknowledged at once (it painted them).
      for (const at of [1, 3, 5]) worker.say({...frame(1, at, 1), painted: true});
      assert.deepEqual(heard.filter((m) => m.type === MSG.frame).map((m) => m.steps), [1, 3, 5]);
      assert.equal(worker.take(MSG.drawn).length, 3);
      assert.deepEqual(steps(worker), [], 'no request follows a frame');
      assert.deepEqual(worker.take(MSG.play), []);
      pool.play({speed: 2, ease: false, until: 8});
      assert.deepEqual(worker.take(MSG.play), [msg.play({speed: 2, ease: false, until: 8})]);
      // A pause stops it where it is: the frame of that step at the chosen resolution ends it.
      worker.sent = [];
      pool.pause();
      assert.deepEqual(worker.sent, [msg.view({movingResolution: 0}, false), msg.pause()]);
      worker.sent = [];
      worker.say(msg.paused(1, 6));
      worker.say({...frame(1, 6, 1), painted: true});
      assert.deepEqual(types(heard).slice(-2), [MSG.frame, MSG.paused]);
      assert.equal(heard.at(-2).steps, 6);
      pool.play({speed: 2, ease: false, until: 8});
      assert.deepEqual(worker.take(MSG.play).length, 1, 'play again after the pause');
    });

test('one worker takes changes as it plays, and the page hears the step it applied them at', () => {
  const {pool, workers} = built(1, ['relu', 'tanh']);
  const [worker] = workers;
  pool.play({speed: 1, ease: false});
  worker.say({...frame(1, 3, 1), painted: true});
  const heardSteps = [];
  pool.update(1, {lr: 0.5}, (step) => heardSteps.push(step));
  pool.update(1, {lr: 0.25}, (step) => heardSteps.push(step));
  assert.equal(worker.take(MSG.update).length, 2, 'sent while it trains, not held');
  worker.say(msg.updated(1, '', 5));
  worker.say(msg.updated(1, '', 7));
  assert.deepEqual(heardSteps, [5, 7]);
  // The timeline takes over: the worker stops pacing, and the move goes to it after that.
  worker.sent = [];
  pool.show(1);
  assert.deepEqual(worker.sent.map((m) => m.type), [MSG.pause, MSG.show]);
});

test('the panels\' canvases go to the workers that train them, and every worker redraws', () => {
  const {pool, workers} = built(2, ['relu', 'tanh', 'elu']);
  const canvases = [{panel: 0}, {panel: 1}, {panel: 2}];
  pool.canvases(2, canvases);  // an arena that is not the pool's: its panels are gone
  assert.deepEqual(workers.map((w) => w.take(MSG.canvases)), [[], []]);
  pool.canvases(1, canvases);
  assert.deepEqual(
      workers.map((w) => w.take(MSG.canvases).map((m) => m.canvases)),
      [[[canvases[0], canvases[2]]], [[canvases[1]]]]);
  assert.deepEqual(workers.map((w) => w.take(MSG.view).length), [1, 1]);
});

test('a play limit stops the pace at that epoch exactly', () => {
  const {pool, workers} = built(2, ['relu', 'tanh']);  // 2 steps per epoch
  pool.play({speed: 5, ease: false, until: 1.5});
  clock += 1000;
  mock.timers.tick(1000);
  assert.deepEqual(workers.map(steps), [[3], [3]], 'one and a half epochs');
  for (const worker of workers) worker.say(frame(1, 3, 1));
  clock += 1000;
  pool.drawn(1);
  mock.timers.tick(1000);
  assert.deepEqual(workers.map(steps), [[], []]);
});

test('a pause stops all workers at the furthest one\'s step; one frame there ends it', () => {
  const {pool, workers, heard} = built(2, ['relu', 'tanh']);
  pool.step({batches: 4});
  workers.forEach(steps);
  pool.pause();
  for (const worker of workers) {
    assert.deepEqual(worker.sent, [msg.view({movingResolution: 0}, false), msg.pause()]);
    worker.sent = [];
  }
  workers[0].say(msg.paused(1, 4));
  workers[1].say(msg.paused(1, 2));  // stopped halfway
  assert.deepEqual(workers.map(steps), [[], [2]], 'the one behind catches up');
  workers[0].say(frame(1, 4, 1));  // its redraw at the chosen resolution
  workers[1].say(frame(1, 2, 1));  // the redraw where it stopped: dropped
  assert.deepEqual(workers[1].take(MSG.drawn), [msg.drawn(1)]);
  pool.step({batches: 1});  // asked while the pause settles: after it
  assert.deepEqual(workers.map(steps), [[], []]);
  workers[1].say(frame(1, 4, 1));
  assert.deepEqual(types(heard).slice(-2), [MSG.frame, MSG.paused]);
  assert.equal(heard.at(-2).steps, 4);
  assert.deepEqual(workers.map(steps), [[1], [1]]);
});

test('a worker\'s frame after its own \'paused\' ends the pause, and one before it never', () => {
  const {pool, workers, heard} = built(2, ['relu', 'tanh']);
  pool.step({batches: 4});
  workers.forEach(steps);
  pool.pause();
  workers[0].say(frame(1, 4, 1, {resolution: 32}));  // a training frame on its way: passed over
  workers[0].say(msg.paused(1, 4));
  workers[0].say(frame(1, 4, 1));  // where it stopped, while the other's 'paused' is on its way
  workers[1].say(frame(1, 4, 1));  // sent before its 'paused': passed over
  workers[1].say(msg.paused(1, 4));
  assert.equal(heard.filter((m) => m.type === MSG.paused).length, 0, 'not yet');
  workers[1].say(frame(1, 4, 1));
  assert.deepEqual(types(heard).slice(-2), [MSG.frame, MSG.paused]);
  assert.equal(heard.filter((m) => m.type === MSG.frame).length, 1, 'one frame ends it');
});

test('a Step asked while a pause settles counts from where the workers stopped', () => {
  const {pool, workers, heard} = built(1, ['relu'], 20, 5);  // 4 steps per epoch
  pool.step({batches: 3});
  steps(workers[0]);
  pool.pause();
  pool.step({epochs: 1});
  workers[0].say(msg.paused(1, 2));  // stopped at 2 of the 3 steps
  assert.deepEqual(steps(workers[0]), [2], 'from step 2 to the epoch\'s end at 4');
  workers[0].say(frame(1, 4, 1));
  assert.equal(heard.at(-2).steps, 4);
  assert.equal(heard.at(-1).type, MSG.paused);
});

test('an edit goes to the panel\'s worker in its numbering; updates go to all, errors once', () => {
  const {pool, workers, heard} = built(2, ['relu', 'tanh', 'elu']);
  pool.edit(1, {index: 2, layer: 0, unit: 1, value: 0.5});
  assert.deepEqual(
      workers[0].take(MSG.edit), [msg.edit(1, {index: 1, layer: 0, unit: 1, value: 0.5}, 0)]);
  assert.deepEqual(workers[1].take(MSG.edit), []);
  assert.deepEqual(workers.map((w) => w.take(MSG.view).length), [1, 1], 'both redraw');
  pool.edit(1, {index: 7, layer: 0, unit: 0, value: 1});
  assert.deepEqual(heard.at(-1), msg.edited(1, 'there is no panel 7'));
  pool.edit(0, {index: 0, layer: 0, unit: 0, value: 1});
  assert.deepEqual(workers.map((w) => w.take(MSG.edit)), [[], []], 'an old arena\'s edit');
  pool.update(1, {lr: 0.5});
  assert.deepEqual(
      workers.map((w) => w.take(MSG.update)),
      [[msg.update(1, {lr: 0.5}, 0)], [msg.update(1, {lr: 0.5}, 0)]]);
  const before = heard.length;
  workers[0].say(msg.updated(1, ''));
  workers[0].say(msg.updated(1, 'lr: out of range'));
  workers[1].say(msg.updated(1, 'lr: out of range'));
  assert.deepEqual(heard.slice(before), [msg.updated(1, 'lr: out of range')]);
});

test('changes wait for every worker at rest and name that step; after a Continue, its step', () => {
  const {pool, workers} = built(2, ['relu', 'tanh']);
  pool.step({batches: 7});
  pool.update(1, {lr: 0.5});
  pool.edit(1, {index: 1, layer: 0, unit: 0, value: 2});
  assert.deepEqual(workers.map((w) => w.take(MSG.update)), [[], []], 'not while training');
  workers[0].say(frame(1, 7, 1));
  workers[1].say(frame(1, 7, 1));
  pool.drawn(1);
  assert.deepEqual(
      workers.map((w) => w.take(MSG.update)),
      [[msg.update(1, {lr: 0.5}, 7)], [msg.update(1, {lr: 0.5}, 7)]]);
  assert.deepEqual(
      workers[1].take(MSG.edit), [msg.edit(1, {index: 0, layer: 0, unit: 0, value: 2}, 7)]);
  // Continue from epoch 1 (2 steps an epoch here), then an edit: it lands on the continued run.
  pool.resume(1);
  pool.edit(1, {index: 0, layer: 0, unit: 1, value: 3});
  assert.deepEqual(workers.map((w) => w.take(MSG.resume).length), [1, 1]);
  assert.deepEqual(workers[0].take(MSG.edit), [], 'the edit waits for the replay');
  workers[0].say(frame(1, 2, 1));
  workers[1].say(frame(1, 2, 1));
  pool.drawn(1);
  assert.deepEqual(
      workers[0].take(MSG.edit), [msg.edit(1, {index: 0, layer: 0, unit: 1, value: 3}, 2)]);
});

test('continue from here: the workers\' replays are heard once, edits added up', () => {
  const {pool, heard} = built(2, ['relu', 'tanh', 'elu']);
  const resumed = (edits) => msg.resumed(1, {settings: {lr: 0.1}, dropped: {updates: 2, edits}});
  pool.fromWorker(resumed(1), 0);
  assert.equal(heard.filter((m) => m.type === MSG.resumed).length, 0, 'one worker is not all');
  pool.fromWorker(resumed(2), 1);
  assert.deepEqual(heard.filter((m) => m.type === MSG.resumed), [resumed(3)]);
});

test(
    'a fields-at request to an arena that is rebuilt fails instead of waiting forever',
    async () => {
      const {pool, workers} = built(2, ['relu', 'tanh']);
      pool.onmessage = ({data}) => answer(data);
      const asked = request(pool, MSG.fieldsAt, {epochs: [0], resolution: 8});
      const sent = workers.map((w) => w.take(MSG.fieldsAt));
      assert.deepEqual(sent.map((s) => s.length), [1, 1], 'sent to every worker at rest');
      workers[0].say(msg.answer(sent[0][0], {generation: 1, columns: []}));
      pool.create({generation: 2, settings: {activations: ['relu']}, view: {}});
      await assert.rejects(asked, /the networks were rebuilt/);
    });

test('terminate stops every worker', () => {
  const {pool, workers} = built(2, ['relu', 'tanh']);
  pool.terminate();
  assert.deepEqual(workers.map((w) => w.terminated), [true, true]);
});
