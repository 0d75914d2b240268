// How long training takes, roughly, before it runs: what the page says a study will cost and how
// far a link may replay. Per network and epoch, a fixed cost per optimizer step plus one per
// training row and parameter, both measured with the wasm build on a 2-core machine at four
// shapes (from one 4-unit layer at batch 1 to 3 x 16 units at batch 10); the model was within a
// factor of two of each.
const STEP_MS = 0.004;
const ROW_PARAM_MS = 1e-5;

// Weights and biases of one network: 2 inputs, the hidden layers, one logit.
function parameters(layers) {
  let count = 0, inputs = 2;
  for (const units of [...layers, 1]) {
    count += (inputs + 1) * units;
    inputs = units;
  }
  return count;
}

/**
 * @param {object} schema lab.schema (the defaults of keys `settings` leaves out)
 * @param {object} settings createArena settings
 * @returns {number} the estimated milliseconds of one epoch of every network, on one thread
 */
export function epochMs(schema, settings) {
  const setting = (key) => settings[key] ?? schema.settings.find((s) => s.key === key).default;
  const given = settings.data?.labels ?? settings.data?.targets;  // own data: one per row
  const rows = given?.length ?? setting('points');
  const train = Math.max(1, Math.round(rows * setting('trainFraction')));
  const steps = Math.ceil(train / Math.min(train, setting('batchSize')));
  const networks = setting('activations').length;
  return networks * (steps * STEP_MS + train * parameters(setting('layers')) * ROW_PARAM_MS);
}

/** @returns {string} a rough duration: "40 s", "12 min", "3.2 h", "5 days". */
export function durationText(seconds) {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${Math.round(seconds / 360) / 10} h`;
  return `${Math.round(seconds / 86400)} days`;
}
