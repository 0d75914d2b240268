// Tables for `npm run bench:train`: training and field throughput per build with ratios,
// PASS/MISS against the trainer's targets and figures the peers published, as text or
// Markdown. Pure formatting of bench/run-train.mjs's records; measures nothing.
import {renderTable} from './bench-lib.mjs';

const VARIANTS = ['wasm-simd128', 'wasm-scalar', 'native-scalar', 'tfjs-wasm'];
const SHORT = {
  'wasm-simd128': 'simd128',
  'wasm-scalar': 'scalar',
  'native-scalar': 'native',
  'tfjs-wasm': 'tfjs'
};

// The trainer's targets (wasm SIMD in Node, one core) and figures the peers published. A field
// target may also ask for a ratio to TF.js-wasm measured in the same run (minTfjs).
const TARGETS = [
  {kind: 'train', activation: 'relu', batch: 10, min: 10e6, unit: 'examples/s'},
  {kind: 'train', activation: 'tanh', batch: 10, min: 5e6, unit: 'examples/s'},
  {kind: 'field', activation: 'relu', resolution: 256, min: 80e6, minTfjs: 4, unit: 'points/s'},
  {kind: 'field', activation: 'tanh', resolution: 256, min: 40e6, minTfjs: 8, unit: 'points/s'},
  {kind: 'field', activation: 'gelu', resolution: 256, min: 25e6, unit: 'points/s'},
];
const FIELDS_BUDGET_MS = 25;  // "10 networks x 256^2 fields stay within ~25 ms"
// The benchmarked network, 2-8-8-1: multiply-adds per grid point are the sum of in * out over
// its layers, 2*8 + 8*8 + 8*1 = 88.
const LAYER_SIZES = [2, 8, 8, 1];
const MACS_PER_POINT = LAYER_SIZES.slice(1).reduce((s, out, l) => s + LAYER_SIZES[l] * out, 0);
const QUOTED = [
  'TF Playground (its own JS) trains 2-8-8-1 at ~0.5 M examples/s (relu) and ~0.4 M (tanh) ',
  'TF.js-wasm: a 2-8-8-1 SGD step at batch 32 costs ~360-390 us, ~0.09 M examples/s, almost ' +
      'all dispatch overhead',
  'TF.js-wasm: its forward over 65,536 grid points takes 4 ms (relu) / 15 ms (tanh)',
  'TF Playground recomputes its 100x100 output heatmap every epoch: 75-90% of each frame',
];


// 12.3M, 845k, 2.84k: three significant digits.
const SCALES = [[1e9, 'G'], [1e6, 'M'], [1e3, 'k'], [1, '']];
function fmtRate(v) {
  if (v === undefined || !Number.isFinite(v)) return '-';
  const [scale, suffix] = SCALES.find(([s]) => v >= s) ?? [1, ''];
  return `${(v / scale).toPrecision(3)}${suffix}`;
}
function fmtRatio(a, b) {
  if (a === undefined || b === undefined || !(b > 0)) return '-';
  const r = a / b;
  return r >= 100 ? `${Math.round(r)}x` : `${r.toFixed(r >= 10 ? 1 : 2)}x`;
}
const fmtMs = (v) => (v === undefined ? '-' : v.toFixed(v >= 10 ? 1 : 2));

// The first two columns (activation, batch or grid) align left; a row of dashes under the text
// header.
function table(headers, rows, markdown) {
  const left = (i) => i < 2;
  return renderTable(headers, rows, {
    markdown,
    textLeft: left,
    markdownLeft: left,
    dashes: true,
    mdLeft: '---',
    mdRight: '---:',
  });
}

// Looks records up by (variant, kind, activation, size): size is the batch or the resolution.
function indexRecords(records) {
  const map = new Map();
  const key = (variant, kind, activation, size) => `${variant}|${kind}|${activation}|${size}`;
  for (const r of records)
    map.set(key(r.variant, r.kind, r.activation, r.kind === 'train' ? r.batch : r.resolution), r);
  return (variant, kind, activation, size) => map.get(key(variant, kind, activation, size));
}

function trainTable(records, get, markdown) {
  const cases = records.filter((r) => r.variant === 'wasm-simd128' && r.kind === 'train');
  const headers = [
    'activation', 'batch', ...VARIANTS.map((v) => SHORT[v]), 'simd/scalar', 'simd/native',
    'simd/tfjs', 'us/step simd', 'final loss simd'
  ];
  const rows = cases.map((c) => {
    const rate = (v) => get(v, 'train', c.activation, c.batch)?.examples_per_s;
    return [
      c.activation, c.batch === c.n ? `${c.batch} (full)` : c.batch,
      ...VARIANTS.map((v) => fmtRate(rate(v))), fmtRatio(rate('wasm-simd128'), rate('wasm-scalar')),
      fmtRatio(rate('wasm-simd128'), rate('native-scalar')),
      fmtRatio(rate('wasm-simd128'), rate('tfjs-wasm')), c.us_per_step.toFixed(2),
      c.loss.toPrecision(4)
    ];
  });
  return table(headers, rows, markdown);
}

