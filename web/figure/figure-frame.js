// The figure's frame inside its shadow root: title, panels with the poster over them, the play
// bar, the notices and the caption slot. Built once; the element fills and updates it. The
// placeholder's panels are the trained panels' boxes (panelBox), laid out by the same function
// (layOut), so the figure keeps its height when it starts.
import {el} from '../common/dom.js';
import {MAX_PANELS} from '../settings/boot-keys.js';
import {firstEntries} from '../settings/parse-value.js';

import {figureLayout, intAttribute} from './figure-layout.js';

const NOTICE_LINES = 5;
// Below this panel width the numbers under a panel take a smaller font, to stay on one line.
const NARROW = 170;

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
 * @returns {object} the parts the element updates (title, stage, panels, poster, bar, play,
 *     step, reset, epoch, seed, link, status, notices, caption, frame)
 */
export function figureFrame(root, actions) {
  const ui = {
    frame: el('figure', {className: 'frame'}),
    title: el('p', {className: 'title'}),
    panels: el('div', {className: 'panels'}),
    stage: el('div', {className: 'stage'}),
    poster: button('', 'Play: train the networks'),
    bar: el('div', {className: 'bar', role: 'toolbar', 'aria-label': 'Training'}),
    play: button('Play'),
    step: button('Step', 'Step one epoch'),
    reset: button('Reset', 'Reset to epoch 0'),
    epoch: el('output', {className: 'epoch'}, ['epoch 0']),
    seed: button('New seed'),
    link: el('a', {target: '_blank', rel: 'noopener'}, ['open in relu-lab ↗']),
    // Over the panels, not under them: its text comes and goes without moving the page.
    status: el('p', {className: 'status', role: 'status'}),
    notices: el('ul', {className: 'notices'}),
    caption: el('figcaption', {className: 'caption'}, [el('slot', {name: 'caption'})]),
  };
  ui.poster.className = 'poster';
  ui.poster.append(el('span', {}, ['Play']));
  ui.play.setAttribute('aria-pressed', 'false');
  ui.seed.title = 'New data and weights';
  ui.notices.hidden = true;
  ui.bar.append(
      ui.play, ui.step, ui.reset, ui.epoch, el('span', {className: 'spacer'}), ui.seed, ui.link);
  ui.stage.append(ui.panels, ui.poster, ui.status);
  const slot = ui.caption.firstChild;
  const showCaption = () => (ui.caption.hidden = slot.assignedNodes().length === 0);
  slot.addEventListener('slotchange', showCaption);
  showCaption();
  ui.frame.append(ui.title, ui.stage, ui.bar, ui.notices, ui.caption);
  root.append(ui.frame);
  ui.poster.addEventListener('click', actions.play);
  ui.play.addEventListener('click', actions.toggle);
  ui.step.addEventListener('click', actions.step);
  ui.reset.addEventListener('click', actions.reset);
  ui.seed.addEventListener('click', actions.newSeed);
  return ui;
}

/**
 * One panel's box: its name (a heading of `heading-level`, else plain text, so that a figure
 * never breaks the heading order of the post around it), the field and a line of numbers.
 * @returns {{root: HTMLElement, name: HTMLElement, field: HTMLElement, stats: HTMLElement}}
 */
export function panelBox(title, headingLevel) {
  const level = intAttribute(headingLevel, 2, 6, 0);
  const name = el(level ? `h${level}` : 'p', {className: 'name'}, [title]);
  const field = el('div', {className: 'field'});
  const stats = el('p', {className: 'stats'}, ['–']);
  const root = el('div', {className: 'panel'});
  root.append(name, field, stats);
  return {root, name, field, stats};
}

/**
 * Lays the panels out in the figure's width (and with `fit`, its height): figureLayout's
 * columns and size, the same before and after the engine loads.
 * @param {object} ui figureFrame's parts
 * @param {HTMLElement} host the element
 */
export function layOut(ui, host) {
  const boxes = [...ui.panels.children];
  if (!boxes.length) return;
  const attribute = (name) => host.getAttribute(name);
  const box = {
    width: ui.panels.clientWidth,
    count: boxes.length,
    // The attribute, else the theming property of the same meaning (a CSS length in px).
    panelSize: attribute('panel-size') ??
        String(parseInt(getComputedStyle(host).getPropertyValue('--relu-lab-panel-size'), 10)),
    columns: attribute('columns'),
  };
  if (host.hasAttribute('fit')) {
    const first = boxes[0];
    box.extra = first.offsetHeight - first.querySelector('.field').offsetHeight;
    box.height = host.clientHeight - (ui.frame.offsetHeight - ui.panels.offsetHeight);
  }
  const {columns, size} = figureLayout(box);
  ui.panels.style.gridTemplateColumns = `repeat(${columns}, ${size}px)`;
  ui.panels.classList.toggle('narrow', size < NARROW);
}

/**
 * The author's poster image over the panels (made on first use: most figures have none), or
 * none. Decorative: the panels' own text says what they show.
 * @param {object} ui figureFrame's parts
 * @param {string|null} src the `poster` attribute; null hides it
 */
export function showStill(ui, src) {
  if (!src) {
    if (ui.still) ui.still.hidden = true;
    return;
  }
  if (!ui.still) {
    ui.still = el('img', {className: 'still', alt: ''});
    ui.still.addEventListener('error', () => (ui.still.hidden = true));
    ui.stage.insertBefore(ui.still, ui.poster);
  }
  ui.still.hidden = false;
  if (ui.still.getAttribute('src') !== src) ui.still.src = src;
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
 * Before the engine loads: the title and one blank panel per listed activation, read from the
 * attributes alone (at most MAX_PANELS, as core allows), laid out as the trained ones will be.
 * @param {object} ui figureFrame's parts
 * @param {HTMLElement} host the element
 */
export function showPlaceholder(ui, host) {
  const attribute = (name) => host.getAttribute(name);
  const tokens = firstEntries(attribute('activations') || 'relu,tanh', MAX_PANELS).entries;
  const title =
      attribute('label') || `${tokens.join(' vs ')} on ${attribute('dataset') || 'circle'}`;
  ui.title.textContent = title.length > 100 ? `${title.slice(0, 100)}…` : title;
  ui.frame.setAttribute('aria-label', `relu-lab figure: ${ui.title.textContent}`);
  const level = attribute('heading-level');
  ui.panels.replaceChildren(...tokens.map((token) => panelBox(token.slice(0, 40), level).root));
  layOut(ui, host);
}
