// The page's two ways of drawing the fields, for the benches and tests that compare them: by
// default the workers draw into canvases the page handed them; with this init script the page
// finds no OffscreenCanvas transfer and draws every field on its own thread, as browsers
// without it do.

/** An init script (page.addInitScript): hides canvas transfer from the page. */
export function forceMainThreadFields() {
  delete HTMLCanvasElement.prototype.transferControlToOffscreen;
}
