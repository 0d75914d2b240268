// What a figure runs once it starts (near the viewport, or asked to play): its trainer (a
// WorkerPool of one session in the page's shared trainer workers), its settings read from the
// attributes, and its panels. The element (relu-lab-figure.js) keeps the frame, the play state
// the reader asked for and the events; this module is fetched by the first figure that starts.
import {acknowledge, MSG, receiver} from '../trainer/protocol.js';
import {openSession} from '../trainer/shared-workers.js';
import {workerUrl} from '../trainer/start-worker.js';
import {requestedBackend} from '../trainer/trainer-rows.js';
import {WorkerPool} from '../trainer/worker-pool.js';

import {figureTable, parseAttributes} from './figure-attributes.js';
import {panelSize, showFigureNotices} from './figure-frame.js';
import {FigurePanels, paletteOf} from './figure-panels.js';

const WORKER_URL = workerUrl('trainer');
const FIT_GAP = 8;

// A policy that blocks the worker's module reports it inside the worker only: what a page with
// a Content-Security-Policy has to allow.
function policyHint() {
  const origin = WORKER_URL.origin;
  return origin === location.origin ? '' :
                                      ` A page with a Content-Security-Policy must allow ` +
          `worker-src blob: ${origin} (and script-src and connect-src ${origin}).`;
}

export class FigureRun {
  /**
   * Starts the figure's trainer (throws if no worker can start).
   * @param {HTMLElement} figure the element: its attributes, `ui` (figure-frame.js), epochLimit,
   *     and what it is told: loaded(), drawn(frame), fail(text)
   */
  constructor(figure) {
    this.figure = figure;
    this.ui = figure.ui;
    this.view = new FigurePanels(this.ui.panels);
    this.table = null;    // the figure's settings table, once the engine has loaded
    this.names = null;    // activation name -> display name
    this.current = null;  // the settings in use (URL keys)
    this.backend = null;
    this.generation = 0;
    this.lastFrame = null;
    this.pending = null;  // the newest frame not drawn yet
    this.created = null;  // the new arena's 'created', until its first frame is drawn
    this.data = null;
    this.running = false;  // what the pool was last told: playing or paused
    this.fitted = false;
    const backend = requestedBackend(`backend=${figure.getAttribute('backend') || 'auto'}`);
    this.pool = new WorkerPool({size: 1, backend, start: () => openSession(backend)});
    this.pool.onmessage = ({data}) => this.receive(data);
    this.pool.onerror = (event) => {
      figure.fail(`The figure's worker failed: ${event.message || 'it could not be loaded'}.${
          policyHint()}`);
    };
  }

  /** Stops for good (the element left the document): its worker session is closed. */
  stop() {
    this.pool.terminate();
    this.running = false;
  }

  /** Plays (at the settings' speed, up to the element's epoch limit) or pauses. */
  setPlaying(playing) {
    if (playing === this.running || !this.table) return;
    this.running = playing;
    if (playing)
      this.pool.play({speed: this.current.speed, until: this.figure.epochLimit});
    else
      this.pool.pause();
  }

  step(epochs) {
    if (this.table) this.pool.step({epochs});
  }

  /** Back to epoch 0 with the same settings (same seed: the same start). */
  reset() {
    if (this.table) this.createArena();
  }

  /** @returns {string|null} the page's hash for the settings in use */
  hash() {
    return this.table && this.current ? this.table.toHash(this.current) : null;
  }

  // The trainer's answers; the figure asks for no samples, fields or changes, so gets none.
  receive = receiver('relu-lab-figure', {
    [MSG.loaded]: (message) => {
      this.backend = message.backend;
      this.table = figureTable(message.schema);
      this.names = new Map(message.schema.activations.map((a) => [a.name, a.displayName]));
      this.applyAttributes();
      this.figure.loaded();
    },
    [MSG.created]:
        (message) => {
          if (message.generation === this.generation) this.created = message;
        },
    // Drawn at the next animation frame; one that a newer frame overtakes is dropped.
    [MSG.frame]:
        (frame) => {
          if (frame.generation !== this.generation) return acknowledge(this.pool, frame);
          if (this.pending) acknowledge(this.pool, this.pending);
          this.pending = frame;
          requestAnimationFrame(() => this.drawPending());
        },
    // The bar shows what the reader asked for, not the trainer's state.
    [MSG.paused]: () => {},
    [MSG.error]:
        (message) => {
          this.figure.fail(
              message.request === MSG.load ?
                  `The engine could not load: ${message.message}` :
                  `The trainer refused these settings: ${message.message}`);
        },
  });

