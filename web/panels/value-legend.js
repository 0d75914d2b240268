// The legend of what the panels' colours mean: classes and probabilities, or for a regression the
// diverging scale of its output values. Fills the page's legend box; draws nothing itself.
import {colorOf} from './field-canvas.js';

/** Shows the classes' legend, or the value scale `range` [lo, hi] of a regression. */
export function showValueLegend(box, range) {
  box.querySelector('#legend-classes').hidden = Boolean(range);
  const values = box.querySelector('#legend-values');
  values.hidden = !range;
  if (!range) return;
  for (const lo of values.querySelectorAll('.scale-lo')) lo.textContent = String(range[0]);
  for (const hi of values.querySelectorAll('.scale-hi')) hi.textContent = String(range[1]);
  values.querySelector('.scale-bar-fill').style.background =
      `linear-gradient(to right, ${colorOf(0)}, ${colorOf(0.5)}, ${colorOf(1)})`;
}
