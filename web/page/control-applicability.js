// Which settings do not apply to what is on screen, and why, derived from core's schema: a row's
// appliesWhen (Adam's betas only with Adam), and an activation parameter's owner (the leaky
// slope only with a Leaky ReLU panel that does not set its own). The form's controls for them
// are disabled with the reason beside them; nothing here lists settings by name.

/**
 * @param {import('../settings/settings-table.js').SettingsTable} table
 * @param {object} settings the page's settings (URL keys)
 * @returns {Map<string, string>} URL key -> why its setting does not apply now
 */
export function inapplicable(table, settings) {
  const reasons = new Map();
  const urlKey = new Map(table.rows.filter((r) => r.core).map((r) => [r.core, r.key]));
  // The panels' activations, and those whose first parameter each panel sets itself.
  const panels = settings.activations.map((token) => token.split(':'));
  for (const row of table.rows) {
    if (!row.core) continue;
    const when = row.appliesWhen;
    if (when && !when.options.includes(settings[urlKey.get(when.key)])) {
      reasons.set(
          row.key,
          `only used with ${when.key} ${when.options.join(' or ')} (now ${
              settings[urlKey.get(when.key)]})`);
      continue;
    }
    const [owner, param] = row.core.split('.');
    const activation = param && table.activations.get(owner);
    if (!activation) continue;
    const name = activation.displayName;
    const using = panels.filter(([n]) => n === owner);
    if (using.length === 0) {
      reasons.set(row.key, `no ${name} panel`);
    } else if (using.every(
                   ([, own]) => own !== undefined && table.tokenParam(owner).key === param)) {
      reasons.set(row.key, `each ${name} panel sets its own ${param} (in Panels)`);
    }
  }
  return reasons;
}

/**
 * Disables the controls of settings that do not apply and says why in a note tied to the
 * control as part of its accessible description; enables the others again.
 * @param {HTMLFormElement} form the settings form (controls.js builds it)
 */
export function markInapplicable(form, table, settings) {
  const reasons = inapplicable(table, settings);
  for (const row of table.rows) {
    const input = form.querySelector(`[id="setting-${row.key}"]`);
    const line = input?.closest('.control');
    if (!line) continue;
    const reason = reasons.get(row.key);
    input.disabled = reason !== undefined;
    line.classList.toggle('control-off', reason !== undefined);
    let why = line.querySelector('.control-why');
    if (!why) {
      why = document.createElement('small');
      why.className = 'control-why';
      why.id = `why-${row.key}`;
      line.append(why);
      const described = input.getAttribute('aria-describedby');
      input.setAttribute('aria-describedby', described ? `${described} ${why.id}` : why.id);
    }
    why.textContent = reason ? `Not used now: ${reason}.` : '';
  }
}
