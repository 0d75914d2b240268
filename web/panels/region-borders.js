// A panel's linear-region borders over its field: drawn by the page (region-view.js) or by the
// worker that drew the field (trainer/field-painter.js), so no DOM here.

// Dark and half transparent: a deep ReLU network has hundreds of regions, and the field and the
// points must stay readable under their borders.
const BORDER_RGBA = [31, 35, 40, 120];

/** Border cells (a resolution^2 mask) as dark pixels, scaled without smoothing over `canvas`. */
export function drawBorders(canvas, borders, resolution) {
  const image = new ImageData(resolution, resolution);
  for (let k = 0; k < borders.length; ++k) {
    if (borders[k]) image.data.set(BORDER_RGBA, 4 * k);
  }
  const scratch = new OffscreenCanvas(resolution, resolution);
  scratch.getContext('2d').putImageData(image, 0, 0);
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(scratch, 0, 0, canvas.width, canvas.height);
  ctx.imageSmoothingEnabled = true;
}
