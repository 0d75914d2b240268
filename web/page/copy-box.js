// A labelled read-only text with a Copy button and a status line, for the Share and Classroom
// dialogs: the clipboard where the browser allows it, else the text selected for Ctrl+C.
import {el} from '../common/dom.js';

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

/**
 * @param {string} id the textarea's id
 * @param {string} label its visible label
 * @param {number} rows its height in lines
 * @returns {{box: HTMLElement, text: HTMLTextAreaElement, status: HTMLElement}}
 */
export function copyBox(id, label, rows) {
  const box = el('div', {className: 'share-row'});
  const heading = el('label', {for: id
  }, [label]);
  const text = el('textarea', {id, readonly: true, rows, spellcheck: 'false'});
  const status = el('span', {className: 'share-status', role: 'status'});
  const button =
      el('button', {
        type: 'button',
        className: 'secondary',
        'aria-label': `Copy the ${label.toLowerCase()}`,
        onclick: () => copy(text.value, text, status),
      },
         ['Copy']);
  box.append(heading, text, button, status);
  return {box, text, status};
}
