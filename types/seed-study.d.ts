// Many-seed comparisons (dist/js/seed-study.mjs): one arena per seed, paired, one outcome
// record per network; summaries with a paired verdict against a reference.
import type {BootstrapOptions, FiveNumbers, PairedComparison, VerdictWords} from './evidence-stats.js';
import type {ActivationName, ArenaSettings} from './generated.js';
import type {ReluLab} from './relu-lab.js';

export declare const STUDY_LIMITS: Readonly<{
  minSeeds: number,
  maxSeeds: number,
  minEpochs: number,
  maxEpochs: number,
  minTarget: number,
  maxTarget: number,
  maxSweepValues: number,
}>;
export declare const STUDY_DEFAULTS: Readonly<{seeds: number, epochs: number, target: number}>;

export type OutcomeKey = 'epochsToTarget' | 'testAccuracy' | 'r2' | 'testLoss' | 'deadFraction' | 'sparsity' | 'initActive' | 'gradRatioInit' | 'gradRatio' | 'meanActivation' | 'revivals' | 'alphaMean';

export interface Outcome extends VerdictWords {
  readonly key: OutcomeKey;
  readonly label: string;
}

export declare const OUTCOMES: readonly Outcome[];
export declare function outcomeOf(key: OutcomeKey): Outcome;

/** seeds 5..200, epochs 1..2000, target 0.5..1: out of range is clamped into warnings. */
export interface StudyOptions {
  seeds?: number;
  epochs?: number;
  target?: number;
  /** Read the dead masks at every kept epoch (the revivals outcome; a metrics pass each). */
  unitLife?: boolean;
}

export interface ResolvedStudyOptions {
  seeds: number;
  epochs: number;
  target: number;
  unitLife: boolean;
  warnings: string[];
}

export interface Progress {
  done: number;
  total: number;
}

/** An AbortSignal, or anything with its two members. */
export interface StudySignal {
  readonly aborted: boolean;
  throwIfAborted(): void;
}

export interface RunOptions {
  concurrency?: number;
  onProgress?: (progress: Progress) => void;
  signal?: StudySignal;
}

/** One network on one seed. null: never reached the target / diverged / not a PReLU. */
export interface SeedRecord {
  seed: number;
  activation: ActivationName;
  label: string;
  epochsToTarget: number|null;
  /** null for a regression. */
  testAccuracy: number|null;
  /** A regression's test R² (-Infinity once diverged); null for a classification. */
  r2: number|null;
  testLoss: number|null;
  deadFraction: number;
  sparsity: number;
  initActive: number;
  /** log10 of the first layer's gradient norm over the output layer's, at init and at the end. */
  gradRatioInit: number;
  gradRatio: number;
  /** |mean activation| per hidden layer, and their mean. */
  meanActivation: number;
  meanActivationLayers: number[];
  /** With unitLife: units dead at one kept epoch and alive at a later one; else null. */
  revivals: number|null;
  lateRevivals: number|null;
  revival: UnitRevival|null;
  alphaMean: number|null;
  diverged: boolean;
}

/** A unit's first comeback: dead from kept epoch deadAt, alive again at revivedAt. */
export interface UnitRevival {
  layer: number;
  unit: number;
  deadAt: number;
  revivedAt: number;
}

/** One task: plain data (it crosses postMessage). */
export interface StudyTask {
  settings: ArenaSettings;
  seed: number;
  epochs: number;
  target: number;
  unitLife: boolean;
}

export interface Comparison {
  settings: ArenaSettings;
  seeds: number[];
  epochs: number;
  target: number;
  warnings: string[];
  networks: {activation: ActivationName, label: string}[];
  /** records[k][i]: seed k's record of network i. */
  records: SeedRecord[][];
}

export interface NetworkSummary {
  activation: ActivationName;
  label: string;
  /** The outcome per seed (Infinity: censored). */
  values: (number|null)[];
  /** null where the outcome does not apply (alphaMean of a network without PReLU). */
  stats: FiveNumbers|null;
  never?: number;
  best?: {seed: number, value: number};
  worst?: {seed: number, value: number};
  /** The paired comparison against the reference; null for the reference itself. */
  versus: PairedComparison|null;
}

export declare function studyOptions(options?: StudyOptions, what?: string): ResolvedStudyOptions;
export declare function studySeeds(count: number): number[];
export declare function runSeed(lab: ReluLab, settings: ArenaSettings, seed: number, options: {epochs: number, target: number, unitLife?: boolean}): SeedRecord[];
/** log10(first layer's / output layer's gradient norm), floored at -12 (metrics' gradNormPerLayer). */
export declare function gradRatioLog10(gradNormPerLayer: readonly number[]): number;
export declare function compareTasks(settings: ArenaSettings, options?: StudyOptions): StudyTask[];
export declare function runTask(lab: ReluLab, task: StudyTask): SeedRecord[];
export declare function runTasks<T, R>(tasks: readonly T[], run: (task: T, index: number) => R | Promise<R>, options?: RunOptions): Promise<R[]>;
export declare function compareSeeds(lab: ReluLab, settings: ArenaSettings, options?: StudyOptions & RunOptions): Promise<Comparison>;
export declare function assembleComparison(
    settings: ArenaSettings,
    options: {seeds: number, epochs: number, target: number, warnings?: string[]},
    records: SeedRecord[][]): Comparison;
export declare function outcomeValue(record: SeedRecord, key: OutcomeKey): number|null;
export declare function summarize(
    comparison: Comparison,
    options?: {outcome?: OutcomeKey, reference?: number} & BootstrapOptions): NetworkSummary[];
