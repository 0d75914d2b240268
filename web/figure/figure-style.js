// The figure's shadow-DOM style sheet, adopted as a constructed sheet (no <style> element, so a
// host CSP without 'unsafe-inline' styles allows it). Theming goes through the --relu-lab-*
// custom properties only; nothing here styles the host page.

/** The custom properties an author may set, with the light and dark defaults. */
export const THEME = Object.freeze({
  light: {
    'class-0': '#e66101',
    'class-1': '#5e3c99',
    'neutral': '#f7f7f7',
    'background': '#ffffff',
    'text': '#1f2328',
    'muted': '#59636e',
    'accent': '#0b5cad',
    'border': '#d0d7de',
  },
  // PuOr's lighter ends: still told apart with every common colour-vision deficiency, and
  // readable on a dark field.
  dark: {
    'class-0': '#fdb863',
    'class-1': '#b2abd2',
    'neutral': '#202124',
    'background': '#16171a',
    'text': '#e8eaed',
    'muted': '#a8afb8',
    'accent': '#8ab4f8',
    'border': '#3c4043',
  },
});

function declarations(theme) {
  return Object.entries(theme)
      .map(([name, value]) => `--rl-${name}: var(--relu-lab-${name}, ${value});`)
      .join('\n');
}

const CSS = `
:host {
  ${declarations(THEME.light)}
  display: block;
  box-sizing: border-box;
  max-width: 100%;
  margin: 1em 0;
  color: var(--rl-text);
  background: var(--rl-background);
  border: 1px solid var(--rl-border);
  border-radius: 6px;
  font: var(--relu-lab-font, 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif);
  contain: content;
}
:host([hidden]) { display: none; }
@media (prefers-color-scheme: dark) { :host(:not([theme=light])) { ${declarations(THEME.dark)} } }
:host([theme=dark]) { ${declarations(THEME.dark)} }
*, *::before, *::after { box-sizing: inherit; }
.frame { position: relative; margin: 0; padding: 8px; }
/* One line each, whatever the text: the placeholder's boxes and the trained panels' are the same
   height (figure-layout.js sets the columns). */
.title, .name, .stats { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.title { margin: 0 0 6px; font-size: 1em; font-weight: 600; line-height: 1.4; }
.stage { position: relative; }
.panels { display: grid; grid-template-columns: 100%; gap: 8px; justify-content: center; }
.panel { margin: 0; min-width: 0; }
.name { margin: 0 0 2px; font-size: 0.95em; font-weight: 600; line-height: 1.4; }
.field { position: relative; aspect-ratio: 1; background: var(--rl-neutral);
  border-radius: 4px; overflow: hidden; }
canvas { display: block; width: 100%; height: 100%; }
.stats { margin: 2px 0 0; font-size: 0.85em; line-height: 1.4; color: var(--rl-muted);
  font-variant-numeric: tabular-nums; }
.stats span + span::before { content: " · "; }
/* Narrow panels: the score and the loss on two lines, in both the placeholder and the figure. */
.narrow .stats { white-space: normal; height: 2.8em; font-size: 0.78em; }
.narrow .stats span { display: block; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
.narrow .stats span + span::before { content: none; }
.stats.diverged { color: var(--rl-text); font-weight: 600; }
.still { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain;
  background: var(--rl-background); }
.still[hidden] { display: none; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 8px; }
.bar[hidden] { display: none; }
button { font: inherit; color: var(--rl-text); background: var(--rl-background);
  border: 1px solid var(--rl-border); border-radius: 4px; padding: 3px 10px; cursor: pointer;
  min-height: 28px; }
button:hover { border-color: var(--rl-accent); }
button:focus-visible, a:focus-visible, .poster:focus-visible {
  outline: 3px solid var(--rl-accent); outline-offset: 2px; }
/* Play and Pause in one width: the buttons after it stay where they are. */
button[aria-pressed] { min-width: 5.2em; }
.epoch { font-variant-numeric: tabular-nums; color: var(--rl-muted); margin-left: 4px; }
.spacer { flex: 1; }
a { color: var(--rl-accent); font-size: 0.85em; }
.poster {
  position: absolute; inset: 0; display: flex; align-items: center; justify-content: center;
  background: transparent; border: 0; padding: 0; cursor: pointer; border-radius: 6px;
}
.poster[hidden] { display: none; }
.poster span {
  display: inline-flex; align-items: center; gap: 8px; padding: 10px 18px;
  border-radius: 999px; background: var(--rl-text); color: var(--rl-background);
  font-weight: 600; box-shadow: 0 2px 8px rgb(0 0 0 / 30%);
}
.poster span::before { content: ""; border-style: solid; border-width: 8px 0 8px 13px;
  border-color: transparent transparent transparent currentColor; }
.status { position: absolute; left: 0; right: 0; bottom: 0; margin: 0;
  padding: 4px 8px; border-radius: 4px; font-size: 0.85em; color: var(--rl-text);
  background: var(--rl-background); border: 1px solid var(--rl-border); }
.status:empty { display: none; }
.caption { margin: 8px 0 0; font-size: 0.9em; color: var(--rl-muted); }
.caption[hidden] { display: none; }
.notices { margin: 6px 0 0; padding: 6px 8px 6px 24px; font-size: 0.85em;
  border-left: 3px solid var(--rl-class-0); background: var(--rl-neutral); }
.notices[hidden] { display: none; }
:host([embed]) { border: 0; border-radius: 0; margin: 0; height: 100%; }
`;

let sheet = null;
/** @returns {CSSStyleSheet} one sheet shared by every figure on the page. */
export function figureSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
