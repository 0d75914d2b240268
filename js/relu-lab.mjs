// The engine: the only module that touches the Emscripten Module. It picks the SIMD build when
// the engine validates a SIMD probe (else the scalar build) and wraps core in a small JS API.
// Works in browsers, workers and Node >= 20 (where the wasm bytes are read from disk).
import {callError, describe, isDetached} from './json-guard.mjs';
import {attachTrainer} from './relu-lab-trainer.mjs';

/** Names of the two builds, as reported in `lab.backend`. */
export const BACKENDS = Object.freeze(['wasm-simd128', 'wasm-scalar']);

// A minimal module whose one function uses a SIMD opcode (i32x4.splat): it validates only where
// wasm SIMD128 is supported. Hand-assembled: magic, version, type ()->v128, one function, code.
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,  // "\0asm", version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b,        // type section: () -> v128
  0x03, 0x02, 0x01, 0x00,                          // function section: one function of type 0
  0x0a, 0x08, 0x01, 0x06, 0x00,                    // code section: one body, no locals
  0x41, 0x00, 0xfd, 0x11, 0x0b,                    // i32.const 0; i32x4.splat; end
]);

// Where the two builds' files sit: next to this module, unless a bundle that carries this module
// elsewhere says where, relative to itself (the page's workers in dist/<feature>/ read ../js/).
// Resolved only when a build is fetched: a worker with inlined builds has no usable base URL.
const BUILDS_PATH = typeof RELU_LAB_BUILDS === 'string' ? RELU_LAB_BUILDS : './';

const IS_NODE = typeof process === 'object' && Boolean(process.versions && process.versions.node);
// Named through a variable so that a consumer's browser bundle (esbuild, Vite) does not try to
// resolve a Node module it never loads there.
const NODE_FS = 'node:fs/promises';

/** @returns {boolean} whether this engine runs wasm SIMD128. */
export function simdSupported() {
  return WebAssembly.validate(SIMD_PROBE);
}

function chooseBackend(requested) {
  if (requested === undefined || requested === 'auto') {
    return simdSupported() ? 'wasm-simd128' : 'wasm-scalar';
  }
  if (!BACKENDS.includes(requested)) {
    throw new Error(
        `loadReluLab: backend must be one of ${BACKENDS.join(', ')} or 'auto', ` +
        `got ${JSON.stringify(requested)}`);
  }
  if (requested === 'wasm-simd128' && !simdSupported()) {
    throw new Error('loadReluLab: wasm SIMD128 is not supported by this engine');
  }
  return requested;
}

// Builds a bundle supplied itself (backend -> {createModule, wasmBinary}), e.g. a single HTML file
// with the module and the wasm bytes inlined, where there is nothing to fetch.
const providedBuilds = new Map();

/**
 * Supplies a build ahead of loadReluLab, which then uses it instead of fetching its files.
 * @param {'wasm-simd128'|'wasm-scalar'} backend
 * @param {(moduleArgs: object) => Promise<object>} createModule the Emscripten module factory
 * @param {Uint8Array} wasmBinary the build's wasm bytes
 */
export function provideBuild(backend, createModule, wasmBinary) {
  providedBuilds.set(backend, {createModule, wasmBinary});
}

// The folder of the build files: loadReluLab's `builds` option (a URL, or text resolved against
// the document in a browser), else beside this module. Resolved only when a build is fetched, as
// BUILDS_PATH.
function buildsFolder(builds) {
  if (builds === undefined) return new URL(BUILDS_PATH, import.meta.url);
  const text = typeof builds === 'string' ? builds : builds?.href;
  if (typeof text !== 'string') {
    throw new TypeError(`loadReluLab: builds must be a URL or its text, got ${describe(builds)}`);
  }
  try {
    const folder = new URL(text, globalThis.location?.href);
    return folder.href.endsWith('/') ? folder : new URL(`${folder.href}/`);
  } catch {
    throw new Error(
        `loadReluLab: builds must be an absolute URL here, got ${JSON.stringify(text)}`);
  }
}

