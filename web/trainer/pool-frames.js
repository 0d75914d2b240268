// How a pool splits an arena's panels among workers and joins what they send back (created
// messages, frames) into the single worker's shapes. No workers, no timing: plain data.
import {msg} from './protocol.js';

/**
 * @returns {number[][]} n shares of `count` panels: panel i goes to worker i % n (activations
 * of like cost sit next to each other in the list, so shares cost alike).
 */
export function splitPanels(count, n) {
  return Array.from(
      {length: n}, (_, w) => Array.from({length: Math.ceil((count - w) / n)}, (_, k) => w + k * n));
}

/** Core names a panel's setting "activations[k]": k counts in the worker's share. */
export function globalText(text, share) {
  return text.replace(/activations\[(\d+)\]/g, (_, k) => `activations[${share[Number(k)]}]`);
}

/**
 * One frame of the arena from one frame per worker at the same step and resolution (parts[w]
 * holds the panels of shares[w]); its timings are the slower worker's, which it waited for.
 */
export function combineFrames(parts, shares, generation) {
  const metrics = [], fields = [];
  // Linear regions come with every part or with none (the view is the same for all workers).
  const regions = parts[0].regions ? [] : undefined;
  let detail;
  parts.forEach((part, w) => {
    shares[w].forEach((panel, k) => {
      metrics[panel] = part.metrics[k];
      fields[panel] = part.fields[k];  // the buffer the worker transferred: never copied
      if (regions) regions[panel] = part.regions?.[k] ?? null;
    });
    if (part.detail) detail = {...part.detail, index: shares[w][part.detail.index]};
  });
  const slowest = parts.reduce((a, b) => (b.computeMs > a.computeMs ? b : a));
  const frame = msg.frame(generation, {
    epochs: parts[0].epochs,
    steps: parts[0].steps,
    metrics,
    fields,
    resolution: parts[0].resolution,
    trainMs: slowest.trainMs,
    fieldMs: slowest.fieldMs,
    computeMs: slowest.computeMs,
    paintMs: slowest.paintMs ?? 0,
    workerMs: parts.map((part) => part.computeMs),
    // Every worker keeps the same epochs of its own panels: their memory adds up.
    time: {...parts[0].time, bytes: parts.reduce((sum, part) => sum + part.time.bytes, 0)},
    postedAt: Math.max(...parts.map((part) => part.postedAt)),
    painted: parts.every((part) => part.painted),
  });
  if (detail) frame.detail = detail;
  if (regions) frame.regions = regions;
  return frame;
}

/**
 * The kept epochs every worker has recorded up to `epoch` (inclusive), each {epoch, metrics}
 * with the metrics joined as a frame's are; taken out of `recorded` (recorded[w]: worker w's,
 * oldest first). A worker whose networks all diverged records no more epochs: its panels are
 * null there (a gap in the charts).
 */
export function takeRecorded(recorded, shares, epoch) {
  const epochs = new Set();
  for (const entries of recorded) {
    for (const e of entries) {
      if (e.epoch <= epoch) epochs.add(e.epoch);
    }
  }
  const byEpoch = recorded.map((entries) => new Map(entries.map((e) => [e.epoch, e.metrics])));
  recorded.forEach((entries, w) => {
    recorded[w] = entries.filter((e) => e.epoch > epoch);
  });
  return [...epochs].sort((a, b) => a - b).map((at) => {
    const metrics = [];
    shares.forEach((share, w) => share.forEach((panel, k) => {
      metrics[panel] = byEpoch[w].get(at)?.[k] ?? null;
    }));
    return {epoch: at, metrics};
  });
}

/** One 'fields-at' answer of the whole arena from each worker's (parts[w] has shares[w]). */
export function combineFieldsAt(parts, shares) {
  return parts[0].columns.map((column, c) => {
    const metrics = [], fields = [];
    parts.forEach((part, w) => shares[w].forEach((panel, k) => {
      metrics[panel] = part.columns[c].metrics[k];
      fields[panel] = part.columns[c].fields[k];
    }));
    return {...column, metrics, fields};
  });
}

/** The created message of the whole arena, from each worker's (messages[w] has shares[w]). */
export function combineCreated(messages, shares) {
  const panels = [], warnings = new Set();
  messages.forEach(({panels: part, settings}, w) => {
    part.forEach((panel, k) => (panels[shares[w][k]] = panel));
    for (const text of settings.warnings) warnings.add(globalText(text, shares[w]));
  });
  const [lead] = messages;
  return {
    ...lead,
    settings: {...lead.settings, activations: panels, warnings: [...warnings]},
    panels
  };
}
