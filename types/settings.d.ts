// The parts of arena settings that core's schema names by type only (an activation entry, own
// data, the optimizer as arena.settings() returns it); generated.d.ts declares the rest from it.
import type {ActivationName, ActivationParamsByName, OptimizerName} from './generated.js';

/** One network: an activation with its params and a label, checked per activation. */
export type ActivationEntry = {
  [N in ActivationName]: {
    activation: N;
    params?: ActivationParamsByName[N];
    /** Up to lab.schema.limits.maxLabelBytes bytes (longer is truncated); default: the name. */
    label?: string;
  }
}[ActivationName];

/** An entry as arena.settings() returns it: params that apply, filled in, and its label. */
export type ResolvedActivationEntry = {
  [N in ActivationName]: {
    activation: N;
    params: Required<ActivationParamsByName[N]>;
    label: string;
  }
}[ActivationName];

/** Own points instead of a preset: 10..5000 rows, coordinates in [-6, 6], both classes. */
export interface DataSettings {
  /** [[x, y], ...] or a flat [x, y, x, y, ...] (a typed array works). */
  points: ReadonlyArray<readonly [number, number]> | ArrayLike<number>;
  /** 0 or 1 per point. */
  labels: ArrayLike<number>;
}

/** The optimizer in arena.settings(): its name and every hyperparameter that applies to it. */
export interface ResolvedOptimizer {
  name: OptimizerName;
  lr: number;
  momentum?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
}
