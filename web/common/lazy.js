// Code the page loads when first needed: a module fetched once however often it is asked for,
// a trigger for when an element comes near the viewport (what the reader is about to see), and
// one for after the first trained epoch is shown (what showing it does not need).

/**
 * @template T
 * @param {() => Promise<T>} load e.g. () => import('./module.js')
 * @returns {() => Promise<T>} the same promise on every call; the load starts on the first
 */
export function once(load) {
  let loaded = null;
  return () => (loaded ??= load());
}

/**
 * Calls `callback` once, when `element` comes within `margin` of the viewport.
 * @param {Element} element
 * @param {() => void} callback
 * @param {string} [margin] as IntersectionObserver's rootMargin
 */
export function whenNear(element, callback, margin = '100% 0px') {
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    callback();
  }, {rootMargin: margin});
  observer.observe(element);
}

let releaseDeferred;

/**
 * Resolves once the page has shown its first trained epoch, or has come to rest before it (it
 * opened paused): code that showing that epoch does not need (the charts, the data editor)
 * loads after it, so that it never delays the reader's first moving picture.
 * @type {Promise<void>}
 */
export const afterFirstEpoch = new Promise((resolve) => {
  releaseDeferred = resolve;
});

/**
 * The page has drawn its first trained epoch, or rests before it: deferred code loads once that
 * drawing is painted.
 */
export function firstEpochShown() {
  requestAnimationFrame(() => setTimeout(releaseDeferred));
}
