// What a frame carries for an open detail view: each hidden unit's map, the panel's unit
// activity, its activation curve with the derivative, and its weights for the network diagram.
// Computed in the worker from its arena; drawing them is the detail view's business.

const CURVE_POINTS = 161;
const CURVE_RANGE = 4;

// Each hidden unit's map over the plane, [layer][unit].
function unitMaps(run, index, transfer) {
  const res = run.view.unitResolution;
  return run.settings.layers.map((units, layer) => Array.from({length: units}, (_, unit) => {
    const values = run.arena.unitField(index, layer, unit, res);  // null once it diverged
    if (values) transfer.push(values.buffer);
    return values;
  }));
}

// The activation of panel `index` and its derivative on [-4, 4], with its current parameters.
function curves(run, index, metrics) {
  const x = new Float32Array(CURVE_POINTS);
  for (let i = 0; i < CURVE_POINTS; ++i) {
    x[i] = -CURVE_RANGE + (2 * CURVE_RANGE * i) / (CURVE_POINTS - 1);
  }
  const {activation, params} = run.settings.activations[index];
  const callParams = {};
  if (activation === 'prelu') {
    // activate() takes PReLU's alphas themselves: the first hidden layer's, averaged.
    const alphas = metrics[index].alphas[0] || [params.init];
    callParams.alpha = alphas.reduce((sum, a) => sum + a, 0) / alphas.length;
  } else {
    for (const p of run.lab.schema.activations.find((a) => a.name === activation).params) {
      if (p.type === 'number') callParams[p.key] = params[p.key];
    }
  }
  const {y, dydx} = run.lab.activate(activation, callParams, x);
  return {x, y, dydx, params: callParams};
}

/**
 * The detail view's extras for panel `index` of the worker's arena.
 * @param {object} run the worker's arena, settings, lab and view (worker.js)
 * @param {object[]} metrics the frame's metrics
 * @param {ArrayBuffer[]} transfer gets the buffers to transfer
 */
export function detailOf(run, index, metrics, transfer) {
  return {
    index,
    resolution: run.view.unitResolution,
    // The input column: the arena's features over its domain.
    features: run.settings.features,
    halfWidth: run.halfWidth,
    range: run.range,  // a regression's output scale, else null
    units: unitMaps(run, index, transfer),
    activity: run.arena.unitActivity(index, run.view.resolution),
    curves: curves(run, index, metrics),
    // The weights for the diagram's links and its editor; a diverged network has none.
    model: metrics[index].diverged ? null : run.arena.model(index),
  };
}
