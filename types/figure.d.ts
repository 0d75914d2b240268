// The <relu-lab-figure> element (relu-lab/figure, dist/embed/relu-lab-figure.js): importing the
// module defines it. Configured by attributes (README "Attributes"); these are its properties,
// methods and events, and its entry in HTMLElementTagNameMap. Needs the DOM library.
import type {NetworkMetrics} from './generated.js';
import type {Backend} from './relu-lab.js';

export type FigureState = 'idle' | 'loading' | 'playing' | 'paused' | 'error';

export interface ReluLabFigureEventMap {
  /** The first frame is drawn. */
  ready: CustomEvent<{backend: Backend}>;
  /** At most every 250 ms while training, and at the `epochs` limit. */
  epoch: CustomEvent<{epoch: number, metrics: NetworkMetrics[]}>;
  /** A network's loss, gradients or weights stopped being finite. */
  diverged: CustomEvent<{index: number, activation: string, epoch: number | null}>;
  /** The worker or the engine failed, or the settings were refused; the figure says why. */
  error: CustomEvent<{message: string}>;
}

export declare class ReluLabFigure extends HTMLElement {
  /** The settings in use (the page's URL keys), or null before the engine loads. */
  readonly settings: Readonly<Record<string, unknown>>|null;
  /** Each panel's latest metrics, or [] before the first frame. */
  readonly metrics: NetworkMetrics[];
  /** The wasm build in use once loaded, else null. */
  readonly backend: Backend|null;
  readonly state: FigureState;
  /** Starts training (loading the engine first if needed). */
  play(): void;
  pause(): void;
  /** Back to epoch 0 with the same settings (the same seed: the same start). */
  reset(): void;
  /** Trains `n` epochs (1..1000, default 1) and shows the result; pauses play. */
  step(n?: number): void;
  addEventListener<K extends keyof ReluLabFigureEventMap>(
      type: K, listener: (this: ReluLabFigure, event: ReluLabFigureEventMap[K]) => unknown,
      options?: boolean|AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
      type: K, listener: (this: ReluLabFigure, event: HTMLElementEventMap[K]) => unknown,
      options?: boolean|AddEventListenerOptions): void;
  addEventListener(
      type: string, listener: EventListenerOrEventListenerObject,
      options?: boolean|AddEventListenerOptions): void;
  removeEventListener<K extends keyof ReluLabFigureEventMap>(
      type: K, listener: (this: ReluLabFigure, event: ReluLabFigureEventMap[K]) => unknown,
      options?: boolean|EventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
      type: K, listener: (this: ReluLabFigure, event: HTMLElementEventMap[K]) => unknown,
      options?: boolean|EventListenerOptions): void;
  removeEventListener(
      type: string, listener: EventListenerOrEventListenerObject,
      options?: boolean|EventListenerOptions): void;
}

/**
 * The element's attributes for mount(): setting keys as attributes (`prelu-mode`, `seed`, ...)
 * and the figure's own (`autoplay`, `controls`, `epochs`, ...). true is a bare attribute;
 * false, null and undefined leave it out.
 */
export type FigureAttributes = Record<string, string|number|boolean|null|undefined>;

/** Builds a figure in `container` and returns it. */
export declare function mount(container: HTMLElement, attributes?: FigureAttributes): ReluLabFigure;

declare global {
  interface HTMLElementTagNameMap {
    'relu-lab-figure': ReluLabFigure;
  }
}
