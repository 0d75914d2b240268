// A figure's panels: one field canvas per network with its name and two numbers, drawn in the
// figure's theme colours with the page's titles and point layers, in the placeholder's boxes
// (figure-frame.js's panelBox). Knows nothing about the worker or the attributes.
import {el} from '../common/dom.js';
import {score} from '../common/format.js';
import {FieldCanvas, fieldDrawing, makePalette} from '../panels/field-canvas.js';
import {pointLayers} from '../panels/panel-grid.js';
import {panelTitle, paramsText} from '../panels/panel.js';

import {panelBox} from './figure-frame.js';

// The canvas keeps this backing size; CSS scales it to the panel.
const CANVAS_SIZE = 320;


// Any CSS colour to [r, g, b], through a 1x1 canvas (it understands every colour syntax).
function rgbOf(color, fallback) {
  const ctx = new OffscreenCanvas(1, 1).getContext('2d');
  ctx.fillStyle = fallback;
  ctx.fillStyle = color.trim() || fallback;
  ctx.fillRect(0, 0, 1, 1);
  return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
}

/** @returns {object} a FieldCanvas palette from the host's computed --rl-* colours. */
export function paletteOf(host) {
  const style = getComputedStyle(host);
  const get = (name, fallback) => rgbOf(style.getPropertyValue(`--rl-${name}`), fallback);
  const [r, g, b] = get('background', '#ffffff');
  return makePalette(
      [get('class-0', '#e66101'), get('class-1', '#5e3c99')], get('neutral', '#f7f7f7'),
      `rgb(${r}, ${g}, ${b})`);
}

function loss(x) {
  return Number.isFinite(x) ? x.toPrecision(3) : '—';
}

export class FigurePanels {
  /** @param {HTMLElement} container emptied and filled with panels */
  constructor(container) {
    this.container = container;
    this.panels = [];
    this.palette = null;
  }

  /**
   * @param {{activation: string, params: object, label: string}[]} panels as the arena reports
   * @param {Map<string, string>} names activation name -> display name
   * @param {object} palette from paletteOf
   * @param {string|null} headingLevel the element's `heading-level`
   */
  setPanels(panels, names, palette, headingLevel) {
    this.palette = palette;
    this.panels = panels.map((panel) => {
      const title = panelTitle(panel, names);
      const params = paramsText(panel);
      const {root, name, field, stats} = panelBox(title, headingLevel);
      const canvas = el('canvas');
      canvas.width = canvas.height = CANVAS_SIZE;
      canvas.setAttribute('role', 'img');
      field.append(canvas);
      if (params) name.title = `${title} (${params})`;
      return {root, canvas, stats, title, field: new FieldCanvas(canvas, palette)};
    });
    this.container.replaceChildren(...this.panels.map((p) => p.root));
  }

  /** Re-colours (a theme change) without new panels. */
  setPalette(palette) {
    this.palette = palette;
    for (const p of this.panels) p.field.palette = palette;
  }

  /**
   * @param {{metrics: object[], fields: Float32Array[], resolution: number}} frame
   * @param {object} data the arena's points (trainX, trainY, testX, testY, domain)
   * @param {{test: boolean, discretize: boolean}} view
   */
  draw(frame, data, view) {
    const layers = pointLayers(data, view.test);
    // Narrow panels (figure-frame.js's layOut): whole percents, the number before its label (an
    // ellipsis cuts the label, not the number).
    const narrow = this.container.classList.contains('narrow');
    const scoreText = (m) => {
      const {label, text} = score(m, narrow ? 0 : 1);
      return narrow ? `${text} ${label}` : `${label} ${text}`;
    };
    this.panels.forEach((panel, i) => {
      const m = frame.metrics[i];
      panel.field.draw(fieldDrawing(frame, i, view, layers, data));
      panel.stats.classList.toggle('diverged', m.diverged);
      // Two parts, on one line or (narrow panels) two: figure-style.js's .stats.
      const parts = m.diverged ? [`diverged in epoch ${m.divergedAt}`] :
                                 [scoreText(m), `loss ${loss(m.testLoss)}`];
      panel.stats.replaceChildren(...parts.map((text) => el('span', {}, [text])));
      panel.canvas.setAttribute(
          'aria-label',
          `${panel.title}: ${data.range ? 'output surface' : 'decision field'} at epoch ${
              m.epoch}, ${score(m).label} ${score(m).text}`);
    });
  }
}
