// Whether a decision boundary around the domain's centre is round or has corners, read from a
// probability field the way a reader's eye does: how sharply the 0.5 contour turns. The contour is
// found along rays from the centre; a circle turns evenly (10 degrees in every 10-degree arc), a
// polygon turns all at once at its corners.

// The contour at this many angles, and the arc (in samples, here 10 degrees) turning is summed on.
const SAMPLES = 720;
const WINDOW = 20;
// Sharpness (most turning in any 10-degree arc, over 10 degrees) below ROUND reads as round, above
// CORNERS as corners; a circle is 1, an ellipse of axes 2:1 is 2, a hexagon's corner 6. Between the
// two, neither word is true.
export const ROUND = 3.5;
export const CORNERS = 4.5;

// The field at (x, y) in cells, bilinear between cell values.
function sampler(field, res) {
  const f = (i, j) => field[j * res + i];
  return (x, y) => {
    const x0 = Math.max(0, Math.min(res - 2, Math.floor(x)));
    const y0 = Math.max(0, Math.min(res - 2, Math.floor(y)));
    const fx = x - x0;
    const fy = y - y0;
    return (1 - fy) * ((1 - fx) * f(x0, y0) + fx * f(x0 + 1, y0)) +
        fy * ((1 - fx) * f(x0, y0 + 1) + fx * f(x0 + 1, y0 + 1));
  };
}

/**
 * @param {Float32Array} field arena.field(): res² probabilities, row-major
 * @returns {number|null} the sharpness of the 0.5 contour around the centre, or null if it does
 *     not close around the centre
 */
export function sharpness(field, res) {
  const at = sampler(field, res);
  const c = (res - 1) / 2;
  const inside = at(c, c) > 0.5;
  const crossed = (r, dx, dy) => (at(c + r * dx, c + r * dy) > 0.5) !== inside;
  const points = [];
  for (let i = 0; i < SAMPLES; ++i) {
    const dx = Math.cos((2 * Math.PI * i) / SAMPLES);
    const dy = Math.sin((2 * Math.PI * i) / SAMPLES);
    let r = 0;
    while (r < c && !crossed(r, dx, dy)) r += 0.25;
    if (r >= c) return null;
    let lo = Math.max(0, r - 0.25);
    let hi = r;
    for (let k = 0; k < 20; ++k) {
      const mid = (lo + hi) / 2;
      if (crossed(mid, dx, dy))
        hi = mid;
      else
        lo = mid;
    }
    points.push([c + hi * dx, c + hi * dy]);
  }
  const heading = points.map(([x, y], i) => {
    const [nx, ny] = points[(i + 1) % SAMPLES];
    return Math.atan2(ny - y, nx - x);
  });
  const turn = heading.map((h, i) => {
    const a = heading[(i + 1) % SAMPLES] - h;
    return Math.atan2(Math.sin(a), Math.cos(a));
  });
  let most = 0;
  for (let i = 0; i < SAMPLES; ++i) {
    let sum = 0;
    for (let k = 0; k < WINDOW; ++k) sum += turn[(i + k) % SAMPLES];
    most = Math.max(most, Math.abs(sum));
  }
  return most / ((2 * Math.PI * WINDOW) / SAMPLES);
}

/** @returns {'round'|'corners'|string} the word a sharpness reads as (else why neither). */
export function shapeOf(value) {
  if (value === null) return 'open (the boundary does not close around the centre)';
  if (value < ROUND) return 'round';
  if (value > CORNERS) return 'corners';
  return `neither (sharpness ${value.toFixed(2)})`;
}
