// The evidence section's workload: 10 activations x 20 seeds x 300 epochs, 2-8-8-1, 250
// training points (the defaults), test accuracy read after every epoch until each network has
// reached 95%. Prints, never asserts: Node with 1 and 2 worker threads (examples/s per core and
// the speed-up), and the page in headless Chromium (the study pool's wall time and the longest
// main-thread task while it runs). Also checks 1 and 2 threads give identical records.
//
//   node bench/evidence-bench.mjs [--seeds 20] [--epochs 300] [--skip-browser] [--claims]
// --claims also times every claim's study on one thread, as a share of that workload.
import assert from 'node:assert/strict';
import {parseArgs} from 'node:util';
import {isMainThread, parentPort, Worker, workerData} from 'node:worker_threads';

const LIB = new URL('../dist/js/', import.meta.url);

if (!isMainThread) {
  const {loadReluLab} = await import(new URL('relu-lab.mjs', LIB).href);
  const {runTask} = await import(new URL('seed-study.mjs', LIB).href);
  const lab = await loadReluLab({backend: workerData.backend});
  parentPort.on(
      'message', ({id, task}) => parentPort.postMessage({id, records: runTask(lab, task)}));
  parentPort.postMessage({ready: true});
} else {
  await main();
}

// Runs tasks on `threads` worker threads; returns {records, seconds} (loading excluded).
async function runThreads(tasks, threads, backend) {
  const workers = await Promise.all(Array.from(
      {length: threads}, () => new Promise((resolve) => {
                           const w = new Worker(new URL(import.meta.url), {workerData: {backend}});
                           w.once('message', () => resolve(w));
                         })));
  const records = new Array(tasks.length);
  let next = 0;
  const start = performance.now();
  await Promise.all(workers.map((w) => new Promise((resolve) => {
                                  const feed = () => {
                                    if (next >= tasks.length) return resolve();
                                    const id = next++;
                                    w.once('message', (m) => {
                                      records[m.id] = m.records;
                                      feed();
                                    });
                                    w.postMessage({id, task: tasks[id]});
                                  };
                                  feed();
                                })));
  const seconds = (performance.now() - start) / 1000;
  await Promise.all(workers.map((w) => w.terminate()));
  return {records, seconds};
}

async function browserRun(seeds, epochs) {
  const {launch, openPage, WAIT_MS} = await import('../tests/browser/fixture.mjs');
  const session = await launch();
  try {
    const page = await openPage(
        session.context, `${session.url}#activations=relu`, {reducedMotion: 'reduce'});
    await page.waitForSelector('.evidence-form', {timeout: WAIT_MS});
    // All ten default panels, then the study; long tasks are observed from the click on.
    await page.evaluate(() => {
      window.longTasks = [];
      new PerformanceObserver(
          (list) => window.longTasks.push(...list.getEntries().map((e) => e.duration)))
          .observe({type: 'longtask'});
    });
    const hash = `#study=compare&seeds=${seeds}&studyEpochs=${epochs}&target=0.95`;
    await page.goto(`${session.url}${hash}`);
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]', {state: 'attached', timeout: WAIT_MS});
    await page.evaluate(() => {
      window.longTasks = [];
      new PerformanceObserver(
          (list) => window.longTasks.push(...list.getEntries().map((e) => e.duration)))
          .observe({type: 'longtask'});
    });
    await page.click('.evidence-run');
    const start = Date.now();
    await page.waitForFunction(
        () => document.querySelector('#evidence').dataset.state === 'done', null,
        {timeout: 10 * WAIT_MS, polling: 50});
    const seconds = (Date.now() - start) / 1000;
    const longest = await page.evaluate(() => Math.max(0, ...window.longTasks));
    const workers = await page.$eval('#evidence', (e) => e.dataset.workers);
    return {seconds, longest, workers};
  } finally {
    await session.close();
  }
}

// Each measurable claim's study (web/evidence/claims.js) on one thread, as a share of the
// workload above: a claim that costs <= 1x fits the same budget in the page.
async function claimCosts(lab, seeds, workloadSeconds) {
  const {claimRequest, CLAIMS} = await import('../web/evidence/claims.js');
  const {pageTable} = await import('../web/page/page-table.js');
  const {planStudy} = await import(new URL('study-plan.mjs', LIB).href);
  const table = pageTable(lab.schema);
  for (const claim of CLAIMS.filter((c) => c.study.kind !== 'look')) {
    const plan = planStudy(lab.schema, claimRequest(table, claim, {seeds}));
    const {seconds} = await runThreads(plan.tasks, 1, lab.backend);
    console.log(`claim ${claim.id.padEnd(14)} ${plan.tasks.length} runs: ${seconds.toFixed(2)} s, ${
        (seconds / workloadSeconds).toFixed(2)}x the workload`);
  }
}

async function main() {
  const {values} = parseArgs({
    options: {
      seeds: {type: 'string', default: '20'},
      epochs: {type: 'string', default: '300'},
      'skip-browser': {type: 'boolean', default: false},
      claims: {type: 'boolean', default: false}
    }
  });
  const seeds = Number(values.seeds), epochs = Number(values.epochs);
  const {loadReluLab} = await import(new URL('relu-lab.mjs', LIB).href);
  const {compareTasks} = await import(new URL('seed-study.mjs', LIB).href);
  const lab = await loadReluLab();
  const settings = {};  // the defaults: 10 activations, 2-8-8-1, 500 points, half for training
  const arena = lab.createArena(settings);
  const networks = arena.size, trainRows = arena.data().trainCount;
  arena.delete();
  const tasks = compareTasks(settings, {seeds, epochs, target: 0.95});
  const examples = networks * seeds * epochs * trainRows;
  console.log(`workload: ${networks} networks x ${seeds} seeds x ${epochs} epochs x ${
      trainRows} training rows = ${(examples / 1e6).toFixed(1)} M examples (${lab.backend})`);
  const one = await runThreads(tasks, 1, lab.backend);
  const two = await runThreads(tasks, 2, lab.backend);
  assert.deepEqual(two.records, one.records, '1 and 2 threads must give the same records');
  console.log(`node, 1 thread : ${one.seconds.toFixed(2)} s, ${
      (examples / one.seconds / 1e6).toFixed(2)} M examples/s`);
  console.log(`node, 2 threads: ${two.seconds.toFixed(2)} s, ${
      (examples / two.seconds / 2 / 1e6).toFixed(2)} M examples/s per core, speed-up ${
      (one.seconds / two.seconds).toFixed(2)}x (records identical)`);
  if (values.claims) await claimCosts(lab, seeds, one.seconds);
  if (values['skip-browser']) return;
  const b = await browserRun(seeds, epochs);
  console.log(`chromium page, ${b.workers} study workers: ${
      b.seconds.toFixed(2)} s wall (target 5 s), longest main-thread task ${
      b.longest.toFixed(0)} ms (target <= 50 ms)`);
}
