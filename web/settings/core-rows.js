// Core's settings as rows of a settings table: one per lab.schema setting and activation
// parameter, with core's type, range, default, options and meaning, under the URL keys links have
// always used. How a form shows them (group, label, step) is the page's, not this file's.

// Short URL keys that stand for a core setting; every other core setting is its own URL key.
// "name.key" is activation name's parameter key.
const URL_KEYS = Object.freeze({
  split: 'trainFraction',
  bias: 'biasInit',
  batch: 'batchSize',
  slope: 'leaky_relu.slope',
  preluMode: 'prelu.mode',
  preluInit: 'prelu.init',
  eluAlpha: 'elu.alpha',
  beta: 'softplus.beta',
});

/** @returns {object|undefined} the parameter a panel entry "name:value" sets: the first number. */
export function tokenParam(activation) {
  return activation.params.find((p) => p.type === 'number');
}

/**
 * @param {object} schema lab.schema
 * @returns {object[]} core's rows in schema order, the activations' parameters after: each is
 *     core's entry with `key` (URL), `core` (core's key) and `effect` (core's change: 'live'
 *     settings update the running networks, every other needs new ones)
 */
export function coreRows(schema) {
  const urlKeyOf = new Map(Object.entries(URL_KEYS).map(([url, core]) => [core, url]));
  const row = (entry, core) => ({
    ...entry,
    key: urlKeyOf.get(core) || core,
    core,
    effect: entry.change === 'live' ? 'live' : 'arena',
  });
  return [
    ...schema.settings.map((s) => row(s, s.key)),
    ...schema.activations.flatMap((a) => a.params.map((p) => row(p, `${a.name}.${p.key}`))),
  ];
}
