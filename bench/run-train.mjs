// `npm run bench:train`: runs train_bench (bench/train_bench.cpp) natively and in both wasm
// builds under this Node, times TF.js's wasm backend on the same network in-process, then prints
// throughput tables with ratios and the issue-3 targets. Builds nothing (scripts/build-bench.sh).
//
//   node bench/run-train.mjs [--markdown] [--json FILE] [--from FILE] [--clock auto|wall|cpu]
//       [--sample-ms 100] [--samples 5] [--all] [--only op] [--no-tfjs]
//       [--native DIR] [--simd DIR] [--scalar DIR]   (DIR: a CMake build dir)
// --from re-prints a run saved with --json (e.g. as Markdown for the README) without measuring.
// --clock auto (default) times with the wall clock on an idle machine and with CPU time when
// the load average exceeds the core count (other jobs' time slices would count otherwise).
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {benchTfjsTrain, initTfjs} from './tfjs-train.mjs';
import {renderReport} from './train-report.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opts = {
    markdown: false,
    json: null,
    from: null,
    clock: 'auto',
    sampleMs: 100,
    samples: 5,
    all: false,
    only: '',
    tfjs: true,
    native: path.join(ROOT, 'build/native-release'),
    simd: path.join(ROOT, 'build/wasm-simd128'),
    scalar: path.join(ROOT, 'build/wasm-scalar'),
  };
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    switch (arg) {
      case '--markdown':
        opts.markdown = true;
        break;
      case '--json':
        opts.json = value();
        break;
      case '--from':
        opts.from = value();
        break;
      case '--clock':
        opts.clock = value();
        break;
      case '--sample-ms':
        opts.sampleMs = Number(value());
        break;
      case '--samples':
        opts.samples = Number(value());
        break;
      case '--all':
        opts.all = true;
        break;
      case '--only':
        opts.only = value();
        break;
      case '--no-tfjs':
        opts.tfjs = false;
        break;
      case '--native':
      case '--simd':
      case '--scalar':
        opts[arg.slice(2)] = path.resolve(value());
        break;
      default:
        throw new Error(`unknown argument ${arg}`);
    }
  }
  if (!(opts.sampleMs > 0) || !(opts.samples >= 1)) throw new Error('bad --sample-ms/--samples');
  if (!['auto', 'wall', 'cpu'].includes(opts.clock)) throw new Error('--clock: auto, wall or cpu');
  return opts;
}

// Runs one train_bench build and returns its JSON lines. A missing binary or a non-zero exit
// is fatal: the table must not silently lack a variant.
function runProgram(label, command, args, opts) {
  const file = args.length > 0 ? args[0] : command;
  if (!fs.existsSync(file))
    throw new Error(`${label}: ${file} not found (run scripts/build-bench.sh)`);
  const benchArgs = [
    '--clock', opts.cpuClock ? 'cpu' : 'wall', '--sample-ms', String(opts.sampleMs), '--samples',
    String(opts.samples)
  ];
  if (opts.all) benchArgs.push('--all');
  if (opts.only) benchArgs.push('--only', opts.only);
  process.stderr.write(`bench: running ${label} ...`);
  const t0 = performance.now();
  const result =
      spawnSync(command, [...args, ...benchArgs], {encoding: 'utf8', maxBuffer: 1 << 24});
  process.stderr.write(` ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(
        `${label} exited with ${result.status} (signal ${result.signal}):\n${result.stderr}`);
  }
  const lines =
      result.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  if (!lines.some((l) => l.meta && l.variant === label)) {
    throw new Error(
        `${label}: the program reports ${lines.filter((l) => l.meta).map((l) => l.variant)}`);
  }
  return lines;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.from) {
    const saved = JSON.parse(fs.readFileSync(opts.from, 'utf8'));
    process.stdout.write(renderReport(saved.records, saved.context, {markdown: opts.markdown}));
    return;
  }
  const started = performance.now();
  const load = os.loadavg()[0];
  opts.cpuClock = opts.clock === 'cpu' || (opts.clock === 'auto' && load > os.cpus().length);
  const lines = [
    ...runProgram('native-scalar', path.join(opts.native, 'bench/train_bench'), [], opts),
    ...runProgram(
        'wasm-simd128', process.execPath, [path.join(opts.simd, 'bench/train_bench.cjs')], opts),
    ...runProgram(
        'wasm-scalar', process.execPath, [path.join(opts.scalar, 'bench/train_bench.cjs')], opts),
  ];
  const meta = lines.filter((l) => l.meta);
  const records = lines.filter((l) => !l.meta);
  let tfjs = null;
  if (opts.tfjs) {
    process.stderr.write('bench: running TF.js wasm ...');
    const t0 = performance.now();
    tfjs = await initTfjs();
    if (!tfjs.ok) throw new Error('TF.js: could not select the wasm backend');
    records.push(...benchTfjsTrain(opts));
    process.stderr.write(` ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  const context = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cpu: os.cpus()[0]?.model ?? 'unknown CPU',
    cores: os.cpus().length,
    node: process.version,
    load: Number(load.toFixed(1)),
    meta,
    tfjs,
    opts,
    n: meta[0].n,
    lr: meta[0].lr,
    seconds: (performance.now() - started) / 1000,
  };
  if (opts.json) fs.writeFileSync(opts.json, JSON.stringify({context, records}, null, 1));
  process.stdout.write(renderReport(records, context, {markdown: opts.markdown}));
}

main().catch((error) => {
  console.error(`bench:train failed: ${error.message}`);
  process.exit(1);
});
