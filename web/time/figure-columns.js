// Which epochs the "over time" figure draws for its asked columns (the cols key): each asked
// epoch the run has reached becomes the nearest kept one, "final" the epoch shown (or the live
// end), and no epoch is drawn twice. Asked epochs past the run are left out and named.

/**
 * @param {(number|'final')[]} cols the asked columns, increasing, "final" last
 * @param {{epochs: number[], shown: number|null}} time the trainer's time summary (kept epochs)
 * @param {number} live the epoch of the live end (may be a fraction of an epoch)
 * @returns {{ask: (number|'final')[], asked: (number|'final')[], beyond: number[]}} ask: what
 *     to request of the trainer, distinct epochs in increasing order; asked: the column each
 *     stands for; beyond: asked epochs the run has not reached
 */
export function figureColumns(cols, time, live) {
  const kept = time.epochs;
  const end = time.shown ?? live;
  const nearest = (n) =>
      kept.reduce((best, e) => (Math.abs(e - n) < Math.abs(best - n) ? e : best));
  const ask = [];
  const asked = [];
  const beyond = [];
  const taken = new Set();
  if (cols.includes('final')) taken.add(end);
  for (const col of cols) {
    if (col === 'final') continue;
    if (col > end) {
      beyond.push(col);
      continue;
    }
    const epoch = nearest(col);
    if (taken.has(epoch)) continue;
    taken.add(epoch);
    ask.push(epoch);
    asked.push(col);
  }
  if (cols.includes('final')) {
    ask.push('final');
    asked.push('final');
  }
  return {ask, asked, beyond};
}
