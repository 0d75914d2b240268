// The detail view's line on each hidden unit's past: the kept epochs at which it was dead on the
// training data (from the run's history), so a reader sees a unit die and sometimes come back.
// Units with the same past share one entry ("epochs 0–12: layer 1 units 1, 2; layer 2 unit 5").

const MAX_ENTRIES = 6;

function spanText([first, last]) {
  return first === last ? `${first}` : `${first}–${last}`;
}

/**
 * @param {{units: number[][][][], last: number}} history TimeKeeper.deadSpans(): per unit the
 *     spans [first, last] of kept epochs it was dead at, and the last kept epoch looked at
 * @returns {string} '' when no unit was ever dead
 */
export function deadHistoryText({units, last}) {
  const groups = new Map();  // the past, as text -> [layer] -> unit numbers
  units.forEach((layer, l) => layer.forEach((spans, u) => {
    if (!spans.length) return;
    const back = spans.at(-1)[1] < last ? ', alive again after' : '';
    const key = `epoch${spans.length > 1 || spans[0][0] !== spans[0][1] ? 's' : ''} ${
        spans.map(spanText).join(', ')}${back}`;
    if (!groups.has(key)) groups.set(key, []);
    (groups.get(key)[l] ??= []).push(u + 1);
  }));
  if (!groups.size) return '';
  const entries = [...groups].map(([past, layers]) => {
    const who = layers
                    .map(
                        (list, l) => list &&
                            `layer ${l + 1} unit${list.length > 1 ? 's' : ''} ${list.join(', ')}`)
                    .filter(Boolean);
    return `${past}: ${who.join('; ')}`;
  });
  const more = entries.length > MAX_ENTRIES ? ` And ${entries.length - MAX_ENTRIES} more.` : '';
  return `Dead on the training data at kept epochs — ${entries.slice(0, MAX_ENTRIES).join('. ')}.${
      more}`;
}
