// The "over time" figure's colour key, as the page's legend says it: the class colours of the
// points and the field's scale (probability of class 1, or a regression's output range). Laid out
// once as a list of marks (text, dots, a gradient bar) that wrap to the figure's width, so the
// canvas and the SVG draw the same key.
import {CLASS_COLORS, colorOf} from '../panels/field-canvas.js';

import {drawText} from './time-draw.js';

const ROW = 20;  // one line of the key
const BAR = 90;  // the gradient bar's length
const SPACE = 18;

/**
 * @param {number[]|null} range a regression's output range [lo, hi], or null (classes)
 * @param {function(string): number} measure the width of a text at the key's font (12 px)
 * @param {number} width the widest a line may be
 * @returns {{marks: object[], height: number}} marks at (x, y) relative to the key's top left:
 *     {kind: 'dot', color}, {kind: 'text', text}, {kind: 'bar', stops: string[]}
 */
export function keyLayout(range, measure, width) {
  const chunks = range ?
      [
        [{kind: 'text', text: 'Background: the output; dots: the targets'}],
        [
          {kind: 'text', text: String(range[0])}, {kind: 'bar', stops: scale()},
          {kind: 'text', text: String(range[1])}
        ],
      ] :
      [
        [{kind: 'dot', color: CLASS_COLORS[0]}, {kind: 'text', text: 'class 0'}],
        [{kind: 'dot', color: CLASS_COLORS[1]}, {kind: 'text', text: 'class 1'}],
        [{kind: 'text', text: 'Background: probability of class 1'}],
        [{kind: 'text', text: '0'}, {kind: 'bar', stops: scale()}, {kind: 'text', text: '1'}],
      ];
  const widthOf = (mark) =>
      (mark.kind === 'dot'     ? 10 :
           mark.kind === 'bar' ? BAR :
                                 measure(mark.text));
  const marks = [];
  let x = 0;
  let y = 0;
  for (const chunk of chunks) {
    const w = chunk.reduce((sum, mark) => sum + widthOf(mark) + 5, -5);
    if (x > 0 && x + w > width) {
      x = 0;
      y += ROW;
    }
    for (const mark of chunk) {
      marks.push({...mark, x, y, width: widthOf(mark)});
      x += widthOf(mark) + 5;
    }
    x += SPACE - 5;
  }
  return {marks, height: y + ROW};
}

function scale() {
  return [colorOf(0), colorOf(0.5), colorOf(1)];
}

/** Draws the key's marks with their top left at (x0, y0): text baselines 14 px down. */
export function drawKey(ctx, marks, x0, y0, color) {
  for (const m of marks) {
    const x = x0 + m.x;
    const y = y0 + m.y;
    if (m.kind === 'text') {
      drawText(ctx, m.text, x, y + 14, {size: 12, color});
    } else if (m.kind === 'dot') {
      ctx.beginPath();
      ctx.arc(x + 5, y + 10, 4.5, 0, 2 * Math.PI);
      ctx.fillStyle = m.color;
      ctx.fill();
    } else {
      const gradient = ctx.createLinearGradient(x, 0, x + m.width, 0);
      m.stops.forEach((stop, i) => gradient.addColorStop(i / (m.stops.length - 1), stop));
      ctx.fillStyle = gradient;
      ctx.fillRect(x, y + 5, m.width, 10);
      ctx.strokeStyle = '#c8ccd2';
      ctx.lineWidth = 1;
      ctx.strokeRect(x + 0.5, y + 5.5, m.width - 1, 9);
    }
  }
}

/** @returns {string} the key's marks as SVG, top left at (x0, y0) */
export function keySvg(marks, x0, y0, color, escape) {
  return marks
      .map((m, i) => {
        const x = x0 + m.x;
        const y = y0 + m.y;
        if (m.kind === 'text') {
          return `<text x="${x}" y="${y + 14}" font-size="12" fill="${color}">${
              escape(m.text)}</text>`;
        }
        if (m.kind === 'dot')
          return `<circle cx="${x + 5}" cy="${y + 10}" r="4.5" fill="${m.color}"/>`;
        const stops =
            m.stops.map((s, j) => `<stop offset="${j / (m.stops.length - 1)}" stop-color="${s}"/>`)
                .join('');
        return `<defs><linearGradient id="key-scale-${i}">${stops}</linearGradient></defs>` +
            `<rect x="${x}" y="${y + 5}" width="${m.width}" height="10" fill="url(#key-scale-${
                   i})" stroke="#c8ccd2"/>`;
      })
      .join('\n');
}
