// A run's history: every network's parameters and metrics at the epochs worth keeping, thinned
// so that memory stays bounded however long the run. Fields are not kept: they are recomputed
// from the kept parameters (arena.setParams), which gives the live field bit for bit.

// Every epoch up to here is kept: the first epochs are where the boundaries form.
export const HISTORY_DENSE_EPOCHS = 200;
// Beyond them, epochs on a log grid with this many points per factor of 10...
export const HISTORY_PER_DECADE = 64;
// ...until the history holds this many entries; then the grid is halved (every other point
// dropped), so the count never exceeds it: 200 dense + 400 log-spaced entries, at 64 per
// decade, reach epoch 200 * 10^(400/64) ~ 3.6e8 before the first halving.
export const HISTORY_MAX_ENTRIES = 600;

// Whether `epoch` (> HISTORY_DENSE_EPOCHS) lies on the log grid of `perDecade` points per decade
// starting at HISTORY_DENSE_EPOCHS. A grid of perDecade / 2 points is a subset of it.
export function onLogGrid(epoch, perDecade) {
  const k = Math.round(perDecade * Math.log10(epoch / HISTORY_DENSE_EPOCHS));
  return Math.round(HISTORY_DENSE_EPOCHS * 10 ** (k / perDecade)) === epoch;
}

/**
 * One entry per kept epoch: {epoch, params: Float32Array[] (one per network, arena.params()'s
 * layout), metrics: object[] (arena.metrics() then)}, in increasing epoch order.
 */
export class RunHistory {
  constructor() {
    this.entries = [];
    this.perDecade = HISTORY_PER_DECADE;
    this.bytes = 0;  // parameters exactly, metrics as their JSON text (UTF-16): an estimate
  }

  /** @returns {boolean} whether record() would keep `epoch` (so params need not be read). */
  wants(epoch) {
    const last = this.entries.at(-1);
    if (!Number.isInteger(epoch) || (last && epoch <= last.epoch)) return false;
    return epoch <= HISTORY_DENSE_EPOCHS || onLogGrid(epoch, this.perDecade);
  }

  /** Keeps the arena's state at its current whole `epoch` if wants(epoch). */
  recordArena(arena, epoch) {
    if (!this.wants(epoch)) return false;
    const params = [];
    for (let i = 0; i < arena.size; ++i) params.push(arena.params(i));
    this.record(epoch, params, arena.metrics());
    return true;
  }

  record(epoch, params, metrics) {
    const entry = {epoch, params, metrics, bytes: entryBytes(params, metrics)};
    this.entries.push(entry);
    this.bytes += entry.bytes;
    while (this.entries.length > HISTORY_MAX_ENTRIES) this.thin();
  }

  // Halves the log grid and drops the entries that are no longer on it.
  thin() {
    this.perDecade /= 2;
    this.entries = this.entries.filter((e) => {
      const keep = e.epoch <= HISTORY_DENSE_EPOCHS || onLogGrid(e.epoch, this.perDecade);
      if (!keep) this.bytes -= e.bytes;
      return keep;
    });
  }

  /** @returns {number[]} the kept epochs, increasing. */
  epochs() {
    return this.entries.map((e) => e.epoch);
  }

  /**
   * @returns {object|null} the entry of the kept epoch nearest to `epoch` (the earlier on a tie).
   */
  nearest(epoch) {
    let best = null;
    for (const e of this.entries) {
      if (!best || Math.abs(e.epoch - epoch) < Math.abs(best.epoch - epoch)) best = e;
    }
    return best;
  }

  /** @returns {object|null} the entry of exactly `epoch`, or null. */
  at(epoch) {
    return this.entries.find((e) => e.epoch === epoch) ?? null;
  }

  /** Drops every entry after `epoch` (training continues from there). */
  truncate(epoch) {
    while (this.entries.length && this.entries.at(-1).epoch > epoch) {
      this.bytes -= this.entries.pop().bytes;
    }
  }

  /** @returns {{entries: number, bytes: number, first: number, last: number}} */
  memory() {
    return {
      entries: this.entries.length,
      bytes: this.bytes,
      first: this.entries[0]?.epoch ?? 0,
      last: this.entries.at(-1)?.epoch ?? 0,
    };
  }
}

function entryBytes(params, metrics) {
  return params.reduce((sum, p) => sum + p.byteLength, 0) + 2 * JSON.stringify(metrics).length;
}

/**
 * Runs `fn()` with the arena's networks showing the kept `entry`'s weights, then puts the live
 * weights back, even if fn throws: e.g. fieldAt() below, or a frame of an export.
 */
export function withEntry(arena, entry, fn) {
  const live = entry.params.map((_, i) => arena.params(i));
  try {
    entry.params.forEach((p, i) => arena.setParams(i, p));
    return fn();
  } finally {
    live.forEach((p, i) => arena.setParams(i, p));
  }
}

/**
 * Network `index`'s field at kept epoch `epoch` (as arena.field()), from the kept weights.
 * @returns {Float32Array|null} null if the epoch is not kept or the network has no field
 */
export function fieldAt(arena, history, index, epoch, resolution, kind = 'probability') {
  const entry = history.at(epoch);
  if (!entry) return null;
  return withEntry(arena, entry, () => arena.field(index, resolution, kind));
}
