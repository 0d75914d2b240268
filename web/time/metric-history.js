// What the page draws of the run's one history, which the worker keeps (js/run-history.mjs): per
// kept epoch, each panel's train and test loss and PReLU's mean alphas, and each hidden unit's
// life (when it died or revived, kept whole: only its changes). Frames bring each kept epoch's
// metrics once (frame.recorded) and the epochs still kept (frame.time.epochs), so the charts
// follow the worker's thinning; the live end is drawn from the frame itself.

function meanOf(values) {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
}

/**
 * Appends [epoch, dead] to a unit's events when its state changed.
 * @param {{layer: number, unit: number, events: [number, boolean][]}[]} life updated in place
 * @param {number} epoch
 * @param {boolean[][]} deadMask [layer][unit]
 */
function recordLife(life, epoch, deadMask) {
  let k = 0;
  deadMask.forEach((units, layer) => units.forEach((dead, unit) => {
    life[k] ??= {layer, unit, events: []};
    const events = life[k].events;
    if (!events.length || events.at(-1)[1] !== dead) events.push([epoch, dead]);
    k += 1;
  }));
}

/**
 * The epoch of the networks still training: a diverged network stops at its epoch while the
 * others go on (if every network diverged, the last epoch any reached).
 * @param {{epoch: number, diverged: boolean}[]} metrics arena.metrics()
 */
export function currentEpoch(metrics) {
  const training = metrics.filter((m) => !m.diverged);
  return Math.max(0, ...(training.length ? training : metrics).map((m) => m.epoch));
}

// A loss as the charts take it: a diverged (or absent) network has none after it stopped, a gap.
const lossOf = (m, key) => (m && !m.diverged && Number.isFinite(m[key]) ? m[key] : null);

export class MetricHistory {
  constructor(panels) {
    this.epochs = [];
    // alpha: one column per hidden layer (the mean alpha of that layer), PReLU panels only.
    // life: per hidden unit, its [epoch, dead] transitions (unit-life.js).
    this.panels = Array.from({length: panels}, () => ({train: [], test: [], alpha: [], life: []}));
  }

  /**
   * Takes a frame's news: the kept epochs it brings ({epoch, metrics} each, metrics null for a
   * panel that has none), then drops what the worker no longer keeps (`kept`, increasing).
   * @returns {boolean} whether the drawn epochs changed
   */
  update(recorded, kept) {
    let changed = false;
    for (const {epoch, metrics} of recorded) changed = this.push(epoch, metrics) || changed;
    return this.keepOnly(kept) || changed;
  }

  // One kept epoch, after the last one drawn.
  push(epoch, metrics) {
    if (this.epochs.length && this.epochs.at(-1) >= epoch) return false;
    this.epochs.push(epoch);
    metrics.forEach((m, i) => {
      const p = this.panels[i];
      p.train.push(lossOf(m, 'trainLoss'));
      p.test.push(lossOf(m, 'testLoss'));
      if (m && !m.diverged) recordLife(p.life, epoch, m.deadMask);
      (m?.alphas ?? []).forEach((layer, l) => {
        if (!p.alpha[l]) p.alpha[l] = new Array(this.epochs.length - 1).fill(null);
        p.alpha[l].push(meanOf(layer));
      });
      for (const column of p.alpha) {
        if (column.length < this.epochs.length) column.push(null);
      }
    });
    return true;
  }

  // The worker thinned its history: the charts drop the same epochs (unit lives stay whole).
  keepOnly(kept) {
    const keep = new Set(kept);
    const at = this.epochs.map((e, i) => (keep.has(e) ? i : -1)).filter((i) => i >= 0);
    if (at.length === this.epochs.length) return false;
    const pick = (column) => at.map((i) => column[i]);
    this.epochs = pick(this.epochs);
    for (const p of this.panels) {
      p.train = pick(p.train);
      p.test = pick(p.test);
      p.alpha = p.alpha.map(pick);
    }
    return true;
  }

  /** Drops the epochs after `epoch` (training continues from there). */
  truncate(epoch) {
    const keep = this.epochs.findIndex((e) => e > epoch);
    if (keep < 0) return;
    this.epochs.length = keep;
    for (const p of this.panels) {
      p.train.length = keep;
      p.test.length = keep;
      for (const column of p.alpha) column.length = Math.min(column.length, keep);
    }
  }

  /**
   * @param {object[]} [live] the metrics of the frame shown at the live end, drawn after the
   *     kept epochs (a fraction of an epoch, or one not kept yet)
   * @returns {number[][]} uPlot columns: epochs, then one test-loss series per panel.
   */
  testLossColumns(live) {
    const epoch = live ? currentEpoch(live) : -1;
    if (!live || (this.epochs.length && epoch <= this.epochs.at(-1))) {
      return [this.epochs, ...this.panels.map((p) => p.test)];
    }
    return [
      [...this.epochs, epoch],
      ...this.panels.map((p, i) => [...p.test, lossOf(live[i], 'testLoss')])
    ];
  }
}
