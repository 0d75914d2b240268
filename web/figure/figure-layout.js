// Where a figure's panels go: how many columns and how wide, from the panel count, the attributes
// and the width the element has. One function, so that the placeholder drawn before anything
// loads and the trained panels take the same boxes (no layout shift when the figure starts).

/** The minimum panel width in px when `panel-size` is absent or out of range. */
export const PANEL_SIZE = 240;
/** The gap between panels, px (figure-style.js's grid gap). */
export const GAP = 8;
// Two or three panels are a comparison: they shrink down to this width to stay in one row before
// they stack (a phone's 390 px fits three), and more panels keep at least two per row.
const SIDE_BY_SIDE_MIN = 100;
// A panel never grows past twice its minimum: beyond that a wide column only adds blur (the
// canvas is 320 px) and height.
const GROWTH = 2;

/** @returns {number} an integer attribute in [min, max], else `fallback` */
export function intAttribute(value, min, max, fallback) {
  const n = value === null || value === '' ? NaN : Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/**
 * @param {{width: number, count: number, panelSize?: string|null, columns?: string|null,
 *     height?: number, extra?: number}} box the element's inner width, the number of panels, the
 *     `panel-size` and `columns` attributes; with `height` (the `fit` attribute) the panels take
 * the largest size that shows them all in that height, each panel `extra` px taller than wide
 * @returns {{columns: number, size: number}} the panel width, px
 */
export function figureLayout(
    {width, count, panelSize = null, columns = null, height = 0, extra = 0}) {
  const n = Math.max(1, count);
  const inner = Math.max(1, width);
  const across = (c) => Math.floor((inner - GAP * (c - 1)) / c);
  if (height > 0) {
    let best = {columns: 1, size: 0};
    for (let c = 1; c <= n; ++c) {
      const rows = Math.ceil(n / c);
      const size = Math.min(across(c), Math.floor((height - GAP * (rows - 1)) / rows - extra));
      if (size > best.size) best = {columns: c, size};
    }
    return {columns: best.columns, size: Math.max(60, best.size)};
  }
  const min = intAttribute(panelSize, 80, 800, PANEL_SIZE);
  let c = intAttribute(columns, 1, 12, 0);
  if (c) {
    c = Math.min(c, n);
  } else {
    c = 1;
    while (c < n && across(c + 1) >= min) ++c;
    const together = n <= 3 ? n : 2;
    if (c < together && across(together) >= SIDE_BY_SIDE_MIN) c = together;
    // As few rows, evenly filled: 4 panels in 2 x 2, not 3 + 1.
    c = Math.ceil(n / Math.ceil(n / c));
  }
  return {columns: c, size: Math.max(1, Math.min(across(c), GROWTH * min))};
}
