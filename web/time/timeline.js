// The timeline under the panels: a slider over the epochs the worker kept (drag, arrow keys,
// Home/End; it is a native range input), the epoch it shows, "back to live", "continue from
// here" and the memory the history takes. It reports moves; the worker does the showing.
import {setAttr, setText} from '../common/dom.js';

function bytesText(bytes) {
  return bytes < 1e6 ? `${Math.max(1, Math.round(bytes / 1e3))} kB` :
                       `${(bytes / 1e6).toFixed(1)} MB`;
}

export class Timeline {
  /**
   * @param {HTMLElement} root the timeline's section (index.html holds its markup)
   * @param {{onShow: function(number), onLive: function(), onResume: function(number)}} handlers
   */
  constructor(root, {onShow, onLive, onResume}) {
    this.root = root;
    this.epochs = [0];  // the kept epochs, then the live end if it is not kept
    this.liveEpoch = 0;
    this.shown = null;  // the epoch shown, or null at the live end
    // The epoch last asked for while dragging: frames of earlier asks do not move the thumb back.
    this.pending = null;
    // The markup is the page's (index.html), there from the first paint so nothing shifts.
    const q = (selector) => root.querySelector(selector);
    this.range = q('#timeline-range');
    this.label = q('#timeline-epoch');
    this.live = q('#timeline-live');
    this.resume = q('#timeline-resume');
    this.memory = q('.timeline-memory');
    this.range.addEventListener('input', () => {
      const i = Number(this.range.value);
      const live = i === this.epochs.length - 1 && this.endIsLive();
      this.pending = live ? 'live' : this.epochs[i];
      if (live)
        onLive();
      else
        onShow(this.epochs[i]);
    });
    this.live.addEventListener('click', () => {
      this.pending = 'live';
      onLive();
    });
    this.resume.addEventListener('click', () => {
      if (this.shown !== null) onResume(this.shown);
    });
    this.sync();
  }

  endIsLive() {
    return this.epochs.at(-1) === this.liveEpoch;
  }

  /** Follows a frame: its time summary ({epochs, shown, bytes}) and its live epoch count. */
  update(time, frameEpochs) {
    if (!time) return;
    this.shown = time.shown;
    if (time.shown === null) this.liveEpoch = frameEpochs;
    this.epochs = time.epochs.slice();
    // The live end is a position of its own when it is not a kept epoch (thinned, or a
    // fraction of an epoch after Step batch).
    if (this.liveEpoch > this.epochs.at(-1)) this.epochs.push(this.liveEpoch);
    setText(this.memory, `History: ${time.epochs.length} epochs kept, ${bytesText(time.bytes)}.`);
    this.sync();
  }

  sync() {
    const shown = this.shown ?? this.liveEpoch;
    let i = this.epochs.indexOf(shown);
    if (i < 0) i = this.epochs.length - 1;
    this.range.max = String(this.epochs.length - 1);
    if (this.pending === null || this.pending === (this.shown ?? 'live')) {
      this.pending = null;
      this.range.value = String(i);
    }
    const text = this.shown === null ? `epoch ${epochText(shown)} (live)` : `epoch ${shown}`;
    setAttr(this.range, 'aria-valuetext', text);
    setText(this.label, text);
    this.root.dataset.shown = this.shown === null ? 'live' : String(this.shown);
    this.live.disabled = this.shown === null;
    this.resume.disabled = this.shown === null;
  }
}

function epochText(epochs) {
  return Number.isInteger(epochs) ? String(epochs) : epochs.toFixed(2);
}
