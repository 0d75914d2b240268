lab = (await import("https://cdn.jsdelivr.net/npm/relu-lab@0.1/dist/js/relu-lab.mjs")).loadReluLab()

metrics = {
  const arena = lab.createArena({activations: ["relu", "tanh"], seed: 3});
  for (let done = 0; done < 50;) done += arena.train(50 - done).epochs;
  const metrics = arena.metrics();
  arena.delete();
  return metrics;
}
