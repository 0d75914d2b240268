// The page's wiring: URL hash -> settings -> worker (arena) -> frames -> panels and charts.
// The main thread only draws and handles input; all training happens in worker.js.
import {worker} from './boot.js';
import {bindKeys, Controls} from './controls.js';
import {DetailView} from './detail-view.js';
import {EXPERIMENTS, experimentSettings, INTRO} from './experiments.js';
import {History} from './history.js';
import {LossChart} from './loss-chart.js';
import {downloadPng, PanelGrid} from './panel-grid.js';
import {DISPLAY_NAMES, PANEL_COLORS, paramsText} from './panel.js';
import {arenaSettings, defaultSettings, needsNewArena, parseHash, toHash} from './state.js';

const $ = (id) => document.getElementById(id);
const root = document.documentElement;

const app = {
  settings: null,
  activations: [],
  data: null,
  history: new History(0),
  lastFrame: null,
  playing: false,
  outstanding: 0,  // requests posted to the worker whose frame has not come back yet
  pendingSteps: 0,
};
// Read by tests and bench/page-bench.mjs: timings measured inside the worker.
const debug = {
  frames: 0,
  firstFrameMs: null,
  compute: [],
  backend: null,
  marks: {}
};
// Milliseconds since navigation start at each step of the first load.
debug.marks.mainStart = performance.now();
window.reluLabDebug = debug;

const grid = new PanelGrid($('panels'), openDetail);
const lossChart = new LossChart($('loss-chart'));
const detail = new DetailView($('detail'), {
  onClose: () => post({type: 'view', view: {detail: -1}}),
  onSave: (i) => downloadPng(grid.panels[i].canvas, `relu-lab-${app.activations[i].name}.png`),
});
const controls = new Controls($('settings'), changeSetting);

function post(message) {
  app.outstanding += 1;
  worker.postMessage(message);
}

function showNotices(notices, replace = true) {
  const list = $('notices');
  if (replace) list.replaceChildren();
  for (const text of notices) {
    const item = document.createElement('li');
    item.textContent = text;  // URL text is only ever plain text
    list.append(item);
  }
  $('notice-box').hidden = list.childElementCount === 0;
}

function writeHash() {
  history.replaceState(null, '', `#${toHash(app.settings)}`);
}

function createArena() {
  app.lastFrame = null;
  post({
    type: 'create',
    settings: arenaSettings(app.settings),
    view: {resolution: app.settings.res, detail: -1},
  });
  if (detail.index >= 0) $('detail').close();
}

function applyView() {
  const s = app.settings;
  document.body.classList.toggle('no-controls', !s.controls);
  const exp = EXPERIMENTS.find((e) => e.id === s.exp);
  $('experiment-text').textContent = exp ? exp.text : '';
  $('experiment-variants').replaceChildren(...(exp?.variants || []).map((v) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = v.label;
    b.addEventListener('click', () => loadSettings(experimentSettings(defaultSettings(), exp, v)));
    return b;
  }));
  for (const b of $('experiments').querySelectorAll('button')) {
    b.setAttribute('aria-pressed', String(b.dataset.experiment === s.exp));
  }
}

function loadSettings(settings, notices = []) {
  app.settings = settings;
  showNotices(notices);
  controls.show(settings);
  writeHash();
  applyView();
  createArena();
}

function changeSetting(key, value, notices) {
  app.settings = {...app.settings, [key]: value};
  showNotices(notices);
  controls.show(app.settings);
  writeHash();
  applyView();
  if (needsNewArena(key))
    createArena();
  else if (key === 'res')
    post({type: 'view', view: {resolution: value}});
  else if (app.lastFrame)
    draw(app.lastFrame);
}

function setPlaying(playing) {
  app.playing = playing;
  $('play').textContent = playing ? 'Pause' : 'Play';
  $('play').setAttribute('aria-pressed', String(playing));
  root.dataset.playing = String(playing);
}

function draw(frame) {
  grid.draw(frame, app.data, app.settings);
  $('epoch').textContent = String(frame.metrics.length ? frame.metrics[0].epoch : 0);
  detail.update(frame, app.history);
}

