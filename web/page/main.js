// The page's wiring: URL hash -> settings -> trainer (arena) -> frames -> panels and charts.
// The main thread only draws and handles input; all training happens in the workers of
// worker-pool.js, which this page drives through its methods and protocol.js's messages.
import {downloadPng} from '../common/download.js';
import {firstEpochShown} from '../common/lazy.js';
import {featureTiles} from '../data/feature-tiles.js';
import {fromFlat} from '../data/own-data.js';
import {panelTitle} from '../panels/panel.js';
import {currentEpoch} from '../time/metric-history.js';
import {acknowledge, answer, MSG, receiver, request} from '../trainer/protocol.js';

import {anchorId, goToAnchor, initAnchors, isAnchor} from './anchors.js';
import {pool as worker} from './boot.js';
import {Controls} from './controls.js';
import {runStop} from './experiment-settings.js';
import {findExperiment, LANDING} from './experiments.js';
import {liveSchedule, startSettings} from './live-changes.js';
import {showNotices} from './notices.js';
import {OnDemandDataEditor, OnDemandDetail, OnDemandEvidence} from './on-demand.js';
import {pageTable} from './page-table.js';
import {paintView, RunView} from './run-view.js';
import {initScrollCue} from './scroll-cue.js';
import {settingsFlow} from './settings-flow.js';
import {initShare} from './share-dialog.js';
import {buildStaticPage, expectedPanels} from './static-page.js';
import {TestHook} from './test-hook.js';
import {TextPace} from './text-pace.js';
import {timeFlow} from './time-flow.js';

const $ = (id) => document.getElementById(id);
const root = document.documentElement;

const app = {
  table: null,     // the URL settings table, built from lab.schema once the worker has it
  names: null,     // activation name -> display name, from lab.schema
  controls: null,  // the settings form, built with the table
  settings: null,
  generation: 0,  // the current arena's number: frames of older arenas are dropped
  panels: [],
  data: null,
  lastFrame: null,
  created: null,  // the new arena's 'created' message, until its first frame arrives
  playing: false,
  // Whether the reader wants the run to play: Play sets it, Pause and Step clear it. Scrubbing
  // the timeline pauses without clearing it, so that its end and "Continue" play again.
  wantsPlay: false,
  resumedFrom: 0,  // the epoch of the latest "Continue from here"
  // Live settings changed since it was asked for: the reader's, kept over the trainer's answer.
  changedSinceResume: null,
  stopAt: null,  // the epoch the run pauses at (an experiment's, where its text is about), or null
  editor: null,  // the own-data editor (the data row's control)
};
const hook = new TestHook();

const detail = new OnDemandDetail($('detail'), {
  onClose: () => worker.setView({detail: -1}),
  onSave: (i) =>
      downloadPng(view.grid.panels[i].canvas, `relu-lab-${app.panels[i].activation}.png`),
  // An edit of an earlier epoch shown by the timeline continues the run from there, paused; one
  // made while playing would be trained away at once: it pauses the run. Either way the reader
  // is looking at the edit.
  onEdit: (index, ref, value) => {
    const pausing = app.playing;
    if (app.settings.at >= 0)
      time.showEpoch(app.settings.at, true, false);
    else if (pausing)
      setPlaying(false);
    worker.edit(app.generation, {index, ...ref, value});
    return pausing;
  },
});
const view = new RunView(openDetail, detail);
root.dataset.fields = view.grid.inWorkers ? 'worker' : 'page';
// Where the workers draw the fields, the numbers under them change at most this often while the
// run plays (text-pace.js).
const TEXT_MS = 100;
const text = new TextPace(TEXT_MS, display);

// The many-seed studies below the panels: they load a run into the panels and keep their own
// keys in the hash without rebuilding the networks.
const evidence = new OnDemandEvidence($('evidence'), {
  load: (settings) => loadSettings(settings),
  writeKeys: (keys) => {
    app.settings = {...app.settings, ...keys};
    writeHash();
  },
});

const time = timeFlow({
  app,
  pool: worker,
  view,
  setPlaying,
  writeHash: () => writeHash(),
  changeSetting: (key, value, notices) => changeSetting(key, value, notices),
});
const {loadSettings, loadExperiment, changeSetting, writeHash, regionGrid, refused} = settingsFlow({
  app,
  pool: worker,
  createArena,
  setPlaying,
  evidence,
  view,
  beforeLive: (key) => time.beforeLive(key),
});

