// The evidence section: a many-seed comparison or a sweep of the panels' settings, run by the
// study pool off the main thread, shown as a plot, a table and verdicts; plus the claims list.
// Which study is shown lives in the URL (study-settings.js); the numbers come from the library.
import {outcomeOf} from '../../js/seed-study.mjs';
import {sweepAxes} from '../../js/seed-sweep.mjs';
import {planStudy} from '../../js/study-plan.mjs';
import {el} from '../common/dom.js';
import {download} from '../common/download.js';
import {panelTitle} from '../panels/panel.js';

import {renderClaims} from './claims-view.js';
import {claimRequest, CLAIMS, claimUrlSettings, findClaim, judgeClaim} from './claims.js';
import {evidenceForm, formRequest, readForm} from './evidence-form.js';
import {renderCompare, renderSweep, studyCsv, verdictItem} from './evidence-results.js';
import {ResultsBox} from './results-box.js';
import {planCost} from './study-cost.js';
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

  /**
   * Builds the form once the schema is known. A study a link names fills the form (or marks its
   * claim) with what it would cost; it never starts by itself: the reader presses Run.
   */
  ready(table, schema, names, settings, backend) {
    this.table = table;
    this.schema = schema;
    this.names = names;
    this.axes = sweepAxes(schema);
    this.pool = new StudyPool(backend);
    this.form =
        evidenceForm(table, schema, {run: () => this.runForm(), cancel: () => this.cancel()});
    this.results = new ResultsBox({download: (kind) => this.download(kind)});
    this.out = this.results.out;
    this.claims = el('ol', {className: 'claims'});
    this.root.append(
        this.form.node, this.results.node,
        el('h3', {id: 'claims-heading', text: 'The essays\' claims, tested here'}), this.claims);
    renderClaims(
        this.claims, CLAIMS, (claim) => this.runClaim(claim),
        (claim) => `#${
            this.table.toHash(
                {...claimUrlSettings(this.table, claim), study: 'claim', claim: claim.id})}`);
    new ResizeObserver(() => this.study?.result && this.render()).observe(this.out.plot);
    this.form.node.addEventListener('input', () => this.showCost());
    this.form.node.addEventListener('change', () => this.showCost());
    this.show(settings);
    this.offerLinked(settings);
  }

  // A link's study: its form filled, its cost said, the Run (or the claim's Test it) one press
  // away.
  offerLinked(settings) {
    const claim = settings.study === 'claim' ? findClaim(settings.claim) : null;
    if (claim) {
      const item = this.claims.querySelector(`[data-claim="${claim.id}"]`);
      item.classList.add('claim-linked');
      const cost = claim.study.kind === 'look' ? '' : ` (${this.claimCost(claim)})`;
      this.setStatus(`This link names the claim “${claim.text}”: press its ${
          claim.study.kind === 'look' ? 'Show it' : 'Test it'} button below to run it${cost}.`);
    } else if (settings.study === 'compare' || settings.study === 'sweep') {
      this.setStatus(`This link fills in a ${
          settings.study === 'sweep' ? 'sweep' :
                                       'comparison'}: ${this.formCost()}. Press Run to start it.`);
    }
  }

  formRequest(write = true) {
    return formRequest(this.form, this.table, this.settings, write);
  }

  formCost() {
    return planCost(this.schema, this.formRequest(false).request, this.pool.size);
  }

  claimCost(claim) {
    const f = readForm(this.form, this.settings, false);
    const request = claimRequest(this.table, claim, {seeds: f.keys.seeds, target: f.keys.target});
    return planCost(this.schema, request, this.pool.size);
  }

  showCost() {
    this.form.cost.textContent = `Run: ${this.formCost()}.`;
  }

  /** The panels' settings changed: keep the form in step and mark a result that no longer fits. */
  show(settings) {
    this.settings = settings;
    if (!this.form) return;
    this.form.show(settings);
    this.showCost();
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

  runForm() {
    const {keys, urlSettings, request} = this.formRequest();
    this.page.writeKeys({...keys, claim: ''});
    this.results.place(this.form.node, false);
    this.results.panelsChanged(null);
    this.start({request, urlSettings, claim: null});
  }

  // A claim's setting replaces the panels' with a note and an Undo beside its result, unless
  // the panels show it already.
  loadClaimPanels(claim, urlSettings) {
    const before = this.settings;
    const same = this.table.toHash({...before, at: -1}) === this.table.toHash(urlSettings);
    this.page.load(urlSettings);
    const panels = this.table.arenaSettings(urlSettings)
                       .activations.map((n) => panelTitle({...n, label: n.activation}, this.names));
    // Run again, the claim keeps the note (and the Undo) of its first run.
    if (!same) {
      this.results.panelsChanged(
          `this claim's setting (${panels.join(', ')})`, () => this.page.load(before));
    }
  }

  runClaim(claim) {
    const f = readForm(this.form, this.settings);
    const keep = Object.fromEntries(STUDY_KEYS.map((k) => [k, this.settings[k]]));
    const urlSettings =
        {...claimUrlSettings(this.table, claim), ...keep, study: 'claim', claim: claim.id};
    this.results.place(this.claims.querySelector(`[data-claim="${claim.id}"]`), true);
    this.loadClaimPanels(claim, urlSettings);
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
    this.out.status.textContent = '';
    this.out.verdicts.replaceChildren();
    this.out.plot.replaceChildren();
    this.out.table.replaceChildren();
    this.out.also.replaceChildren();
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
      const warned = plan.options.warnings.length ? ` (${plan.options.warnings.join('; ')})` : '';
      this.setStatus(`${plan.tasks.length} runs done${warned}.`);
      await this.render();
      if (this.study !== current) return;
      this.root.dataset.state = 'done';
      this.results.focus(this.form.node);
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

  // The URL of one seed's run of the study's settings (at an epoch, if given): the panels open it.
  hrefOf(seed, at) {
    return `#${
        this.table.toHash({...this.study.urlSettings, seed, ...(at !== undefined ? {at} : {})})}`;
  }

  async render() {
    const study = this.study;
    const {result, claim} = study;
    const outcome =
        outcomeOf(claim ? claim.study.outcome : readForm(this.form, this.settings).keys.outcome);
    if (claim) this.renderClaimVerdict(claim, result);
    const current = () => this.study === study;
    if (result.points)
      await this.renderSweep(result, outcome, current);
    else
      await this.renderCompare(result, outcome, current);
    // A claim measured by more than one outcome draws each below the first (a resize redraws).
    this.out.also.replaceChildren();
    for (const key of claim?.also ?? []) {
      if (!current()) return;
      const box = {
        plot: el('div', {className: 'evidence-plot'}),
        table: el('div', {className: 'evidence-table-scroll'})
      };
      this.out.also.append(el('h4', {text: outcomeOf(key).label}), box.plot, box.table);
      await (
          result.points ? this.renderSweep(result, outcomeOf(key), current, box) :
                          this.renderCompare(result, outcomeOf(key), current, box));
    }
    if (!current()) return;
    this.out.downloads.hidden = false;
    this.root.dataset.rendered = String(Number(this.root.dataset.rendered || 0) + 1);
  }

  renderClaimVerdict(claim, result) {
    const {verdict, lines, details, example} =
        judgeClaim(claim, result, {named: (n) => this.named(n)});
    const item = this.claims.querySelector(`[data-claim="${claim.id}"] .claim-verdict`);
    item.textContent = verdict;
    item.dataset.verdict = verdict;
    this.out.verdicts.replaceChildren(
        el('li', {className: 'claim-line', text: `The claim ${verdict}.`}),
        ...lines.map((text, i) => verdictItem({text, detail: details[i]})));
    if (example) {
      this.out.verdicts.append(el('li', {}, [el('a', {
                                    className: 'claim-example',
                                    href: this.hrefOf(example.seed, example.epoch),
                                    text: `Open seed ${example.seed} at epoch ${example.epoch}`,
                                  })]));
    }
  }

  // The panels' names: a custom label as given, else the activation's display name.
  named(network) {
    return network.label === network.activation ?
        this.names.get(network.activation) || network.label :
        network.label;
  }

  renderCompare(result, outcome, current, out = this.out) {
    const refName = this.study.claim ? result.networks[0].activation : this.study.urlSettings.ref;
    return renderCompare(out, result, {
      outcome,
      refName,
      claim: this.study.claim,
      named: (n) => this.named(n),
      hrefOf: (s) => this.hrefOf(s),
      current,
    });
  }

  renderSweep(result, outcome, current, out = this.out) {
    const axis = this.axes.find((a) => a.key === result.key) ?? {key: result.key, scale: 'options'};
    return renderSweep(
        out, result,
        {outcome, axis, claim: this.study.claim, named: (n) => this.named(n), current});
  }

  download(kind) {
    const {result, request} = this.study;
    const text = kind === 'json' ? JSON.stringify({request, result}, null, 1) : studyCsv(result);
    download(
        new Blob([text], {type: kind === 'json' ? 'application/json' : 'text/csv'}),
        `relu-lab-study.${kind}`);
  }
}
