// The loader (the package's main entry, dist/js/relu-lab.mjs): loadReluLab() and the lab it
// returns. Arenas and networks are declared in trainer.d.ts, the schema's tables in
// generated.d.ts (from core), the settings' structured parts in settings.d.ts.
import type {ActivationName, ActivationNumberParamsByName, LimitKey, SettingKey} from './generated.js';
import type {Arena, ModelFile, Network} from './trainer.js';
import type {ArenaSettings} from './generated.js';

export type {ActivationEntry, DataSettings, ResolvedActivationEntry, ResolvedOptimizer} from './settings.js';
export type {ActivationName, ActivationNumberParamsByName, ActivationParamsByName, ArenaSettings, LimitKey, NetworkMetrics, OptimizerName, OptimizerSettings, ResolvedSettings, SettingKey} from './generated.js';
export type {Arena, ArenaData, FieldKind, LayerGradients, LayerModel, LossAndGradients, ModelFile, Network, NetworkTrainOptions, NetworkTrainResult, Regions, TrainRequest, TrainResult, TrainToTargetResult, UnitActivity} from './trainer.js';

/** The two wasm builds, as lab.backend names them. */
export type Backend = 'wasm-simd128' | 'wasm-scalar';

/** Names of the two builds, as reported in `lab.backend`. */
export declare const BACKENDS: readonly Backend[];

/** Whether this engine runs wasm SIMD128. */
export declare function simdSupported(): boolean;

/** The Emscripten module factory of a build (its .mjs file's default export). */
export type ModuleFactory = (moduleArgs: {wasmBinary?: Uint8Array, locateFile?: (path: string) => string}) => Promise<object>;

/**
 * Supplies a build ahead of loadReluLab(), which then uses it instead of fetching its files
 * (e.g. a single file with the module and the wasm bytes inlined).
 */
export declare function provideBuild(backend: Backend, createModule: ModuleFactory, wasmBinary: Uint8Array): void;

export interface LoadOptions {
  /** 'auto' (default): SIMD128 where the engine validates it, else scalar. */
  backend?: Backend | 'auto';
  /**
   * The folder of the build files (relu-lab-{simd128,scalar}.{mjs,wasm}): a URL, or text
   * resolved against the document in a browser. Default: beside the loader, which a bundle
   * that moved the loader must either keep (copy the files beside it) or name here.
   */
  builds?: string | {readonly href: string};
}

/** Loads the module (in browsers, workers and Node >= 20) and returns the lab. */
export declare function loadReluLab(options?: LoadOptions): Promise<ReluLab>;

/** What activate() takes for one activation. prelu takes its alphas themselves. */
export type ActivateParams<N extends ActivationName> = N extends 'prelu' ?
    {alpha?: number | readonly number[] | Float32Array} :
    ActivationNumberParamsByName[N];

export interface ActivateResult {
  /** f(x), a fresh array. */
  y: Float32Array;
  /** f'(x), a fresh array. */
  dydx: Float32Array;
}

export interface PreluActivateResult extends ActivateResult {
  /** d(sum y)/d alpha, one value per alpha. */
  dalpha: Float32Array;
}

/** The value types of the schema's rows. */
export type SchemaType = 'number' | 'int' | 'bool' | 'enum' | 'seed' | 'layers' | 'activations' | 'data';

/** One row of lab.schema: a setting or an activation parameter. */
export interface SchemaEntry<K extends string = string> {
  readonly key: K;
  readonly type: SchemaType;
  /** The default, as createArena() reads it. */
  readonly default: unknown;
  /** The clamping range, exact (floats print as the float they are). */
  readonly min?: number;
  readonly max?: number;
  /** The data row: the largest |target| of own regression data. */
  readonly maxTarget?: number;
  /** An enum's values. */
  readonly options?: readonly string[];
  /** One line. */
  readonly meaning: string;
  /** live: arena.update() applies it to running networks; restart: it needs a new arena. */
  readonly change?: 'live' | 'restart';
  /** The row applies only while setting `key` has one of `options`. */
  readonly appliesWhen?: {readonly key: SettingKey, readonly options: readonly string[]};
}

/** What core accepts, exported from core's own tables (deep-frozen). */
export interface Schema {
  /** Every createArena() key, in settings() order ("optimizer.momentum": the optimizer's). */
  readonly settings: readonly SchemaEntry<SettingKey>[];
  /** Every activation in core's order with its params (settings and model files). */
  readonly activations: readonly {
    readonly name: ActivationName,
    readonly displayName: string,
    readonly params: readonly SchemaEntry[],
  }[];
  readonly limits: Readonly<Record<LimitKey, number>>;
}

export interface ReluLab {
  /** The build in use. */
  readonly backend: Backend;
  /** The activations, in core's order. */
  readonly activationNames: readonly ActivationName[];
  readonly schema: Schema;
  /**
   * y = f(x) and dydx = f'(x) elementwise. Throws an Error naming the call and the parameter
   * on an unknown name or parameter, a non-finite value, a failed constraint ("beta: must be >
   * 0") or, for prelu with C alphas, a length that is not a multiple of C.
   */
  activate(name: 'prelu', params: ActivateParams<'prelu'> | undefined, x: Float32Array): PreluActivateResult;
  activate<N extends Exclude<ActivationName, 'prelu'>>(name: N, params: ActivateParams<N> | undefined, x: Float32Array): ActivateResult;
  /** Bytes of wasm memory the module holds now (grows on demand up to 1 GiB, never shrinks). */
  memoryBytes(): number;
  /**
   * A network from a model object or its JSON text. Throws an Error naming the field if the
   * model is invalid, "networkFromJSON: out of memory: ..." if memory is exhausted.
   */
  networkFromJSON(model: ModelFile | string): Network;
  /**
   * One network per entry of settings.activations (up to 12), same data, initial random
   * numbers and shuffles. Out-of-range numbers are clamped (arena.settings().warnings);
   * malformed values throw naming the field.
   */
  createArena(settings?: ArenaSettings): Arena;
}
