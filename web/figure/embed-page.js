// The embed page: one <relu-lab-figure> built from a page link's hash (the element validates it
// with its own table and shows any notice; only settings come from the hash: embedAttributes),
// sized to fill the frame.
import {embedAttributes} from './figure-attributes.js';
import {mount} from './relu-lab-figure.js';

function attributesOf(hash) {
  return embedAttributes(hash, {
    // The full page beside this one, whatever a link says.
    page: new URL('./', location.href).href,
    // The page plays on load unless the reader asked for less motion; so does its embed.
    autoplay: !matchMedia('(prefers-reduced-motion: reduce)').matches,
  });
}

let figure = mount(document.getElementById('figure'), attributesOf(location.hash));
window.addEventListener('hashchange', () => {
  figure.remove();
  figure = mount(document.getElementById('figure'), attributesOf(location.hash));
});
