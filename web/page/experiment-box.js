// The experiment box under the panels: the loaded experiment's title, text and note, its variants
// and actions as buttons, and a line naming what the reader has changed since (the text no longer
// describes the panels then). Loading an experiment and changing a setting are the page's.
import {leftExperiment} from './experiment-settings.js';
import {actionTaken, findExperiment, stopEpoch, withFacts} from './experiments.js';

const $ = (id) => document.getElementById(id);

function button(text, data, pressed, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  Object.assign(b.dataset, data);
  b.setAttribute('aria-pressed', String(pressed));
  b.addEventListener('click', onClick);
  return b;
}

// Names a changed setting for the "you have left the experiment" line.
function settingLabel(table, key) {
  return (table.row(key).label || key).toLowerCase();
}

const OWN_SETTINGS = 'No experiment is loaded: these are settings of your own. Pick an ' +
    'experiment above for a guided comparison.';

// The text about the panels shown and, under it, the note: a variant's note describes its own
// run, so it leads, and the experiment's text follows as what the experiment's own run shows
// (its numbers are that run's, not the panels').
function experimentProse(exp, variant) {
  const own = !variant?.note;
  const stop = `Pauses at epoch ${stopEpoch(exp, variant)}, where these numbers hold; Play ` +
      'trains on.';
  const about = withFacts(exp.text, exp.facts);
  if (own) return [`${about} ${stop}`, ''];
  const {variant: base} = findExperiment(exp.id, '');
  return [
    `${withFacts(variant.note, variant.facts)} ${stop}`,
    `The experiment's own run${base ? ` ("${base.label}")` : ''}: ${about}`,
  ];
}

// On a phone the text shows its first lines (page.css); the button shows the rest, and is there
// only when something is cut. A new text starts cut again; the same one stays as it was.
function showMore(box) {
  const more = $('experiment-more');
  if (!more.dataset.wired) {
    more.dataset.wired = 'true';
    more.addEventListener('click', () => {
      const expanded = box.dataset.expanded !== 'true';
      box.dataset.expanded = String(expanded);
      more.setAttribute('aria-expanded', String(expanded));
      more.textContent = expanded ? 'Show less' : 'Read all of it';
    });
  }
  const prose = $('experiment-prose');
  // The same text (a setting changed under it) stays as the reader left it.
  if (prose.dataset.shown === prose.textContent && box.dataset.expanded === 'true') return;
  prose.dataset.shown = prose.textContent;
  box.dataset.expanded = 'false';
  more.setAttribute('aria-expanded', 'false');
  more.textContent = 'Read all of it';
  more.hidden = prose.scrollHeight <= prose.clientHeight + 1;
}

/**
 * @param {import('../settings/settings-table.js').SettingsTable} table the page's
 * @param {object} settings the page's settings
 * @param {{load: (experiment, variant) => void, change: (key: string, value: *) => void}} page
 */
export function showExperiment(table, settings, page) {
  const {experiment: exp, variant} = findExperiment(settings.exp, settings.v);
  const box = $('experiment-box');
  const allLeft = exp ? leftExperiment(table, settings) : [];
  // An action of the experiment changed a live setting: the text still holds, with its note.
  const action = exp && actionTaken(exp, settings, allLeft);
  const left = action ? [] : allLeft;
  box.dataset.left = String(left.length > 0);
  box.dataset.experiment = exp ? exp.id : '';
  $('experiment-title').textContent = exp ? exp.title : 'Your own settings';
  const [text, note] = exp ? experimentProse(exp, variant) : [OWN_SETTINGS, ''];
  $('experiment-text').textContent = text;
  $('experiment-note').textContent = action?.note || note;
  $('experiment-left').textContent = left.length ?
      `You changed ${left.map((key) => settingLabel(table, key)).join(', ')}: the text above ` +
          'describes the experiment\'s own settings, not what you see now.' :
      '';
  $('experiment-back').hidden = left.length === 0;
  const shown = variant ? variant.id : '';
  const variants = (exp?.variants || []).map((v) => {
    const pressed = left.length === 0 && shown === v.id;
    return button(v.label, {variant: v.id}, pressed, () => page.load(exp, v));
  });
  const actions = (exp?.actions || []).map((a) => {
    const apply = () => {
      for (const [key, value] of Object.entries(a.settings)) page.change(key, value);
    };
    return button(a.label, {action: a.id}, a === action, apply);
  });
  showMore(box);
  $('experiment-variants').replaceChildren(...variants);
  $('experiment-actions').replaceChildren(...actions);
  for (const b of $('experiments').querySelectorAll('button')) {
    b.setAttribute('aria-pressed', String(b.dataset.experiment === settings.exp));
  }
}
