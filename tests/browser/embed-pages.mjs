// The pages around the embed tests' figures: a "blog post" of figures and iframes, the strict CSP
// a careful blog sends with it, and a bare host page for one figure. Only HTML and policy text:
// the browser, the servers and the waits are fixture.mjs's.

/** The policy a careful blog sets, with the figure's files on `cdn` (an origin). */
export function strictCsp(cdn) {
  return [
    'default-src \'none\'', `script-src ${cdn} 'wasm-unsafe-eval'`, `worker-src blob: ${cdn}`,
    `connect-src ${cdn}`, `frame-src ${cdn}`, 'style-src \'self\'', 'img-src \'self\'',
    'base-uri \'none\'', 'form-action \'none\''
  ].join('; ');
}

const lorem = 'Activation functions decide what a unit passes on. '.repeat(6);

/**
 * A post with paragraphs around two iframes of the embed page and three figures; #far is
 * `gap` pixels below the others.
 */
export function blogPost(cdn, gap = 4000) {
  const embed = `${cdn}/embed.html`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title>
<script type="module" src="${cdn}/embed/relu-lab-figure.js"></script></head>
<body><main><h1>Why ReLU?</h1><p>${lorem}</p>
<relu-lab-figure id="near1" autoplay seed="3" panel-size="160"></relu-lab-figure>
<p>${lorem}</p>
<iframe id="frame1" src="${
      embed}#activations=relu,tanh&seed=5&dataset=xor" width="600" height="330" title="figure one"></iframe>
<relu-lab-figure id="near2" autoplay activations="elu,sigmoid" dataset="xor" seed="4" panel-size="160"></relu-lab-figure>
<iframe id="frame2" src="${
      embed}#activations=gelu,silu&seed=6" width="600" height="330" title="figure two"></iframe>
<p>${lorem}</p><canvas width="10" height="${gap}"></canvas>
<relu-lab-figure id="far" autoplay activations="relu,leaky_relu" seed="9" panel-size="160"></relu-lab-figure>
<p>${lorem}</p></main></body></html>`;
}

/** A page holding `body` (figures' markup) with the element's script from the same origin. */
export function figureHost(body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>figure</title>
<script type="module" src="/embed/relu-lab-figure.js"></script></head><body><main>${
      body}</main></body></html>`;
}
