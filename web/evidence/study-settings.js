// The URL keys of the evidence section (which study, its seeds, epochs, target, reference,
// outcome, sweep axis and claim), as rows of the page's settings table: a study link is the
// page's link. Ranges come from the study library and core's schema, never copied here.
import {OUTCOMES, STUDY_DEFAULTS, STUDY_LIMITS} from '../../js/seed-study.mjs';
import {sweepAxes} from '../../js/seed-sweep.mjs';

import {CLAIMS} from './claims.js';

const L = STUDY_LIMITS;

/**
 * @returns {object[]} page-only rows: the study view writes them itself and they never rebuild the
 *     networks (a change through the page's form would only draw the panels again).
 */
export function studyRows(schema) {
  const row = (key, label, rest) => ({key, group: 'hidden', label, effect: 'redraw', ...rest});
  return [
    row('study', 'Study', {type: 'enum', default: '', options: ['', 'compare', 'sweep', 'claim']}),
    row('seeds', 'Seeds',
        {type: 'int', default: STUDY_DEFAULTS.seeds, min: L.minSeeds, max: L.maxSeeds}),
    row('studyEpochs', 'Epochs per run',
        {type: 'int', default: STUDY_DEFAULTS.epochs, min: L.minEpochs, max: L.maxEpochs}),
    row('target', 'Target test accuracy',
        {type: 'number', default: STUDY_DEFAULTS.target, min: L.minTarget, max: L.maxTarget}),
    row('ref', 'Reference',
        {type: 'enum', default: 'relu', options: schema.activations.map((a) => a.name)}),
    row('outcome', 'Outcome',
        {type: 'enum', default: OUTCOMES[0].key, options: OUTCOMES.map((o) => o.key)}),
    row('sweepKey', 'Sweep axis',
        {type: 'enum', default: 'lr', options: sweepAxes(schema).map((a) => a.key)}),
    row('sweepPoints', 'Sweep points', {type: 'int', default: 5, min: 2, max: L.maxSweepValues}),
    row('claim', 'Claim', {type: 'enum', default: '', options: ['', ...CLAIMS.map((c) => c.id)]}),
  ];
}
