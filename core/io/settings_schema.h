// The schema JS reads (lab.schema): every arena setting and every activation parameter with its
// type, default, range, options and meaning, plus the size limits, all from the rows in core.
//   {settings: [{key, type, default, min?, max?, maxTarget? (data: a regression's |target|),
//                options?, meaning}],
//    regressionDatasets: ["reg-plane", ...] (the dataset options whose labels are targets),
//    activations: [{name, displayName, params: [{key, type, default, min?, max?, options?,
//                                                 meaning}]}],
//    limits: {maxNetworks, maxHiddenLayers, maxUnits, minPoints, maxPoints, ...}}
// Float bounds and defaults print as the floats they are (0.9, not 0.8999999761581421).
#pragma once

#include <string>

#include "io/json.h"

namespace relu {

json::Value settings_schema_json();
std::string settings_schema_text();  // json::write(settings_schema_json())

}  // namespace relu
