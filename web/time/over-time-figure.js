// The "over time" figure: one row per panel (activation and parameters), one column per chosen
// epoch, each cell the decision field with the training points and its test accuracy. Drawn
// once on a canvas at 2x (what Save PNG writes); Save SVG writes the same layout with vector
// text and points over the fields as images. Columns live in the URL (cols=).
import {download, downloadPng} from '../common/download.js';
import {CLASS_COLORS, targetColor} from '../panels/field-canvas.js';
import {panelTitle, paramsText} from '../panels/panel.js';

import {figureColumns} from './figure-columns.js';
import {drawKey, keyLayout, keySvg} from './figure-key.js';
import {columnHead, columnText, settingsParts} from './figure-text.js';
import {accuracyText, drawCell, drawText, FONT, MUTED} from './time-draw.js';

const SCALE = 2;  // canvas pixels per layout pixel: print resolution for the PNG
const RESOLUTION = 128;
const L = {
  pad: 14,
  title: 26,
  line: 16,  // a line of the settings text
  head: 38,  // a column's epoch and, under it, what it stands for
  labelGap: 14,
  cell: 120,
  caption: 18,
  gap: 10
};

function epochText(epochs) {
  return Number.isInteger(epochs) ? String(epochs) : epochs.toFixed(2);
}

// Widths of texts at the figure's fonts, from a canvas that only measures.
const measurer = new OffscreenCanvas(1, 1).getContext('2d');
function textWidth(text, size, weight = 400) {
  measurer.font = `${weight} ${size}px ${FONT}`;
  return measurer.measureText(text).width;
}

// Breaks the settings parts into lines no wider than `width` (a part longer than a line is cut
// by drawText).
function wrapParts(parts, width) {
  const lines = [];
  for (const part of parts) {
    const joined = lines.length ? `${lines.at(-1)} · ${part}` : part;
    if (lines.length && textWidth(joined, 12) <= width)
      lines[lines.length - 1] = joined;
    else
      lines.push(part);
  }
  return lines;
}

/**
 * Where everything goes: the row labels as wide as the widest (so no gap after them), the
 * settings lines and the key wrapped to the figure's width.
 */
function layoutOf(panels, names, columns, settings, data) {
  const labelWidth = Math.max(...panels.map(
      (panel) => Math.max(
          textWidth(panelTitle(panel, names), 15, 600), textWidth(paramsText(panel), 12))));
  const rowLabel = Math.ceil(labelWidth) + L.labelGap;
  const width = 2 * L.pad + rowLabel + columns * (L.cell + L.gap) - L.gap;
  const inner = Math.max(width - 2 * L.pad, 200);
  const lines = wrapParts(settingsParts(settings, panels, names), inner);
  const key = keyLayout(data.range ?? null, (text) => textWidth(text, 12), inner);
  const rowHeight = L.cell + L.caption + L.gap;
  const top = L.pad + L.title + lines.length * L.line + 8;
  const keyY = top + L.head + panels.length * rowHeight;
  return {
    width: Math.max(width, ...key.marks.map((m) => Math.ceil(2 * L.pad + m.x + m.width))),
    height: keyY + key.height + L.pad,
    rowHeight,
    rowLabel,
    lines,
    top,
    key,
    keyY,
  };
}

function cellX(c, layout) {
  return L.pad + layout.rowLabel + c * (L.cell + L.gap);
}
function cellY(r, layout) {
  return layout.top + L.head + r * layout.rowHeight;
}

export class OverTimeFigure {
  /** @param {object} page see time-tools.js */
  constructor(page) {
    this.page = page;
    this.columns = null;  // the last answer drawn
    this.waitingFor = 0;  // an epoch the run has not reached yet: drawn again when it has
    this.dialog = document.createElement('dialog');
    this.dialog.className = 'over-time';
    this.dialog.id = 'over-time';
    this.dialog.setAttribute('aria-labelledby', 'over-time-title');
    this.dialog.innerHTML = `
      <header class="over-time-header">
        <h2 id="over-time-title">Over time</h2>
        <label>Epochs <input id="over-time-cols" type="text" size="22" spellcheck="false"
          aria-describedby="over-time-hint"></label>
        <button type="button" class="secondary" data-act="png">Save PNG (2x)</button>
        <button type="button" class="secondary" data-act="svg">Save SVG</button>
        <button type="button" data-act="close">Close</button>
      </header>
      <p id="over-time-hint" class="hint">Comma-separated epochs and "final" (the epoch the
        timeline shows, or the end of the run); each column shows the nearest kept epoch.
        <span class="over-time-status" role="status"></span></p>
      <div class="over-time-scroll"><canvas class="over-time-canvas"></canvas></div>
      <table class="visually-hidden over-time-table"></table>`;
    document.body.append(this.dialog);
    this.canvas = this.dialog.querySelector('canvas');
    this.input = this.dialog.querySelector('#over-time-cols');
    this.status = this.dialog.querySelector('.over-time-status');
    this.input.addEventListener('change', () => {
      const notices = [];
      // The page's table parses the columns as a link's cols= (time-settings.js's row).
      const row = this.page.state().table.row('cols');
      const cols = row.parse(row, this.input.value, notices);
      this.page.change('cols', cols, notices);
      this.refresh();
    });
    this.dialog.addEventListener('close', () => this.page.change('fig', false, []));
    this.dialog.addEventListener('click', ({target}) => {
      const act = target.dataset?.act;
      if (act === 'close') this.dialog.close();
      if (act === 'png') this.savePng();
      if (act === 'svg') this.saveSvg();
    });
  }

