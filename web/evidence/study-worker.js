// One worker of the study pool: it loads its own lab (the build the page asked for) and runs
// study tasks one at a time, posting each task's records. The pool cancels by terminating it.
import {loadReluLab} from '../../js/relu-lab.mjs';
import {runTask} from '../../js/seed-study.mjs';

let lab = null;

self.onmessage = async ({data}) => {
  try {
    lab ??= await loadReluLab({backend: data.backend});
    const start = performance.now();
    const records = runTask(lab, data.task);
    self.postMessage({id: data.id, records, ms: performance.now() - start});
  } catch (error) {
    self.postMessage({id: data.id, error: String(error && error.message || error)});
  }
};
