// Per-panel history of the metrics the charts show (train/test loss, PReLU alphas), one sample
// per frame, thinned to a bounded length, and each hidden unit's life (when it died or revived,
// kept whole: only its changes are stored). Filled by main.js from the worker's frames.

const MAX_SAMPLES = 2000;

function meanOf(values) {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
}

/**
 * Records one sample: appends [epoch, dead] to a unit's events when its state changed.
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

export class MetricHistory {
  constructor(panels) {
    this.epochs = [];
    // alpha: one column per hidden layer (the mean alpha of that layer), PReLU panels only.
    // life: per hidden unit, its [epoch, dead] transitions (unit-life.js).
    this.panels = Array.from({length: panels}, () => ({train: [], test: [], alpha: [], life: []}));
  }

  /** Records one frame's metrics; a repeated epoch (e.g. a view-only frame) is skipped. */
  push(metrics) {
    const epoch = currentEpoch(metrics);
    if (this.epochs.length && this.epochs[this.epochs.length - 1] >= epoch) return false;
    this.epochs.push(epoch);
    metrics.forEach((m, i) => {
      const p = this.panels[i];
      // A diverged network has no loss after it stopped: a gap, not its last finite value.
      const live = !m.diverged;
      p.train.push(live && Number.isFinite(m.trainLoss) ? m.trainLoss : null);
      p.test.push(live && Number.isFinite(m.testLoss) ? m.testLoss : null);
      if (live) recordLife(p.life, epoch, m.deadMask);
      m.alphas.forEach((layer, l) => {
        if (!p.alpha[l]) p.alpha[l] = new Array(this.epochs.length - 1).fill(null);
        p.alpha[l].push(meanOf(layer));
      });
    });
    if (this.epochs.length > MAX_SAMPLES) this.thin();
    return true;
  }

  // Keeps every second sample and the newest one.
  thin() {
    const keep = (_, i, all) => i % 2 === 0 || i === all.length - 1;
    this.epochs = this.epochs.filter(keep);
    for (const p of this.panels) {
      p.train = p.train.filter(keep);
      p.test = p.test.filter(keep);
      p.alpha = p.alpha.map((column) => column.filter(keep));
    }
  }

  /** Drops the samples after `epoch` (training continues from there). */
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

  /** @returns {number[][]} uPlot columns: epochs, then one test-loss series per panel. */
  testLossColumns() {
    return [this.epochs, ...this.panels.map((p) => p.test)];
  }
}