  open() {
    if (!this.dialog.open) this.dialog.showModal();
    this.refresh();
  }

  /** A frame of the page: draws again once a column the run had not reached is kept. */
  onFrame(frame) {
    if (!this.dialog.open || !this.waitingFor) return;
    if (frame.time.epochs.at(-1) >= this.waitingFor) this.refresh();
  }

  async refresh() {
    const {settings, lastFrame, playing} = this.page.state();
    const cols = settings.cols;
    this.input.value = cols.join(', ');
    if (!lastFrame) return;
    const {ask, asked, beyond} = figureColumns(cols, lastFrame.time, lastFrame.epochs);
    this.status.textContent = 'Computing the fields…';
    let columns;
    try {
      ({columns} = await this.page.fieldsAt(ask, RESOLUTION));
    } catch (error) {
      this.status.textContent = `The fields could not be computed: ${error.message}.`;
      return;
    }
    // A playing run reaches them: the figure follows. A paused one may never.
    this.waitingFor = beyond.length && playing ? beyond.at(-1) : 0;
    const names = beyond.length > 1 ? `Epochs ${beyond.join(', ')} are` : `Epoch ${beyond[0]} is`;
    const {shown} = lastFrame.time;
    const where = shown !== null ? `after the epoch shown (${shown})` :
                                   `past the run (it is at epoch ${epochText(lastFrame.epochs)})`;
    this.status.textContent = !beyond.length ? '' :
        playing ? `${names} not reached yet: drawn again when the run gets there.` :
                  `${names} ${where}: left out.`;
    this.columns = columns.map((column, c) => ({...column, asked: asked[c]}));
    this.draw();
  }

  draw() {
    const {panels, names, data, settings} = this.page.state();
    const columns = this.columns;
    const layout = layoutOf(panels, names, columns.length, settings, data);
    const canvas = this.canvas;
    canvas.width = layout.width * SCALE;
    canvas.height = layout.height * SCALE;
    canvas.style.width = `${layout.width}px`;
    const ctx = canvas.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(SCALE, SCALE);
    drawText(ctx, 'Decision boundaries over time', L.pad, L.pad + 18, {size: 17, weight: 600});
    layout.lines.forEach((line, i) => {
      drawText(
          ctx, line, L.pad, L.pad + L.title + 12 + i * L.line,
          {size: 12, color: MUTED, width: layout.width - 2 * L.pad});
    });
    columns.forEach((column, c) => {
      const {head, note} = columnHead(column);
      const x = cellX(c, layout) + L.cell / 2;
      const width = L.cell + L.gap - 4;
      drawText(ctx, head, x, layout.top + 15, {size: 13, weight: 600, align: 'center', width});
      if (note) {
        drawText(ctx, note, x, layout.top + 30, {size: 11, color: MUTED, align: 'center', width});
      }
    });
    panels.forEach((panel, r) => {
      const y = cellY(r, layout);
      drawText(ctx, panelTitle(panel, names), L.pad, y + L.cell / 2 - 2, {size: 15, weight: 600});
      drawText(ctx, paramsText(panel), L.pad, y + L.cell / 2 + 16, {size: 12, color: MUTED});
      columns.forEach((column, c) => {
        ctx.save();
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        drawCell(
            ctx, cellX(c, layout) * SCALE, y * SCALE, L.cell * SCALE, column.fields[r],
            column.resolution ?? RESOLUTION, data);
        ctx.restore();
        drawText(
            ctx, `test ${accuracyText(column.metrics[r])}`, cellX(c, layout) + L.cell / 2,
            y + L.cell + 14, {size: 12, color: MUTED, align: 'center'});
      });
    });
    drawKey(ctx, layout.key.marks, L.pad, layout.keyY, MUTED);
    canvas.setAttribute('role', 'img');
    canvas.setAttribute(
        'aria-label',
        `Decision fields of ${panels.length} panels at ${
            columns.map((col) => col.epoch)
                .join(', ')} epochs; the table below gives the numbers.`);
    this.dialog.dataset.rows = String(panels.length);
    this.dialog.dataset.columns = String(columns.length);
    this.dialog.dataset.epochs = columns.map((col) => col.epoch).join(',');
    // Where the row labels end and the first column starts, in layout pixels (tests read it).
    this.dialog.dataset.firstCellX = String(cellX(0, layout));
    this.fillTable(panels, names, columns, layout.lines.join(' · '));
  }

