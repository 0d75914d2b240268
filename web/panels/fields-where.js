// Where the panels' fields are drawn, decided once for the page: by the workers that compute
// them, into canvases the page hands over (OffscreenCanvas), so that the page's thread keeps only
// text, charts and input; or, in a browser without canvas transfer, by the page as each frame
// arrives. Nothing else feature-detects it.

/** @returns {boolean} whether a panel's canvas can be handed to a worker */
export function fieldsInWorkers() {
  return typeof HTMLCanvasElement === 'function' &&
      typeof HTMLCanvasElement.prototype.transferControlToOffscreen === 'function' &&
      typeof OffscreenCanvas === 'function';
}