function onFrame(frame) {
  const drawStart = performance.now();
  app.lastFrame = frame;
  if (app.history.push(frame.metrics)) lossChart.update(app.history.testLossColumns());
  draw(frame);
  debug.frames += 1;
  debug.compute.push({
    drawMs: performance.now() - drawStart,
    computeMs: frame.computeMs,
    trainMs: frame.trainMs,
    fieldMs: frame.fieldMs,
    resolution: frame.resolution,
    panels: frame.fields.length
  });
  if (debug.compute.length > 600) debug.compute.splice(0, 300);
  if (debug.firstFrameMs === null) {
    debug.firstFrameMs = performance.now();
    root.dataset.ready = 'true';
  }
}

worker.onmessage = ({data: message}) => {
  switch (message.type) {
    case 'loaded':
      debug.marks.wasmLoaded ??= performance.now();
      root.dataset.backend = message.backend;
      debug.backend = message.backend;
      $('backend').textContent = message.backend;
      break;
    case 'created': {
      debug.marks.arenaCreated ??= performance.now();
      const {settings, panels, data} = message;
      app.activations = panels;
      app.data = data;
      app.history = new History(panels.length);
      grid.setActivations(panels);
      lossChart.reset(panels.map((a, i) => ({
                                   label: seriesLabel(a),
                                   color: PANEL_COLORS[i % PANEL_COLORS.length],
                                 })));
      if (settings.warnings && settings.warnings.length) showNotices(settings.warnings, false);
      break;
    }
    case 'frame':
      app.outstanding -= 1;
      onFrame(message);
      break;
    case 'error':
      app.outstanding -= 1;
      setPlaying(false);
      showNotices([`The trainer refused these settings: ${message.message}`], false);
      break;
  }
};
worker.onerror = (event) => {
  showNotices([`The worker failed to start: ${event.message || 'unknown error'}`], false);
};

// "Leaky ReLU (slope 0.2)": variants of one activation stay apart in the chart legend.
function seriesLabel(panel) {
  const name = panel.label || DISPLAY_NAMES[panel.name] || panel.name;
  const params = panel.name === 'prelu' ? '' : paramsText(panel);
  return params ? `${name} (${params})` : name;
}

// While playing, one request may wait in the worker's queue while the page draws the last
// frame, so the two threads overlap; steps wait for a quiet worker so their count is exact.
const MAX_IN_FLIGHT = 2;

function tick() {
  if (app.lastFrame) {
    if (app.pendingSteps > 0) {
      if (app.outstanding === 0) {
        post({type: 'train', epochs: app.pendingSteps});
        app.pendingSteps = 0;
      }
    } else if (app.playing && app.outstanding < MAX_IN_FLIGHT) {
      post({type: 'train', epochs: app.settings.speed});
    }
  }
  requestAnimationFrame(tick);
}

function openDetail(index) {
  detail.open(index, app.activations[index]);
  post({type: 'view', view: {detail: index}});
}

const actions = {
  toggle: () => setPlaying(!app.playing),
  step: () => {
    setPlaying(false);
    app.pendingSteps += 1;
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
      const settings = experimentSettings(defaultSettings(), exp);
      loadSettings({...settings, exp: exp.id});
    });
    return b;
  }));
  $('play').addEventListener('click', actions.toggle);
  $('step').addEventListener('click', actions.step);
  $('reset').addEventListener('click', actions.reset);
  $('regenerate').addEventListener('click', () => {
    changeSetting('seed', Math.floor(Math.random() * 2147483647), []);
  });
  $('export-grid').addEventListener('click', () => downloadPng(grid.composite(), 'relu-lab.png'));
  $('notice-close').addEventListener('click', () => showNotices([]));
  $('show-controls').addEventListener('click', () => changeSetting('controls', true, []));
  bindKeys(actions);
  window.addEventListener('hashchange', () => {
    if (location.hash.slice(1) === toHash(app.settings)) return;
    const {settings, notices} = parseHash(location.hash);
    loadSettings(settings, notices);
  });
}

buildStatic();
const initial = parseHash(location.hash);
setPlaying(!window.matchMedia('(prefers-reduced-motion: reduce)').matches);
loadSettings(initial.settings, initial.notices);
requestAnimationFrame(tick);
// Tests and the bench may pause or step the page without synthesising key presses.
debug.setPlaying = setPlaying;
debug.displayNames = DISPLAY_NAMES;
