// Runs web/trainer/worker.js in a Node worker thread the way a browser runs it in a Worker:
// onmessage and postMessage on the global scope, with the wasm build of dist/ (workerData.dist)
// provided to the lab. Only for tests: the page's workers are real Workers.
import {readFile} from 'node:fs/promises';
import {parentPort, workerData} from 'node:worker_threads';

globalThis.onmessage = null;
globalThis.postMessage = (message, transfer) => parentPort.postMessage(message, transfer);
const {provideBuild} = await import('../../js/relu-lab.mjs');
const builds = new URL('js/', workerData.dist);
const {default: createModule} = await import(new URL('relu-lab-simd128.mjs', builds).href);
provideBuild(
    'wasm-simd128', createModule, await readFile(new URL('relu-lab-simd128.wasm', builds)));
await import('../../web/trainer/worker.js');
parentPort.on('message', (data) => globalThis.onmessage({data}));
