// The words of the "over time" figure that say what it shows: each column's epoch, in whole
// epochs (a run paused mid-epoch has a final column at a fraction of one), and the settings line
// that says what was trained, so a figure copied into an article carries its own provenance.
import {panelTitle, paramsText} from '../panels/panel.js';

/**
 * @param {{epoch: number, asked: number|'final'}} column a drawn column: the epoch drawn and the
 *     one asked for
 * @returns {{head: string, note: string}} "epoch 12" (or "epoch ≈148" for 147.96) and what the
 *     column stands for when it is not simply that epoch: "final", "asked 210, not kept"
 */
export function columnHead({epoch, asked}) {
  const whole = Math.round(epoch);
  const head = `epoch ${whole === epoch ? '' : '≈'}${whole}`;
  if (asked === 'final') return {head, note: 'final'};
  return {head, note: asked === epoch ? '' : `asked ${asked}, not kept`};
}

/** @returns {string} the column in one line (the figure's table for screen readers) */
export function columnText(column) {
  const {head, note} = columnHead(column);
  return note ? `${head} (${note})` : head;
}

/**
 * @param {object} settings the page's settings (URL keys)
 * @param {object[]} panels the page's panels, for the activations' names and parameters
 * @param {Map<string, string>} names activation name -> display name
 * @returns {string[]} what was trained, in parts a line may break between: data, network,
 *     activations, training, seed
 */
export function settingsParts(settings, panels, names) {
  const s = settings;
  const data = s.data ? `own data (${s.data.labels.length} points)` :
                        `${s.dataset} data (${s.points} points, noise ${s.noise})`;
  const layers = s.layers.length ? `hidden layers ${s.layers.join('-')}` : 'no hidden layer';
  // Parameters in brackets: the list itself is comma-separated.
  const activations =
      panels
          .map((p) => {
            const params = paramsText(p);
            const title = panelTitle(p, names);
            return params && !title.includes(params) ? `${title} (${params})` : title;
          })
          .join(', ');
  const training = [`${s.optimizer}, lr ${s.lr}, batch ${s.batch}`];
  if (s.l1) training.push(`L1 ${s.l1}`);
  if (s.l2) training.push(`L2 ${s.l2}`);
  if (s.dropout) training.push(`dropout ${s.dropout}`);
  if (s.batchNorm) training.push('batch norm');
  return [data, layers, activations, training.join(', '), `seed ${s.seed}`];
}
