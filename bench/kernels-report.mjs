// Turns kernel benchmark records (kernels_bench's JSON lines + TF.js's) into the printed report:
// throughput tables, ratios and the speed targets as PASS/MISS lines, as text or Markdown.
// Computes no timings itself; the case list comes from the records (activation_list.inc order).
import {renderTable} from './bench-lib.mjs';

const VARIANTS = [
  ['wasm-simd128', 'wasm SIMD128 (Node)'],
  ['wasm-scalar', 'wasm scalar (Node)'],
  ['native-scalar', 'native scalar (g++ -O3)'],
];
const PASS_LABEL = {
  forward: 'fwd',
  backward: 'bwd'
};

function sizeLabel(n) {
  if (n >= 1048576 && n % 1048576 === 0) return `${n / 1048576}M`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024}K`;
  return String(n);
}
function fmt(v) {
  if (v === undefined || !Number.isFinite(v)) return '-';
  if (v >= 100) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  if (v >= 1) return v.toFixed(2);
  return v.toFixed(3);
}
function fmtRatio(v) {
  return v === undefined || !Number.isFinite(v) ? '-' : `${v.toFixed(2)}x`;
}

// Index of records by variant/op/channels/pass/n, and the ordered list of cases.
function indexRecords(records) {
  const byKey = new Map();
  const cases = [];
  for (const r of records) {
    byKey.set(`${r.variant}|${r.op}|${r.channels}|${r.pass}|${r.n}`, r);
    if (r.variant === 'wasm-simd128' &&
        !cases.some((c) => c.op === r.op && c.channels === r.channels)) {
      const label =
          r.op === 'prelu' ? `prelu (${r.channels === 1 ? 'shared' : `${r.channels} ch`})` : r.op;
      cases.push({op: r.op, channels: r.channels, label});
    }
  }
  const get = (variant, c, pass, n) => byKey.get(`${variant}|${c.op}|${c.channels}|${pass}|${n}`);
  const rate = (variant, c, pass, n) => get(variant, c, pass, n)?.gelem_per_s;
  return {cases, get, rate};
}

function throughputTable(data, sizes, variant, title) {
  const rows = [];
  for (const c of data.cases) {
    for (const pass of ['forward', 'backward']) {
      if (!data.get(variant, c, pass, sizes[0])) continue;
      rows.push([
        c.label, PASS_LABEL[pass], ...sizes.map((n) => {
          const r = data.get(variant, c, pass, n);
          return r ? `${fmt(r.gelem_per_s)} (${fmt(r.gbyte_per_s)})${noisy(r) ? '*' : ''}` : '-';
        })
      ]);
    }
  }
  return {
    title: `${title}: G elements/s (GB/s)`,
    header: ['op', 'pass', ...sizes.map(sizeLabel)],
    rows
  };
}

function tfjsTables(data, sizes) {
  const cases = data.cases.filter(
      (c) => data.get('tfjs-kernel', c, 'forward', sizes[0]) ||
          data.get('tfjs-api', c, 'forward', sizes[0]));
  const head = sizes.flatMap((n) => [`${sizeLabel(n)} kernel`, `${sizeLabel(n)} api`]);
  const speed = cases.map(
      (c) =>
          [c.label,
           ...sizes.flatMap(
               (n) =>
                   [fmt(data.rate('tfjs-kernel', c, 'forward', n)),
                    fmt(data.rate('tfjs-api', c, 'forward', n))])]);
  const ratio = cases.map((c) => [c.label, ...sizes.flatMap((n) => {
                            const ours = data.rate('wasm-simd128', c, 'forward', n);
                            return [
                              fmtRatio(ours / data.rate('tfjs-kernel', c, 'forward', n)),
                              fmtRatio(ours / data.rate('tfjs-api', c, 'forward', n))
                            ];
                          })]);
  return [
    {
      title: 'TF.js wasm backend (XNNPACK), forward: G elements/s. kernel = its wasm function ' +
          'alone; api = tf.op(x) + dispose()',
      header: ['op', ...head],
      rows: speed
    },
    {
      title: 'ours (wasm SIMD128) / TF.js, forward elements/s',
      header: ['op', ...head],
      rows: ratio
    },
  ];
}

function ratioTables(data, sizes) {
  const big = sizes[sizes.length - 1];
  const simdOverScalar = [];
  for (const c of data.cases) {
    for (const pass of ['forward', 'backward']) {
      if (!data.get('wasm-scalar', c, pass, sizes[0])) continue;
      simdOverScalar.push([
        c.label, PASS_LABEL[pass],
        ...sizes.map(
            (n) => fmtRatio(
                data.rate('wasm-simd128', c, pass, n) / data.rate('wasm-scalar', c, pass, n)))
      ]);
    }
  }
  const copy = data.get('wasm-simd128', {op: 'copy', channels: 1}, 'forward', big);
  const roof = data.cases.filter((c) => c.op !== 'copy').map((c) => {
    const fwd = (n) => data.get('wasm-simd128', c, 'forward', n);
    const bwd = (n) => data.get('wasm-simd128', c, 'backward', n);
    return [
      c.label, fmtRatio(fwd(big)?.gbyte_per_s / copy?.gbyte_per_s),
      fmtRatio(bwd(big)?.gbyte_per_s / copy?.gbyte_per_s),
      ...sizes.map((n) => fmtRatio(bwd(n)?.ns_per_call / fwd(n)?.ns_per_call))
    ];
  });
  return [
    {
      title: 'wasm SIMD128 / wasm scalar, elements/s',
      header: ['op', 'pass', ...sizes.map(sizeLabel)],
      rows: simdOverScalar
    },
    {
      title: `wasm SIMD128: GB/s over the copy loop's at ${
          sizeLabel(big)}; backward time / forward time`,
      header: [
        'op', `fwd/copy ${sizeLabel(big)}`, `bwd/copy ${sizeLabel(big)}`,
        ...sizes.map((n) => `bwd/fwd ${sizeLabel(n)}`)
      ],
      rows: roof
    },
  ];
}

// The speed targets (wasm SIMD in Node, one core). Each check yields one PASS/MISS line;
// a check whose size was not measured is skipped.
function targetLines(data, sizes) {
  const lines = [];
  const has = (n) => sizes.includes(n);
  const check = (ok, text) => lines.push(`${ok ? 'PASS' : 'MISS'}  ${text}`);
  const simd = (c, pass, n) => data.get('wasm-simd128', c, pass, n);
  const big = 1048576;
  const copy = simd({op: 'copy', channels: 1}, 'forward', big);
  for (const c of data.cases) {
    const fwd = (n) => simd(c, 'forward', n)?.gelem_per_s;
    if (['relu', 'leaky_relu', 'prelu'].includes(c.op)) {
      if (has(4096)) check(fwd(4096) >= 12, `${c.label} fwd >= 12 G/s at 4K: ${fmt(fwd(4096))}`);
      if (has(big) && copy) {
        const r = fwd(big) / copy.gelem_per_s;
        check(r >= 0.9, `${c.label} fwd >= 0.9x copy at 1M: ${fmtRatio(r)}`);
      }
    }
    const floor =
        {tanh: 1, sigmoid: 1, elu: 1, silu: 1, softplus: 1, gelu: 0.5, gelu_tanh: 0.5}[c.op];
    for (const n of [4096, 65536]) {
      if (floor && has(n)) {
        check(fwd(n) >= floor, `${c.label} fwd >= ${floor} G/s at ${sizeLabel(n)}: ${fmt(fwd(n))}`);
      }
    }
  }
  for (const c of data.cases) {
    const ratios =
        sizes.map((n) => [n, fwdRatio(data, c, n)]).filter(([, r]) => Number.isFinite(r));
    if (ratios.length === 0) continue;
    const [n, worst] = ratios.reduce((a, b) => (b[1] < a[1] ? b : a));
    check(
        worst >= 1,
        `${c.label} >= 1.0x TF.js kernel at every size: worst ${fmtRatio(worst)} at ${
            sizeLabel(n)}`);
  }
  for (const c of data.cases) {
    if (c.op === 'copy') continue;
    const ratios = sizes.map(
        (n) => [n, simd(c, 'backward', n)?.ns_per_call / simd(c, 'forward', n)?.ns_per_call]);
    const [n, worst] = ratios.reduce((a, b) => (b[1] > a[1] ? b : a));
    check(
        worst <= 2,
        `${c.label} bwd time <= 2x fwd at every size: worst ${fmtRatio(worst)} at ${sizeLabel(n)}`);
  }
  return lines;
}
function fwdRatio(data, c, n) {
  return data.rate('wasm-simd128', c, 'forward', n) / data.rate('tfjs-kernel', c, 'forward', n);
}

// Text: the first two columns pad on the right unless the cell is a number. Markdown: the op
// and pass columns align left. A trailing * (the noise mark) is escaped in Markdown.
function render(table, markdown) {
  const text = renderTable(table.header, table.rows, {
    markdown,
    title: table.title,
    escapeStar: true,
    textLeft: (i, cell) => i < 2 && !/^\d/.test(cell),
    markdownLeft: (i, cell) => i === 0 || cell === 'pass',
  });
  return text + '\n';
}

// A measurement whose median sample is > 1.25x its best one ran on a busy machine: a reason to
// distrust small differences (the tables show the best sample). Marked * in the tables.
function noisy(r) {
  return r.median_ns_per_call > 1.25 * r.ns_per_call;
}
function noiseLine(records) {
  const marked = records.filter(noisy);
  const worst =
      marked.map((r) => r.median_ns_per_call / r.ns_per_call).reduce((a, b) => Math.max(a, b), 1);
  return `Noise: ${marked.length} of ${records.length} measurements (marked *) have a median ` +
      `sample > 1.25x the best (worst ${worst.toFixed(1)}x).`;
}

function headerLines(context, records) {
  const {opts, tfjs, meta} = context;
  const budget = Math.max(opts.budgetMs ?? 0, opts.samples * opts.sampleMs);
  const clockName =
      opts.clock === 'cpu' ? 'CPU time (other processes\' slices left out)' : 'wall-clock time';
  // gcc's __VERSION__ is the bare number; clang's names itself.
  const compiler = (m) => (/^\d/.test(m.compiler) ? `g++ ${m.compiler}` : m.compiler);
  const compilers = meta.map((m) => `${m.variant}: ${compiler(m)}`).join('; ');
  const simd = tfjs.simd ? 'SIMD on' : 'WARNING: SIMD OFF (the comparison is not fair to TF.js)';
  return [
    `relu-lab kernel benchmark, ${context.date}; ${context.cpu}, ${context.cores} cores; ` +
        `Node ${context.node}; load average at start ${
            context.load.map((l) => l.toFixed(2)).join(' ')}`,
    `Each figure: the best of >= ${opts.samples} samples of >= ${opts.sampleMs} ms ` +
        `(>= ${budget} ms in all) after warm-up, ${clockName}; one core; inputs U[-4, 4] ` +
        '(fixed seed); 64-byte aligned buffers.',
    'G/s = 1e9 elements/s. GB/s counts bytes read + written: forward 8 B/element, backward 16.',
    `Compilers (-O3, -ffp-contract=off): ${compilers}`,
    `TF.js ${tfjs.version} wasm backend: ${simd}, ${tfjs.threads} thread(s).`,
    noiseLine(records),
    'Scalar kernels that branch (the relu family natively) see the same input on every call: at ' +
        '256 and 4K the branch predictor learns it, so their small-size figures are optimistic.',
  ];
}

export function renderReport(records, context, {markdown}) {
  const sizes = context.opts.sizes;
  const data = indexRecords(records);
  const tables = [
    ...VARIANTS.map(([variant, title]) => throughputTable(data, sizes, variant, title)),
    ...tfjsTables(data, sizes),
    ...ratioTables(data, sizes),
  ];
  const targets = targetLines(data, sizes);
  const passed = targets.filter((l) => l.startsWith('PASS')).length;
  const summary = `targets (informational): ${passed} PASS, ${targets.length - passed} MISS; ` +
      `bench took ${context.seconds.toFixed(0)} s`;
  const head = headerLines(context, records);
  const out = [markdown ? head.map((l) => `${l}  `).join('\n') : head.join('\n'), ''];
  for (const table of tables) out.push(render(table, markdown));
  out.push(
      markdown ? '**Kernel targets (wasm SIMD128, Node)**\n' :
                 'Kernel targets (wasm SIMD128, Node)');
  out.push(...targets.map((l) => (markdown ? `- ${l}` : l)));
  out.push('', summary, '');
  return out.join('\n');
}
