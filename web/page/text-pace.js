// Where the workers draw the fields, the numbers under them change at most every `ms` while the
// run plays: text read at 60 Hz is unreadable and costs the page's thread a layout per frame. A
// frame that comes sooner waits, and a newer one takes its place.
export class TextPace {
  /** @param {number} ms @param {function(object)} show draws a frame's numbers */
  constructor(ms, show) {
    this.ms = ms;
    this.show = show;
    this.shownAt = -Infinity;
    this.timer = 0;
  }

  /**
   * Shows `frame` now if `now` or its turn has come, else when it comes unless a newer frame
   * came first or `current()` has turned false by then (a new arena).
   */
  offer(frame, now, current) {
    clearTimeout(this.timer);
    const wait = this.shownAt + this.ms - performance.now();
    if (now || wait <= 0) {
      this.shownAt = performance.now();
      this.show(frame);
      return;
    }
    this.timer = setTimeout(() => {
      if (!current()) return;
      this.shownAt = performance.now();
      this.show(frame);
    }, wait);
  }
}
