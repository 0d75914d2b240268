// What the bench runners share: options parsed from a declared table (with --help), the three
// builds of a bench program and how to run one, the clock and sampling rule of the in-process
// TF.js timings, the machine description, and table rendering. Knows nothing of kernels or
// training: the runners and their *-report.mjs say what is measured and printed.
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The option rows every runner has: output format and saving or replaying a run (--from
// re-prints a run saved with --json without measuring) ...
export const OUTPUT_OPTIONS = [
  {flag: '--markdown', type: 'boolean', help: 'print Markdown instead of text'},
  {flag: '--json', type: 'string', value: 'FILE', help: 'also save the run (records + context)'},
  {flag: '--from', type: 'string', value: 'FILE', help: 're-print a run saved with --json'},
];
// ... and where the three builds are (scripts/build-bench.sh builds them there).
export const BUILD_OPTIONS = [
  ['--native', 'native-release', 'the native build'],
  ['--simd', 'wasm-simd128', 'the wasm SIMD128 build'],
  ['--scalar', 'wasm-scalar', 'the wasm scalar build'],
].map(([flag, dir, what]) => ({
        flag,
        type: 'path',
        value: 'DIR',
        default: path.join(ROOT, 'build', dir),
        help: `CMake build dir of ${what}`
      }));

// --sample-ms 1 -> sampleMs; --no-tfjs -> tfjs (a boolean that the flag sets to false).
function keyOf(option) {
  if (option.key) return option.key;
  const name = option.flag.replace(/^--(no-)?/, '');
  return name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}

// Parses argv against a table of {flag, type, default, value, choices, help}. Types: boolean
// (present: true, or false for a --no- flag), string, number, path (resolved), list (comma-
// separated numbers). Defaults: false for a boolean flag, true for a --no- flag, else null.
// Returns the options, or null after printing the usage for --help.
export function parseArgs(argv, options, usageLines) {
  const opts = {};
  for (const o of options) {
    const negated = o.flag.startsWith('--no-');
    opts[keyOf(o)] = o.default ?? (o.type === 'boolean' ? negated : null);
  }
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(usage(options, usageLines));
      return null;
    }
    const option = options.find((o) => o.flag === arg);
    if (!option) throw new Error(`unknown argument ${arg}`);
    const key = keyOf(option);
    if (option.type === 'boolean') {
      opts[key] = !arg.startsWith('--no-');
      continue;
    }
    if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
    const value = argv[++i];
    if (option.type === 'number') {
      opts[key] = Number(value);
    } else if (option.type === 'list') {
      opts[key] = value.split(',').map(Number);
    } else if (option.type === 'path') {
      opts[key] = path.resolve(value);
    } else {
      opts[key] = value;
    }
    if (option.choices && !option.choices.includes(opts[key])) {
      throw new Error(`${arg}: ${option.choices.join(', ')}`);
    }
  }
  return opts;
}

function usage(options, usageLines) {
  const left = (o) => (o.type === 'boolean' ? o.flag : `${o.flag} ${o.value ?? 'N'}`);
  const width = Math.max(...options.map((o) => left(o).length));
  const rows = options.map((o) => {
    const choices = o.choices ? ` (${o.choices.join('|')})` : '';
    const fallback = o.default !== undefined && o.default !== '' && o.type !== 'boolean' ?
        `; default ${Array.isArray(o.default) ? o.default.join(',') : o.default}` :
        '';
    return `  ${left(o).padEnd(width)}  ${o.help}${choices}${fallback}`;
  });
  return [...usageLines, '', ...rows, ''].join('\n');
}

// The three builds of a bench program: {label, variant, command, args}. label is what the
// progress line says, variant what the program must report in its meta line. Wasm builds run
// under this Node.
export function benchPrograms(opts, name, nativeLabel) {
  return [
    {
      label: nativeLabel,
      variant: 'native-scalar',
      command: path.join(opts.native, `bench/${name}`),
      args: []
    },
    ...[['wasm-simd128', opts.simd], ['wasm-scalar', opts.scalar]].map(
        ([variant, dir]) => ({
          label: variant,
          variant,
          command: process.execPath,
          args: [path.join(dir, `bench/${name}.cjs`)]
        })),
  ];
}

