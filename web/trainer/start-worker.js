// The one place that starts Workers (trainer, study and export alike) and the one rule for how
// many. When the script comes from another origin (a figure served by a CDN) a Worker cannot be
// built from its URL, so the worker starts from a same-origin blob: that imports the module (the
// host's CSP then needs worker-src blob: plus that origin, and the CDN must send CORS headers).

// Worker scripts by name, relative to the web root, which is one folder above this module in the
// source tree and above every bundle the build writes (dist/<feature>/, dist/chunks/).
const WORKER_PATHS = Object.freeze({
  trainer: 'trainer/worker.js',
  study: 'evidence/study-worker.js',
  export: 'time/export/export-worker.js',
});
// A bundle that carries its trainer worker beside itself (the embed folder) names it instead.
const TRAINER_OVERRIDE =
    typeof RELU_LAB_TRAINER_WORKER === 'string' ? RELU_LAB_TRAINER_WORKER : null;

/** The most workers of one kind: the networks are small, more threads mostly cost start-up. */
export const MAX_WORKERS = 4;

let factory = null;

/** Replaces how trainer workers start (a single-file build starts them from inlined source). */
export function setWorkerFactory(makeWorker) {
  factory = makeWorker;
}

/**
 * How many workers to run: one per core, but one core is left to the page's thread while it
 * draws every frame (training), so a machine with two cores trains in one worker; a study,
 * during which the page only reports progress, takes every core. An explicit request wins.
 * @param {number} [requested] a number of workers, or 0 for the default
 * @param {{drawing?: boolean, cores?: number}} [options]
 * @returns {number} 1..MAX_WORKERS
 */
export function poolSize(requested = 0, {drawing = true, cores = defaultCores()} = {}) {
  const spare = drawing ? cores - 1 : cores;
  return Math.max(1, Math.min(MAX_WORKERS, requested > 0 ? requested : spare));
}

function defaultCores() {
  return globalThis.navigator?.hardwareConcurrency || 1;
}

/**
 * @param {'trainer'|'study'|'export'} name
 * @returns {URL} the worker's module script
 */
export function workerUrl(name) {
  if (!Object.hasOwn(WORKER_PATHS, name)) throw new Error(`startWorker: no worker named ${name}`);
  if (name === 'trainer' && TRAINER_OVERRIDE) return new URL(TRAINER_OVERRIDE, import.meta.url);
  return new URL(WORKER_PATHS[name], new URL('../', import.meta.url));
}

/**
 * @param {'trainer'|'study'|'export'} name
 * @returns {Worker} a module worker running that script
 */
export function startWorker(name) {
  if (name === 'trainer' && factory) return factory();
  const url = workerUrl(name);
  if (url.origin === location.origin) return new Worker(url, {type: 'module'});
  const source = `import ${JSON.stringify(url.href)};\n`;
  const blobUrl = URL.createObjectURL(new Blob([source], {type: 'text/javascript'}));
  const worker = new Worker(blobUrl, {type: 'module'});
  // The blob is fetched when the worker starts; its first message proves that is done.
  worker.addEventListener('message', () => URL.revokeObjectURL(blobUrl), {once: true});
  return worker;
}
