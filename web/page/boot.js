// Starts the trainer workers as early as possible: index.html loads this module before main.js,
// so the wasm download and compile overlap with loading the page's own modules. main.js imports
// the same module instance and attaches the message handler.
import {PagePool} from '../trainer/page-pool.js';
import {poolSize} from '../trainer/start-worker.js';
import {requestedBackend, requestedWorkers} from '../trainer/trainer-rows.js';

export const pool = new PagePool({
  size: poolSize(requestedWorkers(location.hash)),
  backend: requestedBackend(location.hash),
});
