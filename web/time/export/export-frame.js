// One frame of an animated export: the epoch line, then the chosen panels in rows of up to five,
// each with its name and test accuracy over its field. The preview and the encoder draw the same
// frames with it, so what the dialog plays is what the file holds.
import {panelTitle} from '../../panels/panel.js';
import {accuracyText, drawCell, drawText, MUTED} from '../time-draw.js';

const HEADER = 24;  // the frame's epoch line
const LABEL = 20;   // the panel's name and accuracy above each cell
const GAP = 6;
const COLUMNS = 5;

/** @returns {{width: number, height: number, cols: number}} a frame of `count` panels */
export function frameLayout(count, size) {
  const cols = Math.min(COLUMNS, count);
  const rows = Math.ceil(count / cols);
  // Video encoders want even sizes.
  const even = (n) => n + (n % 2);
  return {
    width: even(cols * size + (cols + 1) * GAP),
    height: even(HEADER + rows * (size + LABEL) + (rows + 1) * GAP),
    cols,
  };
}

/**
 * Draws the frame of `column` (the trainer's fields and metrics at one epoch) for the panels
 * `chosen` (indices into the page's panels) at `size` px per panel.
 */
export function drawFrame(ctx, layout, column, chosen, size, {panels, names, data}) {
  const {width, height, cols} = layout;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  drawText(ctx, `epoch ${column.epoch}`, GAP + 1, GAP + 15, {size: 15, weight: 700});
  // The legend of the numbers, where the frame is wide enough not to crowd the epoch.
  if (width >= 360) {
    drawText(
        ctx, 'relu-lab · test accuracy per panel', width - GAP, GAP + 15,
        {size: 11, color: MUTED, align: 'right'});
  }
  chosen.forEach((p, j) => {
    const x = GAP + (j % cols) * (size + GAP);
    const y = HEADER + GAP + Math.floor(j / cols) * (size + LABEL + GAP);
    const accuracy = accuracyText(column.metrics[p]);
    drawText(ctx, accuracy, x + size, y + 14, {size: 12, align: 'right'});
    drawText(
        ctx, panelTitle(panels[p], names), x + 1, y + 14,
        {size: 12, weight: 600, width: size - 8 - 7 * accuracy.length});
    drawCell(ctx, x, y + LABEL, size, column.fields[p], size, data);
  });
}
