// A run's live changes in its link (web/page/live-changes.js) in Node with core's schema: the
// live= key reads back what it wrote, bad entries are left out with a notice naming them, a link
// rebuilds the run from the values before the first change, and recording keeps the earliest
// "before" of changes at one step and drops a change that ends where it began.
import assert from 'node:assert/strict';
import {before, test} from 'node:test';

import {liveSchedule, recordChange, startSettings} from '../../web/page/live-changes.js';
import {pageTable} from '../../web/page/page-table.js';

const {loadReluLab} = await import(new URL('../../dist/js/relu-lab.mjs', import.meta.url).href);

let table;
before(async () => {
  table = pageTable((await loadReluLab()).schema);
});

test('live= round-trips, and is empty for a run without changes', () => {
  const {settings, notices} = table.parse('#lr=0.03&live=lr:0.3:75,optimizer.momentum:0.9:80');
  assert.deepEqual(notices, []);
  assert.deepEqual(settings.live, [
    {key: 'lr', value: 0.3, step: 75},
    {key: 'optimizer.momentum', value: 0.9, step: 80},
  ]);
  assert.match(table.toHash(settings), /(^|&)live=lr:0.3:75,optimizer.momentum:0.9:80(&|$)/);
  assert.deepEqual(table.parse(`#${table.toHash(settings)}`).settings.live, settings.live);
  assert.deepEqual(table.parse('#lr=0.03').settings.live, []);
});

test('entries that are not live changes are left out with a notice naming them', () => {
  const {settings, notices} = table.parse('#live=layers:8:3,lr:0.3:-1,lr:0.3,lr:0.3:x,nope:1:2');
  assert.deepEqual(settings.live, []);
  assert.equal(notices.length, 5);
  for (const n of notices) assert.match(n, /^live: ".*" is not a change "key:value:step"/);
  // A value out of the row's range is clamped as anywhere else, with that row's notice.
  const clamped = table.parse('#live=lr:1000:5');
  assert.deepEqual(clamped.settings.live, [{key: 'lr', value: 10, step: 5}]);
  assert.match(clamped.notices[0], /lr: 1000 is outside/);
});

test('a link starts from the values before the first change and replays each at its step', () => {
  const {settings} = table.parse('#lr=0.01&live=lr:0.3:75,lr:0.1:150');
  assert.equal(startSettings(settings).lr, 0.3);
  assert.equal(table.arenaSettings(startSettings(settings)).lr, 0.3);
  assert.deepEqual(liveSchedule(table, settings), [
    {step: 75, settings: {lr: 0.1}},
    {step: 150, settings: {lr: 0.01}},
  ]);
  const momentum = table
                       .parse(
                           '#optimizer=momentum&optimizer.momentum=0.5' +
                           '&live=optimizer.momentum:0.9:40')
                       .settings;
  assert.deepEqual(
      liveSchedule(table, momentum), [{step: 40, settings: {optimizer: {momentum: 0.5}}}]);
});

test('recording: one "before" per key and step, and no change that ends where it began', () => {
  const s = {lr: 0.1, live: []};
  let live = recordChange(s.live, {key: 'lr', value: 0.3, step: 75}, s);
  assert.deepEqual(live, [{key: 'lr', value: 0.3, step: 75}]);
  // Changed again at the same step (paused): the run still had 0.3 before it.
  live = recordChange(live, {key: 'lr', value: 0.1, step: 75}, {lr: 0.03});
  assert.deepEqual(live, [{key: 'lr', value: 0.3, step: 75}]);
  // And back to 0.3 at that step: nothing changed at all.
  assert.deepEqual(recordChange(live, {key: 'lr', value: 0.03, step: 75}, {lr: 0.3}), []);
  // A later step is a change of its own.
  assert.deepEqual(recordChange(live, {key: 'lr', value: 0.1, step: 90}, {lr: 0.03}), [
    {key: 'lr', value: 0.3, step: 75},
    {key: 'lr', value: 0.1, step: 90},
  ]);
});
