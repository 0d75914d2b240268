// The current session's live changes (settings updates and weight edits) as a journal of the
// optimizer steps they apply at: applied when training reaches their step, answered once, and
// replayed silently when the arena is rebuilt, so that the same changes give the same numbers.
import {MSG, msg} from './protocol.js';
import {post, run, state} from './worker-sessions.js';

/** Applies an 'update' or 'edit' message to the arena; returns "" or the error. */
export function applyChange(change) {
  try {
    const {index, layer, unit, input, value} = change;
    if (change.type === MSG.update)
      run.arena.update(change.settings);
    else if (input === undefined)
      run.arena.setBias(index, layer, unit, value);
    else
      run.arena.setWeight(index, layer, unit, input, value);
    return '';
  } catch (e) {
    return String(e && e.message);
  }
}

/** Tells the pool how a change went ("" or the error) and the optimizer step it applied at. */
export function answer(change, error, steps) {
  post(
      change.type === MSG.update ? msg.updated(run.generation, error, steps) :
                                   msg.edited(run.generation, error));
}

/** Applies the journal's changes whose step has come (a rebuild replays them silently). */
export function applyDue() {
  const {journal} = run;
  while (run.applied < journal.length && journal[run.applied].steps <= run.stepsDone) {
    const entry = journal[run.applied++];
    // An edit is of the live network: a kept epoch shown meanwhile gives way to it.
    if (entry.message.type === MSG.edit) run.time.backToLive(run.arena);
    const error = applyChange(entry.message);
    if (!entry.answered) answer(entry.message, error, entry.steps);
    entry.answered = true;
  }
}

/**
 * A link's record of live changes (settings at optimizer steps), journaled like the reader's own
 * (Continue keeps them) and replayed at their steps, as the run it records had them.
 */
export function journalSchedule(schedule) {
  run.journal = (schedule || []).map(({step, settings}) => ({
                                       steps: step,
                                       message: msg.update(run.generation, settings, step),
                                       answered: true,
                                     }));
  run.applied = 0;
  applyDue();
}

/**
 * A change the pool sent for an arena not built yet waits for it (its settings went first). A
 * change to the arena applies at the step the pool names (`steps`, where every worker will be
 * after the training already asked for), so that all workers change at the same step; the
 * frame that shows it is asked for by the pool's 'view', so that all its workers redraw.
 */
export function journalChange(message) {
  if (state.create && state.create.generation === message.generation) {
    (state.create.changes ||= []).push(message);
  } else if (run.arena && message.generation === run.generation) {
    // In step order, after those at the same step (a link's replayed changes may lie ahead).
    const steps = Math.max(run.stepsDone, message.steps ?? 0);
    const at = run.journal.findIndex((c, i) => i >= run.applied && c.steps > steps);
    run.journal.splice(at < 0 ? run.journal.length : at, 0, {steps, message});
    applyDue();
  }
}
