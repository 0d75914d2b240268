// Draws what the "over time" figure and the animated exports are made of: a field cell with its
// training points, and a label line. Plain canvas work on an OffscreenCanvas or a canvas.
import {score} from '../common/format.js';
import {FieldCanvas} from '../panels/field-canvas.js';

export const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';
export const INK = '#1f2328';
export const MUTED = '#5a6270';

let cell = null;  // one scratch canvas for every cell, resized as needed

/**
 * Draws `field` (probabilities, resolution^2; null: grey) with the training points of `data`
 * into ctx at (x, y), size x size pixels.
 */
export function drawCell(ctx, x, y, size, field, resolution, data) {
  if (!cell || cell.canvas.width !== size) {
    cell = new FieldCanvas(new OffscreenCanvas(size, size));
  }
  cell.draw({
    field,
    resolution,
    layers: [{xy: data.trainX, labels: data.trainY}],
    domain: data.domain,
    range: data.range,
    pointRadius: Math.max(1.2, size / 90),
  });
  ctx.drawImage(cell.canvas, x, y);
  ctx.strokeStyle = '#c8ccd2';
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, y + 0.5, size - 1, size - 1);
}

/** Text at (x, y) (alphabetic baseline), cut with an ellipsis to fit `width`. */
export function drawText(
    ctx, text, x, y, {size = 13, weight = 400, color = INK, width, align} = {}) {
  ctx.font = `${weight} ${size}px ${FONT}`;
  ctx.fillStyle = color;
  ctx.textAlign = align || 'left';
  let t = text;
  if (width) {
    while (t.length > 1 && ctx.measureText(t).width > width) t = t.slice(0, -1);
    if (t !== text) t = t.slice(0, -1) + '…';
  }
  ctx.fillText(t, x, y);
  ctx.textAlign = 'left';
}

/**
 * @returns {string} a panel's test score in a small cell: accuracy in whole percents, a
 *     regression's R², or "diverged".
 */
export function accuracyText(m) {
  if (m.diverged) return 'diverged';
  const {label, text} = score(m, 0);
  return label === 'test R²' ? `R² ${text}` : text;
}
