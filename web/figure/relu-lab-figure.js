// <relu-lab-figure>: relu-lab's panels as one embeddable element (shadow DOM), configured by the
// page's URL settings as attributes; its trainer is the page's WorkerPool scheduler on a session
// of the page's shared trainer workers, started near the viewport, paused off-screen. This module
// is what every page with a figure loads: the frame, its style, the placeholder and the element's
// API; what runs once it starts (trainer, settings table, panels) is figure-run.js, fetched then.
// The page's form, charts and detail view are left out.
import {figureFrame, layOut, showPlaceholder, showStill} from './figure-frame.js';
import {figureSheet} from './figure-style.js';

// The page sits one folder up, from the source tree's figure/ and from the built embed/ alike.
const PAGE_URL = new URL('../', import.meta.url);
const EPOCH_EVENT_MS = 250;
const NEAR_VIEWPORT = '300px 0px';

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

// Fetched once, by the first figure of the page that starts.
let runModule = null;
const loadRun = () => (runModule ??= import('./figure-run.js'));

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
    this.run = null;  // what runs once started (figure-run.js's FigureRun)
    this.starting = false;
    this.wantPlay = false;
    this.onScreen = false;
    this.lastEpochEvent = 0;
    this.divergedSeen = new Set();
    this.readyFired = false;
    this.state = 'idle';
    this.onVisibility = () => this.update();
    this.onTheme = () => this.run?.applyTheme();
  }

  /** The settings in use (URL keys, as the page's hash), or null before the engine loads. */
  get settings() {
    return this.run?.current ? structuredClone(this.run.current) : null;
  }

  /** Each panel's latest metrics (arena.metrics()), or [] before the first frame. */
  get metrics() {
    return this.run?.lastFrame ? this.run.lastFrame.metrics : [];
  }

  /** @returns {string|null} 'wasm-simd128' or 'wasm-scalar' once loaded. */
  get backend() {
    return this.run?.backend ?? null;
  }

  get epochLimit() {
    const n = Number(this.getAttribute('epochs'));
    return Number.isInteger(n) && n > 0 ? n : Infinity;
  }

  // The epoch shown, 0 before the first frame.
  get epoch() {
    return this.metrics.length ? this.metrics[0].epoch : 0;
  }

  // Whether the engine has loaded and the attributes are read.
  get ready() {
    return Boolean(this.run?.table);
  }

  connectedCallback() {
    this.renderPlaceholder();
    this.observer = new IntersectionObserver((entries) => {
      this.onScreen = entries[entries.length - 1].isIntersecting;
      if (this.onScreen) this.start();
      this.update();
    }, {rootMargin: NEAR_VIEWPORT});
    this.observer.observe(this);
    this.mutations = new MutationObserver(() => this.applyAttributes());
    this.mutations.observe(this, {attributes: true});
    this.resizer = new ResizeObserver(() => layOut(this.ui, this));
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
    this.run?.stop();
    this.run = null;
    this.state = 'idle';
  }

  /** Starts training (loading the engine first if needed); in the document only. */
  play() {
    this.wantPlay = true;
    this.start();
    this.update();
  }

  pause() {
    this.wantPlay = false;
    this.update();
  }

  /** Back to epoch 0 with the same settings (same seed: the same start). */
  reset() {
    this.run?.reset();
  }

  /** Trains `n` epochs (default 1) and shows the result; pauses play. */
  step(n = 1) {
    this.wantPlay = false;
    this.update();
    this.run?.step(Math.max(1, Math.min(1000, Math.floor(Number(n)) || 1)));
  }

  // Effective play: wanted, on screen, tab visible, epoch limit not reached.
  update() {
    const playing = this.wantPlay && this.onScreen && !document.hidden && this.ready &&
        this.epoch < this.epochLimit;
    this.run?.setPlaying(playing);
    if (this.ready) this.state = playing ? 'playing' : 'paused';
    this.renderBar();
  }

  renderPlaceholder() {
    if (this.ready) return;
    showPlaceholder(this.ui, this);
    this.showStill();
    this.renderBar();
  }

  // The author's `poster` image, until the first frame is drawn.
  showStill() {
    showStill(this.ui, this.readyFired ? null : this.getAttribute('poster'));
  }

  applyAttributes() {
    if (!this.ready) return this.renderPlaceholder();
    this.run.applyAttributes();
    this.showStill();
    this.update();
  }

  renderBar() {
    const ui = this.ui;
    const mode = this.getAttribute('controls') || 'minimal';
    ui.bar.hidden = mode === 'none';
    ui.seed.hidden = mode !== 'full';
    ui.link.hidden = mode !== 'full' && !this.hasAttribute('embed');
    ui.play.textContent = this.wantPlay ? 'Pause' : 'Play';
    ui.play.setAttribute('aria-pressed', String(this.wantPlay));
    ui.step.disabled = ui.reset.disabled = !this.ready;
    const epoch = this.epoch;
    ui.epoch.textContent = `epoch ${epoch}`;
    // The poster: before the first epoch, and whenever paused without a bar to resume from.
    ui.poster.hidden = this.wantPlay || (epoch > 0 && mode !== 'none');
    const hash = this.run?.hash();
    if (hash !== null && hash !== undefined) {
      const page = this.getAttribute('page');
      const url = page ? new URL(page, location.href) : PAGE_URL;
      ui.link.href = `${url.origin}${url.pathname}#${hash}`;
      ui.link.hidden = ui.link.hidden || !/^https?:$/.test(url.protocol);
    }
  }

  // Loads what runs the figure and starts its trainer, once; an element out of the document
  // starts nothing (it could never be stopped).
  async start() {
    if (this.run || this.starting || !this.isConnected) return;
    this.starting = true;
    this.state = 'loading';
    this.ui.status.textContent = 'Loading the networks…';
    let module;
    try {
      module = await loadRun();
    } catch (error) {
      this.fail(`The figure's code could not load (${error.message}).`);
      return;
    } finally {
      this.starting = false;
    }
    if (this.run || !this.isConnected) return;
    try {
      this.run = new module.FigureRun(this);
    } catch (error) {
      this.fail(
          `The figure's worker could not start (${error.message}). A page with a ` +
          'Content-Security-Policy must allow worker-src blob: and the origin of the ' +
          'figure\'s script.');
    }
  }

  /** Says what went wrong, in the figure and as an 'error' event; play stops. */
  fail(text) {
    this.state = 'error';
    this.wantPlay = false;
    this.ui.status.textContent = text;
    this.renderBar();
    this.dispatchEvent(new CustomEvent('error', {detail: {message: text}}));
  }

  /** The engine has loaded and the attributes are read (FigureRun tells). */
  loaded() {
    this.ui.status.textContent = '';
    // A figure at an epoch (`at`) shows it paused, as a link to that epoch does.
    const still = this.run.at >= 0;
    if (this.hasAttribute('autoplay') && !reducedMotion() && !still) this.wantPlay = true;
    this.update();
  }

  /** A frame was drawn (FigureRun tells): the events, and play stops at the epoch limit. */
  drawn(frame) {
    const epoch = frame.metrics[0].epoch;
    if (!this.readyFired) {
      this.readyFired = true;
      showStill(this.ui, null);
      this.dispatchEvent(new CustomEvent('ready', {detail: {backend: this.backend}}));
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
