// The page's view rows: how the panels are drawn and played (field resolution, speed, slow start,
// discretized fields, linear regions, test points, the settings form), never the networks. The
// rows the figure shows too live with their feature (panels/panel-rows.js,
// trainer/trainer-rows.js).
import {DISCRETIZE_ROW, resRow, TEST_ROW} from '../panels/panel-rows.js';
import {EASE_ROW, SPEED_ROW} from '../trainer/trainer-rows.js';

export const REGIONS_ROW = {
  key: 'regions',
  type: 'bool',
  group: 'view',
  label: 'Linear regions',
  default: false,
  meaning: 'count each ReLU-like panel\'s linear regions and draw their borders',
  effect: 'view',
  view: 'regions',
};

export const CONTROLS_ROW = {
  key: 'controls',
  type: 'bool',
  group: 'view',
  label: 'Show controls',
  default: true,
  effect: 'redraw'
};

/** @returns {object[]} the view rows in the page's URL order. */
export function viewRows(limits) {
  return [resRow(limits), SPEED_ROW, EASE_ROW, DISCRETIZE_ROW, REGIONS_ROW, TEST_ROW, CONTROLS_ROW];
}
