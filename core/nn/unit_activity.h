// What a dead or silent hidden unit is, defined once: the metrics (dead on the training rows,
// silent on the test rows) and the plotted domain (silent on the grid) all call this. It scans
// a forward pass the caller ran; choosing the points is the caller's job.
#pragma once

#include "nn/mlp.h"

namespace relu {

// One flag per hidden unit: unit[l][o] for hidden layer l, unit o.
struct UnitMask {
  bool unit[kMlpMaxHiddenLayers][kMlpMaxUnits] = {};
};

// The definition: a hidden unit is INACTIVE on a set of points if its activation's derivative
// (the layer's own backward kernel with dy = 1 at the unit's pre-activations) is exactly 0 at
// every one of them. For ReLU that is "never positive"; Leaky ReLU, ELU and PReLU with a
// non-zero slope are inactive only where the float derivative underflows, tanh and sigmoid only
// where they saturate completely. A unit inactive on the training rows is DEAD (no gradient
// reaches its weights); inactive on the test rows or on the plotted grid it is SILENT there.
//
// Sets active->unit[l][o] for every hidden unit whose derivative is non-zero at one of the
// `count` points of mlp's last forward (count <= the batch of that forward); leaves the other
// flags as they were, so that a caller ORs chunk after chunk and reads "inactive" as !active.
// Allocates nothing.
void units_mark_active(UnitMask* active, const Mlp& mlp, int count);

}  // namespace relu
