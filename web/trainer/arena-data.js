// What an arena's dataset looks like to the page: its points split into train and test for
// drawing, a regression's output scale, and a preset's points in raw units for the data editor.
// Plain reads of an arena (or a probe arena), no session state.

// A regression's output scale: symmetric around 0 (the diverging palette's white) and wide
// enough for every target, rounded up to a tenth so the legend reads plainly.
export function targetRange(labels) {
  let most = 0;
  for (const t of labels) most = Math.max(most, Math.abs(t));
  const half = Math.max(0.1, Math.ceil(most * 10 - 1e-9) / 10);
  return [-half, half];
}

/**
 * The dataset split into train and test points for drawing: rows [0, trainCount) train; a
 * regression's labels are targets, drawn on `range` (null for a classification).
 */
export function dataOf(arena) {
  const {points, labels, trainCount: n, halfWidth, regression} = arena.data();
  return {
    trainX: points.slice(0, 2 * n),
    trainY: labels.slice(0, n),
    testX: points.slice(2 * n),
    testY: labels.slice(n),
    domain: [-halfWidth, halfWidth],
    range: regression ? targetRange(labels) : null,
  };
}

/**
 * A preset's points in raw units (as own data takes them), for "start from dataset"; a
 * regression's labels are its targets.
 */
export function samplePoints(lab, settings) {
  const probe = lab.createArena({...settings, scaleInputs: false, activations: ['linear']});
  try {
    const {points, labels, regression} = probe.data();
    return {points: Array.from(points), labels: Array.from(labels), regression};
  } finally {
    probe.delete();
  }
}
