// The worker's side of a run's time: it records the run's one history while the arena trains
// (frames carry each kept epoch's metrics to the page once: the page keeps only what it draws),
// shows a kept epoch by loading its weights into the arena (and the live weights back before
// training on), and answers requests for fields at kept epochs (the figure, the exports).
import {RunHistory} from '../../js/run-history.mjs';

export class TimeKeeper {
  constructor() {
    this.history = new RunHistory();
    this.shown = null;  // the kept entry the arena shows, or null for the live end
    this.live = null;   // the live weights while a kept epoch is shown
    this.unsent = [];   // kept entries no frame has carried yet
  }

  /** A new arena: an empty history holding its epoch 0. */
  reset(arena) {
    this.history = new RunHistory();
    this.shown = null;
    this.live = null;
    this.unsent = [];
    this.record(arena, 0);
  }

  /** Called after each training call: keeps the state if `epochs` is whole and wanted. */
  record(arena, epochs) {
    if (this.history.recordArena(arena, epochs)) this.unsent.push(this.history.entries.at(-1));
  }

  /**
   * The kept epochs no frame has carried yet, as {epoch, metrics}, oldest first (then they count
   * as carried). A thinned entry may be among them: the frame's summary says what is kept.
   */
  takeRecorded() {
    const recorded = this.unsent.map(({epoch, metrics}) => ({epoch, metrics}));
    this.unsent = [];
    return recorded;
  }

  /** Loads the weights of the kept epoch nearest `epoch`; returns its entry. */
  show(arena, epoch) {
    const entry = this.history.nearest(epoch);
    if (!entry) return null;
    if (!this.live) this.live = entry.params.map((_, i) => arena.params(i));
    entry.params.forEach((p, i) => arena.setParams(i, p));
    this.shown = entry;
    return entry;
  }

  /** Puts the live weights back (before training, or when the reader returns to the end). */
  backToLive(arena) {
    if (this.live) this.live.forEach((p, i) => arena.setParams(i, p));
    this.live = null;
    this.shown = null;
  }

  /**
   * Training goes on from kept `epoch` in a rebuilt arena: later entries and the old live
   * weights are dropped.
   */
  truncate(epoch) {
    this.history.truncate(epoch);
    this.unsent = this.unsent.filter((e) => e.epoch <= epoch);
    this.live = null;
    this.shown = null;
  }

  /**
   * The fields of every network at the kept epochs nearest `epochs` (a number, or 'final' for
   * the shown epoch or the live end), then the shown weights restored.
   * @returns {{epoch: number, asked: number|string, metrics: object[], fields: Float32Array[]}[]}
   */
  fieldsAt(arena, epochs, resolution, liveMetrics, liveEpochs, transfer) {
    const shown = this.shown;
    if (!this.live) this.live = liveMetrics.map((_, i) => arena.params(i));
    const load = (params) => params.forEach((p, i) => arena.setParams(i, p));
    const columns = epochs.map((asked) => {
      const entry = asked === 'final' ? shown : this.history.nearest(asked);
      load(entry ? entry.params : this.live);
      const metrics = entry ? entry.metrics : liveMetrics;
      const fields = metrics.map((_, i) => arena.field(i, resolution));
      for (const f of fields) {
        if (f) transfer.push(f.buffer);
      }
      return {epoch: entry ? entry.epoch : liveEpochs, asked, metrics, fields};
    });
    if (shown)
      load(shown.params);
    else
      this.backToLive(arena);
    return columns;
  }

  /** What the page's timeline needs: the kept epochs, the shown one and the memory used. */
  summary() {
    const {bytes} = this.history.memory();
    return {epochs: this.history.epochs(), shown: this.shown?.epoch ?? null, bytes};
  }
}
