// Per-frame cost of arena.metrics() (10 default networks) in two builds of the JS library, e.g.
// the JSON version and the fixed-layout one, measured in one run, interleaved so that load on
// the machine hits both alike. Also checks that both return the same values for every key the
// older one has (the same settings and seed train the same networks).
//
//   node bench/metrics-bench.mjs --before DIR --after DIR [--calls 400] [--epochs 5]
//       [--backend wasm-simd128|wasm-scalar]
// DIR is a dist/ folder (its library is DIR/js/relu-lab.mjs or DIR/relu-lab.mjs).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

function parseArgs(argv) {
  const opts = {before: null, after: 'dist', calls: 400, epochs: 5, backend: 'wasm-simd128'};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in opts)) throw new Error(`unknown option ${argv[i]}`);
    opts[key] = typeof opts[key] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
  }
  if (!opts.before) throw new Error('--before DIR is required');
  return opts;
}

async function loadArena(dir, opts) {
  const candidates = [path.join(dir, 'js', 'relu-lab.mjs'), path.join(dir, 'relu-lab.mjs')];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) throw new Error(`no relu-lab.mjs in ${dir} or ${dir}/js`);
  const {loadReluLab} = await import(pathToFileURL(path.resolve(file)).href);
  const lab = await loadReluLab({backend: opts.backend});
  const arena = lab.createArena({});
  arena.train(opts.epochs);
  return {name: dir, arena};
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function timeOnce(arena) {
  const start = process.hrtime.bigint();
  const metrics = arena.metrics();
  const ns = Number(process.hrtime.bigint() - start);
  if (metrics.length === 0) throw new Error('no metrics');
  return ns / 1e6;
}

const opts = parseArgs(process.argv.slice(2));
const runs = [await loadArena(opts.before, opts), await loadArena(opts.after, opts)];
const [old, fresh] = runs.map((r) => r.arena.metrics());
assert.equal(old.length, fresh.length);
for (let i = 0; i < old.length; ++i) {
  for (const key of Object.keys(old[i])) {
    assert.deepEqual(fresh[i][key], old[i][key], `network ${i} ${key}`);
  }
}
for (const run of runs) {
  for (let i = 0; i < 50; ++i) timeOnce(run.arena);  // warm up the JIT
}
const samples = runs.map(() => []);
for (let i = 0; i < opts.calls; ++i) {
  runs.forEach((run, k) => samples[k].push(timeOnce(run.arena)));
}
const [before, after] = samples.map(median);
console.log(`arena.metrics(), ${old.length} networks, ${opts.backend}, median of ${opts.calls}:`);
console.log(`  before ${before.toFixed(4)} ms  (${opts.before})`);
console.log(`  after  ${after.toFixed(4)} ms  (${opts.after})`);
console.log(`  ratio  ${(before / after).toFixed(1)}x faster; values equal on every shared key`);
