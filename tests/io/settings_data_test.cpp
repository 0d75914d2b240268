// Tests the settings rows of core/io/settings.* for given data (data: {points, labels}) and
// the dropout and batchNorm rows: shapes accepted, errors naming the field, the round trip.
#include <catch.hpp>
#include <string>

#include "io/settings.h"

using relu::settings_from_json_text;

namespace {

// 12 points on a line in raw units, labels alternating (both classes).
std::string twelve_points(bool flat) {
  std::string points, labels;
  for (int i = 0; i < 12; ++i) {
    const std::string x = std::to_string(-5.5 + i);
    points += (i > 0 ? "," : "") + (flat ? x + ",0.5" : "[" + x + ",0.5]");
    labels += (i > 0 ? "," : "") + std::to_string(i % 2);
  }
  return R"({"points": [)" + points + R"(], "labels": [)" + labels + "]}";
}

}  // namespace

TEST_CASE("data: pairs or a flat array, the points row follows the row count") {
  for (bool flat : {false, true}) {
    const auto r = settings_from_json_text(R"({"data": )" + twelve_points(flat) + "}");
    INFO(r.error);
    REQUIRE(r.ok());
    CHECK(r.warnings.empty());
    CHECK(r.settings.dataset.points == 12);
    REQUIRE(r.settings.dataset.custom_points.size() == 24);
    CHECK(r.settings.dataset.custom_points[2] == -4.5f);
    CHECK(r.settings.dataset.custom_points[3] == 0.5f);
    CHECK(r.settings.dataset.custom_labels[11] == 1.0f);
  }
  const auto given = settings_from_json_text(R"({"points": 40, "data": )" + twelve_points(false) +
                                             R"(, "batchSize": 100})");
  REQUIRE(given.ok());
  CHECK(given.settings.dataset.points == 12);
  REQUIRE(given.warnings.size() == 2);
  CHECK(given.warnings[0] == "points: 40 replaced by data's 12 rows");
  CHECK(given.warnings[1] == "batchSize 100 clamped to 12");  // the bound reads the data's rows
}

TEST_CASE("data: malformed or out-of-contract data are errors naming the field") {
  const std::string two = R"("labels": [0, 1, 0, 1, 0, 1, 0, 1, 0, 1])";
  const std::string ten = R"("points": [[0,0],[0,1],[1,0],[1,1],[2,2],[2,3],[3,2],[3,3],[4,4],)";
  const std::pair<std::string, std::string> cases[] = {
      {R"({"data": [1, 2]})", "data: expected an object, got an array"},
      {R"({"data": {"labels": [0, 1]}})", "data.points: missing"},
      {R"({"data": {"points": [[0, 0]]}})",
       "data: labels (two classes) or targets (a regression) are missing"},
      {R"({"data": {"points": [[0, 0]], "labels": [0], "targets": [0.5]}})",
       "data: labels (two classes) or targets (a regression), not both"},
      {R"({"data": {"points": [[0, 0]], "labels": [0]}})",
       "data.labels: 1 rows is outside 10..5000"},
      {R"({"data": {"points": [[0, 0]], )" + two + "}}",
       "data.points: expected 10 points ([x, y] pairs or 2 numbers each) for 10 labels, got 1 "
       "values"},
      {R"({"data": {)" + ten + R"([4, 7]], )" + two + "}}",
       "data.points[9][1]: must be finite and within [-6, 6]"},
      {R"({"data": {)" + ten + R"([4, 1, 2]], )" + two + "}}", "data.points[9]: expected [x, y]"},
      {R"({"data": {)" + ten + R"([4, "a"]], )" + two + "}}",
       "data.points[9][1]: expected a number, got a string"},
      {R"({"data": {)" + ten + R"([4, 4]], "labels": [0, 1, 0, 1, 0, 1, 0, 1, 0, 2]}})",
       "data.labels[9]: must be 0 or 1"},
      {R"({"data": {)" + ten + R"([4, 4]], "labels": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}})",
       "data.labels: both classes (0 and 1) must be present"},
  };
  for (const auto& [text, error] : cases) {
    INFO(text);
    CHECK(settings_from_json_text(text).error == error);
  }
}

