// The published package a build belongs to, as the bundles see it: its name, version and the
// element's path inside it (package.json's "exports"), defined as RELU_LAB_PACKAGE for the page
// (web/page/cdn-snippet.js writes the element's CDN address from it).
import {readFileSync} from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * esbuild `define` entries: RELU_LAB_PACKAGE = the JSON text of {name, version, figure}. Text, not
 * an object: esbuild gives an object define a chunk of its own that every chunk of a split build
 * imports, one more request before the page's first frame.
 */
export const PACKAGE_DEFINE = Object.freeze({
  RELU_LAB_PACKAGE: JSON.stringify(JSON.stringify(
      {name: pkg.name, version: pkg.version, figure: pkg.exports['./figure'].default.slice(2)})),
});
