// The animated export: the chosen panels over a range of epochs, each frame labelled (panel,
// epoch, test accuracy), encoded to GIF (or WebM / MP4 where the browser has a video encoder) by
// a worker (export-worker.js) while this page stays responsive; a progress bar and Cancel.
import {panelTitle} from '../../panels/panel.js';
import {startWorker} from '../../trainer/start-worker.js';
import {accuracyText, drawCell, drawText, MUTED} from '../time-draw.js';

import {makeGifPalette} from './gif-palette.js';

const HEADER = 24;  // the frame's epoch line
const LABEL = 20;   // the panel's name and accuracy above each cell
const GAP = 6;
const MAX_FRAMES = 1000;

// Video codecs WebCodecs may offer, by container; probed without loading mediabunny.
const VIDEO_PROBES = {
  webm: ['vp09.00.10.08', 'vp8'],
  mp4: ['avc1.42001f']
};

async function videoFormats() {
  if (typeof VideoEncoder === 'undefined') return [];
  const out = [];
  for (const [format, codecs] of Object.entries(VIDEO_PROBES)) {
    for (const codec of codecs) {
      const {supported} = await VideoEncoder.isConfigSupported({codec, width: 256, height: 256})
                              .catch(() => ({supported: false}));
      if (supported) {
        out.push(format);
        break;
      }
    }
  }
  return out;
}

/**
 * The epochs a range asks for: from..to every `step`, each the nearest kept (the earlier on a
 * tie), without repeats, at most MAX_FRAMES. One pass over `kept` (ascending), whatever the range:
 * kept epoch i is taken if some asked epoch lies in the stretch it is nearest to, (midpoint with
 * the previous, midpoint with the next].
 */
export function framesFor(kept, from, to, step) {
  const out = [];
  for (let i = 0; i < kept.length && out.length < MAX_FRAMES; ++i) {
    const after = i > 0 ? (kept[i - 1] + kept[i]) / 2 : -Infinity;
    const upTo = i + 1 < kept.length ? (kept[i] + kept[i + 1]) / 2 : Infinity;
    // The first asked epoch past `after`.
    const k = after < from ? 0 : Math.floor((after - from) / step) + 1;
    const asked = from + k * step;
    if (asked <= Math.min(upTo, to) && out.at(-1) !== kept[i]) out.push(kept[i]);
  }
  return out;
}

export class ExportDialog {
  /** @param {object} page see time-tools.js */
  constructor(page) {
    this.page = page;
    this.running = null;
    const d = document.createElement('dialog');
    d.className = 'export';
    d.id = 'export';
    d.setAttribute('aria-labelledby', 'export-title');
    d.innerHTML = `
      <header class="over-time-header"><h2 id="export-title">Export an animation</h2>
        <button type="button" data-act="close">Close</button></header>
      <form class="export-form" method="dialog">
        <fieldset class="export-panels"><legend>Panels</legend></fieldset>
        <label>From epoch <input name="from" type="number" min="0" step="1" value="0"></label>
        <label>to <input name="to" type="number" min="0" step="1"></label>
        <label>every <input name="step" type="number" min="1" step="1" value="1"> epochs</label>
        <label>Frames per second <input name="fps" type="number" min="1" max="50" value="10"></label>
        <label>Panel size <select name="size"><option>96</option><option selected>128</option>
          <option>192</option><option>256</option></select> px</label>
        <label>Format <select name="format"><option value="gif">GIF</option></select></label>
        <p class="hint export-video-note"></p>
        <p class="export-actions"><button type="button" data-act="start">Export</button>
          <button type="button" class="secondary" data-act="cancel" disabled>Cancel</button>
          <progress max="1" value="0"></progress> <span class="export-status" role="status"></span>
          <a class="export-download" hidden></a></p>
      </form>`;
    document.body.append(d);
    this.dialog = d;
    this.form = d.querySelector('form');
    this.progress = d.querySelector('progress');
    this.status = d.querySelector('.export-status');
    this.link = d.querySelector('.export-download');
    d.addEventListener('click', ({target}) => {
      const act = target.dataset?.act;
      if (act === 'close') d.close();
      if (act === 'start') this.start();
      if (act === 'cancel') this.cancel('Cancelled.');
    });
    d.addEventListener('close', () => this.cancel(''));
    this.probeVideo();
  }

