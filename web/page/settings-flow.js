// How the page's settings change: a link or an experiment loads a whole set (a new run), a
// control changes one key and its row's declared effect says what follows (settings-table.js's
// EFFECTS: reload, live update, new arena, view, pace, redraw). The hash always mirrors them.
import {boundReplay} from '../common/replay-bound.js';
import {REGION_RESOLUTION} from '../panels/region-view.js';
import {liveUpdate} from '../settings/to-core.js';

import {anchorId, goToAnchor, isAnchor} from './anchors.js';
import {applyHidden} from './classroom.js';
import {markInapplicable} from './control-applicability.js';
import {showExperiment} from './experiment-box.js';
import {experimentSettings} from './experiment-settings.js';
import {LIVE_ROW, recordChange} from './live-changes.js';
import {showNotices} from './notices.js';
import {paintView} from './run-view.js';

// Choosing a preset's shape leaves own data: these settings only mean something for a preset.
const PRESET_KEYS = ['dataset', 'points', 'noise'];

/**
 * @param {object} page the wiring's parts: `app` (state), `pool` (the trainer), `createArena`,
 *     `setPlaying`, `evidence`, `view` (run-view.js), `beforeLive(key)` (a live change comes)
 * @returns {{loadSettings: Function, loadExperiment: Function, changeSetting: Function,
 *     writeHash: Function, regionGrid: Function, refused: Function, followHash: Function}}
 */
export function settingsFlow(page) {
  const {app, pool} = page;
  const $ = (id) => document.getElementById(id);

  function writeHash() {
    history.replaceState(null, '', `#${app.table.toHash(app.settings)}`);
  }

  // The grid the workers count linear regions on, 0 while the view is off.
  function regionGrid() {
    return app.settings.regions ? REGION_RESOLUTION : 0;
  }

  function applyView() {
    const s = app.settings;
    document.body.classList.toggle('no-controls', !s.controls);
    applyHidden(s.hide);
    markInapplicable($('settings'), app.table, s);
    showExperiment(app.table, s, {
      load: (experiment, variant) => loadExperiment(experiment, variant),
      change: (key, value) => changeSetting(key, value, []),
    });
  }

  // The change that made the current run (a control's key and its value before), and the keys
  // put back after core refused a run: a refusal falls back once per key, never in a loop.
  let lastChange = null;
  let putBack = new Set();

  function loadSettings(settings, notices = [], source = 'link') {
    lastChange = null;
    putBack = new Set();
    // A link's epoch is replayed before anything shows: bounded by what that costs.
    const replay = boundReplay(app.table.schema, app.table.arenaSettings(settings), settings.at);
    app.settings = {...settings, at: replay.at};
    showNotices(replay.notice ? [...notices, replay.notice] : notices, source);
    app.controls.show(app.settings);
    if (app.settings.at >= 0) page.setPlaying(false);
    page.createArena(app.settings.at);
    writeHash();
    applyView();
    page.evidence.show(app.settings);
  }

  // An experiment's (and variant's) settings with its text, keeping the page's view keys (its
  // run begins anew: no live changes).
  function loadExperiment(exp, variant, scroll = true) {
    const view = {};
    for (const row of app.table.rows) {
      if (row.core === undefined && !['exp', 'v', LIVE_ROW.key].includes(row.key))
        view[row.key] = app.settings[row.key];
    }
    loadSettings({...experimentSettings(app.table, exp, variant), ...view, at: -1});
    // An experiment is a run to watch: it plays to its stop even if the last one was paused.
    if (!window.matchMedia('(prefers-reduced-motion: reduce)').matches) page.setPlaying(true);
    // Its text is what the reader asked for: in view, next to the button they pressed (it sits
    // above the panels at every width).
    if (scroll) $('experiment-box').scrollIntoView({block: 'nearest', behavior: 'smooth'});
  }

  // The workers' view fields a 'view' row sets, from the settings.
  const workerView = {resolution: () => app.settings.res, regions: regionGrid};
  const onChange = {
    reload: () => location.reload(),  // fresh workers load the other wasm build or pool size
    // The networks go on from where they are, with the new value from the step the pool names
    // (once every worker is at rest there), which the link records so that it replays the
    // change there.
    live: (row, before) => {
      page.beforeLive?.(row.key);
      const generation = app.generation;
      pool.update(generation, liveUpdate(app.table, row.key, app.settings), (step) => {
        if (generation !== app.generation) return;
        const s = app.settings;
        s.live = recordChange(s.live, {key: row.key, value: before, step}, s);
        writeHash();
      });
    },
    arena: () => page.createArena(),
    view: (row) => pool.setView({[row.view]: workerView[row.view]()}),
    pace: () => (app.playing ? page.setPlaying(true) : redraw()),
    redraw,
  };

  function redraw() {
    if (app.lastFrame) page.view.draw(app.lastFrame, app.settings, app.data);
    // Where the workers draw the fields, they redraw them.
    if (page.view.grid.inWorkers) pool.setView(paintView(app.settings));
  }

  function changeSetting(key, value, notices) {
    const before = app.settings[key];
    const row = app.table.row(key);
    app.settings = {...app.settings, [key]: value};
    if (PRESET_KEYS.includes(key)) app.settings.data = null;
    // New networks start a new run: the old one's live changes are not part of it.
    if (row.effect === 'arena') {
      app.settings.live = [];
      lastChange = {key, before};
    }
    showNotices(notices, 'form');
    app.controls.show(app.settings);
    writeHash();
    applyView();
    onChange[row.effect](row, before);
  }

  /**
   * Core refused to build the current run (`error`: "createArena: <key>: why"), as with batch
   * norm and a batch size of 1, which each pass alone. The control just changed goes back to its
   * value; else the key core names goes back to its default (a link's). Either way the reader
   * is told and a run starts, instead of empty panels.
   * @returns {boolean} false if nothing could be put back (the error stands)
   */
  function refused(error) {
    // Only a refusal to build: errors of a run under way stand as they are.
    if (!error.startsWith('createArena: ')) return false;
    const named = /^createArena: ([A-Za-z]+)/.exec(error)?.[1];
    const row =
        lastChange ? app.table.row(lastChange.key) : app.table.rows.find((r) => r.core === named);
    if (!row || putBack.has(row.key)) return false;
    const value = lastChange ? lastChange.before : app.table.defaults()[row.key];
    if (app.table.text(row, value) === app.table.text(row, app.settings[row.key])) return false;
    putBack.add(row.key);
    const source = lastChange ? 'form' : 'link';
    lastChange = null;
    const reason = error.replace(/^createArena: /, '');
    app.settings = {...app.settings, [row.key]: value};
    showNotices(
        [`The trainer refused these settings (${reason}): ${row.key} is back to ${
            app.table.text(row, value)}.`],
        source);
    app.controls.show(app.settings);
    writeHash();
    applyView();
    page.createArena(app.settings.at);
    return true;
  }

  // The hash changed under the page (typed, followed, Back): its settings load, unless it is the
  // page's own; "#panels" typed or followed moves the focus there and keeps the settings.
  function followHash() {
    if (!app.table || location.hash.slice(1) === app.table.toHash(app.settings)) return;
    if (isAnchor(location.hash)) {
      const id = anchorId(location.hash);
      writeHash();
      goToAnchor(id);
      return;
    }
    const {settings, notices} = app.table.parse(location.hash);
    loadSettings(settings, notices);
  }

  return {loadSettings, loadExperiment, changeSetting, writeHash, regionGrid, refused, followHash};
}
