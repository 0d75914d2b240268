// The timeline's side of the page: a kept epoch shown (paused), the live end, "Continue from
// here" (the workers replay the run to that epoch) and what the page keeps once they have; a
// live setting changed while an earlier epoch is shown continues the run from there.
import {liveSettings} from '../settings/to-core.js';
import {continueNotes} from '../time/continue-note.js';
import {initTimeTools} from '../time/time-tools.js';
import {Timeline} from '../time/timeline.js';

import {showNotices} from './notices.js';

/**
 * Builds the timeline and its tools into `page.view`.
 * @param {object} page `app` (state), `pool` (the trainer), `view` (run-view.js), and the
 *     wiring's `writeHash`, `setPlaying` and `changeSetting`
 * @returns {{showEpoch: Function, beforeLive: Function, onResumed: Function}}
 */
export function timeFlow(page) {
  const {app, pool, view} = page;
  const $ = (id) => document.getElementById(id);

  // A kept epoch (paused), the live end (-1), or training on from an epoch (`resume`). Leaving
  // a kept epoch plays again (`play`) if the reader was playing before it.
  function showEpoch(epoch, resume = false, play = app.wantsPlay) {
    app.settings.at = resume ? -1 : epoch;
    page.writeHash();
    if (resume) {
      view.truncate(epoch);
      app.resumedFrom = epoch;
      app.changedSinceResume = new Set();
    }
    if (epoch < 0 || resume) {
      if (epoch < 0) pool.live();
      if (resume) pool.resume(epoch);
      if (play) page.setPlaying(true);
      return;
    }
    if (app.playing) page.setPlaying(false);
    pool.show(epoch);
  }

  // A live setting changes: made while an earlier epoch is shown, it continues the run from
  // there (paused) with the new value.
  function beforeLive(key) {
    if (app.settings.at >= 0) showEpoch(app.settings.at, true, false);
    app.changedSinceResume?.add(key);
  }

  // "Continue from here" replayed the run: the live settings are the trainer's at that epoch,
  // but for those the reader changed since.
  function onResumed({settings, dropped, steps}) {
    // The link's record of live changes keeps those the replayed run has (before its step).
    app.settings.live = app.settings.live.filter((change) => change.step < steps);
    const live = liveSettings(app.table, settings);
    for (const key of app.changedSinceResume ?? []) delete live[key];
    app.changedSinceResume = null;
    const restored = Object.keys(live)
                         .filter((key) => live[key] !== app.settings[key])
                         .map((key) => ({
                                label: app.table.row(key).label ?? key,
                                from: app.settings[key],
                                to: live[key],
                              }));
    app.settings = {...app.settings, ...live};
    app.controls.show(app.settings);
    page.writeHash();
    const notes = continueNotes(app.resumedFrom, dropped, restored);
    if (notes.length) showNotices(notes, 'time');
  }

  view.timeline = new Timeline($('timeline'), {
    onShow: (epoch) => showEpoch(epoch),
    onLive: () => showEpoch(-1),
    onResume: (epoch) => showEpoch(epoch, true),
  });
  view.timeTools = initTimeTools({
    pool,
    root: $('timeline'),
    state: () => app,
    pause: () => app.playing && page.setPlaying(false),
    change: (key, value, notices) => page.changeSetting(key, value, notices),
  });
  return {showEpoch, beforeLive, onResumed};
}