async function instantiate(backend, builds) {
  const provided = providedBuilds.get(backend);
  // locateFile keeps the glue from resolving its wasm against import.meta.url, which a blob:
  // worker's address cannot be a base for.
  if (provided) {
    return provided.createModule({wasmBinary: provided.wasmBinary, locateFile: (path) => path});
  }
  const file = backend === 'wasm-simd128' ? 'relu-lab-simd128' : 'relu-lab-scalar';
  const folder = buildsFolder(builds);
  const glue = new URL(`${file}.mjs`, folder);
  let createModule;
  try {
    ({default: createModule} = await import(glue.href));
  } catch (error) {
    // A bundler that copied this module elsewhere left the build files behind: say which.
    throw new Error(
        `loadReluLab: the ${backend} build could not be loaded from ${glue.href} (${
            error.message}); put the relu-lab-*.mjs and .wasm files beside this module or ` +
        'pass their folder as loadReluLab({builds})');
  }
  const moduleArgs = {};
  if (IS_NODE) {
    // Node 20's fetch() cannot load a file path, so the loader gets the bytes.
    const {readFile} = await import(/* @vite-ignore */ NODE_FS);
    moduleArgs.wasmBinary = await readFile(new URL(`${file}.wasm`, folder));
  }
  return createModule(moduleArgs);
}

// An object literal (or one without a prototype): what options and params are.
function isPlainObject(value) {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// Freezes value and everything inside it (the schema is shared by every caller).
function deepFreeze(value) {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

// Returns {scalars, alphas} for ActivationCall.run, or throws an Error naming the parameter.
// The keys, their type and defaults come from lab.schema (core's registry): an activation's
// number params are what activate() takes. The one special case is prelu: its `alpha` is the
// alpha tensor itself (a number, an array or a Float32Array), not a hyperparameter, and its
// registry params (mode, init) describe how a network creates alphas, so activate() takes
// `alpha` instead of them.
function readParams(activation, params) {
  const name = activation.name;
  if (params === undefined || params === null) params = {};
  if (!isPlainObject(params)) {
    throw new TypeError(
        `activate(${name}): params must be a plain object, got ${describe(params)}`);
  }
  const allowed = name === 'prelu' ?
      ['alpha'] :
      activation.params.filter((p) => p.type === 'number').map((p) => p.key);
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) {
      const expected = allowed.length ? allowed.join(', ') : 'no parameters';
      throw new Error(`activate(${name}): unknown parameter '${key}' (expected ${expected})`);
    }
  }
  if (name === 'prelu') {
    // Without alpha: one shared alpha at the registry's init (torch.nn.PReLU's 0.25).
    const init = activation.params.find((p) => p.key === 'init').default;
    const value = 'alpha' in params ? params.alpha : init;
    if (typeof value === 'number') return {scalars: {}, alphas: Float32Array.of(value)};
    if (!Array.isArray(value) && !(value instanceof Float32Array)) {
      throw new TypeError('activate(prelu): alpha must be a number, an array or a Float32Array');
    }
    if (value instanceof Float32Array && isDetached(value)) {
      throw new TypeError('activate(prelu): alpha: its buffer was detached (transferred)');
    }
    const alphas = Float32Array.from(value, (v, i) => {
      if (typeof v !== 'number')
        throw new TypeError(`activate(prelu): alpha[${i}] is not a number`);
      return v;
    });
    return {scalars: {}, alphas};
  }
  const scalars = {};
  for (const key of allowed) {
    if (!(key in params)) continue;  // core applies the registry's default
    const value = params[key];
    if (typeof value !== 'number') {
      throw new TypeError(`activate(${name}): ${key} must be a number, got ${typeof value}`);
    }
    // JSON has no NaN or Infinity: say so here rather than send null.
    if (!Number.isFinite(value))
      throw new Error(`activate(${name}): ${key}: must be a finite number`);
    scalars[key] = value;
  }
  return {scalars, alphas: new Float32Array(0)};
}

