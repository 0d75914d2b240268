// What the Share dialog says about own data a link cannot carry (more points than a link holds):
// that the link and the snippets show the preset instead, with the data as a CSV file to pass on.
// Whether a link carries it is the data row's own inLink.
import {el} from '../common/dom.js';
import {download} from '../common/download.js';

import {MAX_LINK_POINTS} from './own-data.js';

/**
 * A paragraph for the Share dialog, hidden while links carry the page's data; its update(table,
 * settings) shows or hides it and returns whether the link carries the data on screen.
 * @returns {HTMLElement & {update: (table: object, settings: object) => boolean}}
 */
export function shareDataNote() {
  const text = el('span');
  const button = el('button', {type: 'button', className: 'secondary', text: 'Download CSV'});
  const note = el('p', {className: 'share-data', id: 'share-data', hidden: true}, [text, button]);
  let data = null;
  button.addEventListener('click', async () => {
    // The CSV writer loads with the data editor, not with the page.
    const {toCsv} = await import('./data-csv.js');
    download(new Blob([toCsv(data)], {type: 'text/csv'}), 'relu-lab-data.csv');
  });
  note.update = (table, settings) => {
    data = settings.data;
    const carried = !data || table.row('data').inLink(data);
    note.hidden = carried;
    if (!carried) {
      text.textContent = `Your ${data.x.length} points are more than a link holds ` +
          `(${MAX_LINK_POINTS}), so the link and both snippets train on the ${
                             settings.dataset} preset instead. Pass the data on as a file: ` +
          'Upload CSV under Data reads it back. ';
    }
    return carried;
  };
  return note;
}
