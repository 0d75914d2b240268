// An experiment as settings: the exp and v rows of the page's table (exp is read first, as the
// base a link's other keys change), an experiment's full settings, and which settings a reader
// has changed since. The prose stays in experiments.js; the figure has none of this.
import {EXPERIMENTS, findExperiment, stopEpoch, VARIANT_IDS} from './experiments.js';

/**
 * @returns {object} the settings table's defaults with the experiment's (and variant's)
 *     overrides, and exp and v set.
 */
export function experimentSettings(table, experiment, variant) {
  return {
    ...table.defaults(),
    ...experiment.settings,
    ...(variant ? variant.settings : {}),
    exp: experiment.id,
    v: variant ? variant.id : '',
  };
}

/**
 * @returns {string[]} the keys that set networks or data where `settings` differ from its
 *     experiment's (and variant's) own settings: the text no longer describes them.
 */
export function leftExperiment(table, settings) {
  const {experiment, variant} = findExperiment(settings.exp, settings.v);
  if (!experiment) return [];
  const own = experimentSettings(table, experiment, variant);
  return table.rows.filter((row) => row.core !== undefined)
      .filter((row) => table.text(row, own[row.key]) !== table.text(row, settings[row.key]))
      .map((row) => row.key);
}

/**
 * @returns {number|null} the epoch a new run of `settings` pauses at: its experiment's stop, where
 *     the text's numbers are read, unless the reader changed what the text describes.
 */
export function runStop(table, settings) {
  const {experiment, variant} = findExperiment(settings.exp, settings.v);
  if (!experiment || leftExperiment(table, settings).length) return null;
  return stopEpoch(experiment, variant);
}

export const EXPERIMENT_ROWS = [
  {
    key: 'exp',
    type: 'enum',
    group: 'hidden',
    label: 'Experiment',
    default: '',
    options: ['', ...EXPERIMENTS.map((e) => e.id)],
    effect: 'redraw',
    // The keys base() reads from a link besides its own: a link writes them next to it.
    reads: ['v'],
    // The experiment (with the link's variant) or, for none, the defaults.
    base(id, params, table) {
      const {experiment, variant} = findExperiment(id, params.get('v') ?? '');
      return experiment ? experimentSettings(table, experiment, variant) : table.defaults();
    },
  },
  {
    key: 'v',
    type: 'enum',
    group: 'hidden',
    label: 'Variant of the experiment',
    default: '',
    options: ['', ...VARIANT_IDS],
    effect: 'redraw',
  },
];
