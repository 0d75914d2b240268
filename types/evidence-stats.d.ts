// Statistics of many-seed studies (dist/js/evidence-stats.mjs): quantiles, a seeded paired
// bootstrap and the verdict sentence. A censored value ("never") is Infinity.

export interface BootstrapOptions {
  /** 1..100000, default 2000. */
  resamples?: number;
  /** In (0, 1), default 0.95. */
  level?: number;
  /** Default 1. */
  seed?: number;
}

export declare const BOOTSTRAP_DEFAULTS: Readonly<Required<BootstrapOptions>>;

/** Quantile p (0..1), Hyndman & Fan's definition 7 (R's default). */
export declare function quantile(xs: readonly number[], p: number): number;
export declare function median(xs: readonly number[]): number;

export interface FiveNumbers {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

export declare function fiveNumbers(xs: readonly number[]): FiveNumbers;
/** A seeded uniform generator in [0, 1) (mulberry32). */
export declare function seededUniform(seed: number): () => number;
/** a[i] - b[i]; two censored values tie (0). */
export declare function pairedDifferences(a: readonly number[], b: readonly number[]): number[];

export interface BootstrapResult {
  n: number;
  median: number;
  lo: number;
  hi: number;
  level: number;
  resamples: number;
  seed: number;
}

export declare function bootstrapMedian(diffs: readonly number[], options?: BootstrapOptions): BootstrapResult;

export type VerdictKind = 'better' | 'worse' | 'noise' | 'tied';

export interface PairedComparison extends BootstrapResult {
  kind: VerdictKind;
  favourA: number;
  favourRef: number;
  ties: number;
}

/** What a verdict needs to know about an outcome (seed-study's OUTCOMES have it). */
export interface VerdictWords {
  unit: string;
  unitOne?: string;
  better: 'lower' | 'higher';
  betterWord: string;
  worseWord: string;
  scale?: number;
  censoredWord?: string;
}

export declare function pairedComparison(
    a: readonly number[], ref: readonly number[], outcome: {better: 'lower' | 'higher'},
    options?: BootstrapOptions): PairedComparison;

/** At most `digits` significant digits, "∞" for Infinity, a true minus sign. */
export declare function formatNumber(x: number, digits?: number): string;

/** The verdict in plain words, never stronger than the interval. */
export declare function verdictText(nameA: string, nameRef: string, c: PairedComparison, outcome: VerdictWords): string;