  async probeVideo() {
    const formats = await videoFormats();
    const select = this.form.elements.format;
    for (const f of formats) select.add(new Option(f === 'mp4' ? 'MP4 (H.264)' : 'WebM', f));
    this.dialog.querySelector('.export-video-note').textContent = formats.length ?
        '' :
        'Video (WebM, MP4) needs a browser with a WebCodecs video encoder; this one has none, ' +
            'so only GIF is offered.';
    this.dialog.dataset.videoFormats = formats.join(',');
  }

  open() {
    const {panels, names, lastFrame} = this.page.state();
    this.page.pause();
    const box = this.dialog.querySelector('.export-panels');
    box.replaceChildren(box.firstElementChild, ...panels.map((panel, i) => {
      const label = document.createElement('label');
      const input = Object.assign(
          document.createElement('input'),
          {type: 'checkbox', name: 'panel', value: String(i), checked: true});
      label.append(input, ` ${panelTitle(panel, names)}`);
      return label;
    }));
    const kept = lastFrame?.time.epochs ?? [0];
    // The range is the kept epochs': the inputs say so, and options() holds them to it.
    const f = this.form.elements;
    for (const input of [f.from, f.to]) Object.assign(input, {min: kept[0], max: kept.at(-1)});
    f.step.max = String(Math.max(1, kept.at(-1) - kept[0]));
    f.from.value = String(kept[0]);
    f.to.value = String(kept.at(-1));
    if (!this.dialog.open) this.dialog.showModal();
  }

  /**
   * The form's values, each clamped to what exists (epochs to the kept ones', the step to their
   * span): a clamped field shows the value used, and `notes` says which.
   */
  options(kept) {
    const f = this.form.elements;
    const notes = [];
    const whole = (input, label, min, max, rangeName = '') => {
      const asked = Math.round(Number(input.value) || 0);
      const value = Math.min(max, Math.max(min, asked));
      if (value !== Number(input.value) || input.value.trim() === '') {
        const why = asked < min || asked > max ? `is outside ${rangeName}${min} to ${max}` :
                                                 'is not a whole number';
        notes.push(`${label}: ${input.value.trim() || '(empty)'} ${why}, so ${value} is used.`);
        input.value = String(value);
      }
      return value;
    };
    const first = kept[0];
    const last = kept.at(-1);
    const chosen =
        [...this.form.querySelectorAll('input[name=panel]:checked')].map((c) => Number(c.value));
    return {
      panels: chosen,
      from: whole(f.from, 'From epoch', first, last, 'the kept epochs '),
      to: whole(f.to, 'To epoch', first, last, 'the kept epochs '),
      step: whole(f.step, 'Every', 1, Math.max(1, last - first)),
      fps: whole(f.fps, 'Frames per second', 1, 50),
      size: Number(f.size.value),
      format: f.format.value,
      notes,
    };
  }

  async start() {
    if (this.running) return;
    const kept = this.page.state().lastFrame.time.epochs;
    const o = this.options(kept);
    const epochs = framesFor(kept, Math.min(o.from, o.to), Math.max(o.from, o.to), o.step);
    if (!o.panels.length) {
      this.status.textContent = 'Choose at least one panel.';
      return;
    }
    const run = {
      cancelled: false,
      worker: startWorker('export'),
    };
    this.running = run;
    this.link.hidden = true;
    this.setBusy(true);
    const started = performance.now();
    try {
      const bytes = await this.encode(run, o, epochs);
      if (run.cancelled) return;
      const ms = performance.now() - started;
      this.finished(bytes, o, epochs.length, ms);
    } catch (error) {
      if (!run.cancelled) this.status.textContent = `The export failed: ${error.message}`;
    } finally {
      run.worker.terminate();
      if (this.running === run) this.running = null;
      this.setBusy(false);
    }
  }

