// Trainer workers shared by the pools of one page (its figures): each pool gets a session, an
// arena of its own in a shared worker, through a port that a WorkerPool uses as it would a
// Worker. A page with a hundred figures runs at most poolSize() workers per build: they start as
// pools need them and stop when their last session closes.
import {msg} from './protocol.js';
import {poolSize, startWorker} from './start-worker.js';

const hosts = [];  // {backend, worker, ports: Map(session id -> SessionPort), lastId}

class SessionPort {
  constructor(host, id) {
    this.host = host;
    this.id = id;
    this.onmessage = null;  // ({data}) => void, as a Worker's
    this.onerror = null;
  }

  postMessage(message) {
    if (this.host) this.host.worker.postMessage({...message, session: this.id});
  }

  /** Closes the session: its arena is freed, and the worker stops with its last session. */
  terminate() {
    const host = this.host;
    if (!host) return;
    this.postMessage(msg.close());
    this.host = null;
    host.ports.delete(this.id);
    if (host.ports.size) return;
    host.worker.terminate();
    hosts.splice(hosts.indexOf(host), 1);
  }
}

function startHost(backend) {
  const host = {backend, worker: startWorker('trainer'), ports: new Map(), lastId: 0};
  host.worker.onmessage = ({data}) => host.ports.get(data.session)?.onmessage?.({data});
  host.worker.onerror = (event) => {
    for (const port of host.ports.values()) port.onerror?.(event);
  };
  hosts.push(host);
  return host;
}

/**
 * A session in a shared trainer worker of `backend`: in the least busy one, or in a new one
 * while fewer than poolSize() run for that build.
 * @param {string} backend 'auto' or a build of lab's BACKENDS (a worker loads one)
 * @returns {SessionPort} what a WorkerPool takes for a Worker (its `start` option)
 */
export function openSession(backend) {
  const mine = hosts.filter((h) => h.backend === backend);
  const quietest = mine.reduce((a, b) => (b.ports.size < a.ports.size ? b : a), mine[0]);
  const host = !quietest || (quietest.ports.size > 0 && mine.length < poolSize()) ?
      startHost(backend) :
      quietest;
  const port = new SessionPort(host, ++host.lastId);
  host.ports.set(port.id, port);
  return port;
}

/** @returns {number} the shared trainer workers running now */
export function sharedWorkerCount() {
  return hosts.length;
}
