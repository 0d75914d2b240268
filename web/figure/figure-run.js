// What a figure runs once it starts (near the viewport, or asked to play): its trainer (a
// WorkerPool of one session in the page's shared trainer workers), its settings read from the
// attributes, and its panels. The element (relu-lab-figure.js) keeps the frame, the play state
// the reader asked for and the events; this module is fetched by the first figure that starts.
import {boundReplay, MAX_LINKED_EPOCH} from '../common/replay-bound.js';
import {acknowledge, MSG, receiver} from '../trainer/protocol.js';
import {openSession} from '../trainer/shared-workers.js';
import {workerUrl} from '../trainer/start-worker.js';
import {requestedBackend} from '../trainer/trainer-rows.js';
import {WorkerPool} from '../trainer/worker-pool.js';

import {figureTable, parseAttributes} from './figure-attributes.js';
import {layOut, showFigureNotices} from './figure-frame.js';
import {intAttribute} from './figure-layout.js';
import {FigurePanels, paletteOf} from './figure-panels.js';

const WORKER_URL = workerUrl('trainer');

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
    this.pending = null;       // the newest frame not drawn yet
    this.created = null;       // the new arena's 'created', until its first frame is drawn
    this.shown = null;         // the 'created' of the panels shown
    this.headingLevel = null;  // the heading-level they were named with
    this.data = null;
    this.running = false;  // what the pool was last told: playing or paused
    this.at = -1;          // the epoch the `at` attribute shows, bounded as a link's; -1: none
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
    if (this.table) this.createArena(-1);
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
      this.schema = message.schema;
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
    const beforeAt = this.at;
    this.current = settings;
    const replay = this.linkedEpoch();
    this.at = replay.at;
    showFigureNotices(this.ui.notices, replay.notice ? [...notices, replay.notice] : notices);
    layOut(this.ui, figure);
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    if (!before || beforeAt !== this.at ||
        !same(this.table.arenaSettings(before), this.table.arenaSettings(settings))) {
      this.createArena(this.at);
    } else if (before.res !== settings.res) {
      this.pool.setView({resolution: settings.res});
    } else if (this.lastFrame) {
      // A new heading level: the same panels, named anew.
      if (figure.getAttribute('heading-level') !== this.headingLevel) this.showPanels(this.shown);
      this.draw(this.lastFrame);
    }
    // A new speed: the element's next update sends play again with it.
    if (before && before.speed !== settings.speed) this.running = false;
  }

  // The `at` attribute, read and bounded as the page reads and bounds a link's `at=`.
  linkedEpoch() {
    const raw = this.figure.getAttribute('at');
    if (raw === null) return {at: -1, notice: null};
    const at = intAttribute(raw.trim(), 0, MAX_LINKED_EPOCH, -1);
    if (at < 0) {
      return {
        at,
        notice: `at: ${JSON.stringify(raw.slice(0, 20))} is not an epoch from 0 to ${
            MAX_LINKED_EPOCH}, so the figure starts at epoch 0.`,
      };
    }
    return boundReplay(this.schema, this.table.arenaSettings(this.current), at);
  }

  /** A new run: at epoch `at`, trained there and paused (a link's epoch), or -1: epoch 0. */
  createArena(at) {
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
      at,
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
    acknowledge(this.pool, frame);
    this.figure.drawn(frame);
  }

  // A new arena's panels replace the old ones with its first frame, titled after them.
  showPanels(created = this.created) {
    const {panels, data} = created;
    const figure = this.figure;
    this.data = data;
    this.created = null;
    this.shown = created;
    this.headingLevel = figure.getAttribute('heading-level');
    this.view.setPanels(panels, this.names, paletteOf(figure), this.headingLevel);
    layOut(this.ui, figure);
    const names = panels.map((p) => this.names.get(p.activation));
    this.ui.title.textContent = figure.getAttribute('label') ||
        `${names.join(' vs ')} on ${this.current.dataset} (seed ${this.current.seed})`;
    this.ui.frame.setAttribute('aria-label', `relu-lab figure: ${this.ui.title.textContent}`);
  }

  draw(frame) {
    this.lastFrame = frame;
    this.view.draw(frame, this.data, this.current);
    this.figure.renderBar();
  }
}
