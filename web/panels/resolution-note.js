// A note over the panels' bottom edge saying that the fields are drawn coarser than chosen while
// training under load, hidden otherwise. It reads frames only: which thread made them is not its
// concern.

export class ResolutionNote {
  /** @param {HTMLElement} el the note's element (index.html lays it over the panels' edge) */
  constructor(el) {
    this.el = el;
  }

  /**
   * @param {{resolution: number, trainMs: number}} frame the frame just drawn
   * @param {number} chosen the resolution the settings ask for
   */
  show({resolution, trainMs}, chosen) {
    const coarse = trainMs > 0 && resolution < chosen;
    this.el.dataset.coarse = String(coarse);
    this.el.dataset.resolution = String(resolution);
    if (coarse) {
      this.el.textContent = `Fields at ${resolution} px while training (${chosen} px when ` +
          'paused): this device needs the time for training.';
    }
  }
}
