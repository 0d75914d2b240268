// What a study will cost, said before it runs: its runs, epochs and a rough time. The time model
// is per network and epoch: a fixed cost per optimizer step plus one per training row and
// parameter, both measured with the wasm build on a 2-core machine at four shapes (from one
// 4-unit layer at batch 1 to 3 x 16 units at batch 10); it was within a factor of two of each.
// A study also checks the target accuracy after every epoch, a forward pass over the test rows.
const STEP_MS = 0.004;
const ROW_PARAM_MS = 1e-5;
const TARGET_CHECK = 1.5;

const settingOf = (schema, settings, key) =>
    settings[key] ?? schema.settings.find((s) => s.key === key).default;

// Weights and biases of one network: 2 inputs, the hidden layers, one logit.
function parameters(layers) {
  let count = 0, inputs = 2;
  for (const units of [...layers, 1]) {
    count += (inputs + 1) * units;
    inputs = units;
  }
  return count;
}

/** @returns {number} the estimated milliseconds of one task ({settings, epochs}) on one worker. */
export function taskMs(schema, {settings, epochs}) {
  const rows = settings.data?.labels?.length ?? settingOf(schema, settings, 'points');
  const train = Math.max(1, Math.round(rows * settingOf(schema, settings, 'trainFraction')));
  const steps = Math.ceil(train / Math.min(train, settingOf(schema, settings, 'batchSize')));
  const networks = settingOf(schema, settings, 'activations').length;
  const params = parameters(settingOf(schema, settings, 'layers'));
  return epochs * networks * TARGET_CHECK * (steps * STEP_MS + train * params * ROW_PARAM_MS);
}

function durationText(seconds) {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${Math.round(seconds / 360) / 10} h`;
  return `${Math.round(seconds / 86400)} days`;
}

/**
 * @param {object} schema lab.schema
 * @param {object[]} tasks a plan's tasks (study-plan.mjs)
 * @param {number} workers the study pool's size
 * @returns {{runs: number, epochs: number, seconds: number, text: string}} e.g. "2,400 runs of
 *     2,000 epochs: about 3.2 h on 2 workers"
 */
export function studyCost(schema, tasks, workers) {
  const ms = tasks.reduce((sum, task) => sum + taskMs(schema, task), 0);
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
