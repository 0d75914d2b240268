// The page's wiring: URL hash -> settings -> trainer (arena) -> frames -> panels and charts.
// The main thread only draws and handles input; all training happens in the workers of
// worker-pool.js, which this page drives through its methods and protocol.js's messages.
import {DataEditor} from '../data/data-editor.js';
import {fromFlat} from '../data/own-data.js';
import {DetailView} from '../detail/detail-view.js';
import {EvidenceView} from '../evidence/evidence-view.js';
import {LossChart} from '../panels/loss-chart.js';
import {downloadPng, PanelGrid} from '../panels/panel-grid.js';
import {PANEL_COLORS, PANEL_DASHES, panelTitle, paramsText} from '../panels/panel.js';
import {REGION_RESOLUTION, RegionChart, regionsNote, showRegions} from '../panels/region-view.js';
import {ResolutionNote} from '../panels/resolution-note.js';
import {liveUpdate} from '../settings/to-core.js';
import {currentEpoch, MetricHistory} from '../time/metric-history.js';
import {initTimeTools} from '../time/time-tools.js';
import {Timeline} from '../time/timeline.js';
import {acknowledge, answer, MSG, receiver, request} from '../trainer/protocol.js';

import {pool as worker} from './boot.js';
import {applyHidden} from './classroom.js';
import {markInapplicable} from './control-applicability.js';
import {bindKeys, Controls} from './controls.js';
import {showExperiment} from './experiment-box.js';
import {experimentSettings} from './experiment-settings.js';
import {EXPERIMENTS, findExperiment, INTRO, LANDING} from './experiments.js';
import {pageTable} from './page-table.js';
import {initShare} from './share-dialog.js';
import {TestHook} from './test-hook.js';

const $ = (id) => document.getElementById(id);
const root = document.documentElement;
const NOTICE_LINES = 5;
const NOTICE_TITLES = {
  link: 'Some settings from the link were corrected:',
  form: 'Your entry was corrected:',
  trainer: 'The trainer adjusted these settings:',
  error: 'Something went wrong:',
};

const app = {
  table: null,     // the URL settings table, built from lab.schema once the worker has it
  names: null,     // activation name -> display name, from lab.schema
  controls: null,  // the settings form, built with the table
  settings: null,
  generation: 0,  // the current arena's number: frames of older arenas are dropped
  panels: [],
  data: null,
  history: new MetricHistory(0),
  lastFrame: null,
  created: null,  // the new arena's 'created' message, until its first frame arrives
  playing: false,
  editor: null,  // the own-data editor (the data row's control)
};
// Choosing a preset's shape leaves own data: these settings only mean something for a preset.
const PRESET_KEYS = ['dataset', 'points', 'noise'];
const hook = new TestHook();

const grid = new PanelGrid($('panels'), openDetail);
const lossChart = new LossChart($('loss-chart'));
const resolutionNote = new ResolutionNote($('resolution-note'));
const regionChart = new RegionChart($('regions-chart'));
const detail = new DetailView($('detail'), {
  onClose: () => worker.setView({detail: -1}),
  onSave: (i) => downloadPng(grid.panels[i].canvas, `relu-lab-${app.panels[i].activation}.png`),
  onEdit: (index, ref, value) => worker.edit(app.generation, {index, ...ref, value}),
});

// The many-seed studies below the panels: they load a run into the panels and keep their own
// keys in the hash without rebuilding the networks.
const evidence = new EvidenceView($('evidence'), {
  load: (settings) => loadSettings(settings),
  writeKeys: (keys) => {
    app.settings = {...app.settings, ...keys};
    writeHash();
  },
});

/** Shows at most NOTICE_LINES sentences under a title that says where they come from. */
function showNotices(notices, source = 'link') {
  const list = $('notices');
  const shown = notices.slice(0, NOTICE_LINES).map((text) => {
    const item = document.createElement('li');
    item.textContent = text;  // URL text is only ever plain text
    return item;
  });
  if (notices.length > NOTICE_LINES) {
    const more = document.createElement('li');
    more.textContent = `And ${notices.length - NOTICE_LINES} more.`;
    shown.push(more);
  }
  list.replaceChildren(...shown);
  $('notice-title').textContent = NOTICE_TITLES[source];
  $('notice-box').hidden = notices.length === 0;
}

function writeHash() {
  history.replaceState(null, '', `#${app.table.toHash(app.settings)}`);
}

// The grid the worker counts linear regions on, 0 while the view is off.
function regionGrid() {
  return app.settings.regions ? REGION_RESOLUTION : 0;
}

