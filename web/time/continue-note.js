// What "Continue from here" tells the reader when the run it replays differs from the one they
// left: the changes made after that epoch are dropped with the future, and the settings go back
// to the values in force then.

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/**
 * @param {number} epoch the epoch continued from
 * @param {{updates: number, edits: number}} dropped changes made at or after it
 * @param {{key: string, label: string, from: *, to: *}[]} restored settings that went back
 * @returns {string[]} the sentences (none when nothing differs)
 */
export function continueNotes(epoch, dropped, restored) {
  const lines = [];
  const what = [];
  if (dropped.edits) what.push(plural(dropped.edits, 'weight edit', 'weight edits'));
  if (dropped.updates) what.push(plural(dropped.updates, 'setting change', 'setting changes'));
  if (what.length) {
    lines.push(`Continued from epoch ${epoch} as it was then: ${what.join(' and ')} made after it ${
        dropped.edits + dropped.updates === 1 ? 'was' : 'were'} dropped with the later epochs.`);
  }
  for (const {label, from, to} of restored) {
    lines.push(`${label} is back to ${to} (it was ${from} after epoch ${epoch}).`);
  }
  return lines;
}
