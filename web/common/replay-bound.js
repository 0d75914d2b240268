// How far a link may replay: a link to epoch `at` trains the run there before anything shows,
// so the epoch is cut to what trains in about MAX_REPLAY_SECONDS at the link's settings
// (common/training-cost.js's estimate), with a notice that says so.
import {durationText, epochMs} from './training-cost.js';

export const MAX_REPLAY_SECONDS = 15;
// A link replays the run up to the epoch it shows: at most this many epochs of training.
export const MAX_LINKED_EPOCH = 100000;

/**
 * @param {object} schema lab.schema
 * @param {object} arenaSettings the link's createArena settings
 * @param {number} at the link's epoch (-1: none)
 * @returns {{at: number, notice: string|null}}
 */
export function boundReplay(schema, arenaSettings, at) {
  if (!(at > 0)) return {at, notice: null};
  const ms = epochMs(schema, arenaSettings);
  const most = Math.max(1, Math.floor((MAX_REPLAY_SECONDS * 1000) / ms));
  if (at <= most) return {at, notice: null};
  return {
    at: most,
    notice: `at: epoch ${at} would take about ${
                durationText(
                    (at * ms) / 1000)} to replay at these settings before anything shows, so ` +
        `the link opens at epoch ${most}, the most a link replays (about ${
                MAX_REPLAY_SECONDS} s of training).`,
  };
}
