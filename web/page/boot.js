// Starts the trainer workers as early as possible: index.html loads this module before main.js,
// so the wasm download and compile overlap with loading the page's own modules. main.js imports
// the same module instance and attaches the message handler.
import {fieldsInWorkers} from '../panels/fields-where.js';
import {PagePool} from '../trainer/page-pool.js';
import {poolSize} from '../trainer/start-worker.js';
import {requestedBackend, requestedWorkers} from '../trainer/trainer-rows.js';

export const pool = new PagePool({
  // Where the workers draw the fields, the page's thread keeps only text and charts: a core
  // need not be left to it.
  size: poolSize(requestedWorkers(location.hash), {drawing: !fieldsInWorkers()}),
  backend: requestedBackend(location.hash),
});
