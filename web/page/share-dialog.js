// The page's Share dialog: the link to the current state, an iframe snippet of the embed page and
// a <relu-lab-figure> snippet (from this site and from the npm CDN), each with a copy button, and
// the way to a classroom link. All of them carry the same networks, data and seed, so each shows
// what the page's panels show, except own data too large for a link, which the dialog says and
// offers as a file; the figure's snippets leave out the keys only the full page reads (a figure
// would name them as ignored). Knows nothing about the worker.
import {el} from '../common/dom.js';
import {shareDataNote} from '../data/share-note.js';
import {elementSnippet, figureTable, iframeSnippet} from '../figure/figure-attributes.js';

import {cdnFigureUrl} from './cdn-snippet.js';
import {openClassroom} from './classroom-dialog.js';
import {copyBox} from './copy-box.js';

// What each text opens at: a link keeps the epoch shown (at=), a figure always starts at 0.
function epochHint(settings, dataCarried) {
  const same = dataCarried ?
      'Each of these shows the same networks on the same data from the same seed.' :
      'Each of these shows the same networks from the same seed.';
  const figure = 'Snippets need no account and no build step, and start training at epoch 0.';
  if (settings.at >= 0) {
    return `${same} The link opens at epoch ${settings.at}, paused, as shown now. ${figure}`;
  }
  return `${same} The link starts training at epoch 0. ${figure}`;
}

function build(current) {
  const dialog = el('dialog', {className: 'share', 'aria-labelledby': 'share-title'});
  const close =
      el('button', {type: 'button', className: 'share-close', onclick: () => dialog.close()},
         ['Close']);
  const hint = el('p', {className: 'hint share-hint'});
  const data = shareDataNote();
  const boxes = {
    link: copyBox('share-link', 'Link to this page', 2),
    iframe: copyBox('share-iframe', 'Iframe snippet', 3),
    ...(cdnFigureUrl() ? {cdn: copyBox('share-cdn', 'Element snippet from the npm CDN', 4)} : {}),
    element: copyBox('share-element', 'Element snippet from this site', 4),
  };
  const classroom =
      el('button', {
        type: 'button',
        className: 'secondary share-classroom',
        onclick: () => {
          dialog.close();
          openClassroom(current());
        },
      },
         ['Classroom link…']);
  dialog.append(
      el('h2', {id: 'share-title'}, ['Share this state']), hint, data,
      el('div', {className: 'share-rows'}, Object.values(boxes).map((b) => b.box)),
      el('p', {className: 'share-more'},
         [classroom, ' A link that shows your students only the parts you tick.']),
      close);
  document.body.append(dialog);
  return {dialog, hint, data, boxes};
}

let parts = null;

/**
 * Wires `button` to open the dialog with the state `current()` returns ({table, settings}, or
 * null before the engine has loaded).
 */
export function initShare(button, current) {
  button.addEventListener('click', () => {
    const state = current();
    if (!state) return;
    parts ??= build(current);
    const {table, settings} = state;
    const page = new URL(location.href);
    page.hash = table.toHash(settings);
    // The embed reads a figure's keys only: its panels always, as a figure's default differs.
    const figure = figureTable(table.schema);
    const embed = new URL('embed.html', page);
    embed.hash = figure.toHash(settings, {always: ['activations', 'seed']});
    const script = new URL('embed/relu-lab-figure.js', page);
    parts.hint.textContent = epochHint(settings, parts.data.update(table, settings));
    parts.boxes.link.text.value = page.href;
    parts.boxes.iframe.text.value = iframeSnippet(embed.href, settings.activations.length);
    parts.boxes.element.text.value = elementSnippet(figure, settings, script.href);
    if (parts.boxes.cdn)
      parts.boxes.cdn.text.value = elementSnippet(figure, settings, cdnFigureUrl());
    for (const box of Object.values(parts.boxes)) box.status.textContent = '';
    parts.dialog.showModal();
  });
}
