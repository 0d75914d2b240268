// A pool's changes to a running arena (a live settings update for every worker, a weight or
// bias edit for the worker owning the panel) and which of its workers' answers the page hears:
// each error once, in the arena's panel numbering. Sending frames after a change is the pool's.
import {globalText} from './pool-frames.js';
import {MSG, msg} from './protocol.js';

// Changes are sent with every worker at rest at the pool's target (pool-time.js whenAtRest), or to
// a self-paced worker between two frames: each names that step (at least), where the worker
// journals it for a replay.

/**
 * Sends live settings to every worker of the pool's arena, to apply at the step they are at (a
 * self-paced worker: wherever it has got to); each answers with that step, which the page's link
 * records, so that a link replays the change there.
 */
export function sendUpdate(pool, settings) {
  const {generation, target} = pool.gen;
  pool.forEachShare((w) => pool.send(w, msg.update(generation, settings, target)));
}

/** Sends an edit of panel ref.index to its worker, in that worker's numbering. */
export function sendEdit(pool, ref) {
  const {generation, shares} = pool.gen;
  const w = shares[0] ? shares.findIndex((share) => share.includes(ref.index)) : 0;
  if (w < 0) return pool.emit(msg.edited(generation, `there is no panel ${ref.index}`));
  const index = shares[0] ? shares[w].indexOf(ref.index) : ref.index;
  pool.send(w, msg.edit(generation, {...ref, index}, pool.gen.target));
}

/**
 * What the page hears of a worker's 'updated', 'edited' or 'error', or null: every worker
 * answers an update and only a failed one is news; only the panel's owner answers an edit.
 * @param {object|null} gen the pool's arena
 * @param {number[]|null} share the panels of the worker that sent it, if it is about `gen`
 * @param {boolean} current whether it is about `gen`
 */
export function forPage(gen, message, share, current) {
  if (message.type !== MSG.error) {
    if (!current) return null;
    if (message.type === MSG.edited) return message;
    if (!message.error || gen.errors.has(message.error)) return null;
    gen.errors.add(message.error);
    return message;
  }
  const text = share ? globalText(message.message, share) : message.message;
  if (gen?.errors.has(text)) return null;
  gen?.errors.add(text);
  return {...message, message: text};
}