TEST_CASE("data with targets: a regression's rows, errors naming the target, the round trip") {
  std::string points, targets;
  for (int i = 0; i < 12; ++i) {
    points += (i > 0 ? "," : "") + std::string("[") + std::to_string(-5.5 + i) + ",0.5]";
    targets += (i > 0 ? "," : "") + std::to_string(-2.5 + 0.75 * i);
  }
  const std::string data = R"({"points": [)" + points + R"(], "targets": [)" + targets + "]}";
  const auto r = settings_from_json_text(R"({"dataset": "circle", "data": )" + data + "}");
  INFO(r.error);
  REQUIRE(r.ok());
  CHECK(r.settings.dataset.custom_labels.empty());
  REQUIRE(r.settings.dataset.custom_targets.size() == 12);
  CHECK(r.settings.dataset.custom_targets[11] == 5.75f);
  CHECK(r.settings.dataset.points == 12);
  const std::string text = relu::json::write(relu::settings_to_json(r.settings, {}));
  CHECK(text.find(R"("targets":[-2.5,-1.75,-1,)") != std::string::npos);
  CHECK(text.find("\"labels\"") == std::string::npos);
  const auto again = settings_from_json_text(text);
  REQUIRE(again.ok());
  CHECK(again.warnings.empty());
  CHECK(again.settings.dataset.custom_targets == r.settings.dataset.custom_targets);
  CHECK(relu::json::write(relu::settings_to_json(again.settings, {})) == text);

  const std::string ten =
      R"({"data": {"points": [[0,0],[0,1],[1,0],[1,1],[2,2],[2,3],[3,2],[3,3],[4,4],[4,4]], )";
  const std::pair<std::string, std::string> cases[] = {
      {ten + R"("targets": [0, 1, 2, 3, 4, 5, 6, 7, 8, 1001]}})",
       "data.targets[9]: must be finite and within [-1000, 1000]"},
      {ten + R"("targets": [0, 1, 2, 3, "4", 5, 6, 7, 8, 9]}})",
       "data.targets[4]: expected a number, got a string"},
      {ten + R"("targets": [0, 1]}})", "data.targets: 2 rows is outside 10..5000"},
      {R"({"data": {"points": [[0, 0]], "targets": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]}})",
       "data.points: expected 10 points ([x, y] pairs or 2 numbers each) for 10 targets, got 1 "
       "values"},
  };
  for (const auto& [text_in, error] : cases) {
    INFO(text_in);
    CHECK(settings_from_json_text(text_in).error == error);
  }
}

TEST_CASE("data, dropout and batchNorm round-trip; dropout is clamped to 0..0.9") {
  const auto first = settings_from_json_text(R"({"data": )" + twelve_points(true) +
                                             R"(, "dropout": 0.2, "batchNorm": true})");
  REQUIRE(first.ok());
  CHECK(first.settings.dropout == 0.2f);
  CHECK(first.settings.batch_norm);
  const std::string text = relu::json::write(relu::settings_to_json(first.settings, {}));
  CHECK(text.find(R"("data":{"points":[[-5.5,0.5],[-4.5,0.5],)") != std::string::npos);
  const auto second = settings_from_json_text(text);
  REQUIRE(second.ok());
  CHECK(second.warnings.empty());
  CHECK(relu::json::write(relu::settings_to_json(second.settings, {})) == text);
  // Without data the key is not written, and the defaults are off.
  const std::string plain = relu::json::write(relu::settings_to_json(relu::ArenaSettings(), {}));
  CHECK(plain.find("\"data\"") == std::string::npos);
  CHECK(plain.find(R"("dropout":0,"batchNorm":false)") != std::string::npos);
  const auto clamped = settings_from_json_text(R"({"dropout": 0.95})");
  REQUIRE(clamped.ok());
  CHECK(clamped.settings.dropout == 0.9f);
  CHECK(clamped.warnings.at(0) == "dropout 0.95 clamped to 0.9");
}
