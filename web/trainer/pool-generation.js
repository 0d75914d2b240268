// A pool's state of one arena (one generation) across its workers: what each has sent, what was
// asked of all of them, and where a pause stands. Plain data; worker-pool.js and its helpers
// (pool-settle.js, pool-time.js) change it.

/**
 * @param {number} generation the page's number for the arena
 * @param {(number[]|null)[]} shares the panels of each worker ([null]: one worker, all panels)
 * @param {number} at an epoch every worker trains to and shows (a link's), or -1
 */
export function newGeneration(generation, shares, at) {
  return {
    generation,
    shares,
    at,
    created: [],                     // each worker's 'created', by worker
    ready: false,                    // every worker has sent 'created' (perEpoch is known)
    perEpoch: 1,                     // optimizer steps per epoch, known once ready
    queues: shares.map(() => []),    // frames received and not yet part of a drawn frame
    recorded: shares.map(() => []),  // kept epochs' metrics from each worker, not yet handed out
    delivered: [],  // combined frames handed out, oldest first: their parts await 'drawn'
    steps: shares.map(() => -1),  // each worker's optimizer steps, from its frames
    target: 0,                    // steps asked of every worker
    pending: [],                  // target steps of training requests not yet drawn
    stepRequests: [],             // Step requests waiting for 'created' or the end of a pause
    pausing: 0,                   // workers yet to acknowledge a pause
    pausedResolution: 0,          // what the workers draw until the pause settles
    settle: null,                 // {target, resolution}: after a pause, the one frame that ends it
    viewAfterSettle: null,        // view changes that came while a pause settled
    errors: new Set(),            // error texts the page has heard already
    resynced: -1,                 // the target a resync was asked at
    refine: 0,                    // the timer of a pending refine
    pacing: false,  // its one worker plays at its own pace (WorkerPool.selfPaced), told by 'play'
    stepCallbacks: [],  // update()s' onStep, in order, called with the step worker 0 applied at
  };
}

/** Whether a pause of `gen` has not settled yet (its workers wait for the one frame). */
export function settling(gen) {
  return gen.pausing > 0 || gen.settle !== null;
}

/**
 * The optimizer steps a Step request means from `done` steps: {epochs} trains to the end of the
 * current epoch (a whole epoch from a boundary) and epochs - 1 more, {batches} that many.
 */
export function stepsFor({epochs = 0, batches = 0}, done, perEpoch) {
  const toBoundary = epochs > 0 ? perEpoch - (done % perEpoch) + (epochs - 1) * perEpoch : 0;
  return toBoundary + batches;
}
