// The embed page: one <relu-lab-figure> built from a page link's hash (the element validates it
// with its own table and shows any notice; the page's own keys are dropped), sized to fill the
// frame.
import {attributeName, PAGE_ONLY_KEYS} from './figure-attributes.js';
import {mount} from './relu-lab-figure.js';

function attributesOf(hash) {
  const attributes = {embed: true, fit: true, loading: 'eager', controls: 'minimal'};
  // The page plays on load unless the reader asked for less motion; so does its embed.
  if (!matchMedia('(prefers-reduced-motion: reduce)').matches) attributes.autoplay = true;
  for (const [key, value] of new URLSearchParams(hash.replace(/^#/, ''))) {
    if (PAGE_ONLY_KEYS.includes(key)) continue;
    const name = attributeName(key);
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
