// `npm run bench:train`: runs train_bench (bench/train_bench.cpp) natively and in both wasm
// builds under this Node, times TF.js's wasm backend on the same network in-process, then prints
// throughput tables with ratios and the trainer's targets (bench/train-report.mjs). Builds
// nothing (scripts/build-bench.sh). Options: node bench/run-train.mjs --help.
import os from 'node:os';

import {benchPrograms, BUILD_OPTIONS, finishRun, machineContext, OUTPUT_OPTIONS, parseArgs, replaySaved, runProgram, timed} from './bench-lib.mjs';
import {benchTfjsTrain, initTfjs} from './tfjs-train.mjs';
import {renderReport} from './train-report.mjs';

const OPTIONS = [
  ...OUTPUT_OPTIONS,
  {
    flag: '--clock',
    type: 'string',
    value: 'CLOCK',
    default: 'auto',
    choices: ['auto', 'wall', 'cpu'],
    help: 'auto: the wall clock on an idle machine, CPU time when the load average exceeds ' +
        'the core count (other jobs\' time slices would count otherwise)'
  },
  {flag: '--sample-ms', type: 'number', value: 'MS', default: 100, help: 'length of one sample'},
  {flag: '--samples', type: 'number', value: 'N', default: 5, help: 'samples per measurement'},
  {flag: '--all', type: 'boolean', help: 'every activation at every batch size and resolution'},
  {flag: '--only', type: 'string', value: 'OP', default: '', help: 'measure only this activation'},
  {flag: '--no-tfjs', type: 'boolean', help: 'skip the TF.js comparison'},
  ...BUILD_OPTIONS,
];
const USAGE = [
  'usage: node bench/run-train.mjs [options]   measure, then print the tables',
  '       node bench/run-train.mjs --from FILE [--markdown]   re-print a saved run',
];

function parseOptions(argv) {
  const opts = parseArgs(argv, OPTIONS, USAGE);
  if (opts && (!(opts.sampleMs > 0) || !(opts.samples >= 1))) {
    throw new Error('bad --sample-ms/--samples');
  }
  return opts;
}

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  if (opts === null || replaySaved(opts, renderReport)) return;
  const started = performance.now();
  const load = os.loadavg()[0];
  opts.cpuClock = opts.clock === 'cpu' || (opts.clock === 'auto' && load > os.cpus().length);
  const benchArgs = [
    '--clock', opts.cpuClock ? 'cpu' : 'wall', '--sample-ms', String(opts.sampleMs), '--samples',
    String(opts.samples)
  ];
  if (opts.all) benchArgs.push('--all');
  if (opts.only) benchArgs.push('--only', opts.only);
  const lines = [];
  for (const program of benchPrograms(opts, 'train_bench', 'native-scalar')) {
    lines.push(...await runProgram(
        program, benchArgs, {hint: 'run scripts/build-bench.sh', maxBuffer: 1 << 24}));
  }
  const meta = lines.filter((l) => l.meta);
  const records = lines.filter((l) => !l.meta);
  let tfjs = null;
  if (opts.tfjs) {
    tfjs = await timed('TF.js wasm', async () => {
      const info = await initTfjs();
      if (!info.ok) throw new Error('TF.js: could not select the wasm backend');
      records.push(...benchTfjsTrain(opts));
      return info;
    });
  }
  const context = {
    ...machineContext(),
    load: Number(load.toFixed(1)),
    meta,
    tfjs,
    opts,
    n: meta[0].n,
    lr: meta[0].lr,
    seconds: (performance.now() - started) / 1000,
  };
  finishRun(opts, records, context, renderReport);
}

main().catch((error) => {
  console.error(`bench:train failed: ${error.message}`);
  process.exit(1);
});
