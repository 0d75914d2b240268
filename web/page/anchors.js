// In-page anchors: the skip links and any "#id" that names an element of the page move the
// focus there and leave the URL alone, because the page's hash holds its settings and reading
// "#panels" as settings would replace the run. Knows nothing about settings beyond that shape.

// Parts the page builds later (the claims arrive with the evidence section): how long to wait.
const APPEAR_MS = 15000;

/** @returns {string|null} the element id a hash such as "#panels" names, or null (settings). */
export function anchorId(hash) {
  const text = String(hash).replace(/^#/, '');
  if (!text || /[=&]/.test(text)) return null;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** @returns {boolean} whether `hash` names an element of the page rather than settings. */
export function isAnchor(hash) {
  const id = anchorId(hash);
  return id !== null && document.getElementById(id) !== null;
}

function focusOn(target) {
  // A heading or a section takes the focus from a script only, never from Tab.
  if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) {
    target.tabIndex = -1;
  }
  target.focus({preventScroll: true});
  const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({block: 'start', behavior: smooth ? 'smooth' : 'auto'});
}

// Resolves with the element once it exists; scrolling to `near` first brings in a part the page
// builds when it comes near the screen.
function whenPresent(id, near) {
  const now = document.getElementById(id);
  if (now) return Promise.resolve(now);
  near?.scrollIntoView({block: 'start'});
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const found = document.getElementById(id);
      if (!found) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(found);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(near ?? null);
    }, APPEAR_MS);
    observer.observe(document.body, {childList: true, subtree: true});
  });
}

/** Moves the focus to the element `id` names (waiting for it if the page builds it later). */
export async function goToAnchor(id, near = null) {
  const target = await whenPresent(id, near);
  if (target) focusOn(target);
}

/**
 * Makes every same-page link (a[href^="#"]) move the focus instead of changing the URL. A link's
 * data-focus names an element inside its target that the page builds later (the claims inside
 * the evidence section): the focus goes there once it exists.
 */
export function initAnchors() {
  document.addEventListener('click', (event) => {
    const link = event.target.closest?.('a[href^="#"]');
    const id = link && anchorId(link.getAttribute('href'));
    const target = id && document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    goToAnchor(link.dataset.focus || id, target);
  });
}
