// Arenas and networks (dist/js/relu-lab-trainer.mjs): what lab.createArena() and
// lab.networkFromJSON() return, the model file format, and the module's own exports. Every
// call throws an Error naming the call and the field ("arena.field: resolution ...").
import type {ActivationName, ActivationParamsByName, ArenaSettings, NetworkMetrics, OptimizerName, OptimizerSettings, ResolvedSettings} from './generated.js';

/** One layer of a model file: W is [out][in] (y = W x + b, as torch.nn.Linear). */
export type LayerModel = {
  [N in ActivationName]: {
    units: number;
    activation: N;
    params?: ActivationParamsByName[N];
    W: ReadonlyArray<ArrayLike<number>>;
    b: ArrayLike<number>;
    /** PReLU's alphas: 1 (shared) or `units` values (channel). */
    alpha?: ArrayLike<number>;
    /** The training rate of dropout after this layer (no effect on predictions). */
    dropout?: number;
    /** Batch normalisation's parameters and running statistics, each `units` long (version 2). */
    batchNorm?: {
      gamma: ArrayLike<number>,
      beta: ArrayLike<number>,
      runningMean: ArrayLike<number>,
      runningVar: ArrayLike<number>,
    };
  }
}[ActivationName];

/** A model file: 0-6 hidden layers, then the logit (1 unit, linear). */
export interface ModelFile {
  format: 'relu-lab/model';
  /** 1, or 2 when a layer has batchNorm. */
  version: 1 | 2;
  inputs: 2;
  layers: LayerModel[];
}

export interface LayerGradients {
  W: number[][];
  b: number[];
  alpha?: number[];
  batchNorm?: {gamma: number[], beta: number[]};
}

export interface LossAndGradients {
  /** Mean binary cross-entropy with logits (torch.nn.BCEWithLogitsLoss). */
  loss: number;
  logits: Float32Array;
  /** The model's shape: layers[i].W is [out][in]. */
  grads: {layers: LayerGradients[]};
}

/** net.train()'s options: the ranges of the settings table; out-of-range values are clamped. */
export interface NetworkTrainOptions {
  optimizer?: OptimizerName | OptimizerSettings;
  lr?: number;
  /** Default: the batch (full batch, no shuffling). */
  batchSize?: number;
  /** Default 1. */
  steps?: number;
  l1?: number;
  l2?: number;
  clipNorm?: number;
}

export interface NetworkTrainResult {
  /** Steps taken: at least one, as many as one call's work budget allows. */
  steps: number;
  /** false if fewer steps than asked were taken (call again) or a loss was not finite. */
  complete: boolean;
  /** The mean of the steps' batch losses. */
  loss: number;
  lastLoss: number;
  gradNorm: number;
  finite: boolean;
  warnings: string[];
}

/** A network from a model file. Holds wasm memory: delete() it when done. */
export interface Network {
  /** Load warnings: unknown keys and params that do not apply (ignored). */
  readonly warnings: string[];
  /** The model file of the current weights (floats read back bit-exactly). */
  toJSON(): ModelFile;
  /** B logits for X: (B, 2) row-major. */
  predict(X: Float32Array): Float32Array;
  /** Loss and gradients on (X, labels), nothing updated; labels: (B) in [0, 1]. */
  lossAndGradients(X: Float32Array, labels: Float32Array): LossAndGradients;
  /** Optimizer steps on (X, labels); optimizer state persists while its name stays. */
  train(X: Float32Array, labels: Float32Array, options?: NetworkTrainOptions): NetworkTrainResult;
  /** Frees the wasm memory now (calling it again is harmless). */
  delete(): void;
}

/** arena.train()'s request: a number of epochs, or epochs or steps, with a target. */
export type TrainRequest = number|{epochs: number, steps?: never, target?: number}|
    {steps: number, epochs?: never, target?: number};

export interface TrainResult {
  /** Epochs that ended in this call. */
  epochs: number;
  /** Optimizer steps taken in this call. */
  steps: number;
  /** false: the work budget ran out; call again for the rest. */
  complete: boolean;
}

export interface TrainToTargetResult extends TrainResult {
  /** Per network: the first epoch at which test accuracy was >= target, or null. */
  reached: (number | null)[];
}

export type FieldKind = 'probability' | 'logit';

export interface UnitActivity {
  deadTrain: boolean;
  silentTest: boolean;
  silentDomain: boolean;
}

/** Linear regions of a piecewise-linear network, or why a smooth one has none. */
export type Regions = {
  count: number,
  resolution: number,
  /** Region id per cell, row 0 at the top. */
  ids: Int32Array,
  /** 1 where the right or lower neighbour's id differs. */
  borders: Uint8Array,
}|{
  count: null,
  resolution: number,
  ids: null,
  borders: null,
  explanation: string,
};

export interface ArenaData {
  /** (N, 2) row-major, in the networks' input units. */
  points: Float32Array;
  /** 0/1 per point. */
  labels: Float32Array;
  /** Rows [0, trainCount) train, the rest test. */
  trainCount: number;
  /** The domain is [-halfWidth, halfWidth]^2. */
  halfWidth: number;
}

/** Networks trained side by side. Holds wasm memory: delete() it when done. */
export interface Arena {
  /** The number of networks. */
  readonly size: number;
  /** The one training call; `train(n)` is `train({epochs: n})`. */
  train(epochs?: number): TrainResult;
  train(request: {epochs: number, steps?: never, target?: undefined}|
        {steps: number, epochs?: never, target?: undefined}): TrainResult;
  /** With a target (test accuracy 0..1), checked after every epoch. */
  train(request: {epochs: number, steps?: never, target: number}|
        {steps: number, epochs?: never, target: number}): TrainToTargetResult;
  trainSteps(steps?: number): TrainResult;
  trainToTarget(epochs: number, target: number): TrainToTargetResult;
  /** Changes the rows lab.schema marks `change: 'live'` without a reset. */
  update(settings: Pick<ArenaSettings, 'lr' | 'optimizer' | 'l1' | 'l2' | 'clipNorm'>): void;
  setWeight(index: number, layer: number, unit: number, input: number, value: number): void;
  setBias(index: number, layer: number, unit: number, value: number): void;
  /** One record per network, after its last epoch. */
  metrics(): NetworkMetrics[];
  /** [layer][unit]; costs a grid evaluation at `resolution` (32..512). */
  unitActivity(index: number, resolution: number): UnitActivity[][];
  regions(index: number, resolution: number): Regions;
  /** Network `index`'s weights as a model file. */
  model(index: number): ModelFile;
  /** resolution^2 values, row 0 at the top; null if the network diverged. A fresh copy. */
  field(index: number, resolution: number, kind?: FieldKind): Float32Array|null;
  /** As field() but a view of wasm memory, valid until the next call into the lab. */
  fieldView(index: number, resolution: number, kind?: FieldKind): Float32Array|null;
  unitField(index: number, layer: number, unit: number, resolution: number): Float32Array|null;
  unitFieldView(index: number, layer: number, unit: number, resolution: number): Float32Array|null;
  /** Every W, then every b, then PReLU's alphas: a fresh copy setParams() takes back. */
  params(index: number): Float32Array;
  setParams(index: number, params: Float32Array): void;
  data(): ArenaData;
  settings(): ResolvedSettings;
  /** Frees the wasm memory now (calling it again is harmless). */
  delete(): void;
}

/**
 * Adds networkFromJSON() and createArena() to a lab (loadReluLab() calls it; exported for
 * bundles that assemble the lab themselves).
 */
export declare function attachTrainer<L extends object>(lab: L, Module: object): L;
