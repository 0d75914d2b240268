// Starts a figure's worker. A Worker cannot be built from another origin's URL, so when the
// figure's script comes from a CDN the worker starts from a same-origin blob: that imports the
// CDN module (the host's CSP then needs worker-src blob: plus the CDN's origin, since a module
// worker's imports are checked against worker-src; and the CDN must send CORS headers).

let factory = null;

/** Replaces how workers start (a single-file build starts them from inlined source). */
export function setWorkerFactory(makeWorker) {
  factory = makeWorker;
}

/**
 * @param {URL} url the worker module
 * @returns {Worker}
 */
export function startWorker(url) {
  if (factory) return factory();
  if (url.origin === location.origin) return new Worker(url, {type: 'module'});
  const source = `import ${JSON.stringify(url.href)};\n`;
  const blobUrl = URL.createObjectURL(new Blob([source], {type: 'text/javascript'}));
  const worker = new Worker(blobUrl, {type: 'module'});
  // The blob is fetched when the worker starts; its first message proves that is done.
  worker.addEventListener('message', () => URL.revokeObjectURL(blobUrl), {once: true});
  return worker;
}
