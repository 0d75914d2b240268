// The engine: the only module that touches the Emscripten Module. It picks the SIMD build when
// the engine validates a SIMD probe (else the scalar build) and wraps core in a small JS API.
// Works in browsers, workers and Node >= 20 (where the wasm bytes are read from disk).
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

const IS_NODE = typeof process === 'object' && Boolean(process.versions && process.versions.node);

// Parameters each activation accepts in activate(); anything else is rejected, so a typo such
// as {slop: 0.2} is an error rather than a silent default.
const PARAM_KEYS = Object.freeze({
  leaky_relu: ['slope'],
  prelu: ['alpha'],
  elu: ['alpha'],
  softplus: ['beta', 'threshold'],
});
const DEFAULT_PARAMS = Object.freeze({slope: 0.01, alpha: 1, beta: 1, threshold: 20});

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

async function instantiate(backend) {
  const file = backend === 'wasm-simd128' ? 'relu-lab-simd128' : 'relu-lab-scalar';
  const {default: createModule} = await import(new URL(`./${file}.mjs`, import.meta.url).href);
  const moduleArgs = {};
  if (IS_NODE) {
    // Node 20's fetch() cannot load a file path, so the loader gets the bytes.
    const {readFile} = await import('node:fs/promises');
    moduleArgs.wasmBinary = await readFile(new URL(`./${file}.wasm`, import.meta.url));
  }
  return createModule(moduleArgs);
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value) &&
      !ArrayBuffer.isView(value);
}

// Returns {scalars, alphas} for ActivationCall.run, or throws an Error naming the parameter.
function readParams(name, params) {
  if (params === undefined || params === null) params = {};
  if (!isPlainObject(params)) throw new TypeError(`activate(${name}): params must be an object`);
  const allowed = PARAM_KEYS[name] || [];
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) {
      const expected = allowed.length ? allowed.join(', ') : 'no parameters';
      throw new Error(`activate(${name}): unknown parameter '${key}' (expected ${expected})`);
    }
  }
  const scalars = {...DEFAULT_PARAMS};
  let alphas = null;
  for (const key of allowed) {
    if (!(key in params)) continue;
    const value = params[key];
    if (name === 'prelu' && key === 'alpha' && typeof value !== 'number') {
      if (!Array.isArray(value) && !(value instanceof Float32Array)) {
        throw new TypeError('activate(prelu): alpha must be a number, an array or a Float32Array');
      }
      alphas = Float32Array.from(value, (v, i) => {
        if (typeof v !== 'number')
          throw new TypeError(`activate(prelu): alpha[${i}] is not a number`);
        return v;
      });
      continue;
    }
    if (typeof value !== 'number') {
      throw new TypeError(`activate(${name}): ${key} must be a number, got ${typeof value}`);
    }
    scalars[key] = value;
  }
  if (name === 'prelu') {
    // torch.nn.PReLU's default: one shared alpha of 0.25.
    alphas = alphas || Float32Array.of('alpha' in params ? params.alpha : 0.25);
  }
  return {scalars, alphas: alphas || new Float32Array(0)};
}

/**
 * Loads the module and returns the lab.
 * @param {{backend?: 'auto'|'wasm-simd128'|'wasm-scalar'}} [options]
 * @returns {Promise<ReluLab>}
 *
 * @typedef {object} ReluLab
 * @property {'wasm-simd128'|'wasm-scalar'} backend the build in use
 * @property {readonly string[]} activationNames the 11 activations, in core's order
 * @property {(name: string, params: object|undefined, x: Float32Array) =>
 *     {y: Float32Array, dydx: Float32Array, dalpha?: Float32Array}} activate
 *     y = f(x) and dydx = f'(x) elementwise (fresh arrays, owned by the caller). params:
 *     leaky_relu {slope=0.01}; elu {alpha=1}; softplus {beta=1, threshold=20}; prelu {alpha:
 *     number | number[] | Float32Array = 0.25} — C alphas read x as (N/C, C), element i uses
 *     alpha[i % C]; dalpha is d(sum y)/d alpha per alpha. Throws an Error on an unknown name,
 *     unknown or non-numeric params, non-finite params, beta <= 0 or a length mismatch.
 * The trainer's API (networkFromJSON, createArena) is added by relu-lab-trainer.mjs.
 */
export async function loadReluLab(options = {}) {
  if (!isPlainObject(options)) throw new TypeError('loadReluLab: options must be an object');
  const backend = chooseBackend(options.backend);
  const Module = await instantiate(backend);
  const kernelBackend = Module.kernelBackend();
  if (`wasm-${kernelBackend}` !== backend) {
    throw new Error(`loadReluLab: the ${backend} build reports kernels '${kernelBackend}'`);
  }
  const activationNames = Object.freeze(Module.activationNames());
  const call = new Module.ActivationCall();

  function activate(name, params, x) {
    if (typeof name !== 'string' || !activationNames.includes(name)) {
      throw new Error(
          `activate: unknown activation ${JSON.stringify(String(name))}; ` +
          `expected one of ${activationNames.join(', ')}`);
    }
    if (!(x instanceof Float32Array)) throw new TypeError('activate: x must be a Float32Array');
    const {scalars, alphas} = readParams(name, params);
    const prepareError = call.prepare(x.length, alphas.length);
    if (prepareError) throw new Error(`activate(${name}): ${prepareError}`);
    // Views are fetched after prepare(): allocation may grow memory and detach older views.
    call.x().set(x);
    call.alpha().set(alphas);
    const runError = call.run(name, scalars.slope, scalars.alpha, scalars.beta, scalars.threshold);
    if (runError) throw new Error(`activate(${name}): ${runError}`);
    const result = {y: call.y().slice(), dydx: call.dydx().slice()};
    if (name === 'prelu') result.dalpha = call.dalpha().slice();
    return result;
  }

  const lab = {backend, activationNames, activate};
  attachTrainer(lab, Module);
  return lab;
}