// The grid evaluator per build, and the chunked mlp_forward reference (simd128) it replaced.
function fieldTable(records, get, markdown) {
  const cases = records.filter((r) => r.variant === 'wasm-simd128' && r.kind === 'field');
  const headers = [
    'activation', 'grid', ...VARIANTS.map((v) => SHORT[v]), 'simd/scalar', 'simd/native',
    'simd/tfjs', 'ref simd', 'simd/ref', 'ms simd', 'ms tfjs'
  ];
  const rows = cases.map((c) => {
    const rec = (v) => get(v, 'field', c.activation, c.resolution);
    const rate = (v) => rec(v)?.points_per_s;
    const ref = get('wasm-simd128', 'field_reference', c.activation, c.resolution)?.points_per_s;
    return [
      c.activation, `${c.resolution}^2`, ...VARIANTS.map((v) => fmtRate(rate(v))),
      fmtRatio(rate('wasm-simd128'), rate('wasm-scalar')),
      fmtRatio(rate('wasm-simd128'), rate('native-scalar')),
      fmtRatio(rate('wasm-simd128'), rate('tfjs-wasm')), fmtRate(ref),
      fmtRatio(rate('wasm-simd128'), ref), fmtMs(c.ms_per_field),
      fmtMs(rec('tfjs-wasm')?.ms_per_field)
    ];
  });
  return table(headers, rows, markdown);
}

// The frame and roofline records of one build (kind 'frame' / 'peak', no activation).
const single = (records, variant, kind) =>
    records.find((r) => r.variant === variant && r.kind === kind);

// Multiply-adds per point, the build's measured f32x4 mul+add peak, and what the relu field
// achieves of it; then the per-frame cost of the default arena's 10 fields.
function rooflineLines(records, get) {
  const lines = [];
  for (const variant of ['wasm-simd128', 'native-scalar']) {
    const peak = single(records, variant, 'peak');
    const relu = get(variant, 'field', 'relu', 256)?.points_per_s;
    if (peak === undefined || relu === undefined) continue;
    const achieved = relu * MACS_PER_POINT;
    lines.push(
        `roofline ${SHORT[variant]}: ${MACS_PER_POINT} multiply-adds per point ` +
        `(${LAYER_SIZES.join('-')}); peak ${fmtRate(peak.register_macs_per_s)} mul+add/s ` +
        `(f32x4 chains in registers; ${fmtRate(peak.stream_macs_per_s)} with one L1 load each); ` +
        `relu 256^2 achieves ${fmtRate(achieved)}/s = ` +
        `${(100 * achieved / peak.register_macs_per_s).toFixed(0)}% of peak ` +
        `(${(100 * achieved / peak.stream_macs_per_s).toFixed(0)}% of the load-bound peak)`);
  }
  for (const variant of VARIANTS) {
    const frame = single(records, variant, 'frame');
    if (frame === undefined) continue;
    lines.push(
        `frame ${SHORT[variant]}: ${frame.networks} networks x ${frame.resolution}^2 fields ` +
        `(the default arena's panels): ${fmtMs(frame.ms_per_frame)} ms per frame ` +
        `(reference ${fmtMs(frame.reference_ms_per_frame)} ms, ` +
        `${fmtRatio(frame.reference_ms_per_frame, frame.ms_per_frame)}); unchanged weights ` +
        `(paused, diverged) through Arena's cache: ${frame.cached_us_per_frame.toFixed(2)} us`);
  }
  return lines;
}

// PASS/MISS against the targets, and the derived "10 networks x 256^2 fields" times.
function verdicts(records, get) {
  const lines = [];
  const verdict = (ok) => (ok ? 'PASS' : 'MISS');
  for (const t of TARGETS) {
    const train = t.kind === 'train';
    const size = train ? t.batch : t.resolution;
    const got = get('wasm-simd128', t.kind, t.activation, size)
                    ?.[train ? 'examples_per_s' : 'points_per_s'];
    const what = train ? `train ${t.activation} batch ${size}` : `field ${t.activation} ${size}^2`;
    const target = `(target >= ${fmtRate(t.min)})`;
    if (got === undefined) {
      lines.push(`SKIP  ${what}: not measured`);
    } else {
      lines.push(`${verdict(got >= t.min)}  ${what}: ${fmtRate(got)} ${t.unit} ${target}`);
    }
    if (t.minTfjs === undefined) continue;
    const tfjs = get('tfjs-wasm', t.kind, t.activation, size)?.points_per_s;
    const vs = `${what} vs TF.js-wasm (same run)`;
    if (got === undefined || tfjs === undefined) {
      lines.push(`SKIP  ${vs}: not measured`);
    } else {
      const ok = got / tfjs >= t.minTfjs;
      lines.push(`${verdict(ok)}  ${vs}: ${fmtRatio(got, tfjs)} (target >= ${t.minTfjs}x)`);
    }
  }
  for (const activation of ['relu', 'tanh']) {
    const ms = get('wasm-simd128', 'field', activation, 256)?.ms_per_field;
    const tfjs = get('tfjs-wasm', 'field', activation, 256)?.ms_per_field;
    if (ms === undefined) continue;
    const what = `10 ${activation} networks x 256^2 fields`;
    const peer = `TF.js-wasm ${fmtMs(tfjs === undefined ? undefined : 10 * tfjs)} ms`;
    const budget = `(budget ~${FIELDS_BUDGET_MS} ms; ${peer})`;
    lines.push(`${verdict(10 * ms <= FIELDS_BUDGET_MS)}  ${what}: ${fmtMs(10 * ms)} ms ${budget}`);
  }
  const all = records.filter(
      (r) => r.variant === 'wasm-simd128' && r.kind === 'field' && r.resolution === 256);
  if (all.length > 2) {
    const sum = all.reduce((s, r) => s + r.ms_per_field, 0);
    const what = `one 256^2 field for each of the ${all.length} activations`;
    lines.push(`info  ${what} (one arena step): ${fmtMs(sum)} ms`);
  }
  return lines;
}

