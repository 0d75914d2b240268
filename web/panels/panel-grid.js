// The page's grid of panels: it builds a panel per activation, draws each frame's fields with the
// dataset's points (or, where the workers draw them, hands them the canvases: fields-where.js),
// and composes the grid into one canvas for the PNG export (saving files is common/download.js's;
// the embeddable figure has panels of its own).
import {fieldDrawing, pointLayers} from './field-canvas.js';
import {fieldsInWorkers} from './fields-where.js';
import {Panel, panelTitle} from './panel.js';

export {pointLayers};

export class PanelGrid {
  /**
   * @param {HTMLElement} container emptied and filled with panels
   * @param {(index: number) => void} onOpen called when a panel is clicked or Enter is pressed
   */
  constructor(container, onOpen) {
    this.container = container;
    this.panels = [];
    // Whether the workers draw the fields; decided once, so every arena is drawn alike.
    this.inWorkers = fieldsInWorkers();
    container.addEventListener('click', (event) => {
      const panel = event.target.closest('.panel');
      if (panel) onOpen(Number(panel.dataset.index));
    });
  }

  // Sizes the grid for `count` panels (see .panel-grid in style.css).
  size(count) {
    this.container.dataset.count = String(count);
    this.container.classList.toggle('many', count > 4);
  }

  /**
   * Empty panels of the final size while the wasm module loads, so that nothing moves when the
   * real ones arrive.
   */
  skeleton(count) {
    this.size(count);
    const blanks = Array.from({length: count}, (_, i) => {
      const blank = new Panel({activation: '', params: {}, label: ''}, i, '\u00a0').root;
      blank.className = 'panel-skeleton';
      blank.querySelector('button').disabled = true;
      blank.setAttribute('aria-hidden', 'true');
      return blank;
    });
    this.container.replaceChildren(...blanks);
  }

  /**
   * Rebuilds the panels for the networks the arena actually has.
   * @param {{activation: string, params: object, label: string}[]} panels
   * @param {Map<string, string>} names activation name -> display name
   */
  setPanels(panels, names) {
    this.size(panels.length);
    this.panels = panels.map(
        (panel, i) => new Panel(panel, i, panelTitle(panel, names), {local: !this.inWorkers}));
    this.container.replaceChildren(...this.panels.map((p) => p.root));
  }

  /**
   * @returns {OffscreenCanvas[]|null} the new panels' canvases for the workers to draw in, once
   *     (null where the page draws them itself)
   */
  handOver() {
    return this.inWorkers ? this.panels.map((panel) => panel.handOver()) : null;
  }

  /**
   * Shows one frame from the worker: its numbers, and its fields unless a worker drew them.
   * @param {{metrics: object[], fields: Float32Array[], resolution: number}} frame
   * @param {object} data normalised arena data (trainX, trainY, testX, testY, domain)
   * @param {{discretize: boolean, test: boolean}} view
   */
  draw(frame, data, view) {
    const layers = pointLayers(data, view.test);
    this.panels.forEach((panel, i) => {
      panel.setMetrics(frame.metrics[i]);
      panel.draw(fieldDrawing(frame, i, view, layers, data));
    });
  }

  /** @returns {HTMLCanvasElement} all fields side by side with their names, for a PNG. */
  composite() {
    const size = this.panels.length ? this.panels[0].canvas.width : 0;
    const label = 28;
    const cols = Math.min(5, this.panels.length);
    const rows = Math.ceil(this.panels.length / Math.max(1, cols));
    const out = document.createElement('canvas');
    out.width = cols * size;
    out.height = rows * (size + label);
    const ctx = out.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.font = '16px system-ui, sans-serif';
    this.panels.forEach((panel, i) => {
      const x = (i % cols) * size, y = Math.floor(i / cols) * (size + label);
      ctx.fillStyle = '#222222';
      const d = panel.root.dataset;
      const name = panel.root.querySelector('.panel-name').textContent;
      const acc = d.diverged === 'true' ? 'diverged' : d.score;
      ctx.fillText(`${name}  ${acc}  epoch ${d.epoch}`, x + 6, y + 19);
      ctx.drawImage(panel.canvas, x, y + label);  // a canvas a worker draws in, too
    });
    return out;
  }
}
