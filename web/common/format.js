// Numbers as the page writes them wherever they appear (panels, detail view, exports): one
// format per kind of number, so that the same value reads the same everywhere. No DOM here.

/** @returns {string} a fraction as a percentage ("87.5%"), or "—" for a value that is not one. */
export function percent(x, digits = 1) {
  return Number.isFinite(x) ? `${(100 * x).toFixed(digits)}%` : '—';
}

/**
 * @returns {{label: string, text: string}} a network's test score as its metrics record has it:
 *     test accuracy, or for a regression (accuracy null) test R² with two decimals
 */
export function score(m, digits = 1) {
  if (m.testAccuracy === null && m.r2 !== undefined) {
    return {label: 'test R²', text: Number.isFinite(m.r2) ? m.r2.toFixed(2) : '—'};
  }
  return {label: 'test accuracy', text: percent(m.testAccuracy, digits)};
}
