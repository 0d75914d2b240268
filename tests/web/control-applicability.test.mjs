// The page's rules derived from core's schema, in Node: which settings do not apply (and why),
// which changes are live, and the names classroom mode's hide= accepts.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {inapplicable} from '../../web/page/control-applicability.js';
import {pageTable} from '../../web/page/page-table.js';
import {liveUpdate} from '../../web/settings/to-core.js';

const {loadReluLab} = await import(new URL('../../dist/js/relu-lab.mjs', import.meta.url).href);
const table = pageTable((await loadReluLab()).schema);

test('settings that do not apply come from appliesWhen and the panels, with a reason', () => {
  const s = {...table.defaults(), optimizer: 'adam', activations: ['relu', 'tanh']};
  const off = inapplicable(table, s);
  assert.equal(
      off.get('optimizer.momentum'), 'only used with optimizer momentum or nesterov (now adam)');
  assert.equal(off.has('optimizer.beta1'), false);
  assert.equal(off.get('slope'), 'no Leaky ReLU panel');
  assert.equal(off.get('preluInit'), 'no PReLU panel');
  assert.equal(off.has('lr'), false);
  const sgd = inapplicable(table, {...s, optimizer: 'nesterov', activations: ['leaky_relu']});
  assert.equal(sgd.has('optimizer.momentum'), false);
  assert.match(sgd.get('optimizer.beta2'), /only used with optimizer adam/);
  assert.equal(sgd.has('slope'), false);
  // Every Leaky ReLU panel sets its own slope: the shared control changes nothing.
  const own = inapplicable(table, {...s, activations: ['leaky_relu:0.2', 'relu']});
  assert.equal(own.get('slope'), 'each Leaky ReLU panel sets its own slope (in Panels)');
});

test('live rows come from core: lr and penalties update, layers and the optimizer restart', () => {
  const s = {...table.defaults(), lr: 0.003, 'optimizer.momentum': 0.5};
  assert.deepEqual(liveUpdate(table, 'lr', s), {lr: 0.003});
  assert.deepEqual(liveUpdate(table, 'optimizer.momentum', s), {optimizer: {momentum: 0.5}});
  assert.equal(liveUpdate(table, 'layers', s), null);
  assert.equal(liveUpdate(table, 'speed', s), null);
  assert.equal(table.row('lr').effect, 'live');
  assert.equal(table.row('optimizer').effect, 'arena');
  assert.equal(table.row('slope').effect, 'arena');
});

test('hide= keeps known names once, in order, and names the unknown', () => {
  const {settings, notices} = table.parse('#hide=lr,chart,,lr,bogus,data,settings');
  assert.deepEqual(settings.hide, ['lr', 'chart', 'data', 'settings']);
  assert.equal(notices.length, 1);
  assert.match(notices[0], /^hide: "bogus" is not a part of the page that can be hidden/);
  assert.match(table.toHash(settings), /(^|&)hide=lr,chart,data,settings(&|$)/);
});
