// SPDX-License-Identifier: Apache-2.0
// Malformed files, byte by byte: each is refused with a message naming where, and an import of it
// leaves the store exactly as it was.
#include <catch2/catch.hpp>

#include <functional>

#include "catalogue/catalogue_file.h"
#include "catalogue/catalogue_store.h"
#include "support/sample_guides.h"
#include "support/temp_dir.h"

using namespace hall;
using namespace hall::catalogue;
using hall::test::catalogue_text;
using hall::test::valid_guide;

namespace {

struct FileCase {
  const char* name;
  std::function<std::string()> bytes;
  const char* expected;  // a substring of the report
};

std::string nested(int depth) {
  std::string s = R"({"format": "hallkiosk.catalogue/1", "guides": [)";
  for (int i = 0; i < depth; ++i) s += "[";
  for (int i = 0; i < depth; ++i) s += "]";
  return s + "]}";
}

std::string with_guide_text(const std::string& raw_key_value) {
  // A valid guide with one more key whose value is written raw (so it may hold broken bytes).
  std::string text = catalogue_text({valid_guide()});
  const auto at = text.find("\"conditions\":");
  return text.insert(at, raw_key_value + ",");
}

std::string snapshot(CatalogueStore& store) {
  auto exported = store.export_current();
  REQUIRE(exported);
  auto st = store.database().prepare(
      "SELECT (SELECT COUNT(*) FROM guide_versions), (SELECT COUNT(*) FROM search_terms), "
      "(SELECT COUNT(*) FROM guide_topics), (SELECT COUNT(*) FROM guide_materials)");
  REQUIRE(st);
  REQUIRE(*st->step());
  return *exported + "|" + st->text(0) + "," + st->text(1) + "," + st->text(2) + "," + st->text(3);
}

}  // namespace

