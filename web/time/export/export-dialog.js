// The animated export: the chosen panels over a range of epochs, each frame labelled (panel,
// epoch, test accuracy), encoded to GIF (or WebM / MP4 where the browser has a video encoder) by
// a worker (export-worker.js) while this page stays responsive; a progress bar and Cancel.
import {panelTitle} from '../../panels/panel.js';
import {startWorker} from '../../trainer/start-worker.js';

import {formHtml, videoFormats} from './export-form.js';
import {drawFrame, frameLayout} from './export-frame.js';
import {ExportPreview} from './export-preview.js';
import {EXPORT_FIELDS, nearestKept, scheduleEpochs, SCHEDULES} from './frame-schedule.js';
import {makeGifPalette} from './gif-palette.js';
import {estimateGifBytes, estimateVideoBytes, sampleIndices, sizeText} from './size-estimate.js';

// A change of the form shows its frames after this pause, not on every keystroke.
const SETTLE_MS = 250;

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
      <form class="export-form" method="dialog">${formHtml()}
        <figure class="export-preview">
          <canvas class="export-preview-canvas" role="img"
            aria-label="The animation's frames, played in turn"></canvas>
          <figcaption><svg class="export-strip" viewBox="0 0 1000 22" preserveAspectRatio="none"
            role="img"></svg><span class="export-strip-ends"><span class="export-strip-from"></span>
            <span class="export-strip-to"></span></span>
            <span class="export-preview-caption"></span></figcaption>
        </figure>
        <p class="export-estimate" role="status"></p>
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
    this.estimateLine = d.querySelector('.export-estimate');
    this.preview = new ExportPreview(d.querySelector('.export-preview'), page);
    this.measurer = null;  // the worker that encodes sample frames for the size estimate
    this.shown = 0;        // counts the previews asked for: an older estimate is dropped
    this.settle = 0;
    this.form.addEventListener('input', () => {
      clearTimeout(this.settle);
      this.settle = setTimeout(() => this.refresh(), SETTLE_MS);
    });
    d.addEventListener('click', ({target}) => {
      const act = target.dataset?.act;
      if (act === 'close') d.close();
      if (act === 'start') this.start();
      if (act === 'cancel') this.cancel('Cancelled.');
    });
    d.addEventListener('close', () => {
      this.cancel('');
      this.preview.stop();
      this.measurer?.terminate();
      this.measurer = null;
    });
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
    f.from.value = String(kept[0]);
    f.to.value = String(kept.at(-1));
    if (!this.dialog.open) this.dialog.showModal();
    this.refresh();
  }

  /** The frames the form asks for: clamped options and the kept epochs drawn. */
  frames() {
    const kept = this.page.state().lastFrame?.time.epochs ?? [0];
    const o = this.options(kept);
    const asked =
        scheduleEpochs(o.schedule, Math.min(o.from, o.to), Math.max(o.from, o.to), o.frames);
    return {o, epochs: nearestKept(kept, asked)};
  }

  /** Shows the form's frames: the schedule's meaning, the preview and the size estimate. */
  refresh() {
    if (this.running) return;
    const {o, epochs} = this.frames();
    this.dialog.querySelector('.export-schedule-note').textContent =
        `${SCHEDULES.find((s) => s.key === o.schedule).label}: ${
            SCHEDULES.find((s) => s.key === o.schedule).meaning}.`;
    if (o.notes.length) this.status.textContent = o.notes.join(' ');
    this.preview.show(o, epochs);
    this.estimate(o, epochs, ++this.shown);
  }

  /**
   * Shows the file's size before it is encoded: a few of its frames are drawn and encoded as GIF
   * (size-estimate.js), and their mean size stands for every frame.
   */
  async estimate(o, epochs, shown) {
    const line = this.estimateLine;
    delete this.dialog.dataset.estimate;
    if (!o.panels.length || !epochs.length) {
      line.textContent = '';
      return;
    }
    const layout = frameLayout(o.panels.length, o.size);
    const frames = `${epochs.length} frames of ${layout.width}x${layout.height} px, ${
        (epochs.length / o.fps).toFixed(1)} s`;
    line.textContent = `${frames}; estimating the size…`;
    try {
      const sample = sampleIndices(epochs.length).map((i) => epochs[i]);
      const {columns} = await this.page.fieldsAt(sample, o.size);
      const canvas = new OffscreenCanvas(layout.width, layout.height);
      const ctx = canvas.getContext('2d', {willReadFrequently: true});
      const pixels = columns.map((column) => {
        drawFrame(ctx, layout, column, o.panels, o.size, this.page.state());
        return ctx.getImageData(0, 0, layout.width, layout.height).data.buffer;
      });
      this.measurer ??= startWorker('export');
      const worker = this.measurer;
      // Answers carry the estimate's number: an older one still under way is not this one's.
      const measured = await new Promise((resolve, reject) => {
        worker.onmessage = ({data}) => {
          if (data.id !== shown) return;
          if (data.type === 'error') reject(new Error(data.message));
          resolve(data);
        };
        worker.postMessage(
            {type: 'measure', id: shown, ...layout, palette: makeGifPalette(), frames: pixels},
            pixels);
      });
      if (shown !== this.shown) return;
      const gif = estimateGifBytes(measured, epochs.length);
      const bytes =
          o.format === 'gif' ? gif : estimateVideoBytes(measured, epochs.length, o.format);
      this.dialog.dataset.estimate = String(bytes);
      line.textContent = `${frames}: about ${sizeText(bytes)} (${
          o.format === 'gif' ? `from ${sample.length} frames encoded ahead` :
                               `modelled on the GIF's ${sizeText(gif)}`}).`;
    } catch (error) {
      if (shown === this.shown) line.textContent = `${frames}; the size could not be estimated.`;
    }
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
    const {frames, fps} = EXPORT_FIELDS;
    return {
      panels: chosen,
      schedule: f.schedule.value,
      from: whole(f.from, 'From epoch', first, last, 'the kept epochs '),
      to: whole(f.to, 'To epoch', first, last, 'the kept epochs '),
      frames: whole(f.frames, frames.label, frames.min, frames.max),
      fps: whole(f.fps, fps.label, fps.min, fps.max),
      size: Number(f.size.value),
      format: f.format.value,
      notes,
    };
  }

  async start() {
    if (this.running) return;
    clearTimeout(this.settle);  // the form is read now: no preview of it after the export starts
    const {o, epochs} = this.frames();
    if (!o.panels.length) {
      this.status.textContent = 'Choose at least one panel.';
      return;
    }
    const run = {
      cancelled: false,
      worker: startWorker('export'),
    };
    this.running = run;
    this.preview.stop();  // the trainer's time goes to the file's frames
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
      if (this.dialog.open && !this.running) this.preview.show(o, epochs);
    }
  }

  async encode(run, o, epochs) {
    const layout = frameLayout(o.panels.length, o.size);
    const {width, height} = layout;
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', {willReadFrequently: true});
    const reply = workerReplies(run.worker);
    run.worker.postMessage(
        {type: 'start', format: o.format, width, height, fps: o.fps, palette: makeGifPalette()});
    await reply('started');
    for (let k = 0; k < epochs.length; ++k) {
      const {columns: [column]} = await this.page.fieldsAt([epochs[k]], o.size);
      if (run.cancelled) return null;
      drawFrame(ctx, layout, column, o.panels, o.size, this.page.state());
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
    if (this.dialog.open) this.refresh();  // the preview again
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
