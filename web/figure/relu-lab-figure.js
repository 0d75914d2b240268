// <relu-lab-figure>: relu-lab's panels as one embeddable element (shadow DOM; its trainer is the
// page's WorkerPool with one worker, started near the viewport, paused off-screen), configured by
// the page's URL settings as attributes. The page's form, charts and detail view are left out.
import {requestedBackend} from '../page/engine-rows.js';
import {acknowledge, MSG, receiver} from '../trainer/protocol.js';
import {workerUrl} from '../trainer/start-worker.js';
import {WorkerPool} from '../trainer/worker-pool.js';

import {figureTable, parseAttributes} from './figure-attributes.js';
import {figureFrame, panelSize, showFigureNotices, showPlaceholder} from './figure-frame.js';
import {FigurePanels, paletteOf} from './figure-panels.js';
import {figureSheet} from './figure-style.js';

// The page sits one folder up, from the source tree's figure/ and from the built embed/ alike.
const PAGE_URL = new URL('../', import.meta.url);
const WORKER_URL = workerUrl('trainer');
const EPOCH_EVENT_MS = 250;
const NEAR_VIEWPORT = '300px 0px';


const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

export class ReluLabFigure extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({mode: 'open'});
    root.adoptedStyleSheets = [figureSheet()];
    this.ui = figureFrame(root, {
      play: () => this.play(),
      toggle: () => (this.wantPlay ? this.pause() : this.play()),
      step: () => this.step(1),
      reset: () => this.reset(),
      newSeed: () => this.setAttribute('seed', String(Math.floor(Math.random() * 2147483647))),
    });
    this.view = new FigurePanels(this.ui.panels);
    this.pool = null;  // the trainer, from the first start()
    this.table = null;
    this.generation = 0;
    this.wantPlay = false;
    this.running = false;
    this.onScreen = false;
    this.lastFrame = null;
    this.pending = null;
    this.lastEpochEvent = 0;
    this.divergedSeen = new Set();
    this.state = 'idle';
    this.onVisibility = () => this.update();
    this.onTheme = () => this.applyTheme();
  }

  /** The settings in use (URL keys, as the page's hash), or null before the engine loads. */
  get settings() {
    return this.current ? structuredClone(this.current) : null;
  }

  /** Each panel's latest metrics (arena.metrics()), or [] before the first frame. */
  get metrics() {
    return this.lastFrame ? this.lastFrame.metrics : [];
  }

  /** @returns {string|null} 'wasm-simd128' or 'wasm-scalar' once loaded. */
  get backend() {
    return this.loadedBackend || null;
  }

  get epochLimit() {
    const n = Number(this.getAttribute('epochs'));
    return Number.isInteger(n) && n > 0 ? n : Infinity;
  }

  connectedCallback() {
    this.renderPlaceholder();
    this.observer = new IntersectionObserver((entries) => {
      this.onScreen = entries[entries.length - 1].isIntersecting;
      if (this.onScreen && !this.pool) this.start();
      this.update();
    }, {rootMargin: NEAR_VIEWPORT});
    this.observer.observe(this);
    this.mutations = new MutationObserver(() => this.applyAttributes());
    this.mutations.observe(this, {attributes: true});
    this.resizer = new ResizeObserver(() => this.fit());
    this.resizer.observe(this);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.themeQuery = matchMedia('(prefers-color-scheme: dark)');
    this.themeQuery.addEventListener('change', this.onTheme);
    if (this.getAttribute('loading') === 'eager') this.start();
  }

  disconnectedCallback() {
    this.observer.disconnect();
    this.mutations.disconnect();
    this.resizer.disconnect();
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.themeQuery.removeEventListener('change', this.onTheme);
    if (this.pool) this.pool.terminate();
    this.pool = null;
    this.table = null;
    this.current = null;
    this.lastFrame = null;
    this.running = false;
    this.state = 'idle';
  }

  /** Starts training (loading the engine first if needed). */
  play() {
    this.wantPlay = true;
    if (!this.pool) this.start();
    this.update();
  }

  pause() {
    this.wantPlay = false;
    this.update();
  }

  /** Back to epoch 0 with the same settings (same seed: the same start). */
  reset() {
    if (this.table) this.createArena();
  }

  /** Trains `n` epochs (default 1) and shows the result; pauses play. */
  step(n = 1) {
    this.wantPlay = false;
    this.update();
    const epochs = Math.max(1, Math.min(1000, Math.floor(Number(n)) || 1));
    if (this.table) this.pool.step({epochs});
  }

  // Effective play: wanted, on screen, tab visible, epoch limit not reached.
  update() {
    const epoch = this.lastFrame ? this.lastFrame.metrics[0].epoch : 0;
    const run = this.wantPlay && this.onScreen && !document.hidden && Boolean(this.table) &&
        epoch < this.epochLimit;
    if (run !== this.running && this.pool && this.table) {
      this.running = run;
      if (run)
        this.pool.play({speed: this.current.speed, until: this.epochLimit});
      else
        this.pool.pause();
    }
    if (this.table) this.state = run ? 'playing' : 'paused';
    this.renderBar();
  }

  renderPlaceholder() {
    if (this.table) return;
    showPlaceholder(this.ui, (name) => this.getAttribute(name));
    this.renderBar();
  }

  renderBar() {
    const ui = this.ui;
    const mode = this.getAttribute('controls') || 'minimal';
    ui.bar.hidden = mode === 'none';
    ui.seed.hidden = mode !== 'full';
    ui.link.hidden = mode !== 'full' && !this.hasAttribute('embed');
    ui.play.textContent = this.wantPlay ? 'Pause' : 'Play';
    ui.play.setAttribute('aria-pressed', String(this.wantPlay));
    ui.step.disabled = ui.reset.disabled = !this.table;
    const epoch = this.lastFrame ? this.lastFrame.metrics[0].epoch : 0;
    ui.epoch.textContent = `epoch ${epoch}`;
    // The poster: before the first epoch, and whenever paused without a bar to resume from.
    ui.poster.hidden = this.wantPlay || (epoch > 0 && mode !== 'none');
    if (this.table && this.current) {
      const page = this.getAttribute('page');
      const url = page ? new URL(page, location.href) : PAGE_URL;
      ui.link.href = `${url.origin}${url.pathname}#${this.table.toHash(this.current)}`;
      ui.link.hidden = ui.link.hidden || !/^https?:$/.test(url.protocol);
    }
  }

  start() {
    if (this.pool) return;
    this.state = 'loading';
    this.ui.status.textContent = 'Loading the networks…';
    const backend = requestedBackend(`backend=${this.getAttribute('backend') || 'auto'}`);
    try {
      this.pool = new WorkerPool({size: 1, backend});
    } catch (error) {
      this.fail(
          `The figure's worker could not start (${error.message}). A page with a ` +
          'Content-Security-Policy must allow worker-src blob: and the origin of the ' +
          'figure\'s script.');
      return;
    }
    this.pool.onmessage = ({data}) => this.receive(data);
    this.pool.onerror = (event) => {
      // A policy that blocks the worker's module reports it inside the worker only: say what
      // a page with a Content-Security-Policy has to allow.
      const hint = WORKER_URL.origin === location.origin ?
          '' :
          ` A page with a Content-Security-Policy must allow worker-src blob: ${
              WORKER_URL.origin} (and script-src and connect-src ${WORKER_URL.origin}).`;
      this.fail(`The figure's worker failed: ${event.message || 'it could not be loaded'}.${hint}`);
    };
  }

  fail(text) {
    this.state = 'error';
    this.wantPlay = false;
    this.ui.status.textContent = text;
    this.renderBar();
    this.dispatchEvent(new CustomEvent('error', {detail: {message: text}}));
  }

  // The trainer's answers; the figure asks for no samples, fields or changes, so gets none.
  receive = receiver('relu-lab-figure', {
    [MSG.loaded]: (message) => {
      this.loadedBackend = message.backend;
      this.table = figureTable(message.schema);
      this.names = new Map(message.schema.activations.map((a) => [a.name, a.displayName]));
      this.ui.status.textContent = '';
      this.applyAttributes();
      if (this.hasAttribute('autoplay') && !reducedMotion()) this.wantPlay = true;
      this.update();
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
    // The bar shows what the reader asked for (wantPlay), not the trainer's state.
    [MSG.paused]: () => {},
    [MSG.error]:
        (message) => {
          this.fail(
              message.request === MSG.load ?
                  `The engine could not load: ${message.message}` :
                  `The trainer refused these settings: ${message.message}`);
        },
  });

  applyAttributes() {
    if (!this.table) return this.renderPlaceholder();
    const {settings, notices} = parseAttributes(this.table, [...this.attributes]);
    const before = this.current;
    this.current = settings;
    this.showNotices(notices);
    this.ui.frame.style.setProperty('--rl-panel', panelSize(this.getAttribute('panel-size')));
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    if (!before || !same(this.table.arenaSettings(before), this.table.arenaSettings(settings))) {
      this.createArena();
    } else if (before.res !== settings.res) {
      this.pool.setView({resolution: settings.res});
    } else if (this.lastFrame) {
      this.draw(this.lastFrame);
    }
    if (this.running && before && before.speed !== settings.speed) {
      this.running = false;  // update() sends play again with the new speed
    }
    this.update();
  }

  showNotices(notices) {
    showFigureNotices(this.ui.notices, notices);
  }

  createArena() {
    this.generation += 1;
    this.lastFrame = null;
    this.pending = null;
    this.created = null;
    this.running = false;
    this.divergedSeen.clear();
    this.pool.create({
      generation: this.generation,
      settings: this.table.arenaSettings(this.current),
      view: {resolution: this.current.res, detail: -1},
    });
  }

  applyTheme() {
    if (this.view.panels.length) this.view.setPalette(paletteOf(this));
    if (this.lastFrame) this.draw(this.lastFrame);
  }

  drawPending() {
    const frame = this.pending;
    if (!frame) return;
    this.pending = null;
    if (this.created) {
      const {panels, data} = this.created;
      this.data = data;
      this.created = null;
      this.view.setPanels(panels, this.names, paletteOf(this));
      const names = panels.map((p) => this.names.get(p.activation));
      this.ui.title.textContent = this.getAttribute('label') ||
          `${names.join(' vs ')} on ${this.current.dataset} (seed ${this.current.seed})`;
      this.ui.frame.setAttribute('aria-label', `relu-lab figure: ${this.ui.title.textContent}`);
    }
    this.draw(frame);
    if (!this.fitted) this.fit();
    acknowledge(this.pool, frame);
    this.afterFrame(frame);
  }

  // With the `fit` attribute (the embed page), the panels take the largest square size that
  // shows them all inside the element's box, in the best number of columns.
  fit() {
    const {frame, panels} = this.ui;
    if (!this.hasAttribute('fit') || !this.view.panels.length) return;
    this.fitted = true;
    const first = this.view.panels[0].root;
    const gap = 8;
    const extra = first.offsetHeight - first.querySelector('.field').offsetHeight;
    const chromeHeight = frame.offsetHeight - panels.offsetHeight;
    const width = panels.clientWidth;
    const height = this.clientHeight - chromeHeight;
    const n = this.view.panels.length;
    let best = {size: 0, columns: 1};
    for (let columns = 1; columns <= n; ++columns) {
      const rows = Math.ceil(n / columns);
      const size = Math.min(
          (width - gap * (columns - 1)) / columns, (height - gap * (rows - 1)) / rows - extra);
      if (size > best.size) best = {size, columns};
    }
    const size = Math.max(60, Math.floor(best.size));
    panels.style.gridTemplateColumns = `repeat(${best.columns}, ${size}px)`;
    panels.style.justifyContent = 'center';
  }

  draw(frame) {
    this.lastFrame = frame;
    this.view.draw(frame, this.data, this.current);
    this.renderBar();
  }

  afterFrame(frame) {
    const epoch = frame.metrics[0].epoch;
    if (!this.readyFired) {
      this.readyFired = true;
      this.dispatchEvent(new CustomEvent('ready', {detail: {backend: this.loadedBackend}}));
    }
    frame.metrics.forEach((m, index) => {
      if (!m.diverged || this.divergedSeen.has(index)) return;
      this.divergedSeen.add(index);
      this.dispatchEvent(new CustomEvent(
          'diverged', {detail: {index, activation: m.activation, epoch: m.divergedAt}}));
    });
    const now = performance.now();
    const finished = epoch >= this.epochLimit;
    if (finished && this.wantPlay) this.pause();
    if (now - this.lastEpochEvent >= EPOCH_EVENT_MS || finished) {
      this.lastEpochEvent = now;
      this.dispatchEvent(new CustomEvent('epoch', {detail: {epoch, metrics: frame.metrics}}));
    }
  }
}

if (!customElements.get('relu-lab-figure')) customElements.define('relu-lab-figure', ReluLabFigure);

/**
 * Builds a figure in `container` for authors composing their own page.
 * @param {HTMLElement} container
 * @param {Record<string, string|number|boolean>} [attributes] as the element's attributes
 * @returns {ReluLabFigure}
 */
export function mount(container, attributes = {}) {
  const figure = document.createElement('relu-lab-figure');
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined || value === null) continue;
    figure.setAttribute(name, value === true ? '' : String(value));
  }
  container.append(figure);
  return figure;
}
