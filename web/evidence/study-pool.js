// A pool of study workers: runs a plan's tasks in parallel (poolSize's count for a page that
// does not animate), reports progress with an estimate of the time left, and cancels by
// terminating its workers. Records are placed by task index, so the result does not depend on
// the number of workers or which finishes first.
import {poolSize, startWorker} from '../trainer/start-worker.js';

export class StudyPool {
  constructor(backend = 'auto', size = poolSize(0, {drawing: false})) {
    this.backend = backend;
    this.size = size;
    this.workers = [];
    this.cancelled = null;
  }

  _worker(i) {
    this.workers[i] ??= startWorker('study');
    return this.workers[i];
  }

  /**
   * Runs `tasks`; onProgress({done, total, secondsLeft}) after each. Resolves with the records
   * in task order, or rejects with an AbortError after cancel().
   */
  run(tasks, onProgress) {
    this.cancel();
    const records = new Array(tasks.length);
    const started = performance.now();
    let next = 0, done = 0;
    return new Promise((resolve, reject) => {
      this.cancelled = () => reject(new DOMException('The study was cancelled', 'AbortError'));
      const feed = (worker) => {
        if (next >= tasks.length) return;
        const id = next++;
        worker.onmessage = ({data}) => {
          if (data.error) {
            this.cancel(false);
            reject(new Error(data.error));
            return;
          }
          records[data.id] = data.records;
          ++done;
          const perTask = (performance.now() - started) / 1000 / done;
          onProgress?.({done, total: tasks.length, secondsLeft: perTask * (tasks.length - done)});
          if (done === tasks.length) {
            this.cancelled = null;
            resolve(records);
          } else {
            feed(worker);
          }
        };
        // A worker that cannot start (its script or the wasm fails to load) ends the study.
        worker.onerror = (event) => {
          this.cancel(false);
          reject(new Error(`a study worker failed: ${event.message || 'it could not start'}`));
        };
        worker.postMessage({id, task: tasks[id], backend: this.backend});
      };
      for (let i = 0; i < Math.min(this.size, tasks.length); ++i) feed(this._worker(i));
    });
  }

  /** Stops every worker now (a worker mid-task is terminated, not waited for). */
  cancel(notify = true) {
    for (const worker of this.workers) worker?.terminate();
    this.workers = [];
    const cancelled = this.cancelled;
    this.cancelled = null;
    if (notify && cancelled) cancelled();
  }
}
