// Numbers as the page writes them wherever they appear (panels, detail view, exports): one
// format per kind of number, so that the same value reads the same everywhere. No DOM here.

/** @returns {string} a fraction as a percentage ("87.5%"), or "—" for a value that is not one. */
export function percent(x, digits = 1) {
  return Number.isFinite(x) ? `${(100 * x).toFixed(digits)}%` : '—';
}