// `at`: an epoch to train to and show paused (a link's), else -1: a new run from epoch 0.
function createArena(at = -1) {
  app.generation += 1;
  app.lastFrame = null;
  app.settings.at = at;
  worker.create({
    generation: app.generation,
    settings: app.table.arenaSettings(app.settings),
    view: {resolution: app.settings.res, detail: -1, regions: regionGrid()},
    at,
  });
  if (detail.index >= 0) $('detail').close();
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

// Loads an experiment's (and variant's) settings with its text, keeping the page's view keys.
function loadExperiment(exp, variant, scroll = true) {
  const view = {};
  for (const row of app.table.rows) {
    if (row.core === undefined && !['exp', 'v'].includes(row.key))
      view[row.key] = app.settings[row.key];
  }
  loadSettings({...experimentSettings(app.table, exp, variant), ...view, at: -1});
  // The panels are what the experiment is about: bring them into view (phones scroll).
  if (scroll) $('panels').scrollIntoView({block: 'nearest', behavior: 'smooth'});
}

function loadSettings(settings, notices = [], source = 'link') {
  app.settings = settings;
  showNotices(notices, source);
  app.controls.show(settings);
  if (settings.at >= 0) setPlaying(false);
  createArena(settings.at);
  writeHash();
  applyView();
  evidence.show(settings);
}

// The worker's view fields a 'view' row sets, from the settings.
const WORKER_VIEW = {
  resolution: () => app.settings.res,
  regions: () => regionGrid()
};

function redraw() {
  if (app.lastFrame) draw(app.lastFrame);
}

// What a change does, by the effect its row declares (settings-table.js's EFFECTS).
const ON_CHANGE = {
  reload: () => location.reload(),  // fresh workers load the other wasm build or pool size
  // The networks go on from where they are, with the new value.
  live: (row) => worker.update(app.generation, liveUpdate(app.table, row.key, app.settings)),
  arena: () => createArena(),
  view: (row) => worker.setView({[row.view]: WORKER_VIEW[row.view]()}),
  pace: () => (app.playing ? setPlaying(true) : redraw()),
  redraw,
};

function changeSetting(key, value, notices) {
  app.settings = {...app.settings, [key]: value};
  if (PRESET_KEYS.includes(key)) app.settings.data = null;
  showNotices(notices, 'form');
  app.controls.show(app.settings);
  writeHash();
  applyView();
  const row = app.table.row(key);
  ON_CHANGE[row.effect](row);
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
  if (playing)
    worker.play({speed: app.settings?.speed ?? 1, ease: app.settings?.ease ?? true});
  else
    worker.pause();
}

// Whole epochs as they are; a fraction (mini-batch steps) with two decimals.
function epochText(epochs) {
  return Number.isInteger(epochs) ? String(epochs) : epochs.toFixed(2);
}

function draw(frame) {
  grid.draw(frame, app.data, app.settings);
  $('regions-box').hidden = !app.settings.regions;
  grid.panels.forEach((panel, i) => showRegions(panel, app.settings.regions && frame.regions?.[i]));
  $('epoch').textContent = epochText(frame.epochs ?? currentEpoch(frame.metrics));
  root.dataset.epochs = String(frame.epochs ?? currentEpoch(frame.metrics));
  detail.update(frame, app.history);
}

function onCreated({settings, panels, data}) {
  hook.created(settings);
  app.panels = panels;
  app.data = data;
  app.history = new MetricHistory(panels.length);
  grid.setPanels(panels, app.names);
  root.dataset.generation = String(app.generation);
  const series = panels.map((panel, i) => {
    const params = paramsText(panel);
    const title = panelTitle(panel, app.names);
    return {
      label: params ? `${title} (${params})` : title,
      color: PANEL_COLORS[i % PANEL_COLORS.length],
      dash: PANEL_DASHES[i % PANEL_DASHES.length],
    };
  });
  lossChart.reset(series);
  regionChart.reset(series);
  // The editor shows the preset's points (raw units) until own data replaces them.
  if (!app.settings.data) {
    const toRaw = 6 / data.domain[1];
    const points = [...data.trainX, ...data.testX].map((v) => v * toRaw);
    app.editor.setPreset(points, [...data.trainY, ...data.testY]);
  }
  if (settings.warnings.length) showNotices(settings.warnings, 'trainer');
}

function onFrame(frame) {
  const drawStart = performance.now();
  app.lastFrame = frame;
  for (const metrics of frame.series ?? []) app.history.push(metrics);
  if (frame.series) lossChart.update(app.history.testLossColumns());
  // A kept epoch shown by the timeline is history already, not a new sample.
  if (frame.time.shown === null && app.history.push(frame.metrics))
    lossChart.update(app.history.testLossColumns());
  timeline.update(frame.time, frame.epochs);
  timeTools.onFrame(frame);
  lossChart.mark(frame.time.shown);
  draw(frame);  // first: it shows the regions chart's box, which the chart needs to size itself
  resolutionNote.show(frame, app.settings.res);
  if (frame.regions) regionChart.push(currentEpoch(frame.metrics), frame.regions);
  hook.drawn(frame, drawStart);
  if (root.dataset.ready !== 'true') root.dataset.ready = 'true';
}

function onLoaded({backend, schema}) {
  root.dataset.backend = backend;
  $('backend').textContent = backend;
  app.table = pageTable(schema);
  app.names = new Map(schema.activations.map((a) => [a.name, a.displayName]));
  const dataRow = schema.settings.find((row) => row.key === 'data');
  const datasets = schema.settings.find((row) => row.key === 'dataset').options;
  app.editor = new DataEditor(dataRow, datasets, {
    apply: (data) => changeSetting('data', data, []),
    sample: (dataset) => sampleDataset(dataset),
  });
  app.controls = new Controls(
      $('settings'), app.table, app.names, changeSetting, {data: () => app.editor.element});
  hook.loaded({schema, table: app.table, workers: worker.size});
  // Without a link the page opens its first comparison.
  const hash = location.hash.length > 1 ? location.hash : `#exp=${LANDING}`;
  const {settings, notices} = app.table.parse(hash);
  app.settings = settings;
  setPlaying(!window.matchMedia('(prefers-reduced-motion: reduce)').matches && !(settings.at >= 0));
  loadSettings(settings, notices);
  evidence.ready(app.table, schema, app.names, app.settings, backend);
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
  [MSG.paused]: ({generation}) => {
    if (generation === app.generation) root.dataset.workerPaused = String(!app.playing);
  },
  [MSG.error]: (message) => {
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
  const {points, labels} = await request(worker, MSG.sample, {settings});
  return fromFlat(points, labels);
}

// The timeline's moves: a kept epoch (paused), the live end (-1), or training on from an epoch.
function showEpoch(epoch, resume = false) {
  app.settings.at = resume ? -1 : epoch;
  writeHash();
  if (resume) {
    app.history.truncate(epoch);
    lossChart.update(app.history.testLossColumns());
  }
  if (epoch < 0) return worker.live();
  if (app.playing) setPlaying(false);
  if (resume)
    worker.resume(epoch);
  else
    worker.show(epoch);
}
const timeline = new Timeline($('timeline'), {
  onShow: (epoch) => showEpoch(epoch),
  onLive: () => showEpoch(-1),
  onResume: (epoch) => showEpoch(epoch, true),
});
const timeTools = initTimeTools({
  pool: worker,
  root: $('timeline'),
  state: () => app,
  pause: () => app.playing && setPlaying(false),
  change: (key, value, notices) => changeSetting(key, value, notices),
});

function openDetail(index) {
  detail.open(index, app.panels[index], panelTitle(app.panels[index], app.names));
  worker.setView({detail: index});
}

const actions = {
  toggle: () => setPlaying(!app.playing),
  step: () => {
    if (app.playing) setPlaying(false);
    worker.step({epochs: 1});
  },
  stepBatch: () => {
    if (app.playing) setPlaying(false);
    worker.step({batches: 1});
  },
  reset: () => createArena(),
};

function buildStatic() {
  $('intro').replaceChildren(...INTRO.map((text) => {
    const p = document.createElement('p');
    p.textContent = text;
    return p;
  }));
  $('experiments').replaceChildren(...EXPERIMENTS.map((exp) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.experiment = exp.id;
    b.textContent = exp.title;
    b.addEventListener('click', () => {
      if (!app.table) return;  // the settings table arrives with the wasm module
      loadExperiment(exp, findExperiment(exp.id, '').variant);
    });
    return b;
  }));
  $('play').addEventListener('click', actions.toggle);
  $('step').addEventListener('click', actions.step);
  $('step-batch').addEventListener('click', actions.stepBatch);
  $('experiment-back').addEventListener('click', () => {
    const {experiment, variant} = findExperiment(app.settings.exp, app.settings.v);
    if (experiment) loadExperiment(experiment, variant, false);
  });
  $('reset').addEventListener('click', actions.reset);
  $('regenerate').addEventListener('click', () => {
    changeSetting('seed', Math.floor(Math.random() * 2147483647), []);
  });
  $('export-grid').addEventListener('click', () => downloadPng(grid.composite(), 'relu-lab.png'));
  $('notice-close').addEventListener('click', () => showNotices([]));
  $('regions-note').textContent = regionsNote();
  $('show-controls').addEventListener('click', () => changeSetting('controls', true, []));
  bindKeys(actions);
  window.addEventListener('hashchange', () => {
    if (!app.table || location.hash.slice(1) === app.table.toHash(app.settings)) return;
    const {settings, notices} = app.table.parse(location.hash);
    loadSettings(settings, notices);
  });
}

buildStatic();
// Blank panels of the right size until the networks exist: index.html holds two (the landing
// page's); a link says how many with its activations list.
{
  const listed = /[#&]activations=([^&]*)/.exec(location.hash)?.[1].split(',').filter(Boolean);
  const count = listed?.length || (/[#&]exp=./.test(location.hash) ? 3 : 2);
  if (count !== 2) grid.skeleton(count);
}
initShare($('share'), () => app.table && {table: app.table, settings: app.settings});
hook.connect({setPlaying, pool: worker, lossChart});
