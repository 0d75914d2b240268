// How the panels are drawn, as settings rows: the field's grid, discretized fields and the test
// points. The page's table and the figure's both take them.

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

export const DISCRETIZE_ROW = {
  key: 'discretize',
  type: 'bool',
  group: 'view',
  label: 'Discretize',
  default: false,
  effect: 'redraw'
};

export const TEST_ROW = {
  key: 'test',
  type: 'bool',
  group: 'view',
  label: 'Show test data',
  default: false,
  effect: 'redraw'
};