  // The figure's numbers as a table, for screen readers.
  fillTable(panels, names, columns, trained) {
    const table = this.dialog.querySelector('table');
    const head = `<tr><th>Panel</th>${
        columns.map((col) => `<th scope="col">${columnText(col)}</th>`).join('')}</tr>`;
    table.innerHTML = head;
    table.createCaption().textContent = `Decision boundaries over time. Trained: ${trained}.`;
    panels.forEach((panel, r) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = `${panelTitle(panel, names)} ${paramsText(panel)}`.trim();
      tr.append(th);
      for (const column of columns) {
        const td = document.createElement('td');
        td.textContent = `test ${accuracyText(column.metrics[r])}`;
        tr.append(td);
      }
      table.append(tr);
    });
  }

  savePng() {
    downloadPng(this.canvas, 'relu-lab-over-time.png');
  }

  saveSvg() {
    const {panels, names, data, settings} = this.page.state();
    const svg = figureSvg(panels, names, data, settings, this.columns);
    download(new Blob([svg], {type: 'image/svg+xml'}), 'relu-lab-over-time.svg');
  }
}

const escapeXml = (text) => String(text).replace(/[<>&"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

// The figure as SVG: the same layout, vector text and points; each field is a PNG image.
function figureSvg(panels, names, data, settings, columns) {
  const layout = layoutOf(panels, names, columns.length, settings, data);
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${
      layout.height}" viewBox="0 0 ${layout.width} ${
      layout.height}" font-family="system-ui, sans-serif">`];
  out.push(`<rect width="100%" height="100%" fill="#fff"/>`);
  const text = (x, y, t, attrs = '') =>
      out.push(`<text x="${x}" y="${y}" ${attrs}>${escapeXml(t)}</text>`);
  text(L.pad, L.pad + 18, 'Decision boundaries over time', 'font-size="17" font-weight="600"');
  layout.lines.forEach(
      (line, i) =>
          text(L.pad, L.pad + L.title + 12 + i * L.line, line, `font-size="12" fill="${MUTED}"`));
  columns.forEach((column, c) => {
    const {head, note} = columnHead(column);
    const x = cellX(c, layout) + L.cell / 2;
    text(x, layout.top + 15, head, 'font-size="13" font-weight="600" text-anchor="middle"');
    if (note) text(x, layout.top + 30, note, `font-size="11" fill="${MUTED}" text-anchor="middle"`);
  });
  const scratch = document.createElement('canvas');
  scratch.width = scratch.height = 2 * L.cell;
  const ctx = scratch.getContext('2d');
  const empty = {...data, trainX: new Float32Array(0), trainY: new Float32Array(0)};
  const [lo, hi] = data.domain;
  panels.forEach((panel, r) => {
    const y = cellY(r, layout);
    text(L.pad, y + L.cell / 2 - 2, panelTitle(panel, names), 'font-size="15" font-weight="600"');
    text(L.pad, y + L.cell / 2 + 16, paramsText(panel), `font-size="12" fill="${MUTED}"`);
    columns.forEach((column, c) => {
      const x = cellX(c, layout);
      drawCell(ctx, 0, 0, 2 * L.cell, column.fields[r], column.resolution ?? RESOLUTION, empty);
      out.push(`<image x="${x}" y="${y}" width="${L.cell}" height="${L.cell}" href="${
          scratch.toDataURL('image/png')}"/>`);
      const k = L.cell / (hi - lo);
      for (let i = 0; i < data.trainY.length; ++i) {
        const cx = (x + (data.trainX[2 * i] - lo) * k).toFixed(1);
        const cy = (y + (hi - data.trainX[2 * i + 1]) * k).toFixed(1);
        const fill = data.range ? targetColor(data.trainY[i], data.range) :
                                  CLASS_COLORS[data.trainY[i] > 0.5 ? 1 : 0];
        out.push(`<circle cx="${cx}" cy="${cy}" r="1.5" fill="${
            fill}" stroke="#fff" stroke-width="0.6"/>`);
      }
      text(
          x + L.cell / 2, y + L.cell + 14, `test ${accuracyText(column.metrics[r])}`,
          `font-size="12" fill="${MUTED}" text-anchor="middle"`);
    });
  });
  out.push(keySvg(layout.key.marks, L.pad, layout.keyY, MUTED, escapeXml));
  out.push('</svg>');
  return out.join('\n');
}
