// A run's history (dist/js/run-history.mjs): parameters and metrics at the epochs worth keeping,
// thinned so memory stays bounded; fields are recomputed from kept parameters.
import type {NetworkMetrics} from './generated.js';
import type {Arena, FieldKind} from './trainer.js';

/** Every epoch up to this one is kept. */
export declare const HISTORY_DENSE_EPOCHS: number;
/** Beyond them, epochs on a log grid of this many points per factor of 10... */
export declare const HISTORY_PER_DECADE: number;
/** ...until this many entries are kept; then the grid is halved. */
export declare const HISTORY_MAX_ENTRIES: number;

/** Whether `epoch` lies on the log grid of `perDecade` points per decade. */
export declare function onLogGrid(epoch: number, perDecade: number): boolean;

export interface HistoryEntry {
  epoch: number;
  /** One per network, arena.params()'s layout. */
  params: Float32Array[];
  /** arena.metrics() at that epoch. */
  metrics: NetworkMetrics[];
  bytes: number;
}

export declare class RunHistory {
  entries: HistoryEntry[];
  perDecade: number;
  /** Parameters exactly, metrics as their JSON text: an estimate. */
  bytes: number;
  /** Whether record() would keep `epoch`. */
  wants(epoch: number): boolean;
  /** Keeps the arena's state at its current whole `epoch` if wants(epoch); true if kept. */
  recordArena(arena: Arena, epoch: number): boolean;
  record(epoch: number, params: Float32Array[], metrics: NetworkMetrics[]): void;
  /** Halves the log grid and drops the entries no longer on it. */
  thin(): void;
  /** The kept epochs, increasing. */
  epochs(): number[];
  /** The entry nearest to `epoch` (the earlier on a tie), or null if empty. */
  nearest(epoch: number): HistoryEntry|null;
  /** The entry of exactly `epoch`, or null. */
  at(epoch: number): HistoryEntry|null;
  /** Drops every entry after `epoch`. */
  truncate(epoch: number): void;
  memory(): {entries: number, bytes: number, first: number, last: number};
}

/** Runs fn() with the arena showing `entry`'s weights, then puts the live weights back. */
export declare function withEntry<T>(arena: Arena, entry: HistoryEntry, fn: () => T): T;

/** Network `index`'s field at kept epoch `epoch`; null if not kept or diverged. */
export declare function fieldAt(
    arena: Arena, history: RunHistory, index: number, epoch: number, resolution: number,
    kind?: FieldKind): Float32Array|null;
