// SPDX-License-Identifier: Apache-2.0
#include "catalogue/catalogue_file.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "catalogue/guide_parser.h"
#include "catalogue/json_reader.h"
#include "common/json_guard.h"
#include "common/utf8.h"

namespace hall::catalogue {
namespace {

constexpr std::string_view catalogue_format = "hallkiosk.catalogue/1";
constexpr std::string_view guide_format = "hallkiosk.guide/1";

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

// Replaces every byte that is not part of valid UTF-8 with U+FFFD, so the parser accepts the text
// and the validator can name the string that held it.
std::string replace_invalid_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + 16);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const auto bad = utf8::first_invalid(bytes.substr(done));
    if (!bad) break;
    out.append(bytes.substr(done, *bad));
    out.append("\xEF\xBF\xBD");
    done += *bad + 1;
  }
  out.append(bytes.substr(done));
  return out;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

// nlohmann says "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error
// while parsing value - invalid literal; last read: '...'"; an administrator needs the place and
// the reason, in valid UTF-8 even when the bytes read were not.
std::string describe_parse_error(const std::string& what) {
  std::string m = what;
  if (const auto close = m.find("] "); close != std::string::npos) m = m.substr(close + 2);
  m = replace_all(m, "parse error at ", "");
  m = replace_all(m, ": syntax error while parsing value - ", ": ");
  m = replace_all(m, ": syntax error while parsing object - ", ": ");
  m = replace_all(m, ": syntax error while parsing array - ", ": ");
  return "catalogue: " + replace_invalid_utf8(m);
}

}  // namespace

bool nesting_exceeds(std::string_view s, int max_depth) {
  // The one scanner of untrusted JSON (common/json_guard), without its size limit.
  return !check_json_limits(s, {SIZE_MAX, max_depth}, "catalogue");
}

Result<CatalogueFile> parse_catalogue(std::string_view bytes) {
  if (bytes.size() > max_file_bytes) {
    return fail(ErrorCode::invalid_input, "catalogue: file is " + std::to_string(bytes.size()) +
                                              " bytes, more than the limit of 64 MiB");
  }
  if (nesting_exceeds(bytes, max_nesting)) {
    return fail(ErrorCode::invalid_input, "catalogue: nested deeper than " + std::to_string(max_nesting) + " levels");
  }
  const bool had_bad_utf8 = utf8::first_invalid(bytes).has_value();
  const std::string text = had_bad_utf8 ? replace_invalid_utf8(bytes) : std::string(bytes);
  Json root;
  try {
    root = Json::parse(text);
  } catch (const Json::exception& e) {
    return fail(ErrorCode::invalid_input, describe_parse_error(e.what()));
  }
  Problems problems;
  std::vector<const Json*> guide_nodes;
  const auto format = root.is_object() && root.contains("format") && root["format"].is_string()
                          ? root["format"].get<std::string>()
                          : std::string();
  if (format == catalogue_format) {
    const auto it = root.find("guides");
    if (it == root.end() || !it->is_array()) {
      problems.add("catalogue", "$.guides", "expected an array of guides");
    } else {
      for (const auto& g : *it) guide_nodes.push_back(&g);
    }
  } else if (format == guide_format) {
    guide_nodes.push_back(&root);
  } else {
    problems.add("catalogue", "$.format",
                 "expected \"hallkiosk.catalogue/1\" or \"hallkiosk.guide/1\"" +
                     (format.empty() ? std::string() : ", got \"" + format + "\""));
  }

  CatalogueFile out;
  std::map<std::string, std::size_t> seen;  // id -> position, for duplicate reports
  for (std::size_t i = 0; i < guide_nodes.size(); ++i) {
    Json node = *guide_nodes[i];
    if (format == guide_format) node.erase("format");  // the envelope is not part of the guide
    auto guide = parse_guide(node, "guide #" + std::to_string(i + 1), problems);
    if (!guide) continue;
    const auto [it, inserted] = seen.emplace(guide->id, i);
    if (!inserted) {
      problems.add("guide " + guide->id, "$.id",
                   "duplicate id (guides #" + std::to_string(it->second + 1) + " and #" + std::to_string(i + 1) + ")");
      continue;
    }
    out.guides.push_back(std::move(*guide));
  }
  if (had_bad_utf8 && problems.empty()) {
    // Invalid bytes outside any string (in a key or between tokens) still make the file invalid.
    problems.add_plain("catalogue: byte " + std::to_string(*utf8::first_invalid(bytes)) + ": not valid UTF-8");
  }
  if (!problems.empty()) return fail(ErrorCode::invalid_input, join(problems.messages()));
  return out;
}

Result<CatalogueFile> load_catalogue_file(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return fail(ErrorCode::io, path + ": " + ec.message());
  if (size > max_file_bytes) {
    return fail(ErrorCode::invalid_input,
                path + ": file is " + std::to_string(size) + " bytes, more than the limit of 64 MiB");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::io, path + ": cannot be opened for reading");
  std::ostringstream content;
  content << in.rdbuf();
  auto parsed = parse_catalogue(content.str());
  if (!parsed) {
    // Problems already name guides and paths; prefix nothing so each line stays one fact.
    return std::unexpected(parsed.error());
  }
  return parsed;
}

}  // namespace hall::catalogue