// `at`: an epoch to train to and show paused (a link's), else -1: a new run from epoch 0. The
// settings' live changes are replayed at their steps: the run is the one its link records.
function createArena(at = -1) {
  app.generation += 1;
  clearTimeout(text.timer);
  app.lastFrame = null;
  app.settings.at = at;
  // An experiment's run pauses at its stop, also when Play goes on from a link's earlier epoch.
  const stop = runStop(app.table, app.settings);
  app.stopAt = stop !== null && stop > at ? stop : null;
  worker.create({
    generation: app.generation,
    settings: app.table.arenaSettings(startSettings(app.settings)),
    view: {
      resolution: app.settings.res,
      detail: -1,
      regions: regionGrid(),
      ...paintView(app.settings)
    },
    at,
    schedule: liveSchedule(app.table, app.settings),
  });
  if (detail.index >= 0) $('detail').close();
  if (app.playing) setPlaying(true);  // the pool plays the new run to its stop
}

function setPlaying(playing) {
  app.playing = playing;
  // Play trains on from the live end: the epoch shown is left (the worker reloads the weights).
  if (playing && app.settings?.at >= 0) {
    app.settings.at = -1;
    writeHash();
  }
  $('play').textContent = playing ? 'Pause' : 'Play';
  $('play').setAttribute('aria-pressed', String(playing));
  root.dataset.playing = String(playing);
  root.dataset.workerPaused = 'false';
  if (playing) {
    const until = app.stopAt ?? Infinity;
    worker.play({speed: app.settings?.speed ?? 1, ease: app.settings?.ease ?? true, until});
  } else {
    worker.pause();
  }
}

// A new arena's first frame: its panels replace the old ones now.
function onCreated({settings, panels, data}) {
  hook.created(settings);
  app.panels = panels;
  app.data = data;
  root.dataset.generation = String(app.generation);
  view.created(panels, app.names, data);
  // The workers draw the new panels' fields from their next frame on.
  const canvases = view.grid.handOver();
  if (canvases) worker.canvases(app.generation, canvases);
  app.editor.created(data, app.settings.data);
  if (settings.warnings.length) showNotices(settings.warnings, 'trainer');
}

function onFrame(frame) {
  const drawStart = performance.now();
  app.lastFrame = frame;
  // The experiment's moment: pause there once; Play goes on past it.
  if (app.playing && app.stopAt !== null && currentEpoch(frame.metrics) >= app.stopAt) {
    app.stopAt = null;
    setPlaying(false);
  }
  view.take(frame);
  // At once where the page draws the fields, and when the run stands still.
  text.offer(
      frame, !view.grid.inWorkers || !app.playing, () => frame.generation === app.generation);
  hook.drawn(frame, drawStart);
  // Ready once the fields are on screen: a worker draws the panels' first frame after it has
  // their canvases.
  if (root.dataset.ready !== 'true' && (frame.painted || !view.grid.inWorkers)) {
    root.dataset.ready = 'true';
  }
}

// A frame's numbers (and, where the page draws them, its fields).
function display(frame) {
  view.show(frame, app.settings, app.data);
  // What showing the first epoch does not need loads once it is on screen.
  if (frame.epochs >= 1 || !app.playing) firstEpochShown();
}

function onLoaded({backend, schema}) {
  root.dataset.backend = backend;
  $('backend').textContent = backend;
  app.table = pageTable(schema);
  app.names = new Map(schema.activations.map((a) => [a.name, a.displayName]));
  app.editor = new OnDemandDataEditor(schema, {
    apply: (data) => changeSetting('data', data, []),
    sample: (dataset) => sampleDataset(dataset),
  });
  app.controls = new Controls($('settings'), app.table, app.names, changeSetting, {
    data: () => app.editor.element,
    list: (row) => featureTiles(row, (names) => changeSetting(row.key, names, [])),
  });
  hook.loaded({schema, table: app.table, workers: worker.size});
  // Without a link the page opens its first comparison; so does a link to a part of the page
  // (#evidence), which then scrolls there.
  const anchor = isAnchor(location.hash) ? anchorId(location.hash) : null;
  const hash = location.hash.length > 1 && !anchor ? location.hash : `#exp=${LANDING}`;
  const {settings, notices} = app.table.parse(hash);
  app.settings = settings;
  app.wantsPlay = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  setPlaying(app.wantsPlay && !(settings.at >= 0));
  loadSettings(settings, notices);
  evidence.ready(app.table, schema, app.names, app.settings, backend);
  if (anchor) goToAnchor(anchor);
}

