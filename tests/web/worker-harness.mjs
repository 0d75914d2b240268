// web/trainer/worker.js in a Node worker thread (worker-thread.mjs, with dist/'s wasm, or
// RELU_LAB_DIST's) for the tests that talk to it message by message: its inbox, and waiting for
// the next message of a kind. Registers the thread's start and end with node:test.
import {after, before} from 'node:test';
import {pathToFileURL} from 'node:url';
import {Worker} from 'node:worker_threads';

export const DIST = process.env.RELU_LAB_DIST ?
    pathToFileURL(process.env.RELU_LAB_DIST + '/').href :
    new URL('../../dist/', import.meta.url).href;
export const WAIT_MS = 60000;

/**
 * @returns {{inbox: object[], send: function(object), take: Function, next: Function}} send
 *     posts a protocol.js message; take(match, {keepOthers}) waits for the first message `match`
 *     accepts and returns {message, before}, taking it (and, unless keepOthers, the messages
 *     before it) out of the inbox; next(type) is take's message of that type. An error message
 *     (a type with "error", or an `error` field) that `match` does not accept fails the wait.
 */
export function workerThread() {
  let thread;
  const inbox = [];
  let notify = null;
  before(() => {
    thread =
        new Worker(new URL('./worker-thread.mjs', import.meta.url), {workerData: {dist: DIST}});
    thread.on('message', (message) => {
      inbox.push(message);
      notify?.();
    });
    thread.on('error', (error) => inbox.push({type: 'thread error', message: error.message}));
  });
  after(() => thread.terminate());

  async function take(match, {keepOthers = false} = {}) {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const error = inbox.find((m) => !match(m) && (/error/.test(m.type) || m.error));
      if (error) throw new Error(`waiting: ${JSON.stringify(error)}`);
      const at = inbox.findIndex(match);
      if (at >= 0) {
        if (keepOthers) return {message: inbox.splice(at, 1)[0], before: []};
        const taken = inbox.splice(0, at + 1);
        return {message: taken.pop(), before: taken};
      }
      if (Date.now() > deadline) {
        throw new Error(`no message in ${WAIT_MS} ms: ${JSON.stringify(inbox).slice(0, 500)}`);
      }
      await new Promise((resolve) => {
        notify = resolve;
        setTimeout(resolve, 100);
      });
    }
  }

  return {
    inbox,
    send: (message) => thread.postMessage(message),
    take,
    next: async (type) => (await take((m) => m.type === type)).message,
  };
}
