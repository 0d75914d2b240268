// The figure's frame inside its shadow root: title, panels with the poster over them, the play
// bar, the status line and the notices. Built once; the element fills and updates it.
import {el} from '../common/dom.js';
import {MAX_PANELS} from '../settings/boot-keys.js';
import {firstEntries} from '../settings/parse-value.js';

const NOTICE_LINES = 5;

function button(text, label) {
  const b = el('button', {}, [text]);
  b.type = 'button';
  if (label) b.setAttribute('aria-label', label);
  return b;
}

/**
 * Builds the frame into `root` and wires its buttons to `actions`.
 * @param {ShadowRoot} root
 * @param {{play: Function, toggle: Function, step: Function, reset: Function,
 *     newSeed: Function}} actions
 * @returns {object} the parts the element updates (title, panels, poster, bar, play, step,
 *     reset, epoch, seed, link, status, notices, frame)
 */
export function figureFrame(root, actions) {
  const ui = {
    frame: el('section', {className: 'frame'}),
    title: el('p', {className: 'title'}),
    panels: el('div', {className: 'panels'}),
    poster: button('', 'Play: train the networks'),
    bar: el('div', {className: 'bar', role: 'toolbar', 'aria-label': 'Training'}),
    play: button('Play'),
    step: button('Step', 'Step one epoch'),
    reset: button('Reset', 'Reset to epoch 0'),
    epoch: el('output', {className: 'epoch'}, ['epoch 0']),
    seed: button('New seed'),
    link: el('a', {target: '_blank', rel: 'noopener'}, ['open in relu-lab ↗']),
    status: el('p', {className: 'status', role: 'status'}),
    notices: el('ul', {className: 'notices'}),
  };
  ui.poster.className = 'poster';
  ui.poster.append(el('span', {}, ['Play']));
  ui.play.setAttribute('aria-pressed', 'false');
  ui.seed.title = 'New data and weights';
  ui.notices.hidden = true;
  ui.bar.append(
      ui.play, ui.step, ui.reset, ui.epoch, el('span', {className: 'spacer'}), ui.seed, ui.link);
  const stage = el('div');
  stage.style.position = 'relative';
  stage.append(ui.panels, ui.poster);
  ui.frame.append(ui.title, stage, ui.bar, ui.status, ui.notices);
  root.append(ui.frame);
  ui.poster.addEventListener('click', actions.play);
  ui.play.addEventListener('click', actions.toggle);
  ui.step.addEventListener('click', actions.step);
  ui.reset.addEventListener('click', actions.reset);
  ui.seed.addEventListener('click', actions.newSeed);
  return ui;
}

/** At most NOTICE_LINES sentences in the figure's notice list; none hides it. */
export function showFigureNotices(list, notices) {
  const items = notices.slice(0, NOTICE_LINES).map((text) => el('li', {}, [text]));
  if (notices.length > NOTICE_LINES) {
    items.push(el('li', {}, [`And ${notices.length - NOTICE_LINES} more.`]));
  }
  list.replaceChildren(...items);
  list.hidden = notices.length === 0;
}

/**
 * Before the engine loads: the title and one blank box per listed panel, read from the
 * attributes alone (at most MAX_PANELS, as core allows).
 * @param {object} ui figureFrame's parts
 * @param {(name: string) => string|null} attribute
 */
export function showPlaceholder(ui, attribute) {
  const tokens = firstEntries(attribute('activations') || 'relu,tanh', MAX_PANELS).entries;
  const title =
      attribute('label') || `${tokens.join(' vs ')} on ${attribute('dataset') || 'circle'}`;
  ui.title.textContent = title.length > 100 ? `${title.slice(0, 100)}…` : title;
  ui.frame.setAttribute('aria-label', `relu-lab figure: ${ui.title.textContent}`);
  const boxes = el('div', {className: 'placeholder'}, tokens.map(() => el('div')));
  ui.panels.replaceChildren(boxes);
  ui.frame.style.setProperty('--rl-panel', panelSize(attribute('panel-size')));
}

/** @returns {string} the panel-size attribute as a CSS length, '' when absent or out of range */
export function panelSize(value) {
  const n = Number(value);
  return Number.isFinite(n) && n >= 80 && n <= 800 ? `${n}px` : '';
}
