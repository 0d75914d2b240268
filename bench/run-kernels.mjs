// `npm run bench:kernels`: runs the kernel benchmark of the native build and of both wasm builds
// (under this Node), times TF.js's wasm backend in-process, then prints the tables
// (bench/kernels-report.mjs). Builds nothing: scripts/build-bench.sh does that first.
// Options: node bench/run-kernels.mjs --help.
import os from 'node:os';

import {benchPrograms, BUILD_OPTIONS, finishRun, machineContext, OUTPUT_OPTIONS, parseArgs, replaySaved, runProgram, timed} from './bench-lib.mjs';
import {renderReport} from './kernels-report.mjs';
import {benchTfjs, initTfjs} from './tfjs-kernels.mjs';

// The best of many 1 ms samples, >= 50 ms per measurement (see Options in kernels_bench.cpp).
const OPTIONS = [
  ...OUTPUT_OPTIONS,
  {
    flag: '--sizes',
    type: 'list',
    value: 'N,N',
    default: [256, 4096, 65536, 1048576],
    help: 'elements per call, multiples of 8'
  },
  {flag: '--sample-ms', type: 'number', value: 'MS', default: 1, help: 'length of one sample'},
  {flag: '--samples', type: 'number', value: 'N', default: 5, help: 'at least this many samples'},
  {
    flag: '--budget-ms',
    type: 'number',
    value: 'MS',
    default: 50,
    help: 'and at least this much sampled time per measurement'
  },
  {
    flag: '--clock',
    type: 'string',
    value: 'CLOCK',
    default: 'wall',
    choices: ['wall', 'cpu'],
    help: 'wall clock, or CPU time (leaves out other processes\' slices)'
  },
  ...BUILD_OPTIONS,
];
const USAGE = [
  'usage: node bench/run-kernels.mjs [options]   measure, then print the tables',
  '       node bench/run-kernels.mjs --from FILE [--markdown]   re-print a saved run',
];

function parseOptions(argv) {
  const opts = parseArgs(argv, OPTIONS, USAGE);
  if (opts && opts.sizes.some((n) => !Number.isInteger(n) || n <= 0 || n % 8 !== 0)) {
    throw new Error('--sizes: positive multiples of 8 (per-channel PReLU uses 8 channels)');
  }
  return opts;
}

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  if (opts === null || replaySaved(opts, renderReport)) return;
  const load = os.loadavg();
  const started = performance.now();
  const benchArgs = [
    ['--sizes', opts.sizes.join(',')],
    ['--sample-ms', opts.sampleMs],
    ['--samples', opts.samples],
    ['--budget-ms', opts.budgetMs],
    ['--clock', opts.clock],
  ].flatMap(([flag, v]) => [flag, String(v)]);
  const lines = [];
  for (const program of benchPrograms(opts, 'kernels_bench', 'native')) {
    lines.push(...await runProgram(
        program, benchArgs, {hint: 'run scripts/build-bench.sh first', maxBuffer: 1 << 26}));
  }
  const meta = lines.filter((r) => r.meta);
  const records = lines.filter((r) => !r.meta);

  const tfjs = await timed('TF.js wasm', async () => {
    const info = await initTfjs();
    if (!info.ok) throw new Error('TF.js: could not select the wasm backend');
    records.push(...benchTfjs(opts));
    return info;
  });

  const context = {
    ...machineContext(),
    load,
    meta,
    tfjs,
    opts,
    seconds: (performance.now() - started) / 1000,
  };
  finishRun(opts, records, context, renderReport);
}

main().catch((error) => {
  console.error(`bench:kernels failed: ${error.message}`);
  process.exit(1);
});
