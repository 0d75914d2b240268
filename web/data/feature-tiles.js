// The input features' control, as TF Playground shows them: a column of small tiles, each
// drawing its feature over the plane, pressed to feed it to the first layer. It reports the
// chosen names; which names exist is core's (the features row's options).
import {el} from '../common/dom.js';
import {FEATURE_LOOKS, featureValues} from '../common/input-features.js';
import {colorOf} from '../panels/field-canvas.js';

const TILE = 36;  // canvas pixels per side


// Paints feature `name` over [-h, h]^2 on the diverging palette.
function paint(canvas, name, h) {
  const values = featureValues(name, TILE, h);
  const ctx = canvas.getContext('2d');
  for (let i = 0; i < values.length; ++i) {
    ctx.fillStyle = colorOf(values[i]);
    ctx.fillRect(i % TILE, Math.floor(i / TILE), 1, 1);
  }
}

/**
 * Builds the tiles for the features row.
 * @param {object} row the settings table's features row (options, min)
 * @param {(names: string[]) => void} onChange the new list, in the row's option order
 * @returns {HTMLElement} the control; show(names, settings) presses the chosen tiles and paints
 *     them over the networks' input domain (settings.scaleInputs: [-1, 1], else [-6, 6])
 */
export function featureTiles(row, onChange) {
  const box = el('div', {className: 'feature-tiles', role: 'group', 'aria-label': row.label});
  const tiles = new Map();
  let chosen = [];
  let painted = null;
  for (const name of row.options) {
    const look = FEATURE_LOOKS[name];
    const canvas = el('canvas', {width: String(TILE), height: String(TILE), 'aria-hidden': 'true'});
    const button =
        el('button', {
          type: 'button',
          className: 'feature-tile',
          'aria-pressed': 'false',
          title: `${look.label}: press to feed it to the first layer`,
          dataset: {feature: name},
        },
           [canvas, el('span', {text: look.label})]);
    button.addEventListener('click', () => {
      const on = new Set(chosen);
      if (on.has(name)) {
        // The first layer needs an input: the last feature stays.
        if (on.size <= row.min) return;
        on.delete(name);
      } else {
        on.add(name);
      }
      onChange(row.options.filter((n) => on.has(n)));
    });
    tiles.set(name, {button, canvas});
    box.append(button);
  }
  box.show = (names, settings) => {
    chosen = names;
    const h = settings?.scaleInputs === false ? 6 : 1;
    if (painted !== h) {
      for (const [name, {canvas}] of tiles) paint(canvas, name, h);
      painted = h;
    }
    for (const [name, {button}] of tiles) {
      const on = names.includes(name);
      button.setAttribute('aria-pressed', String(on));
      button.disabled = on && names.length <= row.min;
    }
  };
  return box;
}
