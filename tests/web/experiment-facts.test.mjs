// Every experiment and variant (web/page/experiments.js) says what its panels show: each is
// trained in Node with the page's own settings (its table and settings/to-core.js) to its stop
// epoch on its seed, and every number its text quotes (dead units, accuracies, linear regions,
// PReLU alphas, R² of a regression) and every shape it names (round or with corners:
// boundary-shape.mjs) is checked against the run. Every {name} in a text is a fact, and every fact
// is quoted, so the numbers live in the experiment's definition alone.
import assert from 'node:assert/strict';
import {before, test} from 'node:test';

import {experimentSettings} from '../../web/page/experiment-settings.js';
import {EXPERIMENTS, factText, findExperiment, stopEpoch, withFacts} from '../../web/page/experiments.js';
import {pageTable} from '../../web/page/page-table.js';
import {REGION_RESOLUTION} from '../../web/panels/region-view.js';

import {shapeOf, sharpness} from './boundary-shape.mjs';

const {loadReluLab} = await import(new URL('../../dist/js/relu-lab.mjs', import.meta.url).href);

let lab;
let table;
before(async () => {
  lab = await loadReluLab();
  table = pageTable(lab.schema);
});

// The field the boundary's shape is read from: fine enough for a smooth contour.
const SHAPE_RESOLUTION = 256;

// What a fact reads of network `panel` of `arena`, in the unit its text quotes.
function measure(arena, fact, panel) {
  const m = arena.metrics()[panel];
  switch (fact.metric) {
    case 'dead':
      return m.deadUnits;
    case 'accuracy':
      return Math.round(m.testAccuracy * 1000) / 10;
    case 'r2':
      return Math.round(m.r2 * 100) / 100;
    case 'regions':
      return arena.regions(panel, REGION_RESOLUTION).count;
    case 'alpha':
      return Math.round(m.alphas[fact.layer][0] * 10) / 10;
    case 'shape':
      return shapeOf(sharpness(arena.field(panel, SHAPE_RESOLUTION), SHAPE_RESOLUTION));
    case 'negativeAlphas':
      return m.alphas[fact.layer].filter((a) => a < 0).length;
  }
  throw new Error(`no measure for ${fact.metric}`);
}

function train(arena, epochs) {
  for (let left = epochs; left > 0;) left -= arena.train(left).epochs;
}

/**
 * Trains the run to each fact's epoch in turn and to `stop`.
 * @returns {string[]} one line per fact that does not hold
 */
function check(settings, stop, facts) {
  const arena = lab.createArena(table.arenaSettings(settings));
  const wrong = [];
  try {
    const byEpoch = Object.entries(facts).sort(([, a], [, b]) => (a.at ?? stop) - (b.at ?? stop));
    let done = 0;
    for (const [name, fact] of byEpoch) {
      const epoch = fact.at ?? stop;
      train(arena, epoch - done);
      done = epoch;
      // A fact about several panels holds for each of them.
      for (const panel of [].concat(fact.panel)) {
        const seen = measure(arena, fact, panel);
        if (seen !== fact.value) {
          wrong.push(`${name}: the text says ${factText(fact)} (${fact.metric} of panel ${
              panel} at epoch ${epoch}), the run has ${seen}`);
        }
      }
    }
    // A fact may be about a later epoch (what playing on shows): the run goes there too.
    train(arena, Math.max(0, stop - done));
    const end = Math.max(stop, done);
    assert.ok(arena.metrics().every((m) => m.epoch === end || m.diverged), `runs to ${end}`);
  } finally {
    arena.delete();
  }
  return wrong;
}

// Every {name} a text quotes is one of its facts, and every fact is quoted.
function assertQuoted(text, facts, where) {
  const names = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  for (const name of names) assert.ok(facts[name], `${where}: {${name}} is not a fact`);
  for (const name of Object.keys(facts)) {
    assert.ok(names.includes(name), `${where}: fact ${name} is not quoted`);
  }
  assert.doesNotMatch(withFacts(text, facts), /\{\w+\}/);
}

for (const experiment of EXPERIMENTS) {
  test(`${experiment.id}: its text holds at epoch ${experiment.stop}`, () => {
    assert.ok(Number.isInteger(experiment.stop) && experiment.stop > 0, 'a stop epoch');
    assertQuoted(experiment.text, experiment.facts, experiment.id);
    // The text is about the experiment's own settings: the variant that is the experiment.
    const {variant} = findExperiment(experiment.id, '');
    const settings = experimentSettings(table, experiment, variant);
    assert.deepEqual(check(settings, stopEpoch(experiment, variant), experiment.facts), []);
  });
  for (const variant of experiment.variants || []) {
    const stop = stopEpoch(experiment, variant);
    test(`${experiment.id} / ${variant.id}: its note holds at epoch ${stop}`, () => {
      const facts = variant.facts || {};
      assertQuoted(variant.note || '', facts, `${experiment.id} / ${variant.id}`);
      const settings = experimentSettings(table, experiment, variant);
      assert.deepEqual(check(settings, stop, facts), []);
    });
  }
}
