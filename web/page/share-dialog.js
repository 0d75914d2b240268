// The page's Share dialog: the link to the current state, an iframe snippet of the embed page and
// a <relu-lab-figure> snippet, each with a copy button. All three carry the same networks, data
// and seed, so each shows what the page's panels show; the figure's snippet leaves out the keys
// only the full page reads (a figure would name them as ignored). Knows nothing about the worker.
import {el} from '../common/dom.js';
import {elementSnippet, figureTable, iframeSnippet} from '../figure/figure-attributes.js';

import {cdnFigureUrl} from './cdn-snippet.js';


async function copy(text, textarea, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied.';
  } catch {
    // No clipboard permission (an iframe, an old browser): leave it selected for Ctrl+C.
    textarea.focus();
    textarea.select();
    status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
  }
}

function row(dialog, id, label, rows) {
  const box = el('div', {className: 'share-row'});
  const heading = el('label', {}, [label]);
  heading.htmlFor = id;
  const text = el('textarea');
  text.id = id;
  text.readOnly = true;
  text.rows = rows;
  text.spellcheck = false;
  const button = el('button', {className: 'secondary'}, ['Copy']);
  button.type = 'button';
  button.setAttribute('aria-label', `Copy the ${label.toLowerCase()}`);
  const status = el('span', {className: 'share-status'});
  status.setAttribute('role', 'status');
  button.addEventListener('click', () => copy(text.value, text, status));
  box.append(heading, text, button, status);
  dialog.querySelector('.share-rows').append(box);
  return text;
}

function build() {
  const dialog = el('dialog', {className: 'share'});
  dialog.setAttribute('aria-labelledby', 'share-title');
  const title = el('h2', {}, ['Share this state']);
  title.id = 'share-title';
  const close = el('button', {className: 'share-close'}, ['Close']);
  close.type = 'button';
  close.addEventListener('click', () => dialog.close());
  dialog.append(
      title,
      el('p', {className: 'hint'},
         ['Each of these shows the same networks on the same data from the same seed, from ' +
          'epoch 0. Snippets need no account and no build step.']),
      el('div', {className: 'share-rows'}), close);
  document.body.append(dialog);
  return {
    dialog,
    link: row(dialog, 'share-link', 'Link to this page', 2),
    iframe: row(dialog, 'share-iframe', 'Iframe snippet', 3),
    cdn: cdnFigureUrl() && row(dialog, 'share-cdn', 'Element snippet from the npm CDN', 4),
    element: row(dialog, 'share-element', 'Element snippet from this site', 4),
  };
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
    parts ??= build();
    const hash = state.table.toHash(state.settings);
    const page = new URL(location.href);
    page.hash = hash;
    const embed = new URL('embed.html', page);
    embed.hash = hash;
    const script = new URL('embed/relu-lab-figure.js', page);
    parts.link.value = page.href;
    parts.iframe.value = iframeSnippet(embed.href, state.settings.activations.length);
    const figure = figureTable(state.table.schema);
    parts.element.value = elementSnippet(figure, state.settings, script.href);
    if (parts.cdn) parts.cdn.value = elementSnippet(figure, state.settings, cdnFigureUrl());
    for (const status of parts.dialog.querySelectorAll('.share-status')) status.textContent = '';
    parts.dialog.showModal();
  });
}
