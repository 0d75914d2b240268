// Starts the trainer workers as early as possible: index.html loads this module before main.js,
// so the wasm download and compile overlap with loading the page's own modules. main.js imports
// the same module instance and attaches the message handler.
import {poolSize} from '../trainer/start-worker.js';
import {WorkerPool} from '../trainer/worker-pool.js';

import {requestedBackend, requestedWorkers} from './engine-rows.js';

export const pool = new WorkerPool({
  size: poolSize(requestedWorkers(location.hash)),
  backend: requestedBackend(location.hash),
});
