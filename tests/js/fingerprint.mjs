// A short training run's losses and accuracies as one string: two labs that give the same string
// train the same way (used to show that a lab still works after it was stressed).
export function fingerprint(lab) {
  const arena = lab.createArena({points: 100, activations: ['relu', 'tanh'], seed: 3});
  try {
    arena.train(3);
    return JSON.stringify(arena.metrics().map((m) => [m.trainLoss, m.testAccuracy]));
  } finally {
    arena.delete();
  }
}
