// The evidence section's two plots as SVG: a strip plot (one row per network: every seed a
// dot that links to its run, the IQR as a box, the median as a bar) and a sweep plot (median
// line and IQR band per network along the axis). They draw the numbers they are given and know
// nothing about studies. Censored values (Infinity: never reached the target) get their own
// column at the right, labelled "never".
import {formatNumber} from '../../js/evidence-stats.mjs';

const NS = 'http://www.w3.org/2000/svg';

function svgEl(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A value as the reader sees it: fractions as percent, Infinity as "never". */
export function valueText(value, outcome) {
  if (value === Infinity) return 'never';
  if (value === null || value === undefined) return '–';
  return outcome.scale ? `${formatNumber(value * outcome.scale)}%` : formatNumber(value);
}

// Nice round ticks covering [lo, hi].
function ticks(lo, hi, count = 4) {
  if (hi <= lo) return [lo];
  const raw = (hi - lo) / count;
  const step =
      [1, 2, 5, 10].map((m) => m * 10 ** Math.floor(Math.log10(raw))).find((s) => s >= raw);
  const out = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step)
    out.push(Number(t.toPrecision(6)));
  return out;
}

function frame(width, height, label) {
  const svg = svgEl('svg', {viewBox: `0 0 ${width} ${height}`, width, height, role: 'img'});
  svg.append(svgEl('title', {}, label));
  return svg;
}

/**
 * @param {HTMLElement} box where the plot goes (its width sets the plot's)
 * @param {{label: string, values: number[], stats: object, color: string}[]} rows
 * @param {{outcome: object, seeds: number[], hrefOf: (seed: number) => string}} options
 */
export function stripPlot(box, rows, {outcome, seeds, hrefOf}) {
  const shown = rows.filter((r) => r.stats);
  const width = Math.max(300, box.clientWidth || 600);
  const labelW = Math.min(110, width * 0.26), rowH = 30, top = 8, axisH = 40;
  const finite = shown.flatMap((r) => r.values.filter(Number.isFinite));
  const hasNever = shown.some((r) => r.values.includes(Infinity));
  let lo = Math.min(...finite), hi = Math.max(...finite);
  if (!finite.length) lo = hi = 0;
  if (hi === lo) [lo, hi] = [lo - 1, hi + 1];
  const neverW = hasNever ? 46 : 0;
  const x0 = labelW + 8, x1 = width - 12 - neverW;
  const x = (v) => (v === Infinity ? x1 + neverW * 0.6 : x0 + ((v - lo) / (hi - lo)) * (x1 - x0));
  const height = top + rowH * shown.length + axisH;
  const svg = frame(width, height, `${outcome.label}: one dot per seed and network`);
  svg.classList.add('strip-plot');
  // Its dots are links: a group of them, not an image (an image's content is not reachable).
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', `${outcome.label}: one dot per seed and network`);
  const axisY = top + rowH * shown.length;
  for (const t of ticks(lo, hi)) {
    svg.append(svgEl('line', {x1: x(t), x2: x(t), y1: top, y2: axisY, class: 'grid'}));
    svg.append(svgEl('text', {x: x(t), y: axisY + 14, class: 'tick'}, valueText(t, outcome)));
  }
  if (hasNever) svg.append(svgEl('text', {x: x(Infinity), y: axisY + 14, class: 'tick'}, 'never'));
  svg.append(svgEl('text', {x: (x0 + x1) / 2, y: axisY + 32, class: 'axis-title'}, outcome.label));
  shown.forEach((row, i) => {
    const cy = top + rowH * i + rowH / 2;
    svg.append(svgEl('text', {x: labelW, y: cy + 4, class: 'row-label'}, row.label));
    const {q1, median, q3} = row.stats;
    const [b0, b1] = [x(q1), x(q3)];
    svg.append(svgEl('rect', {
      x: Math.min(b0, b1),
      y: cy - 9,
      width: Math.max(1, Math.abs(b1 - b0)),
      height: 18,
      class: 'iqr',
      stroke: row.color
    }));
    svg.append(svgEl('line', {
      x1: x(median),
      x2: x(median),
      y1: cy - 11,
      y2: cy + 11,
      class: 'median',
      stroke: row.color
    }));
    row.values.forEach((v, k) => {
      // A fixed jitter per seed so a seed sits at the same height in every row.
      const jitter = (((seeds[k] * 2654435761) >>> 0) / 2 ** 32 - 0.5) * 14;
      const name = `${row.label}, seed ${seeds[k]}: ${valueText(v, outcome)} (open this run)`;
      const link = svgEl('a', {href: hrefOf(seeds[k]), class: 'seed-dot', 'aria-label': name});
      link.append(svgEl('title', {}, name));
      link.append(svgEl('circle', {cx: x(v), cy: cy + jitter, r: 3.5, fill: row.color}));
      svg.append(link);
    });
  });
  box.replaceChildren(svg);
}

