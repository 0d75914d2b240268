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

/** [[x, y], ...] or a flat [x, y, x, y, ...] (a typed array works), within [-6, 6]. */
type DataPoints = ReadonlyArray<readonly [number, number]> | ArrayLike<number>;

/**
 * Own points instead of a preset: 10..5000 rows, coordinates in [-6, 6], and either labels (two
 * classes, both present) or targets (a regression: loss MSE, metric R², accuracy null).
 */
export type DataSettings = {
  points: DataPoints;
  /** 0 or 1 per point. */
  labels: ArrayLike<number>;
  targets?: never;
}|{
  points: DataPoints;
  /** A finite number per point, |t| <= lab.schema's data row maxTarget (1000). */
  targets: ArrayLike<number>;
  labels?: never;
};

/** The optimizer in arena.settings(): its name and every hyperparameter that applies to it. */
export interface ResolvedOptimizer {
  name: OptimizerName;
  lr: number;
  momentum?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
}
