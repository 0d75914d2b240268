// A line above the panels saying that the fields are drawn coarser than chosen while training
// under load, hidden otherwise. It reads frames only: which thread made them is not its concern.

export class ResolutionNote {
  /** @param {HTMLElement} next the element the note goes before */
  constructor(next) {
    this.el = document.createElement('p');
    this.el.className = 'resolution-note';
    // The line keeps its place when empty (style.css hides it), so the panels never jump.
    this.el.dataset.coarse = 'false';
    next.before(this.el);
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
