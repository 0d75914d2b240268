// Prepended outside the module factory (--extern-pre-js). Emscripten 3.1.6's ES module loader
// uses require() and __dirname under Node, which an ES module does not have
// ("__dirname is not defined" otherwise). Browsers and workers skip this block.
var require, __dirname;
if (typeof process === 'object' && process.versions && process.versions.node) {
  const nodeModule = await import('node:module');
  require = nodeModule.createRequire(import.meta.url);
  __dirname = new URL('.', import.meta.url).pathname;
}
