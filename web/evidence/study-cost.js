// What a study will cost, said before it runs: its runs, epochs and a rough time
// (common/training-cost.js's model).
import {planStudy} from '../../js/study-plan.mjs';
import {durationText, epochMs} from '../common/training-cost.js';

// A study checks the target accuracy after every epoch, a forward pass over the test rows.
const TARGET_CHECK = 1.5;

/**
 * @param {object} schema lab.schema
 * @param {object[]} tasks a plan's tasks (study-plan.mjs): {settings, epochs, ...}
 * @param {number} workers the study pool's size
 * @returns {{runs: number, epochs: number, seconds: number, text: string}} e.g. "2,400 runs of
 *     2,000 epochs: about 44 min on 2 workers"
 */
export function studyCost(schema, tasks, workers) {
  const ms = tasks.reduce(
      (sum, task) => sum + task.epochs * TARGET_CHECK * epochMs(schema, task.settings), 0);
  const lanes = Math.max(1, Math.min(workers, tasks.length));
  const seconds = ms / 1000 / lanes;
  const epochs = tasks[0]?.epochs ?? 0;
  const n = (x) => x.toLocaleString('en-US');
  return {
    runs: tasks.length,
    epochs,
    seconds,
    text: `${n(tasks.length)} runs of ${n(epochs)} epochs: about ${durationText(seconds)} on ${
        lanes} worker${lanes > 1 ? 's' : ''}`,
  };
}

/** @returns {string} studyCost's text for a planStudy request, or why it cannot run. */
export function planCost(schema, request, workers) {
  try {
    return studyCost(schema, planStudy(schema, request).tasks, workers).text;
  } catch (error) {
    return `it cannot run: ${error.message}`;
  }
}