function axisScale(values, scale) {
  if (values.some((v) => typeof v !== 'number') || scale === 'options') {
    return {pos: (v) => values.indexOf(v) / Math.max(1, values.length - 1), labels: values};
  }
  const f = scale === 'log' || scale === 'log2' ? Math.log : (v) => v;
  const [a, b] = [f(values[0]), f(values.at(-1))];
  return {pos: (v) => (b === a ? 0.5 : (f(v) - a) / (b - a)), labels: values};
}

/**
 * @param {HTMLElement} box
 * @param {{label: string, color: string, rows: ({value, q1, median, q3}|null)[]}[]} series
 * @param {{outcome: object, axis: {key: string, scale: string}, values: Array}} options
 */
export function sweepPlot(box, series, {outcome, axis, values}) {
  const width = Math.max(300, box.clientWidth || 600);
  const height = Math.round(Math.min(320, Math.max(220, width * 0.45)));
  const left = 72, right = 14, top = 12, bottom = 46;
  const all = series.flatMap((s) => s.rows.filter(Boolean).flatMap((r) => [r.q1, r.median, r.q3]));
  const finite = all.filter(Number.isFinite);
  const hasNever = all.includes(Infinity);
  let lo = Math.min(0, ...finite), hi = Math.max(...finite, lo + 1e-9);
  if (outcome.scale && hi <= 1) hi = Math.max(hi, 0.05);
  // Up to the first round tick at or above the data, so the top band is labelled.
  const yTicks = ticks(lo, hi);
  const step = yTicks.length > 1 ? yTicks[1] - yTicks[0] : hi - lo;
  while (yTicks.at(-1) < hi - 1e-12) yTicks.push(Number((yTicks.at(-1) + step).toPrecision(6)));
  hi = yTicks.at(-1);
  const neverY = top + 6;
  const y0 = height - bottom, y1 = top + (hasNever ? 24 : 0);
  const y = (v) => (v === Infinity ? neverY : y0 - ((v - lo) / (hi - lo)) * (y0 - y1));
  const {pos} = axisScale(values, axis.scale);
  const x = (v) => left + pos(v) * (width - left - right);
  const svg =
      frame(width, height, `${outcome.label} against ${axis.key}: median and IQR per network`);
  svg.classList.add('sweep-plot');
  for (const t of yTicks) {
    svg.append(svgEl('line', {x1: left, x2: width - right, y1: y(t), y2: y(t), class: 'grid'}));
    svg.append(svgEl('text', {x: left - 6, y: y(t) + 4, class: 'tick y'}, valueText(t, outcome)));
  }
  if (hasNever) svg.append(svgEl('text', {x: left - 6, y: neverY + 4, class: 'tick y'}, 'never'));
  // The end labels align inwards: a long option name ("xavier_normal") is not cut at the edge.
  values.forEach((v, i) => {
    const end = values.length < 2 ? '' : i === 0 ? ' start' : i === values.length - 1 ? ' end' : '';
    svg.append(svgEl('text', {x: x(v), y: y0 + 16, class: `tick${end}`}, String(v)));
  });
  svg.append(
      svgEl('text', {x: (left + width - right) / 2, y: height - 8, class: 'axis-title'}, axis.key));
  // The y axis' title, read upwards along it: what the lines are the median of.
  svg.append(svgEl(
      'text', {
        x: 0,
        y: 0,
        class: 'axis-title y-title',
        transform: `translate(14 ${(y0 + y1) / 2}) rotate(-90)`
      },
      outcome.label));
  for (const s of series) {
    const pts = s.rows.filter(Boolean);
    if (!pts.length) continue;
    const band = [
      ...pts.map((r) => `${x(r.value)},${y(r.q3)}`),
      ...pts.slice().reverse().map((r) => `${x(r.value)},${y(r.q1)}`)
    ];
    svg.append(svgEl('polygon', {points: band.join(' '), fill: s.color, class: 'band'}));
    svg.append(svgEl('polyline', {
      points: pts.map((r) => `${x(r.value)},${y(r.median)}`).join(' '),
      stroke: s.color,
      class: 'line'
    }));
    for (const r of pts) {
      const dot = svgEl('circle', {cx: x(r.value), cy: y(r.median), r: 3.5, fill: s.color});
      dot.append(svgEl(
          'title', {},
          `${s.label} at ${axis.key} ${r.value}: median ${valueText(r.median, outcome)}, IQR ${
              valueText(r.q1, outcome)} to ${valueText(r.q3, outcome)}`));
      svg.append(dot);
    }
  }
  // Lines may lie on top of each other (several at 0): the legend names every colour.
  const legend = document.createElement('ul');
  legend.className = 'plot-legend';
  for (const s of series) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.setProperty('background', s.color);
    item.append(swatch, s.label);
    legend.append(item);
  }
  box.replaceChildren(svg, legend);
}
