// The evidence section: a many-seed comparison or a sweep of the panels' settings, run by the
// study pool off the main thread, shown as a plot, a table and verdicts; plus the claims list.
// Which study is shown lives in the URL (study-settings.js); the numbers come from the library.
import {pairedComparison, verdictText} from '../js/evidence-stats.mjs';
import {outcomeOf, outcomeValue, summarize} from '../js/seed-study.mjs';
import {summarizeSweep, sweepAxes} from '../js/seed-sweep.mjs';
import {planStudy} from '../js/study-plan.mjs';

import {renderClaims} from './claims-view.js';
import {claimRequest, CLAIMS, claimUrlSettings, findClaim, judgeClaim} from './claims.js';
import {el, evidenceForm, readForm} from './evidence-form.js';
import {stripPlot, sweepPlot, valueText} from './evidence-plots.js';
import {PANEL_COLORS} from './panel.js';
import {StudyPool} from './study-pool.js';

// The keys of a study (study-settings.js) that the form writes to the URL.
const STUDY_KEYS = [
  'study', 'seeds', 'studyEpochs', 'target', 'ref', 'outcome', 'sweepKey', 'sweepPoints', 'claim'
];

function withoutSeed(settings) {
  const {seed, ...rest} = settings;
  return JSON.stringify(rest);
}

export class EvidenceView {
  /**
   * @param {HTMLElement} root the section
   * @param {{load: (settings: object) => void, writeKeys: (keys: object) => void}} page
   */
  constructor(root, page) {
    this.root = root;
    this.page = page;
    this.pool = null;
    this.study = null;  // {request, urlSettings, result, claim}
    root.dataset.state = 'idle';
  }

  /** Builds the form once the schema is known; runs the study a link names. */
  ready(table, schema, names, settings, backend) {
    this.table = table;
    this.schema = schema;
    this.names = names;
    this.axes = sweepAxes(schema);
    this.pool = new StudyPool(backend);
    this.form =
        evidenceForm(table, schema, {run: () => this.runForm(), cancel: () => this.cancel()});
    this.out = {
      progress: el('div', {className: 'evidence-progress', hidden: true}),
      status: el('p', {className: 'evidence-status', role: 'status'}),
      verdicts: el('ul', {className: 'evidence-verdicts'}),
      plot: el('div', {className: 'evidence-plot'}),
      table: el('div', {className: 'evidence-table-scroll'}),
      downloads: el('p', {className: 'evidence-downloads', hidden: true}),
    };
    this.out.bar = el('progress', {max: 1, value: 0});
    this.out.progressText = el('span', {className: 'progress-text'});
    this.out.progress.append(this.out.bar, this.out.progressText);
    for (const [kind, label] of [['csv', 'Download CSV'], ['json', 'Download JSON']]) {
      this.out.downloads.append(el('button', {
        type: 'button',
        className: 'secondary',
        text: label,
        onclick: () => this.download(kind)
      }));
    }
    this.claims = el('ol', {className: 'claims'});
    this.root.append(
        this.form.node, ...Object.values(this.out).filter((n) => n.parentNode === null),
        el('h3', {id: 'claims-heading', text: 'The essays\' claims, tested here'}), this.claims);
    renderClaims(this.claims, CLAIMS, (claim) => this.runClaim(claim));
    new ResizeObserver(() => this.study?.result && this.render()).observe(this.out.plot);
    this.show(settings);
    if (settings.study === 'claim' && findClaim(settings.claim))
      this.runClaim(findClaim(settings.claim), false);
    else if (settings.study === 'compare' || settings.study === 'sweep')
      this.runForm(false);
  }

  /** The panels' settings changed: keep the form in step and mark a result that no longer fits. */
  show(settings) {
    this.settings = settings;
    if (!this.form) return;
    this.form.show(settings);
    const stale = this.study?.result && !this.study.claim &&
        withoutSeed(this.table.arenaSettings(settings)) !==
            withoutSeed(this.study.request.settings);
    this.root.dataset.stale = String(Boolean(stale));
    if (stale)
      this.setStatus('The settings above changed since this study ran: run it again to update it.');
  }

  setStatus(text) {
    this.out.status.textContent = text;
  }

  runForm(writeUrl = true) {
    const f = readForm(this.form, this.settings);
    if (writeUrl) this.page.writeKeys({...f.keys, claim: ''});
    const urlSettings = {...this.settings, ...f.keys};
    const request = {
      kind: f.keys.study,
      settings: this.table.arenaSettings(urlSettings),
      seeds: f.keys.seeds,
      epochs: f.keys.studyEpochs,
      target: f.keys.target,
      key: f.keys.sweepKey,
      points: f.keys.sweepPoints,
    };
    this.start({request, urlSettings, claim: null});
  }

