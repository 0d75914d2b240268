// The page's state between the wiring's parts: what the settings are, which arena is current,
// what its last frame showed and what the reader wants of play. One object, made once.

export function newAppState() {
  return {
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
    stopAt:
        null,  // the epoch the run pauses at (an experiment's, where its text is about), or null
    editor: null,  // the own-data editor (the data row's control)
  };
}
