// The settings table in Node: core's rows take their effect from core's `change`, every row of the
// page declares a known effect (the page's changeSetting looks it up), and a table built from
// wrong rows fails at once rather than on a reader's link.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {OWN_DATA_ROW} from '../../web/data/own-data.js';
import {pageTable} from '../../web/page/page-table.js';
import {bootValue} from '../../web/settings/boot-keys.js';
import {EFFECTS, SettingsTable} from '../../web/settings/settings-table.js';

const {loadReluLab} = await import(new URL('../../dist/js/relu-lab.mjs', import.meta.url).href);
const schema = (await loadReluLab()).schema;

test('core\'s live settings are live rows; every other core row needs new networks', () => {
  const table = new SettingsTable(schema, [OWN_DATA_ROW]);
  const live = schema.settings.filter((s) => s.change === 'live').map((s) => s.key);
  assert.ok(live.includes('lr') && live.length >= 4, live.join());
  for (const row of table.rows) {
    assert.equal(row.effect, live.includes(row.core) ? 'live' : 'arena', row.key);
  }
});

test('every page row declares a known effect; view rows name the worker\'s view field', () => {
  const table = pageTable(schema);
  const byEffect = {};
  for (const row of table.rows) {
    assert.ok(EFFECTS.includes(row.effect), row.key);
    (byEffect[row.effect] ??= []).push(row.key);
  }
  assert.deepEqual(byEffect.reload, ['backend', 'workers']);
  assert.deepEqual(byEffect.view, ['res', 'regions']);
  assert.deepEqual(byEffect.pace, ['speed', 'ease']);
  assert.deepEqual(
      table.rows.filter((r) => r.effect === 'view').map((r) => r.view), ['resolution', 'regions']);
});

test('a table from wrong rows throws when it is built', () => {
  const row = {key: 'x', type: 'bool', default: false, effect: 'redraw'};
  const table = (...rows) => new SettingsTable(schema, [OWN_DATA_ROW, ...rows]);
  assert.ok(table(row).row('x'));
  assert.throws(() => table(row, row), /x is declared twice/);
  assert.throws(() => table({...row, effect: 'soon'}), /no known effect/);
  assert.throws(() => table({...row, effect: 'view'}), /no view field/);
  assert.throws(() => table({...row, effect: 'live'}), /not core's/);
  assert.throws(() => table({...row, type: 'colour'}), /no parse/);
  assert.throws(() => table({core: 'colour', label: 'Colour'}), /no core colour/);
  // Core's own data is read by its row's parse (data/own-data.js), which a table must be given.
  assert.throws(() => new SettingsTable(schema), /row data has type data but no parse/);
});

test('a boot key is its row\'s value, or its default for anything bad', () => {
  const row = {key: 'n', type: 'int', default: 0, min: 0, max: 4};
  assert.equal(bootValue('#n=3&lr=1', row), 3);
  for (const bad of ['#n=5', '#n=-1', '#n=1.5', '#n=', '#n=x', '', '#m=2']) {
    assert.equal(bootValue(bad, row), 0, bad);
  }
});
