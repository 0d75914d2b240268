// The page's panels as shown, as the still a figure's snippet names (figure-still.js): each
// panel's field canvas, name and numbers, in the page's colours, saved as a PNG.
import {downloadPng} from '../common/download.js';
import {drawStill, stillName} from '../figure/figure-still.js';

const loss = (text) => (Number.isFinite(Number(text)) ? Number(text).toPrecision(3) : '—');

/** Saves the still of the page's panels for `settings` (the state the snippets rebuild). */
export function saveStill(settings) {
  const roots = [...document.querySelectorAll('#panels .panel')];
  const panels = roots
                     .map((root) => ({
                            canvas: root.querySelector('canvas'),
                            name: root.querySelector('.panel-open')?.textContent ?? '',
                            stats: `${root.dataset.score ?? ''} · loss ${
                                loss(root.dataset.testLoss)} · epoch ${root.dataset.epoch ?? 0}`,
                          }))
                     .filter((p) => p.canvas);
  const style = getComputedStyle(document.body);
  const names = panels.map((p) => p.name).join(' vs ');
  const canvas = drawStill({
    title: `${names} on ${settings.dataset} (seed ${settings.seed})`,
    panels,
    colors: {background: style.backgroundColor, text: style.color, muted: style.color},
    font: style.fontFamily,
  });
  downloadPng(canvas, stillName(settings));
}
