// Runs every measurable claim of the page's claims section in Node, on the built library
// (dist/), with the same studies and verdict rules as the page, and prints one verdict per
// claim with the exact settings: the numbers README quotes. Usage:
//   node tools/evidence-claims.mjs [--seeds 20] [--json out.json]
import {writeFileSync} from 'node:fs';
import {parseArgs} from 'node:util';

import {claimRequest, CLAIMS, judgeClaim} from '../web/evidence/claims.js';
import {pageTable} from '../web/page/page-table.js';

const {values: args} = parseArgs({options: {seeds: {type: 'string'}, json: {type: 'string'}}});
const {loadReluLab} = await import(new URL('../dist/js/relu-lab.mjs', import.meta.url).href);
const {planStudy} = await import(new URL('../dist/js/study-plan.mjs', import.meta.url).href);
const {runTask} = await import(new URL('../dist/js/seed-study.mjs', import.meta.url).href);

const lab = await loadReluLab();
const table = pageTable(lab.schema);
const out = [];
for (const claim of CLAIMS) {
  if (claim.study.kind === 'look') {
    console.log(`\n${claim.text}\n  not measured: ${claim.scope}`);
    continue;
  }
  const request = claimRequest(table, claim, args.seeds ? {seeds: Number(args.seeds)} : {});
  const plan = planStudy(lab.schema, request);
  const start = performance.now();
  const result = plan.assemble(plan.tasks.map((task) => runTask(lab, task)));
  const seconds = (performance.now() - start) / 1000;
  const {verdict, lines, example} = judgeClaim(claim, result);
  console.log(`\n${claim.text}\n  ${verdict.toUpperCase()}  (${plan.tasks.length} runs, ${
      seconds.toFixed(1)} s)`);
  for (const line of lines) console.log(`  ${line}`);
  if (example) console.log(`  example: seed ${example.seed} at epoch ${example.epoch}`);
  console.log(`  settings: ${JSON.stringify(request.settings)}`);
  console.log(
      `  study: ${JSON.stringify({kind: request.kind, key: request.key, ...plan.options})}`);
  out.push({id: claim.id, verdict, lines, example, request, options: plan.options});
}
if (args.json) writeFileSync(args.json, JSON.stringify(out, null, 1));
