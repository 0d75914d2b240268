// The page's features that load when first used, not with the page: the detail view (when a
// panel is opened), the evidence section (when it nears the viewport, or at once for a study
// link), the own-data editor (once the first epoch is shown, as it shows the networks' points)
// and the Share dialog (fetched once the first epoch is shown, so that it opens at once).
// Each stands in for its feature with the calls the page makes, until the feature is there.
import {el} from '../common/dom.js';
import {afterFirstEpoch, once, whenNear} from '../common/lazy.js';
import {RAW_HALF_WIDTH} from '../data/own-data.js';

/** The detail dialog of one panel (detail/detail-view.js). */
export class OnDemandDetail {
  /** @param {HTMLDialogElement} dialog @param {object} hooks DetailView's */
  constructor(dialog, hooks) {
    this.view = null;
    this.load = once(async () => {
      const {DetailView} = await import('../detail/detail-view.js');
      this.view = new DetailView(dialog, hooks);
      return this.view;
    });
  }

  /** The open panel's index, -1 when closed. */
  get index() {
    return this.view ? this.view.index : -1;
  }

  /** Resolves once the dialog is open: the frame that fills it must be asked for after. */
  async open(index, panel, title) {
    (await this.load()).open(index, panel, title);
  }

  update(frame, history) {
    this.view?.update(frame, history);
  }

  edited(error) {
    this.view?.edited(error);
  }
}

/** The many-seed studies below the panels (evidence/evidence-view.js). */
export class OnDemandEvidence {
  /** @param {HTMLElement} section @param {object} page EvidenceView's hooks */
  constructor(section, page) {
    this.view = null;
    this.settings = null;
    this.context = null;  // ready()'s arguments but the settings, once the schema is known
    this.load = once(async () => {
      const {EvidenceView} = await import('../evidence/evidence-view.js');
      this.view = new EvidenceView(section, page);
      if (this.context) this.startView();
    });
    this.section = section;
  }

  startView() {
    const {table, schema, names, backend} = this.context;
    this.view.ready(table, schema, names, this.settings, backend);
  }

  /** The schema is known: the form can be built, and a study link runs its study. */
  ready(table, schema, names, settings, backend) {
    this.context = {table, schema, names, backend};
    this.settings = settings;
    if (this.view)
      this.startView();
    else if (settings.study)
      this.load();
    // Near: within a few lines of scrolling, not a whole screen away. Watched from now on, when
    // the settings column is built: before, the page is short and the section seems near.
    whenNear(this.section, () => this.load(), '200px 0px');
  }

  show(settings) {
    this.settings = settings;
    if (this.view)
      this.view.show(settings);
    else if (settings.study && this.context)
      this.load();
  }
}

/**
 * The own-data editor (data/data-editor.js), the settings form's control for the data row: a
 * slot the form holds from the start, filled once the editor has loaded.
 */
export class OnDemandDataEditor {
  /** @param {object} schema lab.schema (the data row and the datasets) @param {object} hooks */
  constructor(schema, hooks) {
    const row = schema.settings.find((r) => r.key === 'data');
    // Every preset is a start: a regression's gives own data with its targets.
    const datasets = schema.settings.find((r) => r.key === 'dataset').options;
    this.editor = null;
    this.value = null;
    this.preset = null;
    this.element = el('div', {className: 'data-editor-slot'});
    // The settings form shows a value through its control's show().
    this.element.show = (value) => {
      this.value = value;
      this.editor?.show(value);
    };
    this.load = once(async () => {
      const {DataEditor} = await import('../data/data-editor.js');
      this.editor = new DataEditor(row, datasets, hooks);
      if (this.preset) this.editor.setPreset(...this.preset);
      this.editor.show(this.value);
      this.element.replaceChildren(this.editor.element);
    });
  }

  /**
   * A new arena exists (the editor is first used now): without own data, the editor shows the
   * preset's points (the arena's data(), scaled to the plot) in raw units until own data
   * replaces them.
   */
  created(data, ownData) {
    if (!ownData) {
      const toRaw = RAW_HALF_WIDTH / data.domain[1];
      // A regression's points carry targets, not classes: the plane starts empty to draw on.
      const points = data.range ? [] : [...data.trainX, ...data.testX].map((v) => v * toRaw);
      this.preset = [points, data.range ? [] : [...data.trainY, ...data.testY]];
      this.editor?.setPreset(...this.preset);
    }
    afterFirstEpoch.then(() => this.load());
  }
}

/**
 * Wires the Share button to its dialog (share-dialog.js), with the state `current()` returns
 * ({table, settings}, or null before the engine has loaded).
 */
export function shareOnDemand(button, current) {
  let dialog = null;
  const load = once(async () => (dialog = await import('./share-dialog.js')));
  afterFirstEpoch.then(load);
  // Once fetched, the click opens it at once (no await in between).
  button.addEventListener('click', async () => (dialog ?? (await load())).openShare(current));
}
