// Code the page loads when first needed: a module fetched once however often it is asked for,
// and a trigger for when an element comes near the viewport (what the reader is about to see).

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