  runClaim(claim, loadPanels = true) {
    const f = readForm(this.form, this.settings);
    const keep = Object.fromEntries(STUDY_KEYS.map((k) => [k, this.settings[k]]));
    const urlSettings =
        {...claimUrlSettings(this.table, claim), ...keep, study: 'claim', claim: claim.id};
    if (loadPanels) this.page.load(urlSettings);
    if (claim.study.kind === 'look') {
      this.cancel(false);
      this.study = null;
      this.clear();
      this.setStatus(`${claim.text} — ${claim.scope}`);
      return;
    }
    const request = claimRequest(this.table, claim, {seeds: f.keys.seeds, target: f.keys.target});
    // The form shows what the claim runs (its kind, outcome and axis), so that it matches the plot.
    const {kind, outcome, key, values} = claim.study;
    this.form.show({
      ...this.settings,
      ...f.keys,
      study: kind,
      outcome,
      ...(key ? {sweepKey: key} : {}),
      ...(values ? {sweepPoints: values.length} : {})
    });
    this.start({request, urlSettings, claim});
  }

  clear() {
    this.out.verdicts.replaceChildren();
    this.out.plot.replaceChildren();
    this.out.table.replaceChildren();
    this.out.downloads.hidden = true;
  }

  async start(study) {
    this.cancel(false);
    let plan;
    try {
      plan = planStudy(this.schema, study.request);
    } catch (error) {
      this.setStatus(`This study cannot run: ${error.message}`);
      return;
    }
    this.study = {...study, options: plan.options};
    this.clear();
    this.root.dataset.state = 'running';
    this.root.dataset.stale = 'false';
    this.form.running(true);
    this.out.progress.hidden = false;
    this.out.bar.value = 0;
    const what = study.claim ? `Testing the claim "${study.claim.text}"` :
        study.request.kind === 'sweep' ? 'Sweeping' :
                                         'Comparing';
    this.setStatus(`${what}: ${plan.tasks.length} runs of ${plan.options.epochs} epochs on ${
        this.pool.size} worker${this.pool.size > 1 ? 's' : ''}…`);
    this.out.progressText.textContent = `0 of ${plan.tasks.length} runs`;
    this.root.dataset.workers = String(Math.min(this.pool.size, plan.tasks.length));
    const current = this.study;
    try {
      const records = await this.pool.run(plan.tasks, ({done, total, secondsLeft}) => {
        this.out.bar.value = done / total;
        this.out.progressText.textContent =
            `${done} of ${total} runs · about ${Math.ceil(secondsLeft)} s left`;
      });
      if (this.study !== current) return;
      current.result = plan.assemble(records);
      this.root.dataset.state = 'done';
      const warned = plan.options.warnings.length ? ` (${plan.options.warnings.join('; ')})` : '';
      this.setStatus(`${plan.tasks.length} runs done${warned}.`);
      this.render();
    } catch (error) {
      if (this.study !== current) return;
      const cancelled = error.name === 'AbortError';
      this.root.dataset.state = cancelled ? 'cancelled' : 'error';
      this.setStatus(
          cancelled ? 'Cancelled: nothing is shown for a study that did not finish.' :
                      `The study failed: ${error.message}`);
    } finally {
      if (this.study === current) {
        this.form.running(false);
        this.out.progress.hidden = true;
      }
    }
  }

  cancel(notify = true) {
    if (!this.pool) return;
    this.pool.cancel(notify);
    this.root.dataset.workers = '0';
  }

  // The URL of one seed's run of the study's settings: the panels open it.
  hrefOf(seed) {
    return `#${this.table.toHash({...this.study.urlSettings, seed})}`;
  }

  render() {
    const {result, claim} = this.study;
    const outcome =
        outcomeOf(claim ? claim.study.outcome : readForm(this.form, this.settings).keys.outcome);
    if (claim) this.renderClaimVerdict(claim, result);
    if (result.points)
      this.renderSweep(result, outcome);
    else
      this.renderCompare(result, outcome);
    this.out.downloads.hidden = false;
    this.root.dataset.rendered = String(Number(this.root.dataset.rendered || 0) + 1);
  }

  renderClaimVerdict(claim, result) {
    const {verdict, lines} = judgeClaim(claim, result);
    const item = this.claims.querySelector(`[data-claim="${claim.id}"] .claim-verdict`);
    item.textContent = `${verdict}: ${lines.join('; ')}`;
    item.dataset.verdict = verdict;
    this.out.verdicts.replaceChildren(
        el('li', {className: 'claim-line', text: `Claim: “${claim.text}” — ${verdict}`}),
        ...lines.map((line) => el('li', {text: line})));
  }

  // The panels' names: a custom label as given, else the activation's display name.
  named(network) {
    return network.label === network.activation ?
        this.names.get(network.activation) || network.label :
        network.label;
  }

