// A figure's still: its panels as shown, drawn into one PNG-ready canvas with the title, each
// panel's name and numbers. The Share dialog offers it for download, and its element snippet
// names it as the figure's `poster` and the image of its <noscript> fallback, with this size.

const CELL = 320;  // a panel's field, px (the canvases' backing size)
const GAP = 16;
const PAD = 16;
const TITLE = 30;
const NAME = 24;
const STATS = 24;
const MOST_COLUMNS = 3;

/** @returns {{columns: number, rows: number, width: number, height: number}} a still's size */
export function stillSize(count) {
  const columns = Math.max(1, Math.min(MOST_COLUMNS, count));
  const rows = Math.ceil(Math.max(1, count) / columns);
  return {
    columns,
    rows,
    width: PAD * 2 + columns * CELL + (columns - 1) * GAP,
    height: PAD * 2 + TITLE + rows * (NAME + CELL + STATS) + (rows - 1) * GAP,
  };
}

/** @returns {string} the file name the Share dialog saves the still as, and snippets name */
export function stillName(settings) {
  const epoch = settings.at >= 0 ? `-epoch${settings.at}` : '';
  const names = settings.activations.join('-').replace(/[^a-z0-9-]/gi, '').slice(0, 60);
  return `relu-lab-${names}-seed${settings.seed}${epoch}.png`;
}

/**
 * @param {{title: string, panels: {canvas: HTMLCanvasElement, name: string, stats: string}[],
 *     colors: {background: string, text: string, muted: string}, font: string}} still
 * @returns {HTMLCanvasElement}
 */
export function drawStill({title, panels, colors, font}) {
  const size = stillSize(panels.length);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.textBaseline = 'top';
  ctx.fillStyle = colors.text;
  ctx.font = `600 18px ${font}`;
  ctx.fillText(title, PAD, PAD, size.width - 2 * PAD);
  panels.forEach((panel, i) => {
    const x = PAD + (i % size.columns) * (CELL + GAP);
    const y = PAD + TITLE + Math.floor(i / size.columns) * (NAME + CELL + STATS + GAP);
    ctx.fillStyle = colors.text;
    ctx.font = `600 15px ${font}`;
    ctx.fillText(panel.name, x, y + 2, CELL);
    ctx.drawImage(panel.canvas, x, y + NAME, CELL, CELL);
    ctx.fillStyle = colors.muted;
    ctx.font = `13px ${font}`;
    ctx.fillText(panel.stats, x, y + NAME + CELL + 5, CELL);
  });
  return canvas;
}
