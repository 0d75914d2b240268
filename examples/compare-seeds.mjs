// Prints the many-seed verdict table: every default activation against ReLU on 20 paired seeds
// (epochs to 95% test accuracy, 300 epochs at most), from the built library in dist/.
//   node examples/compare-seeds.mjs [outcome]     e.g. testAccuracy, deadFraction
const lib = new URL('../dist/js/', import.meta.url);
const {loadReluLab} = await import(new URL('relu-lab.mjs', lib).href);
const {compareSeeds, outcomeOf, summarize} = await import(new URL('seed-study.mjs', lib).href);
const {verdictText} = await import(new URL('evidence-stats.mjs', lib).href);

const lab = await loadReluLab();
const outcome = outcomeOf(process.argv[2] || 'epochsToTarget');
const study = await compareSeeds(lab, {}, {seeds: 20, epochs: 300, target: 0.95});
const rows = summarize(study, {outcome: outcome.key, reference: 0});
const text = (v) => (v === Infinity ? 'never' : String(Number(v.toPrecision(3))));
console.log(`${outcome.label}, ${study.seeds.length} seeds, default settings (reference: ${
    rows[0].label})`);
for (const r of rows) {
  if (!r.stats) continue;
  const {q1, median, q3} = r.stats;
  console.log(`${r.label.padEnd(11)} median ${text(median).padStart(5)}  IQR ${text(q1)}-${
      text(q3)}  never ${r.never}`);
  if (r.versus) console.log(`  ${verdictText(r.label, rows[0].label, r.versus, outcome)}`);
}
