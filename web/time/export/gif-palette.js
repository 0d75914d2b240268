// The GIF palette for the page's pictures: most of its 256 entries follow the field's diverging
// ramp (field-canvas.js's colour table), so a smooth field does not band, and the rest are greys
// (text on white) and the class colours. Pixels map to the nearest entry, cached per colour.
import {CLASS_COLORS, colorOf} from '../../panels/field-canvas.js';

const RAMP = 192;  // of 256 entries: ~1.3 colour-table steps apart, under 2 levels per channel
const GREYS = 48;

const rgbOf = (css) => css.match(/\d+/g).map(Number);
const hexRgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** @returns {number[][]} at most 256 [r, g, b] entries */
export function makeGifPalette() {
  const palette = [];
  for (let i = 0; i < RAMP; ++i) palette.push(rgbOf(colorOf(i / (RAMP - 1))));
  for (let i = 0; i < GREYS; ++i) {
    const v = Math.round((255 * i) / (GREYS - 1));
    palette.push([v, v, v]);
  }
  // The points' colours and their anti-aliased edges on white and on the field.
  for (const hex of CLASS_COLORS) {
    const c = hexRgb(hex);
    for (const t of [1, 0.75, 0.5, 0.25]) {
      palette.push(c.map((v) => Math.round(v * t + 255 * (1 - t))));
    }
  }
  palette.push([170, 170, 170], [212, 212, 212], [200, 204, 210]);  // NaN, diverged, cell border
  return palette.slice(0, 256);
}

/** Indexes RGBA pixels into `palette` (nearest in RGB), with a per-colour cache. */
export function indexPixels(rgba, palette, cache = new Map()) {
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.byteLength >> 2);
  const out = new Uint8Array(pixels.length);
  for (let i = 0; i < pixels.length; ++i) {
    const key = pixels[i] & 0xffffff;
    let index = cache.get(key);
    if (index === undefined) {
      index = nearest(palette, key & 255, (key >> 8) & 255, (key >> 16) & 255);
      cache.set(key, index);
    }
    out[i] = index;
  }
  return out;
}

function nearest(palette, r, g, b) {
  let best = 0, bestD = Infinity;
  for (let i = 0; i < palette.length; ++i) {
    const [pr, pg, pb] = palette[i];
    const d = (pr - r) ** 2 + (pg - g) ** 2 + (pb - b) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}
