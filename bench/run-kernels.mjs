// `npm run bench:kernels`: runs the kernel benchmark of the native build and of both wasm builds
// (under this Node), times TF.js's wasm backend in-process, then prints the tables
// (bench/kernels-report.mjs). Builds nothing: scripts/build-bench.sh does that first.
//
//   node bench/run-kernels.mjs [--markdown] [--json FILE] [--sizes 256,4096] [--sample-ms 1]
//       [--samples 5] [--budget-ms 50] [--clock wall|cpu] [--native DIR] [--simd DIR] [--scalar
//       DIR]   (DIR: a CMake build dir)
//   node bench/run-kernels.mjs --from FILE [--markdown]   re-prints a run saved with --json
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {renderReport} from './kernels-report.mjs';
import {benchTfjs, initTfjs} from './tfjs-kernels.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opts = {
    markdown: false,
    json: null,
    from: null,
    sizes: [256, 4096, 65536, 1048576],
    // The best of many 1 ms samples, >= 50 ms per measurement (see Options in kernels_bench.cpp).
    sampleMs: 1,
    samples: 5,
    budgetMs: 50,
    clock: 'wall',
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
    if (arg === '--markdown') {
      opts.markdown = true;
    } else if (arg === '--json' || arg === '--from') {
      opts[arg.slice(2)] = value();
    } else if (arg === '--sizes') {
      opts.sizes = value().split(',').map(Number);
    } else if (arg === '--sample-ms') {
      opts.sampleMs = Number(value());
    } else if (arg === '--samples') {
      opts.samples = Number(value());
    } else if (arg === '--budget-ms') {
      opts.budgetMs = Number(value());
    } else if (arg === '--clock') {
      opts.clock = value();
      if (opts.clock !== 'wall' && opts.clock !== 'cpu') throw new Error('--clock: wall or cpu');
    } else if (arg === '--native' || arg === '--simd' || arg === '--scalar') {
      opts[arg.slice(2)] = path.resolve(value());
    } else {
      throw new Error(`unknown argument ${arg}`);
    }
  }
  if (opts.sizes.some((n) => !Number.isInteger(n) || n <= 0 || n % 8 !== 0)) {
    throw new Error('--sizes: positive multiples of 8 (per-channel PReLU uses 8 channels)');
  }
  return opts;
}

// Runs one kernels_bench build and returns its parsed JSON lines. A missing binary or a
// non-zero exit is fatal: the bench must not print a table with a variant silently absent.
function runProgram(label, command, args, opts) {
  const benchArgs = [
    ['--sizes', opts.sizes.join(',')],
    ['--sample-ms', opts.sampleMs],
    ['--samples', opts.samples],
    ['--budget-ms', opts.budgetMs],
    ['--clock', opts.clock],
  ].flatMap(([flag, v]) => [flag, String(v)]);
  const file = args.length > 0 ? args[0] : command;
  if (!fs.existsSync(file)) {
    throw new Error(`${label}: ${file} not found (run scripts/build-bench.sh first)`);
  }
  process.stderr.write(`bench: running ${label} ...`);
  const t0 = performance.now();
  const result =
      spawnSync(command, [...args, ...benchArgs], {encoding: 'utf8', maxBuffer: 1 << 26});
  process.stderr.write(` ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(
        `${label} exited with ${result.status} (signal ${result.signal}):\n` + result.stderr);
  }
  return result.stdout.split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.from) {
    const saved = JSON.parse(fs.readFileSync(opts.from, 'utf8'));
    process.stdout.write(renderReport(saved.records, saved.context, {markdown: opts.markdown}));
    return;
  }
  const load = os.loadavg();
  const started = performance.now();
  const programs = [
    ['native', path.join(opts.native, 'bench/kernels_bench'), []],
    ['wasm-simd128', process.execPath, [path.join(opts.simd, 'bench/kernels_bench.cjs')]],
    ['wasm-scalar', process.execPath, [path.join(opts.scalar, 'bench/kernels_bench.cjs')]],
  ];
  const lines = [];
  for (const [label, command, args] of programs) {
    lines.push(...runProgram(label, command, args, opts));
  }
  const meta = lines.filter((r) => r.meta);
  const records = lines.filter((r) => !r.meta);
  for (const [label] of programs) {
    const variant = label === 'native' ? 'native-scalar' : label;
    if (!meta.some((m) => m.variant === variant)) {
      throw new Error(`${label}: expected backend ${variant}, got ${meta.map((m) => m.variant)}`);
    }
  }

  process.stderr.write('bench: running TF.js wasm ...');
  const t0 = performance.now();
  const tfjs = await initTfjs();
  if (!tfjs.ok) throw new Error('TF.js: could not select the wasm backend');
  records.push(...benchTfjs(opts));
  process.stderr.write(` ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

  const context = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cpu: os.cpus()[0]?.model ?? 'unknown CPU',
    cores: os.cpus().length,
    node: process.version,
    load,
    meta,
    tfjs,
    opts,
    seconds: (performance.now() - started) / 1000,
  };
  if (opts.json) fs.writeFileSync(opts.json, JSON.stringify({context, records}, null, 1));
  process.stdout.write(renderReport(records, context, {markdown: opts.markdown}));
}

main().catch((error) => {
  console.error(`bench:kernels failed: ${error.message}`);
  process.exit(1);
});
