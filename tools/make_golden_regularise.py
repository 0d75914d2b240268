#!/usr/bin/python3
"""Golden values for batch normalisation and dropout (tests/nn/batch_norm_test.cpp,
tests/nn/dropout_test.cpp).

Runs PyTorch in float64 on float32-representable weights and inputs: a 2-5-4-1 ReLU MLP with
torch.nn.functional.batch_norm (training mode, momentum 0.1, eps 1e-5) before each hidden
activation and/or dropout after it with a FIXED mask (torch.nn.Dropout's semantics, a * mask with
mask 0 or 1 / (1 - p), so C++ can replay the mask): loss, logits and every gradient, and a 5-step
SGD-with-momentum trajectory with the running statistics. Writes C++ to stdout.
Usage: /usr/bin/python3 tools/make_golden_regularise.py > tests/golden/regularise_golden.inc
"""
import math
import sys

import torch
import torch.nn.functional as F

SEED = 20261124
HIDDEN = [5, 4]
BATCH = 10  # not a multiple of 4: the C++ padding lanes are exercised
P = 0.25
KINK_MARGIN = 1e-3
STEPS = 5
LR = 0.2
MOMENTUM = 0.9


def f32(t):
    return t.to(torch.float32).to(torch.float64)


def draw(gen, *shape, scale=1.0):
    return f32((torch.rand(*shape, generator=gen, dtype=torch.float64) * 2 - 1) * scale)


class Net:
    """Parameters in the C++ layout order: every W, every b, every gamma, every beta."""

    def __init__(self, gen, bn, masks):
        sizes = [2] + HIDDEN + [1]
        self.bn, self.masks = bn, masks
        self.W = [draw(gen, sizes[l + 1], sizes[l], scale=1.2 / math.sqrt(sizes[l]))
                  for l in range(len(sizes) - 1)]
        self.b = [draw(gen, sizes[l + 1], scale=0.3) for l in range(len(sizes) - 1)]
        self.gamma = [f32(0.5 + torch.rand(h, generator=gen, dtype=torch.float64)) for h in HIDDEN] if bn else []
        self.beta = [draw(gen, h, scale=0.3) for h in HIDDEN] if bn else []
        self.mean = [torch.zeros(h) for h in HIDDEN]
        self.var = [torch.ones(h) for h in HIDDEN]
        for t in self.tensors():
            t.requires_grad_(True)

    def tensors(self):
        return self.W + self.b + self.gamma + self.beta

    def forward(self, x):
        a, zs = x, []
        for l in range(len(self.W)):
            z = a @ self.W[l].T + self.b[l]
            if l < len(HIDDEN):
                if self.bn:
                    z = F.batch_norm(z, self.mean[l], self.var[l], self.gamma[l], self.beta[l],
                                     training=True, momentum=0.1, eps=1e-5)
                zs.append(z)
                a = F.relu(z)
                if self.masks is not None:
                    a = a * self.masks[l]
            else:
                a = z
        return a.squeeze(1), zs


def flat(ts):
    return [v for t in ts for v in t.detach().reshape(-1).tolist()]


def cpp_floats(values):
    return "{" + ", ".join(float(v).hex() + "f" for v in values) + "}"


def cpp_doubles(values):
    return "{" + ", ".join(float(v).hex() for v in values) + "}"


def make_net(gen, x, bn, masks):
    while True:
        net = Net(gen, bn, masks)
        saved = [m.clone() for m in net.mean], [v.clone() for v in net.var]
        with torch.no_grad():
            _, zs = net.forward(x)
        net.mean, net.var = saved
        if all(z.abs().min().item() > KINK_MARGIN for z in zs):
            return net


