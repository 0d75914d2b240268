// Asks the trainer for every panel's field and metrics at chosen epochs (the worker recomputes
// them from the weights it kept) and hands each answer to the promise that asked for it.

let nextId = 1;
const waiting = new Map();  // id -> {resolve, generation}

/**
 * @param {object} worker the page's trainer (worker.js protocol)
 * @param {(number|'final')[]} epochs kept epochs (the nearest kept one answers), 'final' the
 *     shown epoch or the live end
 * @returns {Promise<{epoch: number, asked: number|string, metrics: object[],
 *     fields: (Float32Array|null)[]}[]>} one column per asked epoch, in order
 */
export function requestFields(worker, epochs, resolution) {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker.postMessage({type: 'fields-at', id, epochs, resolution});
  });
}

/** The page's worker.onmessage passes every 'fields-at' answer here. */
export function receiveFields(message) {
  const resolve = waiting.get(message.id);
  waiting.delete(message.id);
  resolve?.(message.columns);
}
