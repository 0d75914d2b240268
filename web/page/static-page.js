// What the page shows before the wasm module is there: the intro, one button per experiment,
// the transport's buttons and keys, and blank panels of the right count, so nothing jumps when
// the networks arrive. Its handlers call the wiring (main.js) through `actions`.
import {el} from '../common/dom.js';
import {regionsNote} from '../panels/region-view.js';
import {listedPanels} from '../settings/boot-keys.js';

import {bindKeys} from './controls.js';
import {EXPERIMENTS, INTRO} from './experiments.js';

const $ = (id) => document.getElementById(id);

/**
 * @param {{toggle: Function, step: Function, stepBatch: Function, reset: Function,
 *     experiment: (id: string) => void, back: Function, newSeed: Function, savePng: Function,
 *     closeNotices: Function, showControls: Function}} actions
 */
export function buildStaticPage(actions) {
  $('intro').replaceChildren(...INTRO.map((text) => el('p', {}, [text])));
  $('experiments')
      .replaceChildren(...EXPERIMENTS.map(
          (exp) =>
              el('button', {
                type: 'button',
                dataset: {experiment: exp.id},
                onclick: () => actions.experiment(exp.id),
              },
                 [exp.title])));
  const clicks = {
    'play': actions.toggle,
    'step': actions.step,
    'step-batch': actions.stepBatch,
    'reset': actions.reset,
    'experiment-back': actions.back,
    'regenerate': actions.newSeed,
    'export-grid': actions.savePng,
    'notice-close': actions.closeNotices,
    'show-controls': actions.showControls,
  };
  for (const [id, handler] of Object.entries(clicks)) $(id).addEventListener('click', handler);
  $('regions-note').textContent = regionsNote();
  bindKeys(actions);
}

/**
 * How many panels a link will show, read before the schema exists: index.html holds two blank
 * ones (the landing's); an experiment has three; an activations list says, up to the most a link
 * can have.
 * @param {string} hash
 * @returns {number}
 */
export function expectedPanels(hash) {
  const listed = listedPanels(/[#&]activations=([^&]*)/.exec(hash)?.[1] ?? '');
  return listed || (/[#&]exp=./.test(hash) ? 3 : 2);
}
