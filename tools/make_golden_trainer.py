#!/usr/bin/python3
"""Golden values for the trainer tests (tests/mlp_test.cpp, tests/optimizer_test.cpp).

Runs PyTorch in float64 on float32-representable weights and inputs: a 2-5-4-1 MLP with every
activation (loss, logits, every gradient) and 10-step optimizer trajectories (SGD, momentum,
Nesterov, Adam; L2 on weights only, L1, gradient clipping). Writes C++ to stdout.
Usage: /usr/bin/python3 tools/make_golden_trainer.py > tests/golden/trainer_golden.inc
"""
import math
import sys

import torch
import torch.nn.functional as F

SEED = 20261123
HIDDEN = [5, 4]
BATCH = 8
KINK_MARGIN = 1e-3  # no pre-activation this close to 0 (kinks of relu, leaky, prelu, elu)


def f32(t):
    """Round to float32 and back, so C++ reads the exact same numbers."""
    return t.to(torch.float32).to(torch.float64)


def draw(gen, *shape, scale=1.0):
    return f32((torch.rand(*shape, generator=gen, dtype=torch.float64) * 2 - 1) * scale)


def activation(name, z, p, alpha):
    if name == "linear":
        return z
    if name == "relu":
        return F.relu(z)
    if name == "leaky_relu":
        return F.leaky_relu(z, p["slope"])
    if name == "prelu":
        return F.prelu(z, alpha)
    if name == "elu":
        return F.elu(z, p["alpha"])
    if name == "gelu":
        return F.gelu(z)
    if name == "gelu_tanh":
        return F.gelu(z, approximate="tanh")
    if name == "silu":
        return F.silu(z)
    if name == "softplus":
        return F.softplus(z, p["beta"], p["threshold"])
    if name == "sigmoid":
        return torch.sigmoid(z)
    if name == "tanh":
        return torch.tanh(z)
    raise ValueError(name)


class Net:
    """Parameters in the C++ layout order: every W, then every b, then every alpha."""

    def __init__(self, gen, name, p, prelu_channel):
        sizes = [2] + HIDDEN + [1]
        self.name, self.p = name, p
        self.W = [draw(gen, sizes[l + 1], sizes[l], scale=1.2 / math.sqrt(sizes[l]))
                  for l in range(len(sizes) - 1)]
        self.b = [draw(gen, sizes[l + 1], scale=0.3) for l in range(len(sizes) - 1)]
        self.alpha = []
        if name == "prelu":
            self.alpha = [f32(0.1 + 0.3 * torch.rand(h if prelu_channel else 1, generator=gen,
                                                    dtype=torch.float64)) for h in HIDDEN]
        for t in self.tensors():
            t.requires_grad_(True)

    def tensors(self):
        return self.W + self.b + self.alpha

    def weights(self):
        return self.W

    def others(self):
        return self.b + self.alpha

    def forward(self, x):
        a, zs = x, []
        for l in range(len(self.W)):
            z = a @ self.W[l].T + self.b[l]
            zs.append(z)
            if l < len(HIDDEN):
                a = activation(self.name, z, self.p, self.alpha[l] if self.alpha else None)
            else:
                a = z
        return a.squeeze(1), zs


def flat(ts):
    return [v for t in ts for v in t.detach().reshape(-1).tolist()]


def cpp_floats(values):
    return "{" + ", ".join(float(v).hex() + "f" if math.isfinite(v) else "NAN" for v in values) + "}"


def cpp_doubles(values):
    return "{" + ", ".join(float(v).hex() for v in values) + "}"


def make_net(gen, x, name, p, prelu_channel):
    """Draws nets until no hidden pre-activation is within KINK_MARGIN of 0."""
    while True:
        net = Net(gen, name, p, prelu_channel)
        with torch.no_grad():
            _, zs = net.forward(x)
        if all(z.abs().min().item() > KINK_MARGIN for z in zs[:-1]):
            return net


GRAD_CASES = [
    ("relu", "relu", {}, False),
    ("leaky_relu", "leaky_relu", {"slope": 0.2}, False),
    ("prelu_shared", "prelu", {}, False),
    ("prelu_channel", "prelu", {}, True),
    ("elu", "elu", {"alpha": 0.7}, False),
    ("gelu", "gelu", {}, False),
    ("gelu_tanh", "gelu_tanh", {}, False),
    ("silu", "silu", {}, False),
    ("softplus", "softplus", {"beta": 2.0, "threshold": 5.0}, False),
    ("sigmoid", "sigmoid", {}, False),
    ("tanh", "tanh", {}, False),
    ("linear", "linear", {}, False),
]

# (label, activation, optimizer, lr, momentum, nesterov, l1, l2, clip_norm)
TRAJECTORIES = [
    ("sgd_l2", "relu", "sgd", 0.5, 0.0, False, 0.0, 0.01, 0.0),
    ("momentum_l2", "relu", "momentum", 0.2, 0.9, False, 0.0, 0.01, 0.0),
    ("nesterov_l2", "tanh", "momentum", 0.2, 0.9, True, 0.0, 0.01, 0.0),
    ("adam_l2", "relu", "adam", 0.01, 0.0, False, 0.0, 0.001, 0.0),
    ("adam_prelu", "prelu_channel", "adam", 0.02, 0.0, False, 0.0, 0.0, 0.0),
    ("sgd_l1_clip", "elu", "sgd", 0.5, 0.0, False, 0.003, 0.0, 0.05),
]
STEPS = 10


def cases_by_label(gen, x):
    nets = {}
    for label, name, p, channel in GRAD_CASES:
        full = {"slope": 0.01, "alpha": 1.0, "beta": 1.0, "threshold": 20.0}
        full.update(p)
        nets[label] = (name, full, channel, make_net(gen, x, name, full, channel))
    return nets


