// A finished study drawn into the evidence section's outputs: verdict lines, the plot and the
// table for a comparison or a sweep, and the CSV of its records. The view decides what to run;
// this file only shows a result.
import {pairedComparison} from '../../js/evidence-stats.mjs';
import {OUTCOMES, outcomeValue, summarize} from '../../js/seed-study.mjs';
import {summarizeSweep} from '../../js/seed-sweep.mjs';
import {el} from '../common/dom.js';
import {PANEL_COLORS} from '../panels/panel.js';

import {stripPlot, sweepPlot, valueText} from './evidence-plots.js';
import {plainVerdict} from './verdict-words.js';

// One verdict line: the plain words, the statistics on hover (and for screen readers, in the
// title).
export function verdictItem({text, detail}, kind) {
  return el('li', {...(kind ? {dataset: {kind}} : {}), text, ...(detail ? {title: detail} : {})});
}

const color = (i) => PANEL_COLORS[i % PANEL_COLORS.length];
// Between the statistics and the drawing the page gets a turn, so neither blocks it for long.
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

function renderTable(box, head, body, caption) {
  box.replaceChildren(el('table', {className: 'evidence-table'}, [
    el('caption', {text: caption}),
    el('thead', {}, [el('tr', {}, head.map((h) => el('th', {scope: 'col', text: h})))]),
    el('tbody', {},
       body.map(
           (cells) => el(
               'tr', {}, cells.map((c, i) => el(i ? 'td' : 'th', i ? {} : {scope: 'row'}, [c]))))),
  ]));
}

/**
 * A comparison: a verdict per network against the reference (unless a claim states its own),
 * the strip plot and the table with each network's best and worst seed as links.
 * @param {{verdicts, plot, table}} out elements
 * @param {{outcome, refName: string, claim, named: Function, hrefOf: Function,
 *     current: () => boolean}} context current() is false once another study replaced this one
 */
export async function renderCompare(
    out, result, {outcome, refName, claim, named, hrefOf, current}) {
  const reference = Math.max(0, result.networks.findIndex((n) => n.activation === refName));
  const rows = summarize(result, {outcome: outcome.key, reference})
                   .map((r, i) => ({...r, label: named(r), color: color(i)}));
  if (!claim) {
    out.verdicts.replaceChildren(
        ...rows.filter((r) => r.versus)
            .map(
                (r) => verdictItem(
                    plainVerdict(r.label, rows[reference].label, r.versus, outcome, result.target),
                    r.versus.kind)));
    if (rows.length === 1)
      out.verdicts.replaceChildren(el('li', {text: 'One network: nothing to compare it with.'}));
  }
  await yieldToPage();
  if (!current()) return;
  stripPlot(out.plot, rows, {outcome, seeds: result.seeds, hrefOf});
  const seedLink = (s) =>
      (s ? el('a', {href: hrefOf(s.seed), text: `seed ${s.seed}: ${valueText(s.value, outcome)}`}) :
           '–');
  const body = rows.map(
      (r) =>
          [r.label,
           r.stats ? valueText(r.stats.median, outcome) : 'does not apply',
           r.stats ? `${valueText(r.stats.q1, outcome)} to ${valueText(r.stats.q3, outcome)}` : '–',
           r.stats ? `${r.never} of ${r.values.length}` : '–',
           seedLink(r.best),
           seedLink(r.worst),
  ]);
  renderTable(
      out.table, ['network', 'median', 'IQR', 'never', 'best seed', 'worst seed'], body,
      `${outcome.label} over ${result.seeds.length} seeds, ${result.epochs} epochs, target ${
          Math.round(result.target * 100)}% test accuracy`);
}

/**
 * A sweep: median and IQR per network along the axis, the table of them, and (unless a claim
 * states its own) a verdict per network between the axis' two ends, paired by seed.
 */
export async function renderSweep(out, result, {outcome, axis, claim, named, current}) {
  const series =
      summarizeSweep(result, outcome.key).map((s, i) => ({...s, label: named(s), color: color(i)}));
  await yieldToPage();
  if (!current()) return;
  sweepPlot(out.plot, series, {outcome, axis, values: result.values});
  if (!claim) {
    // Paired across the sweep's ends: the same seeds give the same data at every value.
    out.verdicts.replaceChildren(...series.flatMap((s, i) => {
      const column = (j) => result.points.at(j).records.map((r) => outcomeValue(r[i], outcome.key));
      const [a, b] = [column(-1), column(0)];
      if (a.includes(null) || b.includes(null)) return [];
      const c = pairedComparison(a, b, outcome);
      const at = (v) => `${s.label} at ${result.key} ${v}`;
      return [verdictItem(
          plainVerdict(at(result.values.at(-1)), at(result.values[0]), c, outcome, result.target),
          c.kind)];
    }));
  }
  const cell = (r) =>
      (r ? `${valueText(r.median, outcome)} (${valueText(r.q1, outcome)} to ${
               valueText(r.q3, outcome)})` :
           '–');
  renderTable(
      out.table, ['network', ...result.values.map((v) => `${result.key} ${v}`)],
      series.map((s) => [s.label, ...s.rows.map(cell)]),
      `Median (IQR) of ${outcome.label} over ${result.seeds} seeds per value`);
}

// A CSV field: quoted when it holds a comma, a quote or a line break (labels are free text).
function csvField(value) {
  const text = String(value ?? '');
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every record of a study, one line per seed and network (and sweep value), with a header. */
export function studyCsv(result) {
  const keys = ['seed', 'activation', 'label', ...OUTCOMES.map((o) => o.key), 'diverged'];
  const lead = result.points ? [result.key] : [];
  const lines = [[...lead, ...keys].join(',')];
  (result.points ?? [result]).forEach((comparison, j) => {
    for (const seedRecords of comparison.records) {
      for (const r of seedRecords) {
        lines.push([
          ...(result.points ? [result.values[j]] : []), ...keys.map((k) => r[k])
        ].map(csvField).join(','));
      }
    }
  });
  return lines.join('\n') + '\n';
}