  async encode(run, o, epochs) {
    const {panels, names, data} = this.page.state();
    const cols = Math.min(5, o.panels.length);
    const rows = Math.ceil(o.panels.length / cols);
    // Video encoders want even sizes.
    const even = (n) => n + (n % 2);
    const width = even(cols * o.size + (cols + 1) * GAP);
    const height = even(HEADER + rows * (o.size + LABEL) + (rows + 1) * GAP);
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', {willReadFrequently: true});
    const reply = workerReplies(run.worker);
    run.worker.postMessage(
        {type: 'start', format: o.format, width, height, fps: o.fps, palette: makeGifPalette()});
    await reply('started');
    for (let k = 0; k < epochs.length; ++k) {
      const {columns: [column]} = await this.page.fieldsAt([epochs[k]], o.size);
      if (run.cancelled) return null;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, width, height);
      drawText(ctx, `epoch ${column.epoch}`, GAP + 1, GAP + 15, {size: 15, weight: 700});
      // The legend of the numbers, where the frame is wide enough not to crowd the epoch.
      if (width >= 360) {
        drawText(
            ctx, 'relu-lab · test accuracy per panel', width - GAP, GAP + 15,
            {size: 11, color: MUTED, align: 'right'});
      }
      o.panels.forEach((p, j) => {
        const x = GAP + (j % cols) * (o.size + GAP);
        const y = HEADER + GAP + Math.floor(j / cols) * (o.size + LABEL + GAP);
        const accuracy = accuracyText(column.metrics[p]);
        drawText(ctx, accuracy, x + o.size, y + 14, {size: 12, align: 'right'});
        drawText(
            ctx, panelTitle(panels[p], names), x + 1, y + 14,
            {size: 12, weight: 600, width: o.size - 8 - 7 * accuracy.length});
        drawCell(ctx, x, y + LABEL, o.size, column.fields[p], o.size, data);
      });
      const pixels = ctx.getImageData(0, 0, width, height).data;
      run.worker.postMessage({type: 'frame', pixels: pixels.buffer}, [pixels.buffer]);
      await reply('progress');
      this.progress.value = (k + 1) / epochs.length;
      this.status.textContent = `Frame ${k + 1} of ${epochs.length}…`;
    }
    run.worker.postMessage({type: 'finish'});
    return (await reply('done')).bytes;
  }

  finished(bytes, o, frames, ms) {
    const type = {gif: 'image/gif', webm: 'video/webm', mp4: 'video/mp4'}[o.format];
    const name = `relu-lab-over-time.${o.format}`;
    if (this.link.href) URL.revokeObjectURL(this.link.href);
    this.link.href = URL.createObjectURL(new Blob([bytes], {type}));
    this.link.download = name;
    this.link.textContent = `Download ${name}`;
    this.link.hidden = false;
    this.link.click();
    this.status.textContent = [
      ...o.notes,
      `${frames} frames, ${(bytes.length / 1e6).toFixed(2)} MB, encoded in ${
          (ms / 1000).toFixed(1)} s.`
    ].join(' ');
    Object.assign(
        this.dialog.dataset,
        {frames: String(frames), bytes: String(bytes.length), ms: String(Math.round(ms))});
  }

  cancel(text) {
    if (!this.running) return;
    this.running.cancelled = true;
    this.running.worker.terminate();
    this.running = null;
    this.setBusy(false);
    this.status.textContent = text;
    this.progress.value = 0;
  }

  setBusy(busy) {
    this.dialog.querySelector('[data-act=start]').disabled = busy;
    this.dialog.querySelector('[data-act=cancel]').disabled = !busy;
    this.dialog.dataset.busy = String(busy);
  }
}

// Waits for the worker's next message of a type (an 'error' rejects).
function workerReplies(worker) {
  let waiting = null;
  worker.onmessage = ({data}) => {
    if (!waiting) return;
    const {type, resolve, reject} = waiting;
    if (data.type === 'error') reject(new Error(data.message));
    if (data.type === type) {
      waiting = null;
      resolve(data);
    }
  };
  return (type) => new Promise((resolve, reject) => {
           waiting = {type, resolve, reject};
         });
}