  renderCompare(result, outcome) {
    const refName = this.study.claim ? result.networks[0].activation : this.study.urlSettings.ref;
    let reference = result.networks.findIndex((n) => n.activation === refName);
    if (reference < 0) reference = 0;
    const rows =
        summarize(result, {outcome: outcome.key, reference})
            .map(
                (r, i) =>
                    ({...r, label: this.named(r), color: PANEL_COLORS[i % PANEL_COLORS.length]}));
    if (!this.study.claim) {
      this.out.verdicts.replaceChildren(
          ...rows.filter((r) => r.versus)
              .map((r) => el('li', {
                     dataset: {kind: r.versus.kind},
                     text: verdictText(r.label, rows[reference].label, r.versus, outcome)
                   })));
      if (rows.length === 1)
        this.out.verdicts.replaceChildren(
            el('li', {text: 'One network: nothing to compare it with.'}));
    }
    stripPlot(this.out.plot, rows, {outcome, seeds: result.seeds, hrefOf: (s) => this.hrefOf(s)});
    const head = ['network', 'median', 'IQR', 'never', 'best seed', 'worst seed'];
    const seedLink = (s) =>
        (s ? el('a', {
          href: this.hrefOf(s.seed),
          text: `seed ${s.seed}: ${valueText(s.value, outcome)}`
        }) :
             '–');
    const body = rows.map(
        (r) =>
            [r.label,
             r.stats ? valueText(r.stats.median, outcome) : 'does not apply',
             r.stats ? `${valueText(r.stats.q1, outcome)} to ${valueText(r.stats.q3, outcome)}` :
                       '–',
             r.stats ? `${r.never} of ${r.values.length}` : '–',
             seedLink(r.best),
             seedLink(r.worst),
    ]);
    this.renderTable(
        head, body,
        `${outcome.label} over ${result.seeds.length} seeds, ${result.epochs} epochs, target ${
            Math.round(result.target * 100)}% test accuracy`);
  }

  renderSweep(result, outcome) {
    const axis = this.axes.find((a) => a.key === result.key) ?? {key: result.key, scale: 'options'};
    const series =
        summarizeSweep(result, outcome.key)
            .map(
                (s, i) =>
                    ({...s, label: this.named(s), color: PANEL_COLORS[i % PANEL_COLORS.length]}));
    sweepPlot(this.out.plot, series, {outcome, axis, values: result.values});
    if (!this.study.claim) {
      // Paired across the sweep's ends: the same seeds give the same data at every value.
      const ends = series.flatMap((s, i) => {
        const col = (j) => result.points.at(j).records.map((r) => outcomeValue(r[i], outcome.key));
        const [a, b] = [col(-1), col(0)];
        if (a.includes(null) || b.includes(null)) return [];
        const c = pairedComparison(a, b, outcome);
        return [el('li', {
          text: verdictText(
              `${s.label} at ${result.key} ${result.values.at(-1)}`, `at ${result.values[0]}`, c,
              outcome)
        })];
      });
      this.out.verdicts.replaceChildren(...ends);
    }
    const head = ['network', ...result.values.map((v) => `${result.key} ${v}`)];
    const body = series.map(
        (s) =>
            [s.label,
             ...s.rows.map(
                 (r) =>
                     (r ? `${valueText(r.median, outcome)} (${valueText(r.q1, outcome)} to ${
                              valueText(r.q3, outcome)})` :
                          '–'))]);
    this.renderTable(
        head, body, `Median (IQR) of ${outcome.label} over ${result.seeds} seeds per value`);
  }

  renderTable(head, body, caption) {
    const t = el('table', {className: 'evidence-table'}, [
      el('caption', {text: caption}),
      el('thead', {}, [el('tr', {}, head.map((h) => el('th', {scope: 'col', text: h})))]),
      el('tbody', {},
         body.map(
             (cells) =>
                 el('tr', {},
                    cells.map((c, i) => el(i ? 'td' : 'th', i ? {} : {scope: 'row'}, [c]))))),
    ]);
    this.out.table.replaceChildren(t);
  }

  download(kind) {
    const {result, request} = this.study;
    const comparisons = result.points ?? [result];
    let text;
    if (kind === 'json')
      text = JSON.stringify({request, result}, null, 1);
    else {
      const keys = [
        'seed', 'activation', 'label', 'epochsToTarget', 'testAccuracy', 'testLoss', 'deadFraction',
        'sparsity', 'initActive', 'alphaMean', 'diverged'
      ];
      const lines = [[...(result.points ? [result.key] : []), ...keys].join(',')];
      comparisons.forEach((c, j) => {
        for (const seedRecords of c.records) {
          for (const r of seedRecords)
            lines.push([
              ...(result.points ? [result.values[j]] : []), ...keys.map((k) => r[k] ?? '')
            ].join(','));
        }
      });
      text = lines.join('\n') + '\n';
    }
    const url = URL.createObjectURL(
        new Blob([text], {type: kind === 'json' ? 'application/json' : 'text/csv'}));
    const a = el('a', {href: url, download: `relu-lab-study.${kind}`});
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
