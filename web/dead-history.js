// The detail view's line on each hidden unit's past: the kept epochs at which it was dead on the
// training data (from the run's history), so a reader sees a unit die and sometimes come back.

const MAX_UNITS = 8;

function spanText([first, last]) {
  return first === last ? `epoch ${first}` : `epochs ${first}–${last}`;
}

/**
 * @param {{units: number[][][][], last: number}} history TimeKeeper.deadSpans(): per unit the
 *     spans [first, last] of kept epochs it was dead at, and the last kept epoch looked at
 * @returns {string} '' when no unit was ever dead
 */
export function deadHistoryText({units, last: upTo}) {
  const lines = [];
  units.forEach((layer, l) => layer.forEach((unitSpans, u) => {
    if (!unitSpans.length) return;
    const text = unitSpans.map(spanText).join(', ');
    const back = unitSpans.at(-1)[1] < upTo ? ' (alive again after)' : '';
    lines.push(`layer ${l + 1} unit ${u + 1}: ${text}${back}`);
  }));
  if (!lines.length) return '';
  const more = lines.length > MAX_UNITS ? `; and ${lines.length - MAX_UNITS} more units` : '';
  return `Dead on the training data at kept epochs: ${lines.slice(0, MAX_UNITS).join('; ')}${
      more}.`;
}
