// The notice box above the panels: what a link, the form, the trainer or an error corrected or
// refused, as plain sentences under a title that says where they come from.
import {el} from '../common/dom.js';

const NOTICE_LINES = 5;
const NOTICE_TITLES = {
  link: 'Some settings from the link were corrected:',
  form: 'Your entry was corrected:',
  trainer: 'The trainer adjusted these settings:',
  error: 'Something went wrong:',
  time: 'Continued from an earlier epoch:',
};

/**
 * Shows at most NOTICE_LINES sentences (URL text is only ever plain text); none hides the box.
 * @param {string[]} notices
 * @param {'link'|'form'|'trainer'|'error'|'time'} [source]
 */
export function showNotices(notices, source = 'link') {
  const shown = notices.slice(0, NOTICE_LINES).map((text) => el('li', {}, [text]));
  if (notices.length > NOTICE_LINES) {
    shown.push(el('li', {}, [`And ${notices.length - NOTICE_LINES} more.`]));
  }
  document.getElementById('notices').replaceChildren(...shown);
  document.getElementById('notice-title').textContent = NOTICE_TITLES[source];
  document.getElementById('notice-box').hidden = notices.length === 0;
}
