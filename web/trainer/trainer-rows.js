// The trainer's rows: the pace of play (speed, slow start), the wasm build and the trainer
// workers. The build and the workers are chosen before the wasm module (and with it the schema)
// has loaded, so boot.js and the figure read them from a hash on their own too; later the
// page's table reads and writes them like any row.
import {BACKENDS} from '../../js/relu-lab.mjs';
import {bootValue} from '../settings/boot-keys.js';

import {MAX_WORKERS} from './start-worker.js';

// The paces the speed control offers, in epochs per display frame (60 per second).
const PACES = [1 / 32, 1 / 16, 1 / 8, 1 / 4, 1 / 2, 1, 2, 5, 10, 20, 50];

function paceText(pace) {
  return pace < 1 ? `1/${Math.round(1 / pace)} epoch per frame` :
                    `${pace} epoch${pace === 1 ? '' : 's'} per frame`;
}

export const SPEED_ROW = {
  key: 'speed',
  type: 'number',
  group: 'view',
  label: 'Speed',
  default: 1,
  min: PACES[0],
  max: PACES.at(-1),
  choices: PACES.map((pace) => [pace, paceText(pace)]),
  meaning: 'epochs trained per screen frame (60 frames a second) once the slow start is over',
  effect: 'pace',
};

export const EASE_ROW = {
  key: 'ease',
  type: 'bool',
  group: 'view',
  label: 'Slow start',
  default: true,
  meaning: 'begin at 1/32 epoch per frame and double the pace every 4 epochs up to Speed',
  effect: 'pace',
};

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
