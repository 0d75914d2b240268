// The page's wiring: URL hash -> settings -> trainer (arena) -> frames -> panels and charts.
// The main thread only draws and handles input; all training happens in the workers of
// worker-pool.js, which this page drives through its methods and protocol.js's messages.
import {downloadPng} from '../common/download.js';
import {featureTiles} from '../data/feature-tiles.js';
import {fromFlat} from '../data/own-data.js';
import {panelTitle} from '../panels/panel.js';
import {acknowledge, answer, MSG, receiver, request} from '../trainer/protocol.js';

import {anchorId, goToAnchor, initAnchors, isAnchor} from './anchors.js';
import {newAppState} from './app-state.js';
import {pool as worker} from './boot.js';
import {Controls} from './controls.js';
import {runStop} from './experiment-settings.js';
import {findExperiment, LANDING} from './experiments.js';
import {frameFlow} from './frame-flow.js';
import {liveSchedule, startSettings} from './live-changes.js';
import {showNotices} from './notices.js';
import {OnDemandDataEditor, OnDemandDetail, OnDemandEvidence, shareOnDemand} from './on-demand.js';
import {pageTable} from './page-table.js';
import {paintView, RunView} from './run-view.js';
import {initScrollCue} from './scroll-cue.js';
import {settingsFlow} from './settings-flow.js';
import {buildStaticPage, expectedPanels} from './static-page.js';
import {TestHook} from './test-hook.js';
import {timeFlow} from './time-flow.js';
import {transport} from './transport.js';

const $ = (id) => document.getElementById(id);
const root = document.documentElement;

const app = newAppState();
const hook = new TestHook();
const play = transport({
  app,
  pool: worker,
  writeHash: () => writeHash(),
  createArena: () => createArena(),
});
const {setPlaying} = play;

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
const frames = frameFlow({app, view, hook, pool: worker, setPlaying});

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
const {loadSettings, loadExperiment, changeSetting, writeHash, regionGrid, refused, followHash} =
    settingsFlow({
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
  frames.forget();
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
    if (current && app.created) frames.created(app.created);
    app.created = null;
    if (current) frames.frame(frame);
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


buildStaticPage({
  toggle: play.toggle,
  step: play.step,
  stepBatch: play.stepBatch,
  reset: play.reset,
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
initAnchors();
window.addEventListener('hashchange', followHash);
initScrollCue($('experiments'));
const skeletons = expectedPanels(location.hash);
if (skeletons !== 2) view.grid.skeleton(skeletons);  // index.html holds two
shareOnDemand($('share'), () => app.table && {table: app.table, settings: app.settings});
hook.connect({setPlaying, pool: worker, lossChart: view.lossChart});
