// The page's settings table, composed from its features' rows in the URL order links have always
// had: core's (as the form shows them, with own data), the view and the engine, classroom mode,
// the experiment, a run's time and live changes, and the studies.
import {OWN_DATA_ROW} from '../data/own-data.js';
import {studyRows} from '../evidence/study-settings.js';
import {SettingsTable} from '../settings/settings-table.js';
import {TIME_ROWS} from '../time/time-settings.js';
import {BACKEND_ROW, WORKERS_ROW} from '../trainer/trainer-rows.js';

import {HIDE_ROW} from './classroom.js';
import {EXPERIMENT_ROWS} from './experiment-settings.js';
import {formRows} from './form-rows.js';
import {LIVE_ROW} from './live-changes.js';
import {viewRows} from './view-rows.js';

/** @returns {SettingsTable} the page's table for lab.schema `schema`. */
export function pageTable(schema) {
  return new SettingsTable(schema, [
    ...formRows(schema),
    OWN_DATA_ROW,
    ...viewRows(schema.limits),
    BACKEND_ROW,
    WORKERS_ROW,
    HIDE_ROW,
    ...EXPERIMENT_ROWS,
    ...TIME_ROWS,
    LIVE_ROW,
    ...studyRows(schema),
  ]);
}
