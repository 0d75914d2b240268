// The embed page: one <relu-lab-figure> built from a page link's hash (the element validates it
// with its own table and shows any notice; the page's own keys are dropped), sized to fill the
// frame. Only settings come from the hash: the figure's own attributes are this page's.
import {attributeName, FIGURE_ATTRIBUTES, isGlobalAttribute, PAGE_ONLY_KEYS} from './figure-attributes.js';
import {mount} from './relu-lab-figure.js';

// The full page beside this one (index.html in the same folder): where "open in relu-lab" goes,
// whatever a link says.
const PAGE = new URL('./', location.href).href;

function attributesOf(hash) {
  const attributes = {embed: true, fit: true, loading: 'eager', controls: 'minimal', page: PAGE};
  // The page plays on load unless the reader asked for less motion; so does its embed.
  if (!matchMedia('(prefers-reduced-motion: reduce)').matches) attributes.autoplay = true;
  for (const [key, value] of new URLSearchParams(hash.replace(/^#/, ''))) {
    if (PAGE_ONLY_KEYS.includes(key)) continue;
    const name = attributeName(key);
    // A link never sets the figure's own attributes (page, label, ...) nor one every element
    // has (event handlers, style, id, ...): those are not settings.
    if (FIGURE_ATTRIBUTES.includes(name) || isGlobalAttribute(name)) continue;
    // A key that cannot name an attribute is dropped; the figure names any other it does not
    // know in its notice.
    if (/^[a-z][a-z0-9.-]*$/.test(name)) attributes[name] = value;
  }
  return attributes;
}

let figure = mount(document.getElementById('figure'), attributesOf(location.hash));
window.addEventListener('hashchange', () => {
  figure.remove();
  figure = mount(document.getElementById('figure'), attributesOf(location.hash));
});
