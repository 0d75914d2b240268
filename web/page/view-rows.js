// The page's view rows: how the panels are drawn and played (field resolution, speed, slow start,
// discretized fields, linear regions, test points, the settings form), never the networks. The
// figure takes the few it shows from here too.

// The paces the speed control offers, in epochs per display frame (60 per second).
const PACES = [1 / 32, 1 / 16, 1 / 8, 1 / 4, 1 / 2, 1, 2, 5, 10, 20, 50];

function paceText(pace) {
  return pace < 1 ? `1/${Math.round(1 / pace)} epoch per frame` :
                    `${pace} epoch${pace === 1 ? '' : 's'} per frame`;
}

/** The fields' grid; its range is core's field grid. */
export function resRow(limits) {
  return {
    key: 'res',
    type: 'int',
    group: 'view',
    label: 'Field resolution',
    default: 128,
    min: limits.minFieldResolution,
    max: limits.maxFieldResolution,
    step: 32,
    effect: 'view',
    view: 'resolution',
  };
}

export const SPEED_ROW = {
  key: 'speed',
  type: 'number',
  group: 'view',
  label: 'Speed',
  default: 1,
  min: PACES[0],
  max: PACES.at(-1),
  choices: PACES.map((pace) => [pace, paceText(pace)]),
  meaning: 'epochs trained per screen frame (60 frames a second) once the slow start is over',
  effect: 'pace',
};

export const EASE_ROW = {
  key: 'ease',
  type: 'bool',
  group: 'view',
  label: 'Slow start',
  default: true,
  meaning: 'begin at 1/32 epoch per frame and double the pace every 4 epochs up to Speed',
  effect: 'pace',
};

export const DISCRETIZE_ROW = {
  key: 'discretize',
  type: 'bool',
  group: 'view',
  label: 'Discretize',
  default: false,
  effect: 'redraw'
};

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

export const TEST_ROW = {
  key: 'test',
  type: 'bool',
  group: 'view',
  label: 'Show test data',
  default: false,
  effect: 'redraw'
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
