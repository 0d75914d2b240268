// A worker's drawing of its panels' fields into the canvases the page handed over (the page's
// panels, OffscreenCanvas): each frame is drawn where it is computed, before it is posted, so the
// page's thread neither draws nor rasterises the fields. The drawing is the page's own
// (field-canvas.js, region-borders.js): the same pixels either way.
import {FieldCanvas, pointLayers} from '../panels/field-canvas.js';
import {drawBorders} from '../panels/region-borders.js';

export class FieldPainter {
  /**
   * @param {number} generation the arena whose panels these are
   * @param {OffscreenCanvas[]} canvases one per panel of the worker's share, in its order
   */
  constructor(generation, canvases) {
    this.generation = generation;
    this.fields = canvases.map((canvas) => new FieldCanvas(canvas));
  }

  /**
   * Draws `frame`'s fields (frame-contents.js) with `data`'s points (the arena's, as 'created'
   * sends them), as `view` asks: {discrete, test, regions}.
   */
  paint(frame, data, view) {
    const layers = pointLayers(data, view.test);
    this.fields.forEach((field, k) => {
      field.draw({
        field: frame.fields[k],
        resolution: frame.resolution,
        discrete: Boolean(view.discrete),
        layers,
        domain: data.domain,
        range: data.range,
      });
      const regions = view.regions ? frame.regions?.[k] : null;
      if (regions?.borders) drawBorders(field.canvas, regions.borders, regions.resolution);
    });
  }
}
