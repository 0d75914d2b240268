// Draws a square grid of probabilities (a Float32Array, row-major, top row first), or of a
// regression's output values on a diverging scale over a given range, with a colour-blind-safe
// diverging palette, plus labelled points. Knows nothing about networks.

/** Class colours (orange = class 0, purple = class 1: ColorBrewer PuOr ends, safe for CVD). */
export const CLASS_COLORS = /* @__PURE__ */ Object.freeze(['#e66101', '#5e3c99']);
const CLASS_RGB = [[230, 97, 1], [94, 60, 153]];
const NEUTRAL_RGB = [247, 247, 247];
const NAN_RGB = [170, 170, 170];
// The field is a tint of the class colour so the points stay readable on top of it.
const MAX_TINT = 0.62;
const LUT_SIZE = 256;

function buildLut(discrete, classRgb = CLASS_RGB, neutralRgb = NEUTRAL_RGB) {
  const lut = new Uint8ClampedArray(LUT_SIZE * 4);
  for (let i = 0; i < LUT_SIZE; ++i) {
    const p = i / (LUT_SIZE - 1);
    const cls = p >= 0.5 ? 1 : 0;
    const strength = discrete ? MAX_TINT * 0.8 : MAX_TINT * Math.abs(2 * p - 1);
    for (let c = 0; c < 3; ++c) {
      lut[4 * i + c] = neutralRgb[c] + (classRgb[cls][c] - neutralRgb[c]) * strength;
    }
    lut[4 * i + 3] = 255;
  }
  return lut;
}
// Pure: a bundle that draws no field (a figure's worker) leaves them out.
const LUTS = [/* @__PURE__ */ buildLut(false), /* @__PURE__ */ buildLut(true)];

/**
 * A palette other than the page's (a themed figure): class colours and the neutral middle as
 * [r, g, b] (0-255); `stroke` outlines filled points and fills hollow ones.
 * @returns {{luts: Uint8ClampedArray[], colors: string[], stroke: string}}
 */