// Runs fn() between "bench: running LABEL ..." and its duration in seconds on stderr.
export async function timed(label, fn) {
  process.stderr.write(`bench: running ${label} ...`);
  const t0 = performance.now();
  const result = await fn();
  process.stderr.write(` ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return result;
}

// Runs one build of a bench program with benchArgs and returns its JSON lines. A missing
// binary, a non-zero exit or a build that reports another variant is fatal: a table must not
// silently lack a variant.
export async function runProgram({label, variant, command, args}, benchArgs, {hint, maxBuffer}) {
  const file = args.length > 0 ? args[0] : command;
  if (!fs.existsSync(file)) throw new Error(`${label}: ${file} not found (${hint})`);
  const result = await timed(
      label, () => spawnSync(command, [...args, ...benchArgs], {encoding: 'utf8', maxBuffer}));
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(
        `${label} exited with ${result.status} (signal ${result.signal}):\n${result.stderr}`);
  }
  const lines = result.stdout.split('\n')
                    .filter((line) => line.startsWith('{'))
                    .map((line) => JSON.parse(line));
  if (!lines.some((l) => l.meta && l.variant === variant)) {
    const reported = lines.filter((l) => l.meta).map((l) => l.variant);
    throw new Error(`${label}: expected variant ${variant}, the program reports ${reported}`);
  }
  return lines;
}

// What every report header names: when, on which CPU and Node.
export function machineContext() {
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cpu: os.cpus()[0]?.model ?? 'unknown CPU',
    cores: os.cpus().length,
    node: process.version,
  };
}

// --from: re-prints a saved run and returns true; otherwise returns false.
export function replaySaved(opts, renderReport) {
  if (!opts.from) return false;
  const saved = JSON.parse(fs.readFileSync(opts.from, 'utf8'));
  process.stdout.write(renderReport(saved.records, saved.context, {markdown: opts.markdown}));
  return true;
}

// Saves the run if --json asked for it, then prints the report.
export function finishRun(opts, records, context, renderReport) {
  if (opts.json) fs.writeFileSync(opts.json, JSON.stringify({context, records}, null, 1));
  process.stdout.write(renderReport(records, context, {markdown: opts.markdown}));
}

// Milliseconds now: the wall clock, or this process's CPU time (user + system), which on a
// shared machine leaves out the time slices other processes took (like bench_lib.h's clock).
export function nowMs(cpu) {
  if (!cpu) return performance.now();
  const usage = process.cpuUsage();
  return (usage.user + usage.system) * 1e-3;
}

// The sampling rule of the C++ bench programs, for code timed in this process. Warm-up doubles
// the calls until one run takes >= warmUpMs (which sizes a sample), then warmSamples untimed
// samples, then samples of >= sampleMs: exactly `samples` of them, or with budgetMs at least
// `samples` and at least budgetMs in all (at most 1000). reset() runs untimed before every run.
// Seconds per call: {best, median}.
export function timePerCall(run, {
  cpu = false,
  warmUpMs,
  sampleMs,
  samples,
  budgetMs = null,
  warmSamples = 0,
  reset = () => {},
}) {
  let calls = 1;
  let elapsed = 0;
  for (;;) {
    reset();
    const t0 = nowMs(cpu);
    run(calls);
    elapsed = nowMs(cpu) - t0;
    if (elapsed >= warmUpMs) break;
    calls *= 2;
  }
  const sampleCalls = Math.max(1, Math.floor(sampleMs / (elapsed / calls)) + 1);
  const budget = budgetMs === null ? 0 : Math.max(budgetMs, sampleMs * samples);
  const times = [];
  let sampled = 0;
  for (let s = -warmSamples; (s < samples || sampled < budget) && s < 1000; ++s) {
    reset();
    const t0 = nowMs(cpu);
    run(sampleCalls);
    const ms = nowMs(cpu) - t0;
    if (s < 0) continue;
    sampled += ms;
    times.push(ms / sampleCalls);
  }
  times.sort((a, b) => a - b);
  return {best: times[0] * 1e-3, median: times[times.length >> 1] * 1e-3};
}

// One table as text (columns padded, two spaces apart) or Markdown (pipes and an alignment
// row). Which columns are left-aligned: textLeft(i, cell) for each text cell,
// markdownLeft(i, headerCell) for each Markdown column. title goes above the table (bold in
// Markdown); dashes adds a row of dashes under the text header; escapeStar escapes a trailing *
// in Markdown (it would start emphasis); mdLeft/mdRight are the Markdown alignment cells.
export function renderTable(header, rows, {
  markdown,
  textLeft,
  markdownLeft,
  title = null,
  dashes = false,
  escapeStar = false,
  mdLeft = ':--',
  mdRight = '--:',
}) {
  const lines = [];
  if (markdown) {
    const cellText = (cell) => (escapeStar ? String(cell).replace(/\*$/, '\\*') : cell);
    const line = (row) => `| ${row.map(cellText).join(' | ')} |`;
    if (title !== null) lines.push(`**${title}**`, '');
    const sep = header.map((cell, i) => (markdownLeft(i, cell) ? mdLeft : mdRight));
    lines.push(line(header), line(sep), ...rows.map(line));
  } else {
    const widths =
        header.map((_, i) => Math.max(...[header, ...rows].map((row) => String(row[i]).length)));
    const line = (row) => row.map(
                                 (cell, i) =>
                                     (textLeft(i, cell) ? String(cell).padEnd(widths[i]) :
                                                          String(cell).padStart(widths[i])))
                              .join('  ');
    if (title !== null) lines.push(title);
    lines.push(line(header));
    if (dashes) lines.push(line(widths.map((w) => '-'.repeat(w))));
    lines.push(...rows.map(line));
  }
  return lines.join('\n');
}
