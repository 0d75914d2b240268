// A run's frames reach the screen: a new arena's panels with its first frame, every frame's
// fields and numbers (the numbers at a calmer pace where the workers draw the fields), the
// experiment's stop, and the page's readiness. created -> panels; frame -> view, text, hook.
import {firstEpochShown} from '../common/lazy.js';
import {currentEpoch} from '../time/metric-history.js';

import {showNotices} from './notices.js';
import {TextPace} from './text-pace.js';

// Where the workers draw the fields, the numbers under them change at most this often while the
// run plays (text-pace.js).
const TEXT_MS = 100;

/**
 * @param {{app: object, view: object, hook: object, pool: object, setPlaying: function(boolean)}}
 *     page the wiring's parts (view: run-view.js; hook: test-hook.js)
 * @returns {{created: function(object), frame: function(object), forget: function()}}
 */
export function frameFlow({app, view, hook, pool, setPlaying}) {
  const root = document.documentElement;
  const text = new TextPace(TEXT_MS, display);

  // A new arena's first frame: its panels replace the old ones now.
  function onCreated({settings, panels, data}) {
    hook.created(settings);
    app.panels = panels;
    app.data = data;
    root.dataset.generation = String(app.generation);
    view.created(panels, app.names, data);
    // The workers draw the new panels' fields from their next frame on.
    const canvases = view.grid.handOver();
    if (canvases) pool.canvases(app.generation, canvases);
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
    // Where the workers draw the fields, a frame they could not paint (a new arena's first, sent
    // before its panels' canvases reached them) shows no numbers: the text never runs ahead of
    // the fields on screen, and the page is ready once they are there.
    const fieldsShown = frame.painted || !view.grid.inWorkers;
    // At once where the page draws the fields, and when the run stands still.
    if (fieldsShown) {
      text.offer(
          frame, !view.grid.inWorkers || !app.playing, () => frame.generation === app.generation);
    }
    hook.drawn(frame, drawStart);
    if (fieldsShown && root.dataset.ready !== 'true') root.dataset.ready = 'true';
  }

  // A frame's numbers (and, where the page draws them, its fields).
  function display(frame) {
    view.show(frame, app.settings, app.data);
    // What showing the first epoch does not need loads once it is on screen.
    if (frame.epochs >= 1 || !app.playing) firstEpochShown();
  }

  return {
    created: onCreated,
    frame: onFrame,
    // A new arena: numbers of the old one still waiting are not shown.
    forget: () => clearTimeout(text.timer),
  };
}
