// The facts an experiment's text may quote, and how a text quotes them.

// What a text may quote of a run, read at the run's stop epoch (or the fact's own `at`) on the
// experiment's seed; tests/web/experiment-facts.test.mjs trains every experiment and variant and
// checks each one. `panel` is the panel's index in the experiment's activations, or a list of
// them: the fact holds for each.
export const dead = (panel, value, at) => ({panel, metric: 'dead', value, at});
export const accuracy = (panel, percent, at) => ({panel, metric: 'accuracy', value: percent, at});
export const regions = (panel, value, at) => ({panel, metric: 'regions', value, at});
export const alpha = (panel, layer, value, at) => ({panel, metric: 'alpha', layer, value, at});
export const negativeAlphas = (panel, layer, value, at) =>
    ({panel, metric: 'negativeAlphas', layer, value, at});
// R² of a regression's test points, to two decimals.
export const r2 = (panel, value, at) => ({panel, metric: 'r2', value, at});
// 'round' or 'corners': how the boundary around the circle's centre looks (how sharply it turns).
export const shape = (panel, value, at) => ({panel, metric: 'shape', value, at});

/** @returns {string} a fact as its text quotes it. */
export function factText(fact) {
  if (fact.metric === 'accuracy') return `${fact.value.toFixed(1)}%`;
  if (fact.metric === 'alpha') return fact.value.toFixed(1);
  if (fact.metric === 'r2') return fact.value.toFixed(2);
  if (fact.metric === 'shape') return fact.value === 'corners' ? 'sharp corners' : fact.value;
  return String(fact.value);
}

/** @returns {string} `text` with each {name} replaced by the quoted value of facts[name]. */
export function withFacts(text, facts = {}) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => (facts[name] ? factText(facts[name]) : whole));
}
