// The export dialog's preview: where on the run the chosen frames fall (a strip with one tick per
// frame, so a schedule's spacing shows at a glance) and the frames themselves, played at the
// chosen rate without encoding. Frames are drawn by export-frame.js, as the file's are; drawn
// frames are kept as bitmaps up to a memory budget, so the loop after the first plays smoothly.
import {drawFrame, frameLayout} from './export-frame.js';

const CACHE_BYTES = 48e6;

export class ExportPreview {
  /**
   * @param {HTMLElement} box the dialog's preview element (export-dialog.js's markup)
   * @param {object} page see time-tools.js
   */
  constructor(box, page) {
    this.page = page;
    this.box = box;
    this.canvas = box.querySelector('canvas');
    this.strip = box.querySelector('.export-strip');
    this.caption = box.querySelector('.export-preview-caption');
    this.play = null;
  }

  /** Shows the frames of `o` (the dialog's options) at `epochs`, and plays them in a loop. */
  show(o, epochs) {
    this.stop();
    this.drawStrip(o, epochs);
    if (!o.panels.length || !epochs.length) {
      this.caption.textContent = 'Choose at least one panel.';
      return;
    }
    const layout = frameLayout(o.panels.length, o.size);
    Object.assign(this.canvas, {width: layout.width, height: layout.height});
    const play = {stopped: false, bitmaps: [], late: 0, slow: false};
    this.play = play;
    this.loop(play, o, epochs, layout);
  }

  stop() {
    if (this.play) this.play.stopped = true;
    this.play = null;
  }

  async loop(play, o, epochs, layout) {
    const ctx = this.canvas.getContext('2d');
    const scratch = new OffscreenCanvas(layout.width, layout.height);
    const sctx = scratch.getContext('2d');
    const cacheable = Math.floor(CACHE_BYTES / (4 * layout.width * layout.height));
    const interval = 1000 / o.fps;
    let due = performance.now();
    for (let k = 0; !play.stopped; k = (k + 1) % epochs.length) {
      let bitmap = play.bitmaps[k];
      if (!bitmap) {
        const {columns: [column]} = await this.page.fieldsAt([epochs[k]], o.size);
        if (play.stopped) return;
        drawFrame(sctx, layout, column, o.panels, o.size, this.page.state());
        bitmap = k < cacheable ? (play.bitmaps[k] = await createImageBitmap(scratch)) : scratch;
      }
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (play.stopped) return;
      // A loop with a quarter of its frames behind by more than a frame is slower than the file
      // will play (the first loop waits for the trainer; later ones mostly replay bitmaps).
      if (wait < -interval) play.late += 1;
      if (k === epochs.length - 1) {
        play.slow = play.late > epochs.length / 4;
        play.late = 0;
      }
      ctx.drawImage(bitmap, 0, 0);
      due = Math.max(due, performance.now() - interval) + interval;
      this.mark(k);
      this.caption.textContent = `Preview: frame ${k + 1} of ${epochs.length}, epoch ${
          epochs[k]}, at ${o.fps} frames per second${
          play.slow ? ' (drawn slower here than the file plays)' : ''}.`;
      this.box.dataset.frame = String(k);
    }
  }

  // A tick per frame on a line from the first epoch to the last, the one showing highlighted.
  drawStrip(o, epochs) {
    const from = epochs[0] ?? 0;
    const to = Math.max(epochs.at(-1) ?? 0, from + 1);
    const x = (e) => ((1000 * (e - from)) / (to - from)).toFixed(1);
    this.strip.innerHTML = `<line x1="0" x2="1000" y1="19" y2="19" class="export-strip-axis"/>${
        epochs.map((e) => `<line x1="${x(e)}" x2="${x(e)}" y1="4" y2="19"/>`).join('')}`;
    this.strip.setAttribute(
        'aria-label',
        `${epochs.length} frames between epoch ${from} and ${epochs.at(-1) ?? from}: ${
            epochs.join(', ')}`);
    this.box.querySelector('.export-strip-from').textContent = `epoch ${from}`;
    this.box.querySelector('.export-strip-to').textContent = `epoch ${epochs.at(-1) ?? from}`;
    this.box.dataset.epochs = epochs.join(',');
  }

  mark(k) {
    this.strip.querySelector('.current')?.classList.remove('current');
    this.strip.querySelectorAll('line')[k + 1]?.classList.add('current');
  }
}
