// The embed page: one <relu-lab-figure> built from the page's hash (the element validates it
// with the page's own table and shows any notice), sized to fill the frame.
import {mount} from './relu-lab-figure.js';

// The full page's keys that mean nothing in a figure.
const PAGE_ONLY = new Set(['controls', 'exp']);

function attributesOf(hash) {
  const attributes = {embed: true, fit: true, loading: 'eager', controls: 'minimal'};
  // The page plays on load unless the reader asked for less motion; so does its embed.
  if (!matchMedia('(prefers-reduced-motion: reduce)').matches) attributes.autoplay = true;
  for (const [key, value] of new URLSearchParams(hash.replace(/^#/, ''))) {
    if (PAGE_ONLY.has(key)) continue;
    const name = key === 'test' ? 'show-test' : key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    // A key no attribute can be named after is left to the figure's notice about other keys.
    if (/^[a-z][a-z0-9.-]*$/.test(name)) attributes[name] = value;
  }
  return attributes;
}

let figure = mount(document.getElementById('figure'), attributesOf(location.hash));
window.addEventListener('hashchange', () => {
  figure.remove();
  figure = mount(document.getElementById('figure'), attributesOf(location.hash));
});
