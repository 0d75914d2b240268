// The pages around the embed tests' figures: a "blog post" of figures and iframes, an author's
// styled post, a page for a pasted snippet, the strict CSP a careful blog sends with them, and a
// bare host page for one figure. Only HTML and policy text:
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

/**
 * An author's post as a reader sees it: a styled column of text (its stylesheet from the post's
 * own origin, light and dark), the element's script from `cdn` in the head, three figures (two
 * panels with a caption, three panels at an epoch with their names as h3 under the post's h2,
 * four panels) and an iframe of the embed page.
 */
export function authorPost(cdn) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><title>Why ReLU?</title>
<link rel="stylesheet" href="/post.css">
<script type="module" blocking="render" src="${cdn}/embed/relu-lab-figure.js"></script></head>
<body><main><h1>Why ReLU?</h1><p>${lorem}</p>
<relu-lab-figure id="two" autoplay seed="3"><span slot="caption">Figure 1. ReLU and tanh learn the
circle from the same start.</span></relu-lab-figure>
<p>${lorem}</p><h2>Three at once</h2><p>${lorem}</p>
<relu-lab-figure id="three" activations="relu,tanh,sigmoid" dataset="xor" seed="4" at="30"
heading-level="3"><span slot="caption">Figure 2. Three networks on xor at epoch 30.</span></relu-lab-figure>
<p>${lorem}</p>
<iframe id="frame" src="${cdn}/embed.html#activations=relu,elu&seed=5&dataset=spiral" width="100%"
height="362" title="relu-lab: ReLU vs ELU on the spiral" frameborder="0"></iframe>
<p>${lorem}</p>
<relu-lab-figure id="four" activations="relu,leaky_relu,elu,gelu" seed="9" autoplay></relu-lab-figure>
<p>${lorem}</p></main></body></html>`;
}

/** The post's stylesheet: a column of serif text, dark when the reader's scheme is. */
export const POST_CSS = `
body { margin: 0; font: 18px/1.6 Georgia, serif; color: #1f2328; background: #fdfdfb; }
main { max-width: 720px; margin: 0 auto; padding: 8px 16px 48px; }
iframe { display: block; margin: 1em 0; }
@media (prefers-color-scheme: dark) { body { color: #e6e6e6; background: #121212; } }
`;

/** A page of the post's origin holding a snippet the Share dialog wrote, as an author pastes it. */
export function snippetPost(snippet) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A snippet</title>
</head><body><main><h1>A snippet</h1>
${snippet}
</main></body></html>`;
}

/** A page holding `body` (figures' markup) with the element's script from the same origin. */
export function figureHost(body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>figure</title>
<script type="module" src="/embed/relu-lab-figure.js"></script></head><body><main>${
      body}</main></body></html>`;
}
