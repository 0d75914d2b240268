// The run's play state and the transport's buttons: Play/Pause, Step (an epoch), Step a batch
// and Reset. The page's state (`app`) says what is playing; the pool trains or stops.

/**
 * @param {{app: object, pool: object, writeHash: function(), createArena: function()}} page
 * @returns {{setPlaying: function(boolean), toggle: function(), step: function(),
 *     stepBatch: function(), reset: function()}}
 */
export function transport(page) {
  const {app, pool} = page;
  const root = document.documentElement;
  const button = document.getElementById('play');

  function setPlaying(playing) {
    app.playing = playing;
    // Play trains on from the live end: the epoch shown is left (the worker reloads the weights).
    if (playing && app.settings?.at >= 0) {
      app.settings.at = -1;
      page.writeHash();
    }
    button.textContent = playing ? 'Pause' : 'Play';
    button.setAttribute('aria-pressed', String(playing));
    root.dataset.playing = String(playing);
    root.dataset.workerPaused = 'false';
    if (playing) {
      const until = app.stopAt ?? Infinity;
      pool.play({speed: app.settings?.speed ?? 1, ease: app.settings?.ease ?? true, until});
    } else {
      pool.pause();
    }
  }

  // Stepping is the reader taking over: the run stays paused after it.
  function stepBy(request) {
    app.wantsPlay = false;
    if (app.playing) setPlaying(false);
    pool.step(request);
  }

  return {
    setPlaying,
    toggle: () => {
      app.wantsPlay = !app.playing;
      setPlaying(app.wantsPlay);
    },
    step: () => stepBy({epochs: 1}),
    stepBatch: () => stepBy({batches: 1}),
    // From the same weights at the settings shown: a new run, without the old one's live changes.
    reset: () => {
      app.settings.live = [];
      page.writeHash();
      page.createArena();
    },
  };
}