// What was measured, how, and on what; one line each.
function describe(context) {
  const {opts, tfjs, meta} = context;
  const net = `2-8-8-1 MLP (2 inputs, 2 hidden layers of 8, 1 logit), plain SGD lr ${context.lr}`;
  const data = `mean BCE with logits; two circles, ${context.n} points (noise ${meta[0].noise}), ` +
      'all used for training';
  const builds = meta.map((m) => `${m.variant} (${m.compiler.split(' (')[0]})`).join(', ');
  const peer = tfjs === null ?
      'TF.js not run.' :
      `TF.js ${tfjs.version} wasm backend, SIMD ${tfjs.simd ? 'on' : 'OFF'}, ` +
          `${tfjs.threads} thread (tfjs-core ops + optimizer.minimize, batches sliced once, no shuffle).`;
  const clock = opts.cpuClock ?
      'CPU time of the process (--clock cpu; in Node it includes V8\'s helper threads)' :
      'wall';
  const took = `run took ${context.seconds.toFixed(0)} s`;
  const busy =
      context.load > context.cores ? ' (BUSY: other jobs share the cores; figures are noisy)' : '';
  return [
    `bench:train: ${net}; ${data}.`,
    'Training: one timed call = one epoch (per-epoch reshuffle + ceil(N/batch) steps), examples/s. ' +
        'Fields: probabilities over an R x R grid (trained weights; TF.js: initial weights), ' +
        'points/s, by the grid evaluator (field_evaluate); "ref" is the chunked mlp_forward ' +
        'path it replaced (field_evaluate_reference, same values bit for bit).',
    `Timing: warm-up, then the BEST of ${opts.samples} samples of >= ${opts.sampleMs} ms each ` +
        `(medians in --json); one core, one variant at a time; clock: ${clock}.`,
    `Builds: ${builds}; ${peer}`,
    `Machine: ${context.cpu}, ${context.cores} cores, Node ${context.node}, ` +
        `load average ${context.load} at start${busy}; ${context.date}; ${took}.`,
  ];
}

export function renderReport(records, context, {markdown = false} = {}) {
  const get = indexRecords(records);
  const out = [];
  const para = (lines) =>
      out.push(markdown ? lines.map((l) => `- ${l}`).join('\n') : lines.join('\n'));
  const title = (t) => out.push(markdown ? `#### ${t}` : t);
  para(describe(context));
  title('Training throughput (examples/s)');
  out.push(trainTable(records, get, markdown));
  title('Field evaluation (points/s)');
  out.push(fieldTable(records, get, markdown));
  title('Targets (wasm SIMD in Node, one core; informational)');
  para(verdicts(records, get));
  title('Roofline and frame');
  para(rooflineLines(records, get));
  title('Per-layer gradient norms (their share of a training epoch, relu, batch 10)');
  para(records.filter((r) => r.kind === 'layer_signals')
           .map(
               (r) => `${r.variant}: ${r.signals_us_per_epoch.toPrecision(3)} us of a ${
                   r.us_per_epoch.toPrecision(3)} us epoch (${(100 * r.fraction).toFixed(1)}%)`));
  title('Context, quoted from the peers (not measured in this run)');
  const relu = fmtRatio(get('wasm-simd128', 'train', 'relu', 10)?.examples_per_s, 0.5e6);
  const tanh = fmtRatio(get('wasm-simd128', 'train', 'tanh', 10)?.examples_per_s, 0.4e6);
  para([
    ...QUOTED,
    `so wasm-simd128 at batch 10 vs those TF Playground figures: relu ${relu}, tanh ${tanh}`
  ]);
  return out.join('\n\n') + '\n';
}