const receive = receiver('page', {
  [MSG.loaded]: onLoaded,
  // Shown with its first frame, so that the old fields never sit under the new panels.
  [MSG.created]: (message) => {
    if (message.generation === app.generation) app.created = message;
  },
  [MSG.frame]: (frame) => {
    const current = frame.generation === app.generation;
    if (current && app.created) onCreated(app.created);
    app.created = null;
    if (current) onFrame(frame);
    acknowledge(worker, frame);
  },
  [MSG.sample]: answer,
  [MSG.fieldsAt]: answer,
  [MSG.updated]: ({generation, error}) => {
    if (generation === app.generation && error) showNotices([error], 'error');
  },
  [MSG.edited]: ({generation, error}) => {
    if (generation === app.generation) detail.edited(error);
  },
  [MSG.resumed]: (message) => {
    if (message.generation === app.generation) time.onResumed(message);
  },
  [MSG.paused]: ({generation}) => {
    if (generation === app.generation) root.dataset.workerPaused = String(!app.playing);
  },
  [MSG.error]: (message) => {
    const run = message.request !== MSG.load && message.generation === app.generation;
    if (run && refused(message.message)) return;
    setPlaying(false);
    showNotices(
        [message.request === MSG.load ? `The wasm engine could not load: ${message.message}` :
                                        `The trainer refused these settings: ${message.message}`],
        'error');
  },
});
worker.onmessage = ({data}) => {
  receive(data);
  hook.received(data);
};
worker.onerror = (event) => {
  showNotices([`The worker failed to start: ${event.message || 'an unknown error'}.`], 'error');
};

// A preset's points as own data, from the worker (the lab lives there).
async function sampleDataset(dataset) {
  // The preset's own keys (arenaSettings leaves points out beside own data).
  const settings = {...app.table.arenaSettings(app.settings), dataset, points: app.settings.points};
  delete settings.data;
  const {points, labels, regression} = await request(worker, MSG.sample, {settings});
  return fromFlat(points, labels, regression);
}

// The view asks the workers for the panel's insides only once the dialog is open to show them.
async function openDetail(index) {
  await detail.open(index, app.panels[index], panelTitle(app.panels[index], app.names));
  worker.setView({detail: index});
}

const actions = {
  toggle: () => {
    app.wantsPlay = !app.playing;
    setPlaying(app.wantsPlay);
  },
  step: () => {
    app.wantsPlay = false;
    if (app.playing) setPlaying(false);
    worker.step({epochs: 1});
  },
  stepBatch: () => {
    app.wantsPlay = false;
    if (app.playing) setPlaying(false);
    worker.step({batches: 1});
  },
  // From the same weights at the settings shown: a new run, without the old one's live changes.
  reset: () => {
    app.settings.live = [];
    writeHash();
    createArena();
  },
};

buildStaticPage({
  ...actions,
  experiment: (id) => {
    const {experiment, variant} = findExperiment(id, '');
    if (app.table) loadExperiment(experiment, variant);  // the table arrives with the wasm module
  },
  back: () => {
    const {experiment, variant} = findExperiment(app.settings.exp, app.settings.v);
    if (experiment) loadExperiment(experiment, variant, false);
  },
  newSeed: () => changeSetting('seed', Math.floor(Math.random() * 2147483647), []),
  savePng: () => downloadPng(view.grid.composite(), 'relu-lab.png'),
  closeNotices: () => showNotices([]),
  showControls: () => changeSetting('controls', true, []),
});
window.addEventListener('hashchange', () => {
  if (!app.table || location.hash.slice(1) === app.table.toHash(app.settings)) return;
  // "#panels" typed or followed: the focus moves there and the URL keeps the settings.
  if (isAnchor(location.hash)) {
    const id = anchorId(location.hash);
    writeHash();
    goToAnchor(id);
    return;
  }
  const {settings, notices} = app.table.parse(location.hash);
  loadSettings(settings, notices);
});
initAnchors();
initScrollCue($('experiments'));
const skeletons = expectedPanels(location.hash);
if (skeletons !== 2) view.grid.skeleton(skeletons);  // index.html holds two
initShare($('share'), () => app.table && {table: app.table, settings: app.settings});
hook.connect({setPlaying, pool: worker, lossChart: view.lossChart});