/**
 * Loads the module and returns the lab.
 * @param {{backend?: 'auto'|'wasm-simd128'|'wasm-scalar', builds?: URL|string}} [options]
 *     builds: the folder of the build files (relu-lab-{simd128,scalar}.{mjs,wasm}), for a
 *     bundle that moved this module away from them; default: beside this module
 * @returns {Promise<ReluLab>}
 *
 * @typedef {object} ReluLab
 * @property {'wasm-simd128'|'wasm-scalar'} backend the build in use
 * @property {readonly string[]} activationNames the 11 activations, in core's order
 * @property {Schema} schema what core accepts, from core's own tables (deep-frozen, read once
 *     at load): build settings forms, URL state and validation from it rather than copies.
 * @property {(name: string, params: object|undefined, x: Float32Array) =>
 *     {y: Float32Array, dydx: Float32Array, dalpha?: Float32Array}} activate
 *     y = f(x) and dydx = f'(x) elementwise (fresh arrays, owned by the caller). params: the
 *     activation's number params in `schema.activations[i].params` (leaky_relu {slope}, elu
 *     {alpha}, softplus {beta, threshold}; absent keys take their defaults). The one special
 *     case is prelu {alpha: number | number[] | Float32Array = 0.25}: the alphas themselves —
 *     C alphas read x as (N/C, C), element i uses alpha[i % C]; dalpha is d(sum y)/d alpha per
 *     alpha. Throws an Error on an unknown name, unknown or non-numeric params, non-finite
 *     params, a failed hard constraint ("beta: must be > 0") or a length mismatch.
 * @property {() => number} memoryBytes bytes of wasm memory the module holds now (it grows on
 *     demand up to 1 GiB and never shrinks; a call that would exceed it throws
 *     "<call>: out of memory: ...").
 * The trainer's API (networkFromJSON, createArena) is added by relu-lab-trainer.mjs.
 *
 * @typedef {object} Schema
 * @property {readonly SchemaEntry[]} settings every createArena() key, in settings() order;
 *     "optimizer.momentum" is key momentum of the optimizer object. type: 'number' | 'int' |
 *     'bool' | 'enum' | 'seed' | 'layers' (min/max: units per layer) | 'activations'.
 * @property {readonly {name: string, displayName: string, params: readonly SchemaEntry[]}[]}
 *     activations every activation in core's order; params: its `params` keys in settings and
 *     model files (type 'number' or 'enum'; min/max: the range settings clamp to).
 * @property {Readonly<Record<string, number>>} limits maxNetworks, maxHiddenLayers, maxUnits,
 *     minPoints, maxPoints, maxBatchSize, maxEpochsPerCall, maxLabelBytes, minFieldResolution,
 *     maxFieldResolution, maxTrainSteps.
 *
 * @typedef {object} SchemaEntry
 * @property {string} key
 * @property {string} type
 * @property {*} default the default, as createArena() reads it
 * @property {number} [min] the bounds, exact (floats print as the float they are)
 * @property {number} [max]
 * @property {readonly string[]} [options] an enum's values
 * @property {string} meaning one line
 */
export async function loadReluLab(options = {}) {
  if (!isPlainObject(options)) throw new TypeError('loadReluLab: options must be an object');
  const backend = chooseBackend(options.backend);
  const Module = await instantiate(backend, options.builds);
  const kernelBackend = Module.kernelBackend();
  if (`wasm-${kernelBackend}` !== backend) {
    throw new Error(`loadReluLab: the ${backend} build reports kernels '${kernelBackend}'`);
  }
  const activationNames = Object.freeze(Module.activationNames());
  const schema = deepFreeze(JSON.parse(Module.settingsSchema()));
  const activations = new Map(schema.activations.map((a) => [a.name, a]));
  // The figure's builds (dist/embed/, wasm/CMakeLists.txt) bind no ActivationCall: its worker
  // never calls activate().
  const call = Module.ActivationCall ? new Module.ActivationCall() : null;

  function activate(name, params, x) {
    if (!call)
      throw new Error('activate: not in the figure\'s build (dist/embed/): use dist/js/\'s');
    try {
      return run(name, params, x);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('activate')) throw error;
      // A getter or Proxy trap that throws, say: still an Error that names the call.
      throw callError('activate', '', error instanceof Error ? error.message : 'failed');
    }
  }

  function run(name, params, x) {
    if (typeof name !== 'string' || !activations.has(name)) {
      // describe(): String() itself throws on an object without a prototype.
      const got = typeof name === 'string' ? JSON.stringify(name) : describe(name);
      throw new Error(
          `activate: unknown activation ${got}; expected one of ${activationNames.join(', ')}`);
    }
    if (!(x instanceof Float32Array)) {
      throw new TypeError(`activate(${name}): x must be a Float32Array, got ${describe(x)}`);
    }
    if (isDetached(x))
      throw new TypeError(`activate(${name}): x: its buffer was detached (transferred)`);
    const {scalars, alphas} = readParams(activations.get(name), params);
    const prepareError = call.prepare(x.length, alphas.length);
    if (prepareError) throw new Error(`activate(${name}): ${prepareError}`);
    // Views are fetched after prepare(): allocation may grow memory and detach older views.
    call.x().set(x);
    call.alpha().set(alphas);
    const runError = call.run(name, JSON.stringify(scalars));
    if (runError) throw new Error(`activate(${name}): ${runError}`);
    const result = {y: call.y().slice(), dydx: call.dydx().slice()};
    if (name === 'prelu') result.dalpha = call.dalpha().slice();
    return result;
  }

  // Bytes of wasm memory the module holds now: it grows on demand up to 1 GiB and never shrinks.
  const memoryBytes = () => Module.HEAP8.buffer.byteLength;
  const lab = {backend, activationNames, schema, activate, memoryBytes};
  attachTrainer(lab, Module);
  return lab;
}