  /** Reads the attributes again: a new arena, a new resolution, or a redraw. */
  applyAttributes() {
    const figure = this.figure;
    const {settings, notices} = parseAttributes(this.table, [...figure.attributes]);
    const before = this.current;
    this.current = settings;
    showFigureNotices(this.ui.notices, notices);
    this.ui.frame.style.setProperty('--rl-panel', panelSize(figure.getAttribute('panel-size')));
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    if (!before || !same(this.table.arenaSettings(before), this.table.arenaSettings(settings))) {
      this.createArena();
    } else if (before.res !== settings.res) {
      this.pool.setView({resolution: settings.res});
    } else if (this.lastFrame) {
      this.draw(this.lastFrame);
    }
    // A new speed: the element's next update sends play again with it.
    if (before && before.speed !== settings.speed) this.running = false;
  }

  createArena() {
    this.generation += 1;
    this.lastFrame = null;
    this.pending = null;
    this.created = null;
    this.running = false;
    this.figure.divergedSeen.clear();
    this.pool.create({
      generation: this.generation,
      settings: this.table.arenaSettings(this.current),
      view: {resolution: this.current.res, detail: -1},
    });
  }

  /** The host's colours changed (a theme): the panels are drawn in the new ones. */
  applyTheme() {
    if (this.view.panels.length) this.view.setPalette(paletteOf(this.figure));
    if (this.lastFrame) this.draw(this.lastFrame);
  }

  drawPending() {
    const frame = this.pending;
    if (!frame) return;
    this.pending = null;
    if (this.created) this.showPanels();
    this.draw(frame);
    if (!this.fitted) this.fit();
    acknowledge(this.pool, frame);
    this.figure.drawn(frame);
  }

  // A new arena's panels replace the old ones with its first frame, titled after them.
  showPanels() {
    const {panels, data} = this.created;
    const figure = this.figure;
    this.data = data;
    this.created = null;
    this.view.setPanels(panels, this.names, paletteOf(figure));
    const names = panels.map((p) => this.names.get(p.activation));
    this.ui.title.textContent = figure.getAttribute('label') ||
        `${names.join(' vs ')} on ${this.current.dataset} (seed ${this.current.seed})`;
    this.ui.frame.setAttribute('aria-label', `relu-lab figure: ${this.ui.title.textContent}`);
  }

  /**
   * With the `fit` attribute (the embed page), the panels take the largest square size that
   * shows them all inside the element's box, in the best number of columns.
   */
  fit() {
    const {frame, panels} = this.ui;
    if (!this.figure.hasAttribute('fit') || !this.view.panels.length) return;
    this.fitted = true;
    const first = this.view.panels[0].root;
    const extra = first.offsetHeight - first.querySelector('.field').offsetHeight;
    const chromeHeight = frame.offsetHeight - panels.offsetHeight;
    const width = panels.clientWidth;
    const height = this.figure.clientHeight - chromeHeight;
    const n = this.view.panels.length;
    let best = {size: 0, columns: 1};
    for (let columns = 1; columns <= n; ++columns) {
      const rows = Math.ceil(n / columns);
      const size = Math.min(
          (width - FIT_GAP * (columns - 1)) / columns,
          (height - FIT_GAP * (rows - 1)) / rows - extra);
      if (size > best.size) best = {size, columns};
    }
    const size = Math.max(60, Math.floor(best.size));
    panels.style.gridTemplateColumns = `repeat(${best.columns}, ${size}px)`;
    panels.style.justifyContent = 'center';
  }

  draw(frame) {
    this.lastFrame = frame;
    this.view.draw(frame, this.data, this.current);
    this.figure.renderBar();
  }
}
