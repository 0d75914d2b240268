// The page's Share dialog: the link to the current state, an iframe snippet of the embed page and
// a <relu-lab-figure> snippet (from this site and from the npm CDN), each with a copy button, and
// the way to a classroom link. All of them carry the same networks, data and seed, so each shows
// what the page's panels show, except own data too large for a link, which the dialog says and
// offers as a file; the figure's snippets leave out the keys only the full page reads (a figure
// would name them as ignored) but keep the epoch shown (the figure's `at`), and name the still
// the dialog saves (share-still.js) as the element's poster and <noscript> image. Knows nothing
// about the worker.
import {el} from '../common/dom.js';
import {shareDataNote} from '../data/share-note.js';
import {elementSnippet, figureTable, iframeSnippet, linkedAttributes} from '../figure/figure-attributes.js';
import {stillName} from '../figure/figure-still.js';

import {cdnFigureUrl} from './cdn-snippet.js';
import {openClassroom} from './classroom-dialog.js';
import {copyBox} from './copy-box.js';
import {saveStill} from './share-still.js';

// What each text opens at: all of them keep the epoch shown (at=), else start at epoch 0.
function epochHint(settings, dataCarried) {
  const same = dataCarried ?
      'Each of these shows the same networks on the same data from the same seed.' :
      'Each of these shows the same networks from the same seed.';
  const figure = 'Snippets need no account and no build step.';
  if (settings.at >= 0) {
    return `${same} Each opens at epoch ${settings.at}, paused, as shown now. ${figure}`;
  }
  return `${same} Each starts training at epoch 0. ${figure}`;
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
    ...(cdnFigureUrl() ? {cdn: copyBox('share-cdn', 'Element snippet from the npm CDN', 5)} : {}),
    element: copyBox('share-element', 'Element snippet from this site', 5),
  };
  const still =
      el('button', {type: 'button', className: 'secondary share-still'}, ['Save still (PNG)']);
  const stillNote = el('span', {className: 'share-still-note'});
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
      el('p', {className: 'share-more'}, [still, ' ', stillNote]),
      el('p', {className: 'share-more'},
         [classroom, ' A link that shows your students only the parts you tick.']),
      close);
  document.body.append(dialog);
  return {dialog, hint, data, boxes, still, stillNote};
}

let parts = null;

/**
 * Opens the dialog with the state `current()` returns ({table, settings}, or null before the
 * engine has loaded: then nothing opens).
 */
export function openShare(current) {
  const state = current();
  if (!state) return;
  parts ??= build(current);
  const {table, settings} = state;
  const page = new URL(location.href);
  page.hash = table.toHash(settings);
  // The embed reads a figure's keys only: its panels always, as a figure's default differs.
  const figure = figureTable(table.schema);
  const embed = new URL('embed.html', page);
  embed.hash = [
    figure.toHash(settings, {always: ['activations', 'seed']}),
    ...linkedAttributes(settings).map(({key, value}) => `${key}=${value}`),
  ].join('&');
  const script = new URL('embed/relu-lab-figure.js', page);
  parts.hint.textContent = epochHint(settings, parts.data.update(table, settings));
  parts.boxes.link.text.value = page.href;
  parts.boxes.iframe.text.value = iframeSnippet(embed.href, settings.activations.length);
  parts.boxes.element.text.value = elementSnippet(figure, settings, script.href);
  if (parts.boxes.cdn)
    parts.boxes.cdn.text.value = elementSnippet(figure, settings, cdnFigureUrl());
  for (const box of Object.values(parts.boxes)) box.status.textContent = '';
  parts.still.onclick = () => saveStill(settings);
  parts.stillNote.textContent =
      `The panels as shown, as ${
          stillName(settings)}: put it beside your post, where the element snippets name it as ` +
      'the poster and the image shown without JavaScript.';
  parts.dialog.showModal();
}
