// A row that scrolls sideways (the experiments) says so: its container's data-more names the
// sides with more to see, which the style sheet fades and marks with arrow buttons that scroll
// by most of a row. Keyboard readers need no arrows: focusing a button scrolls it into view.

/** @param {HTMLElement} row the scrolling row; its parent holds the .scroll-cue buttons. */
export function initScrollCue(row) {
  const box = row.parentElement;
  const update = () => {
    const left = row.scrollLeft > 1;
    const right = row.scrollLeft + row.clientWidth < row.scrollWidth - 1;
    box.dataset.more = left && right ? 'both' : left ? 'left' : right ? 'right' : 'none';
  };
  for (const cue of box.querySelectorAll('.scroll-cue')) {
    const sign = cue.dataset.side === 'left' ? -1 : 1;
    cue.addEventListener('click', () => {
      const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
      row.scrollBy({left: sign * row.clientWidth * 0.8, behavior: still ? 'auto' : 'smooth'});
    });
  }
  row.addEventListener('scroll', update, {passive: true});
  new ResizeObserver(update).observe(row);
  update();
}
