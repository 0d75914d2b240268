// The timeline under the panels: a slider over the epochs the worker kept (drag, arrow keys,
// Home/End; it is a native range input), the epoch it shows, "back to live", "continue from
// here" and the memory the history takes. It reports moves; the worker does the showing.

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text')
      node.textContent = value;
    else if (key === 'className')
      node.className = value;
    else
      node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

function bytesText(bytes) {
  return bytes < 1e6 ? `${Math.max(1, Math.round(bytes / 1e3))} kB` :
                       `${(bytes / 1e6).toFixed(1)} MB`;
}

export class Timeline {
  /**
   * @param {HTMLElement} root an empty container
   * @param {{onShow: function(number), onLive: function(), onResume: function(number)}} handlers
   */
  constructor(root, {onShow, onLive, onResume}) {
    this.root = root;
    this.epochs = [0];  // the kept epochs, then the live end if it is not kept
    this.liveEpoch = 0;
    this.shown = null;  // the epoch shown, or null at the live end
    // The epoch last asked for while dragging: frames of earlier asks do not move the thumb back.
    this.pending = null;
    this.range = el('input', {
      type: 'range',
      id: 'timeline-range',
      min: '0',
      max: '0',
      step: '1',
      value: '0',
      'aria-describedby': 'timeline-help',
    });
    this.label = el('output', {
      id: 'timeline-epoch', for: 'timeline-range', text: 'live'
    });
    this.live = el('button', {type: 'button', id: 'timeline-live', className: 'secondary'});
    this.live.textContent = 'Back to live';
    this.resume = el('button', {type: 'button', id: 'timeline-resume', className: 'secondary'});
    this.resume.textContent = 'Continue from here';
    this.resume.title = 'Train on from the epoch shown; the epochs after it are dropped';
    this.memory = el('span', {className: 'timeline-memory'});
    root.replaceChildren(
        el('label',
           {for: 'timeline-range', className: 'timeline-title', text: 'Timeline'
           }),
        this.range, this.label, this.live, this.resume,
        el('p', {id: 'timeline-help', className: 'timeline-help'}, [
          'Drag or use the arrow keys (Home: epoch 0, End: now) to see every panel at an ' +
              'earlier epoch; training pauses. ',
          this.memory,
        ]));
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
    this.memory.textContent =
        `History: ${time.epochs.length} epochs kept, ${bytesText(time.bytes)}.`;
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
    this.range.setAttribute('aria-valuetext', text);
    this.label.textContent = text;
    this.root.dataset.shown = this.shown === null ? 'live' : String(this.shown);
    this.live.disabled = this.shown === null;
    this.resume.disabled = this.shown === null;
  }
}

function epochText(epochs) {
  return Number.isInteger(epochs) ? String(epochs) : epochs.toFixed(2);
}
