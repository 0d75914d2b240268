// Stand-ins for trainer workers, so that the WorkerPool's scheduling runs in Node: each records
// what the pool sends it, and a test answers for it (say()) as worker.js would.
import {PagePool} from '../../web/trainer/page-pool.js';
import {msg} from '../../web/trainer/protocol.js';
import {setWorkerFactory} from '../../web/trainer/start-worker.js';

export class FakeWorker {
  constructor() {
    this.sent = [];
    this.onmessage = null;
    this.onerror = null;
    this.terminated = false;
  }
  postMessage(message) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  /** The messages of `type` the pool sent since the last take(), oldest first. */
  take(type) {
    const taken = this.sent.filter((m) => m.type === type);
    this.sent = this.sent.filter((m) => m.type !== type);
    return taken;
  }
  say(message) {
    this.onmessage({data: message});
  }
}

export const SCHEMA = {
  limits: {maxNetworks: 12, minFieldResolution: 16}
};

/**
 * A pool of `size` fake workers, loaded; `heard` collects what it tells the page.
 * @returns {{pool: PagePool, workers: FakeWorker[], heard: object[]}}
 */
export function fakePool(size) {
  const workers = [];
  setWorkerFactory(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
  const pool = new PagePool({size, backend: 'auto'});
  setWorkerFactory(null);
  const heard = [];
  pool.onmessage = ({data}) => heard.push(data);
  for (const worker of workers) worker.say(msg.loaded('wasm-simd128', SCHEMA));
  return {pool, workers, heard};
}

/** A worker's 'created' for panels `names`, with `trainCount` rows at `batchSize`. */
export function created(generation, names, trainCount = 10, batchSize = 5) {
  const panels = names.map((activation) => ({activation}));
  return msg.created({
    generation,
    settings: {batchSize, activations: panels, warnings: []},
    panels,
    data: {trainY: new Array(trainCount).fill(0), domain: [-1, 1]},
  });
}

/** A worker's frame of `panels` panels after `steps` optimizer steps. */
export function frame(generation, steps, panels, {resolution = 64, trainMs = 1} = {}) {
  return msg.frame(generation, {
    steps,
    epochs: steps,
    resolution,
    metrics: Array.from({length: panels}, () => ({epoch: steps})),
    fields: Array.from({length: panels}, () => new Float32Array(4)),
    trainMs,
    fieldMs: 1,
    computeMs: 2,
    postedAt: 0,
    time: {epochs: [0], shown: null, bytes: 0},
    recorded: [],
  });
}
