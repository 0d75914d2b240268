// The loss chart without relying on colour: every series has its own dash pattern, and every
// series colour, the legend's and the axes' text have at least 3:1 contrast on the chart's
// background (WCAG's relative luminance), with twelve panels.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openPage, useBrowser, WAIT_MS, waitForEpoch} from './fixture.mjs';

const session = useBrowser();

// "rgb(1, 2, 3)" or "#010203" -> [r, g, b] in 0..255.
function rgb(color) {
  if (color.startsWith('#')) return [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  return color.match(/[\d.]+/g).slice(0, 3).map(Number);
}

function luminance(color) {
  const [r, g, b] = rgb(color).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const TWELVE = 'relu,leaky_relu,prelu,elu,gelu,silu,softplus,tanh,sigmoid,linear,gelu_tanh,' +
    'leaky_relu:0.2';

test('twelve loss series: distinct dashes, >= 3:1 contrast for lines and text', async () => {
  const page = await openPage(session.context, `${session.url}#activations=${TWELVE}&layers=4`);
  await waitForEpoch(page, 1);
  // The chart draws once uPlot, fetched with the first frame, is there.
  await page.waitForSelector(
      '#loss-chart[data-drawn="true"]', {state: 'attached', timeout: WAIT_MS});
  const chart = await page.evaluate(() => {
    const drawn = window.reluLabTest.lossChart();
    const box = document.querySelector('.chart-box');
    return {
      background: getComputedStyle(box).backgroundColor,
      series: drawn.series.map((s) => ({
                                 label: s.label,
                                 stroke: s.stroke,
                                 dash: JSON.stringify(s.dash || []),
                               })),
      axes: drawn.axes.map((a) => a.stroke),
      text: [...box.querySelectorAll('h2, .u-legend .u-label')].map(
          (n) => ({text: n.textContent, color: getComputedStyle(n).color})),
      markers: [...box.querySelectorAll('.u-legend .u-marker')].map(
          (n) => getComputedStyle(n).borderLeftStyle),
    };
  });
  assert.equal(chart.series.length, 12);
  assert.equal(new Set(chart.series.map((s) => s.dash)).size, 12, 'one dash pattern each');
  for (const s of chart.series) {
    const ratio = contrast(s.stroke, chart.background);
    assert.ok(ratio >= 3, `${s.label} ${s.stroke}: ${ratio.toFixed(2)}:1`);
  }
  for (const color of chart.axes) assert.ok(contrast(color, chart.background) >= 4.5, color);
  assert.ok(chart.text.length > 12);
  for (const {text, color} of chart.text) {
    assert.ok(contrast(color, chart.background) >= 4.5, `${text}: ${color}`);
  }
  // The legend's markers show solid, dashed and dotted lines, not colour alone.
  assert.deepEqual([...new Set(chart.markers)].sort(), ['dashed', 'dotted', 'solid']);
  assert.deepEqual(page.problems, []);
  await page.close();
});
