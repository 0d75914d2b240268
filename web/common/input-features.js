// The network's input features as the page shows them: a label and a picture of each of core's
// features (the names are core's, its settings row's options). Core computes the values the
// networks train on (core/nn/input_features.h); these only paint tiles and maps.

/** How each of core's features reads, and its value at a point (x, y) of the input domain. */
export const FEATURE_LOOKS = Object.freeze({
  x1: {label: 'X₁', value: (x) => x},
  x2: {label: 'X₂', value: (x, y) => y},
  x1sq: {label: 'X₁²', value: (x) => x * x},
  x2sq: {label: 'X₂²', value: (x, y) => y * y},
  x1x2: {label: 'X₁X₂', value: (x, y) => x * y},
  sinx1: {label: 'sin(X₁)', value: (x) => Math.sin(x)},
  sinx2: {label: 'sin(X₂)', value: (x, y) => Math.sin(y)},
});

/**
 * @returns {Float32Array} feature `name` over a res x res grid of [-h, h]^2 (row 0 at y = +h),
 *     as positions in [0, 1] on a diverging scale: 0.5 is 0, the ends +-its largest magnitude
 */
export function featureValues(name, res, h) {
  const {value} = FEATURE_LOOKS[name];
  const out = new Float32Array(res * res);
  let most = 0;
  for (let r = 0; r < res; ++r) {
    for (let c = 0; c < res; ++c) {
      const x = -h + (c + 0.5) * (2 * h / res), y = h - (r + 0.5) * (2 * h / res);
      out[r * res + c] = value(x, y);
      most = Math.max(most, Math.abs(out[r * res + c]));
    }
  }
  for (let i = 0; i < out.length; ++i) out[i] = 0.5 + out[i] / (2 * (most || 1));
  return out;
}
