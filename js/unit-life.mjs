// Unit life in a study without keeping fields: each hidden unit's dead mask (core's one
// definition, metrics().deadMask) read at kept epochs, and the units that were dead at one kept
// epoch and alive at a later one (revivals). The page's per-run strip (web/detail/unit-life.js)
// shows the same thing for one run at every kept epoch.

/** Keeps each unit's state between kept epochs and the first revival of each unit. */
export class UnitLife {
  constructor() {
    this.deadSince = new Map();  // 'layer:unit' -> the first kept epoch of its current dead spell
    this.revived = new Map();    // 'layer:unit' -> {layer, unit, deadAt, revivedAt}
  }

  /** The dead mask ([layer][unit] booleans) at kept epoch `epoch` (increasing). */
  observe(epoch, deadMask) {
    deadMask.forEach((units, layer) => units.forEach((dead, unit) => {
      const key = `${layer}:${unit}`;
      if (dead) {
        if (!this.deadSince.has(key)) this.deadSince.set(key, epoch);
        return;
      }
      if (!this.deadSince.has(key)) return;
      if (!this.revived.has(key))
        this.revived.set(key, {layer, unit, deadAt: this.deadSince.get(key), revivedAt: epoch});
      this.deadSince.delete(key);
    }));
  }

  /**
   * @returns {{revivals: number, lateRevivals: number, revival: {layer, unit, deadAt,
   *     revivedAt}|null}} revivals: units that came back at least once; lateRevivals: those
   *     whose dead spell began after epoch 0 (they died while training, not at the start);
   *     revival: the earliest comeback, of a unit that died while training if there is one
   *     (deadAt: the first kept epoch of the dead spell it ended)
   */
  summary() {
    const all = [...this.revived.values()];
    const late = all.filter((r) => r.deadAt > 0);
    const earliest = (list) =>
        list.reduce((a, b) => (!a || b.revivedAt < a.revivedAt ? b : a), null);
    return {
      revivals: all.length,
      lateRevivals: late.length,
      revival: earliest(late) ?? earliest(all),
    };
  }
}

/** Kept epochs of a study of `epochs` epochs: every epoch up to 200, else about 200 of them. */
export function lifeStep(epochs) {
  return Math.max(1, Math.ceil(epochs / 200));
}