def grad_case(out, label, name, p, channel, net, x, y):
    params = flat(net.tensors())
    logits, _ = net.forward(x)
    loss = F.binary_cross_entropy_with_logits(logits, y)
    loss.backward()
    grads = flat([t.grad for t in net.tensors()])
    out.append(f'    {{"{label}", "{name}", {{{p["slope"]!r}f, {p["alpha"]!r}f, {p["beta"]!r}f, '
               f'{p["threshold"]!r}f}}, {int(channel)},\n'
               f'     {cpp_floats(params)},\n     {float(loss.item()).hex()},\n'
               f'     {cpp_doubles(logits.tolist())},\n     {cpp_doubles(grads)}}},')


def trajectory(out, traj, nets, x, y):
    label, grad_label, kind, lr, momentum, nesterov, l1, l2, clip = traj
    name, p, channel, source = nets[grad_label]
    net = Net(torch.Generator().manual_seed(0), name, p, channel)
    with torch.no_grad():
        for t, s in zip(net.tensors(), source.tensors()):
            t.copy_(s)
    initial = flat(net.tensors())
    groups = [{"params": net.weights(), "weight_decay": l2},
              {"params": net.others(), "weight_decay": 0.0}]
    if kind == "adam":
        opt = torch.optim.Adam(groups, lr=lr, betas=(0.9, 0.999), eps=1e-8)
    else:
        opt = torch.optim.SGD(groups, lr=lr, momentum=momentum, nesterov=nesterov)
    losses, norms = [], []
    for _ in range(STEPS):
        opt.zero_grad()
        logits, _ = net.forward(x)
        loss = F.binary_cross_entropy_with_logits(logits, y)
        loss.backward()
        losses.append(loss.item())
        # Clipping sees the loss gradient only; L1 and L2 are added after it, as in the C++.
        total = torch.nn.utils.clip_grad_norm_(net.tensors(), clip if clip > 0 else 1e300)
        norms.append(float(total))
        if l1 > 0:
            for w in net.weights():
                w.grad += l1 * torch.sign(w.detach())
        opt.step()
    out.append(f'    {{"{label}", "{grad_label}", {kind_enum(kind)}, {lr!r}f, {momentum!r}f, '
               f'{str(nesterov).lower()}, {l1!r}f, {l2!r}f, {clip!r}f,\n'
               f'     {cpp_floats(initial)},\n     {cpp_doubles(losses)},\n'
               f'     {cpp_doubles(norms)},\n     {cpp_doubles(flat(net.tensors()))}}},')


def kind_enum(kind):
    return {"sgd": "relu::OptimizerKind::kSgd", "momentum": "relu::OptimizerKind::kMomentum",
            "adam": "relu::OptimizerKind::kAdam"}[kind]


def main():
    torch.set_default_dtype(torch.float64)
    gen = torch.Generator().manual_seed(SEED)
    x = draw(gen, BATCH, 2)
    y = torch.tensor([1.0 if (a * a + b * b) < 0.4 else 0.0 for a, b in x.tolist()])
    y[0], y[1] = 1.0, 0.0  # both classes present whatever the draw
    nets = cases_by_label(gen, x)
    out = [
        "// Generated by tools/make_golden_trainer.py: do not edit.",
        f"// torch {torch.__version__}, float64 on float32 inputs, seed {SEED}.",
        "// Command: /usr/bin/python3 tools/make_golden_trainer.py > tests/golden/trainer_golden.inc",
        "// A 2-" + "-".join(map(str, HIDDEN)) + "-1 MLP; params and grads in the C++ layout order:",
        "// every W (row-major (out, in)), then every b, then every PReLU alpha.",
        "#pragma once",
        "#include <vector>",
        "",
        '#include "nn/optimizer.h"',
        "",
        "namespace golden {",
        f"constexpr int kHidden[] = {{{', '.join(map(str, HIDDEN))}}};",
        f"constexpr int kBatch = {BATCH};",
        f"constexpr float kX[] = {cpp_floats(flat([x]))};",
        f"constexpr float kY[] = {cpp_floats(y.tolist())};",
        f"constexpr int kSteps = {STEPS};",
        "",
        "struct GradCase {",
        "  const char* label;",
        "  const char* activation;",
        "  float act_params[4];  // ActivationParams slope, alpha, beta, threshold",
        "  int prelu_channel;                    // 1: one alpha per unit",
        "  std::vector<float> params;",
        "  double loss;",
        "  std::vector<double> logits;",
        "  std::vector<double> grads;",
        "};",
        "inline const GradCase kGradCases[] = {",
    ]
    for label, (name, p, channel, net) in nets.items():
        grad_case(out, label, name, p, channel, net, x, y)
    out += [
        "};",
        "",
        "struct Trajectory {",
        "  const char* label;",
        "  const char* grad_case;  // network (activation) of this kGradCases label",
        "  relu::OptimizerKind kind;",
        "  float lr, momentum;",
        "  bool nesterov;",
        "  float l1, l2, clip_norm;",
        "  std::vector<float> initial;  // params before step 1",
        "  std::vector<double> losses;  // full-batch loss before each step",
        "  std::vector<double> norms;   // gradient norm before each step (before clipping)",
        "  std::vector<double> final;   // params after kSteps steps",
        "};",
        "inline const Trajectory kTrajectories[] = {",
    ]
    for traj in TRAJECTORIES:
        trajectory(out, traj, nets, x, y)
    out += ["};", "}  // namespace golden", ""]
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
