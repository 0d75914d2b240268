// The engine rows: which wasm build and how many trainer workers. Both are chosen before the wasm
// module (and with it the schema) has loaded, so boot.js and the figure read them from a hash on
// their own too; later the page's table reads and writes them like any row.
import {BACKENDS} from '../../js/relu-lab.mjs';
import {bootValue} from '../settings/boot-keys.js';
import {MAX_WORKERS} from '../trainer/start-worker.js';

export const BACKEND_ROW = {
  key: 'backend',
  type: 'enum',
  group: 'view',
  label: 'Engine',
  default: 'auto',
  options: ['auto', ...BACKENDS.map((b) => b.replace(/^wasm-/, ''))],
  meaning: 'the wasm build: auto picks SIMD128 where the browser supports it',
  effect: 'reload',
};

export const WORKERS_ROW = {
  key: 'workers',
  type: 'int',
  group: 'hidden',
  label: 'Workers',
  default: 0,
  min: 0,
  max: MAX_WORKERS,
  meaning: 'trainer threads sharing the panels (0: one per core but one); same numbers for any',
  effect: 'reload',
};

/** @returns {'auto'|string} the build the hash asks for, as loadReluLab's backend option. */
export function requestedBackend(hash) {
  const value = bootValue(hash, BACKEND_ROW);
  return value === 'auto' ? 'auto' : `wasm-${value}`;
}

/** @returns {number} the workers the hash asks for (0: the default), as poolSize() takes. */
export function requestedWorkers(hash) {
  return bootValue(hash, WORKERS_ROW);
}
