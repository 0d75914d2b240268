// Starts the worker as early as possible: index.html loads this module before main.js, so the
// wasm download and compile overlap with loading the page's own modules. main.js imports the
// same module instance and attaches the message handler.
import {requestedBackend} from './url-settings.js';

export const worker = new Worker(new URL('./worker.js', import.meta.url), {type: 'module'});
worker.postMessage({type: 'load', backend: requestedBackend(location.hash)});