def case(out, label, net, x, y):
    params = flat(net.tensors())
    logits, _ = net.forward(x)
    loss = F.binary_cross_entropy_with_logits(logits, y)
    loss.backward()
    grads = flat([t.grad for t in net.tensors()])
    running = flat(net.mean + net.var) if net.bn else []
    for t in net.tensors():
        t.grad = None
    # The trajectory restarts from the same parameters and fresh running statistics.
    net.mean = [torch.zeros(h) for h in HIDDEN]
    net.var = [torch.ones(h) for h in HIDDEN]
    # SGD with momentum, not Adam: with batch norm the linear bias is redundant and its gradient
    # is rounding noise (float32 and float64 noise differ), which Adam would scale up to lr.
    opt = torch.optim.SGD(net.tensors(), lr=LR, momentum=MOMENTUM)
    losses = []
    for _ in range(STEPS):
        opt.zero_grad()
        step_logits, _ = net.forward(x)
        step_loss = F.binary_cross_entropy_with_logits(step_logits, y)
        step_loss.backward()
        losses.append(step_loss.item())
        opt.step()
    out.append(f'    {{"{label}", {int(net.bn)}, {int(net.masks is not None)},\n'
               f'     {cpp_floats(params)},\n     {float(loss.item()).hex()},\n'
               f'     {cpp_doubles(logits.tolist())},\n     {cpp_doubles(grads)},\n'
               f'     {cpp_doubles(running)},\n     {cpp_doubles(losses)},\n'
               f'     {cpp_doubles(flat(net.tensors()))},\n'
               f'     {cpp_doubles(flat(net.mean + net.var) if net.bn else [])}}},')


def main():
    torch.set_default_dtype(torch.float64)
    gen = torch.Generator().manual_seed(SEED)
    x = draw(gen, BATCH, 2)
    y = torch.tensor([1.0 if (a * a + b * b) < 0.4 else 0.0 for a, b in x.tolist()])
    y[0], y[1] = 1.0, 0.0
    # Dropout masks as torch.nn.Dropout makes them: bernoulli(1 - p) / (1 - p), (B, O).
    masks = [f32(torch.bernoulli(torch.full((BATCH, h), 1 - P), generator=gen) / (1 - P))
             for h in HIDDEN]
    nets = [("batch_norm", make_net(gen, x, True, None)),
            ("dropout", make_net(gen, x, False, masks)),
            ("batch_norm_dropout", make_net(gen, x, True, masks))]
    out = [
        "// Generated by tools/make_golden_regularise.py: do not edit.",
        f"// torch {torch.__version__}, float64 on float32 inputs, seed {SEED}.",
        "// Command: /usr/bin/python3 tools/make_golden_regularise.py > "
        "tests/golden/regularise_golden.inc",
        "// A 2-" + "-".join(map(str, HIDDEN)) + "-1 ReLU MLP, batch norm (training mode) before and/or",
        "// dropout (fixed masks) after each hidden activation. Params and grads in the C++ layout",
        "// order: every W (row-major (out, in)), every b, every gamma, every beta.",
        "#pragma once",
        "#include <vector>",
        "",
        "namespace golden_regularise {",
        f"constexpr int kHidden[] = {{{', '.join(map(str, HIDDEN))}}};",
        f"constexpr int kBatch = {BATCH};",
        f"constexpr float kDropout = {P!r}f;",
        f"constexpr int kSteps = {STEPS};",
        f"constexpr float kLr = {LR!r}f;  // SGD with momentum",
        f"constexpr float kMomentum = {MOMENTUM!r}f;",
        f"constexpr float kX[] = {cpp_floats(flat([x]))};",
        f"constexpr float kY[] = {cpp_floats(y.tolist())};",
        "// Dropout masks per hidden layer, (units, batch) unit-major, values 0 or 1 / (1 - p).",
        f"constexpr float kMask0[] = {cpp_floats(flat([masks[0].T]))};",
        f"constexpr float kMask1[] = {cpp_floats(flat([masks[1].T]))};",
        "",
        "struct Case {",
        "  const char* label;",
        "  int batch_norm;",
        "  int dropout;",
        "  std::vector<float> params;",
        "  double loss;",
        "  std::vector<double> logits;",
        "  std::vector<double> grads;",
        "  std::vector<double> running;  // after one forward: every running mean, every variance",
        "  std::vector<double> losses;   // SGD trajectory (from fresh running statistics)",
        "  std::vector<double> final;",
        "  std::vector<double> final_running;",
        "};",
        "inline const Case kCases[] = {",
    ]
    for label, net in nets:
        case(out, label, net, x, y)
    out += ["};", "}  // namespace golden_regularise", ""]
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
