// Sweeps (dist/js/seed-sweep.mjs): one setting varied along an axis whose range comes from the
// schema, K paired seeds per value.
import type {ActivationName, ArenaSettings} from './generated.js';
import type {Schema} from './relu-lab.js';
import type {ReluLab} from './relu-lab.js';
import type {Comparison, OutcomeKey, RunOptions, StudyOptions, StudyTask} from './seed-study.js';

export type SweepKey = 'lr' | 'biasInit' | 'leaky_relu.slope' | 'prelu.init' | 'depth' | 'units' | 'init' | 'noise' | 'batchSize';
export type SweepValue = number | string;

export interface SweepAxis {
  readonly key: SweepKey;
  readonly scale: 'log' | 'log2' | 'linear' | 'int' | 'options';
  readonly min?: number;
  readonly max?: number;
  readonly options?: readonly string[];
  readonly meaning: string;
}

export interface SweepResult {
  key: SweepKey;
  values: SweepValue[];
  seeds: number;
  epochs: number;
  target: number;
  warnings: string[];
  /** points[j]: the comparison at values[j]. */
  points: Comparison[];
}

export interface SweepRow {
  value: SweepValue;
  q1: number;
  median: number;
  q3: number;
  never: number;
}

export declare function sweepAxes(schema: Schema): SweepAxis[];
export declare function axisValues(axis: SweepAxis, count?: number): SweepValue[];
export declare function applyAxis(settings: ArenaSettings, key: SweepKey, value: SweepValue): ArenaSettings;
export declare function sweepTasks(settings: ArenaSettings, options: {key: SweepKey, values: readonly SweepValue[]} & StudyOptions): StudyTask[];
/** values default to 5 along the axis. */
export declare function sweep(
    lab: ReluLab, settings: ArenaSettings,
    options: {key: SweepKey, values?: readonly SweepValue[]} & StudyOptions & RunOptions): Promise<SweepResult>;
export declare function assembleSweep(
    settings: ArenaSettings,
    options: {key: SweepKey, values: readonly SweepValue[], seeds: number, epochs: number, target: number, warnings: string[]},
    records: import('./seed-study.js').SeedRecord[][]): SweepResult;
export declare function summarizeSweep(result: SweepResult, outcome?: OutcomeKey): {activation: ActivationName, label: string, rows: (SweepRow|null)[]}[];