export function makePalette(classRgb, neutralRgb, stroke) {
  return {
    luts: [buildLut(false, classRgb, neutralRgb), buildLut(true, classRgb, neutralRgb)],
    colors: classRgb.map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`),
    rgb: classRgb,
    neutral: neutralRgb,
    stroke,
  };
}
const DEFAULT_PALETTE = /* @__PURE__ */ Object.freeze(
    {luts: LUTS, colors: CLASS_COLORS, rgb: CLASS_RGB, neutral: NEUTRAL_RGB, stroke: '#ffffff'});

/** @returns {string} the CSS colour of probability p (for legends). */
export function colorOf(p) {
  const i = 4 * Math.round(Math.min(1, Math.max(0, p)) * (LUT_SIZE - 1));
  return `rgb(${LUTS[0][i]}, ${LUTS[0][i + 1]}, ${LUTS[0][i + 2]})`;
}

/**
 * @returns {number} value v on the diverging scale `range` [lo, hi] as a position in [0, 1]
 *     (lo 0, the middle 0.5, hi 1; clamped); NaN stays NaN
 */
export function scalePosition(v, range) {
  return Math.min(1, Math.max(0, (v - range[0]) / (range[1] - range[0])));
}

/**
 * Fills `image` (an ImageData of res x res) from `field` (res*res probabilities in [0, 1], or
 * values on the scale `range` [lo, hi] when given). NaN (a diverged network) is grey.
 */
export function fieldToImage(image, field, discrete, luts = LUTS, range = null) {
  const lut = luts[discrete && !range ? 1 : 0];
  const out = image.data;
  for (let i = 0, n = field.length; i < n; ++i) {
    const p = range ? scalePosition(field[i], range) : field[i];
    const o = 4 * i;
    if (!(p >= 0 && p <= 1)) {
      out[o] = NAN_RGB[0];
      out[o + 1] = NAN_RGB[1];
      out[o + 2] = NAN_RGB[2];
      out[o + 3] = 255;
      continue;
    }
    const l = 4 * ((p * (LUT_SIZE - 1) + 0.5) | 0);
    out[o] = lut[l];
    out[o + 1] = lut[l + 1];
    out[o + 2] = lut[l + 2];
    out[o + 3] = 255;
  }
}

/**
 * @returns {string} the CSS colour of a regression's target t on the scale `range`: the class
 *     colour of its side at full strength, mixed with the neutral middle as it nears it (the
 *     field's tint without the tint's cap, so the dots stand out on the surface)
 */
export function targetColor(t, range, palette = DEFAULT_PALETTE) {
  const p = scalePosition(t, range);
  const end = palette.rgb[p >= 0.5 ? 1 : 0];
  const w = Math.abs(2 * p - 1);
  const c = end.map((e, k) => Math.round(palette.neutral[k] + (e - palette.neutral[k]) * w));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** Splits the arena's data into point layers for FieldCanvas: train filled, test hollow. */
export function pointLayers(data, showTest) {
  const layers = [{xy: data.trainX, labels: data.trainY}];
  if (showTest) layers.push({xy: data.testX, labels: data.testY, hollow: true});
  return layers;
}

/**
 * What FieldCanvas.draw takes for panel `i` of `frame`: its field, the view's discretize, the
 * point `layers` (pointLayers) and the data's domain and value range.
 */
export function fieldDrawing(frame, i, view, layers, data) {
  return {
    field: frame.fields[i],
    resolution: frame.resolution,
    discrete: view.discretize,
    layers,
    domain: data.domain,
    range: data.range,
  };
}

/** A canvas showing one field and its points. The canvas keeps its own backing size. */
export class FieldCanvas {
  /**
   * @param {HTMLCanvasElement|OffscreenCanvas} canvas
   * @param {object} [palette] from makePalette (default: the page's colours)
   */
  constructor(canvas, palette = DEFAULT_PALETTE) {
    this.canvas = canvas;
    this.palette = palette;
    this.ctx = canvas.getContext('2d');
    this.scratch = null;
    this.image = null;
    // The points drawn once on a transparent layer (they stay put while the field changes), and
    // what they were drawn for: every frame then costs one blit instead of a path per point.
    this.points = null;
    this.pointsKey = null;
  }

  /**
   * @param {object} frame
   * @param {Float32Array|null} frame.field probabilities, resolution^2, row-major, top row first;
   *     null for a network that has none (it diverged): drawn grey
   * @param {number} frame.resolution
   * @param {boolean} [frame.discrete] draw p >= 0.5 as one flat class colour
   * @param {{xy: Float32Array, labels: ArrayLike<number>}[]} [frame.layers] point sets; xy are
   *     pairs in the domain; each set may carry {hollow: true} (e.g. test points)
   * @param {[number, number]} [frame.domain] the square [lo, hi]^2 the field covers
   * @param {number} [frame.pointRadius] in canvas pixels
   * @param {[number, number]} [frame.range] a regression's output scale [lo, hi]: the field
   *     holds values, drawn diverging around its middle, and labels are targets on it
   */
  draw({field, resolution, discrete = false, layers = [], domain = [-1, 1], pointRadius, range}) {
    const {canvas, ctx} = this;
    if (!this.scratch || this.scratch.width !== resolution) {
      this.scratch = new OffscreenCanvas(resolution, resolution);
      this.image = new ImageData(resolution, resolution);
    }
    if (field) {
      fieldToImage(this.image, field, discrete, this.palette.luts, range);
      this.scratch.getContext('2d').putImageData(this.image, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(this.scratch, 0, 0, canvas.width, canvas.height);
    } else {
      // A diverged network has no field (its weights are NaN/inf): grey, never a made-up colour.
      ctx.fillStyle = '#d4d4d4';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
    }
    const radius = pointRadius ?? Math.max(1.5, canvas.width / 110);
    if (layers.length) ctx.drawImage(this.pointLayer(layers, domain, radius, range), 0, 0);
  }

  // The layer of `layers`' points, drawn again only when what it shows changed. Drawing it over
  // the field gives the pixels of drawing each point there (source-over is associative).
  pointLayer(layers, domain, radius, range) {
    const {width, height} = this.canvas;
    const key = [width, height, domain[0], domain[1], radius, range?.[0], range?.[1], this.palette];
    const old = this.pointsKey;
    const same = old && old.values.every((v, i) => v === key[i]) &&
        old.layers.length === layers.length &&
        old.layers.every(
            (l, i) => l.xy === layers[i].xy && l.labels === layers[i].labels &&
                Boolean(l.hollow) === Boolean(layers[i].hollow));
    if (same) return this.points;
    if (!this.points || this.points.width !== width || this.points.height !== height) {
      this.points = new OffscreenCanvas(width, height);
    }
    const ctx = this.points.getContext('2d');
    ctx.clearRect(0, 0, width, height);
    const scale = width / (domain[1] - domain[0]);
    for (const layer of layers) {
      this.drawPoints(ctx, layer, domain[0], domain[1], scale, radius, range);
    }
    this.pointsKey = {
      values: key,
      layers: layers.map(({xy, labels, hollow}) => ({xy, labels, hollow}))
    };
    return this.points;
  }

  drawPoints(ctx, {xy, labels, hollow = false}, lo, hi, scale, radius, range) {
    ctx.lineWidth = Math.max(1, radius / 2.5);
    for (let i = 0; i < labels.length; ++i) {
      const x = (xy[2 * i] - lo) * scale;
      const y = (hi - xy[2 * i + 1]) * scale;
      ctx.beginPath();
      ctx.arc(x, y, radius, 0, 2 * Math.PI);
      const color = range ? targetColor(labels[i], range, this.palette) :
                            this.palette.colors[labels[i] > 0.5 ? 1 : 0];
      if (hollow) {
        ctx.fillStyle = this.palette.stroke;
        ctx.strokeStyle = color;
      } else {
        ctx.fillStyle = color;
        ctx.strokeStyle = this.palette.stroke;
      }
      ctx.fill();
      ctx.stroke();
    }
  }
}