TEST_CASE("malformed catalogue files are refused and change nothing", "[catalogue][malformed]") {
  const FileCase cases[] = {
      {"empty file", [] { return std::string(); }, "catalogue: line 1, column 1: unexpected end of input"},
      {"not JSON", [] { return std::string("高龄津贴"); }, "catalogue: line 1, column 1: invalid literal"},
      {"truncated JSON", [] { return catalogue_text({valid_guide()}).substr(0, 200); }, "catalogue: line 1, column 205: invalid string: missing closing quote"},
      {"a bare array", [] { return std::string("[]"); }, "catalogue: $.format: expected"},
      {"wrong format name", [] { return std::string(R"({"format": "hallkiosk.catalogue/2", "guides": []})"); },
       "catalogue: $.format: expected \"hallkiosk.catalogue/1\" or \"hallkiosk.guide/1\", got \"hallkiosk.catalogue/2\""},
      {"guides is not an array", [] { return std::string(R"({"format": "hallkiosk.catalogue/1", "guides": {}})"); },
       "catalogue: $.guides: expected an array of guides"},
      {"a guide is a string", [] { return std::string(R"({"format": "hallkiosk.catalogue/1", "guides": ["G-1"]})"); },
       "guide #1: $: expected a guide object"},
      {"bad UTF-8 in a value", [] { return with_guide_text("\"name_en\": \"Old\xC3\x28 age\""); },
       "guide G-0001: $.name_en: not valid UTF-8"},
      {"overlong UTF-8 encoding", [] { return with_guide_text("\"name_en\": \"\xC0\xAF\""); },
       "guide G-0001: $.name_en: not valid UTF-8"},
      {"UTF-16 surrogate in UTF-8", [] { return with_guide_text("\"name_en\": \"\xED\xA0\x80\""); },
       "guide G-0001: $.name_en: not valid UTF-8"},
      {"bad UTF-8 in an unknown key's value", [] { return with_guide_text("\"x_note\": \"\xFF\""); },
       "catalogue: byte"},
      {"raw control character in a string", [] { return with_guide_text("\"name_en\": \"a\x01z\""); },
       "catalogue: line 1, column 815: invalid string: control character U+0001 (SOH) must be escaped"},
      {"escaped control character", [] { return with_guide_text("\"name_en\": \"a\\u0001z\""); },
       "guide G-0001: $.name_en: contains a control character (U+0001)"},
      {"nested deeper than 32 levels", [] { return nested(40); }, "catalogue: nested deeper than 32 levels"},
      {"oversized file", [] { return std::string(64u * 1024u * 1024u + 1u, ' '); },
       "more than the limit of 64 MiB"},
      {"duplicate ids", [] { return catalogue_text({valid_guide("G-1"), valid_guide("G-1", "另一个")}); },
       "guide G-1: $.id: duplicate id (guides #1 and #2)"},
      {"one bad guide among good ones",
       [] {
         auto bad = valid_guide("G-3");
         bad["materials"][2]["certificate"].erase("requested_by");
         return catalogue_text({valid_guide("G-2"), bad, valid_guide("G-4")});
       },
       "guide G-3: $.materials[2].certificate.requested_by: missing"},
      {"a wrong kind deep inside", [] {
         auto g = valid_guide();
         g["steps"][1]["time_limit"]["value"] = "5";
         return catalogue_text({g});
       },
       "guide G-0001: $.steps[1].time_limit.value: expected an integer, got a string"},
      {"number where an object belongs", [] {
         auto g = valid_guide();
         g["location"] = 3;
         return catalogue_text({g});
       },
       "guide G-0001: $.location: expected an object, got an integer"},
      {"null for a required string", [] {
         auto g = valid_guide();
         g["contact_phone"] = nullptr;
         return catalogue_text({g});
       },
       "guide G-0001: $.contact_phone: expected a string, got null"},
      {"a standalone guide with a bad field", [] {
         auto g = valid_guide();
         g["format"] = "hallkiosk.guide/1";
         g["handling"] = "window";
         return g.dump();
       },
       "guide G-0001: $.handling: expected an array of strings, got a string"},
      {"trailing garbage after the JSON", [] { return catalogue_text({valid_guide()}) + "}"; },
       "expected end of input"},
  };

  hall::test::TempDir dir;
  ManualClock clock(Instant{std::chrono::seconds{1'800'000'000}});
  auto store = CatalogueStore::open(dir.file("catalogue.db"), clock);
  REQUIRE(store);
  auto baseline = parse_catalogue(catalogue_text({valid_guide("G-0001"), valid_guide("G-9", "临时救助申请")}));
  REQUIRE(baseline);
  REQUIRE(store->import(*baseline));
  const std::string before = snapshot(*store);

  for (const auto& c : cases) {
    SECTION(c.name) {
      INFO("case: " << c.name);
      const auto parsed = parse_catalogue(c.bytes());
      REQUIRE_FALSE(parsed);
      CHECK(parsed.error().code == ErrorCode::invalid_input);
      CHECK_THAT(parsed.error().message, Catch::Contains(c.expected));
      CHECK(snapshot(*store) == before);
    }
  }
}

TEST_CASE("a standalone guide file is read without its envelope", "[catalogue]") {
  auto g = valid_guide("G-7");
  g["format"] = "hallkiosk.guide/1";
  const auto parsed = parse_catalogue(g.dump());
  REQUIRE(parsed);
  REQUIRE(parsed->guides.size() == 1);
  CHECK_FALSE(Json::parse(parsed->guides[0].source_json).contains("format"));
}

TEST_CASE("a file over the size limit is refused before it is read", "[catalogue][malformed]") {
  hall::test::TempDir dir;
  const std::string path = dir.file("huge.json");
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    REQUIRE(f);
    std::fseek(f, 64L * 1024 * 1024 + 10, SEEK_SET);  // a sparse file: large, costs no disk
    std::fputc(' ', f);
    std::fclose(f);
  }
  const auto parsed = load_catalogue_file(path);
  REQUIRE_FALSE(parsed);
  CHECK_THAT(parsed.error().message, Catch::Contains("more than the limit of 64 MiB"));
  CHECK_THAT(parsed.error().message, Catch::Contains(path));
}

TEST_CASE("a missing file is an i/o error naming the file", "[catalogue]") {
  const auto parsed = load_catalogue_file("/nonexistent/catalogue.json");
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error().code == ErrorCode::io);
  CHECK_THAT(parsed.error().message, Catch::Contains("/nonexistent/catalogue.json"));
}
