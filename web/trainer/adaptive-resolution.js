// Picks the field resolution of frames that train: the chosen one while the worker time per
// frame fits the budget, else the largest step down whose predicted time fits. Pure logic: the
// pool feeds it timings and sends what it picks; it never touches a worker or the page.

/** Worker time one training frame may take (a 60 Hz display's frame). */
export const FRAME_BUDGET_MS = 16;
// Fractions of the chosen resolution tried in turn (fields cost grows with the square).
const STEPS = [1, 3 / 4, 1 / 2, 3 / 8, 1 / 4];
// Going back up needs room to spare, so that the resolution does not flip every few frames.
const UP_HEADROOM = 0.7;
// Frames of timings the decision looks at: a median, as one slow frame (GC, another tab) must
// not change the resolution.
const WINDOW = 5;

function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export class AdaptiveResolution {
  /**
   * @param {number} minResolution the smallest grid core accepts (lab.schema.limits)
   * @param {number} [budgetMs]
   */
  constructor(minResolution, budgetMs = FRAME_BUDGET_MS) {
    this.minResolution = minResolution;
    this.budgetMs = budgetMs;
    this.chosen = 0;
    this.level = 0;  // index into STEPS of the resolution in use
    this.samples = [];
  }

  /** The resolution asked for (the page's setting): training frames start from it again. */
  choose(resolution) {
    this.chosen = resolution;
    this.level = 0;
    this.samples = [];
  }

  /** @returns {number} the resolution of frames that train. */
  get resolution() {
    return this.at(this.level);
  }

  at(level) {
    return Math.max(this.minResolution, Math.round((this.chosen * STEPS[level]) / 8) * 8);
  }

  /**
   * Records one training frame's worker timings (the slowest worker's) and returns the
   * resolution the next training frames should use.
   * @param {{computeMs: number, fieldMs: number, paintMs?: number, resolution: number}} frame
   *     paintMs: the worker's drawing of the fields into the page's canvases, where it draws
   */
  update({computeMs, fieldMs, paintMs = 0, resolution}) {
    // Per grid point, so that frames at other resolutions predict this one alike. Painting
    // fills the same canvases at every grid: a coarser one cannot buy it back, so it is left out.
    const points = resolution * resolution;
    this.samples.push(
        {rest: Math.max(0, computeMs - fieldMs - paintMs), perPoint: fieldMs / points});
    if (this.samples.length > WINDOW) this.samples.shift();
    if (this.samples.length < WINDOW) return this.resolution;
    const rest = median(this.samples.map((s) => s.rest));
    const perPoint = median(this.samples.map((s) => s.perPoint));
    const predict = (level) => rest + perPoint * this.at(level) ** 2;
    const before = this.level;
    while (this.level + 1 < STEPS.length && predict(this.level) > this.budgetMs &&
           this.at(this.level + 1) < this.at(this.level)) {
      this.level += 1;
    }
    if (this.level === before && this.level > 0 &&
        predict(this.level - 1) <= UP_HEADROOM * this.budgetMs) {
      this.level -= 1;
    }
    if (this.level !== before) this.samples = [];
    return this.resolution;
  }
}

/**
 * Frames at the resolution asked for, however long they take: a pool's quality when it is not
 * given an AdaptiveResolution (it has the same three members).
 */
export function fixedResolution() {
  return {
    resolution: 0,
    choose(resolution) {
      this.resolution = resolution;
    },
    update() {
      return this.resolution;
    },
  };
}
