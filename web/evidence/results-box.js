// Where a study's result shows: one box (progress, status, verdicts, plot, table, a claim's extra
// outcomes, downloads) that sits under the form for the form's studies and inside the claim for
// a claim's, with the note that a claim changed the panels and its Undo. It moves focus to a
// finished result.
import {el} from '../common/dom.js';

export class ResultsBox {
  /** @param {{download: function(string)}} actions */
  constructor({download}) {
    this.out = {
      note: el('p', {className: 'evidence-panels-note', hidden: true}),
      progress: el('div', {className: 'evidence-progress', hidden: true}),
      status: el('p', {className: 'evidence-status', role: 'status'}),
      verdicts: el('ul', {className: 'evidence-verdicts'}),
      plot: el('div', {className: 'evidence-plot'}),
      table: el('div', {className: 'evidence-table-scroll'}),
      // A claim's extra outcomes (claims.js `also`), each a plot and a table.
      also: el('div', {className: 'evidence-also'}),
      downloads: el('p', {className: 'evidence-downloads', hidden: true}),
    };
    this.out.bar = el('progress', {max: 1, value: 0});
    this.out.progressText = el('span', {className: 'progress-text'});
    this.out.progress.append(this.out.bar, this.out.progressText);
    for (const [kind, label] of [['csv', 'Download CSV'], ['json', 'Download JSON']]) {
      this.out.downloads.append(el('button', {
        type: 'button',
        className: 'secondary',
        text: label,
        onclick: () => download(kind),
      }));
    }
    const {note, progress, status, verdicts, plot, table, also, downloads} = this.out;
    this.node =
        el('div', {className: 'evidence-results', role: 'region', tabIndex: -1},
           [note, progress, status, verdicts, plot, table, also, downloads]);
    this.node.setAttribute('aria-label', 'Study result');
  }

  /** Puts the box after `node` (the form) or at the end of `node` (a claim's item). */
  place(node, inside) {
    if (inside)
      node.append(this.node);
    else
      node.after(this.node);
  }

  /**
   * Says that the panels now show `what`, with an Undo that calls `undo` (and then says so);
   * no `what` hides the note.
   */
  panelsChanged(what, undo) {
    const note = this.out.note;
    note.hidden = !what;
    if (!what) return note.replaceChildren();
    const button = el('button', {
      type: 'button',
      className: 'secondary evidence-undo',
      text: 'Undo',
      onclick: () => {
        undo();
        note.replaceChildren('The panels are back to the setting you had.');
      },
    });
    note.replaceChildren(`The panels above now show ${what}. `, button);
  }

  /**
   * A finished result: focus moves to it unless the reader went elsewhere meanwhile (focus in
   * another part of the page than the form, the box or the claim that ran it).
   */
  focus(form) {
    const active = document.activeElement;
    const home = this.node.parentElement;
    const stayed =
        !active || active === document.body || form.contains(active) || home.contains(active);
    if (!stayed) return;
    this.node.focus({preventScroll: true});
    this.node.scrollIntoView({block: 'nearest'});
  }
}
