// SPDX-License-Identifier: Apache-2.0
#include "notices/notice_file.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "common/json_guard.h"
#include "notices/notice_labels.h"

namespace hall::notices {
namespace {

constexpr std::string_view notice_format = "hallkiosk.notice/1";
constexpr std::string_view directory_format = "hallkiosk.notices/1";

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

std::vector<const Json*> notice_nodes(const Json& root, const std::string& format, Problems& problems) {
  std::vector<const Json*> nodes;
  if (format == directory_format) {
    const auto it = root.find("notices");
    if (it == root.end() || !it->is_array()) {
      problems.add("notices", "$.notices", "expected an array of notices");
    } else {
      for (const auto& n : *it) nodes.push_back(&n);
    }
  } else if (format == notice_format) {
    nodes.push_back(&root);
  } else {
    problems.add("notices", "$.format",
                 "expected \"hallkiosk.notice/1\" or \"hallkiosk.notices/1\"" +
                     (format.empty() ? std::string() : ", got \"" + format + "\""));
  }
  return nodes;
}

// A 解读 the kiosk shows "one tap away" from its policy must find that policy in the directory.
void check_links(const NoticeFile& file, Problems& problems) {
  std::map<std::string, const Notice*> by_id;
  for (const auto& n : file.notices) by_id.emplace(n.id, &n);
  for (const auto& n : file.notices) {
    if (n.kind != NoticeKind::interpretation) continue;
    const auto it = by_id.find(n.interprets);
    if (it == by_id.end()) {
      problems.add("notice " + n.id, "$.interprets", "no notice \"" + n.interprets + "\" in this file");
    } else if (it->second->kind != NoticeKind::policy) {
      problems.add("notice " + n.id, "$.interprets",
                   "expected a policy, but \"" + n.interprets + "\" is of kind " + term(it->second->kind).code);
    }
  }
}

// `subject` names the bytes in a refusal of the envelope ("notices: not JSON"): a file read from
// disk is named by its path, so the one a person handed over can be told from the others.
Result<NoticeFile> parse_bytes(std::string_view bytes, Destination destination, const std::string& subject) {
  auto root = parse_untrusted_json(bytes, {64u << 20, 32}, subject);
  if (!root) return std::unexpected(root.error().error);
  const auto format = root->is_object() && root->contains("format") && (*root)["format"].is_string()
                          ? (*root)["format"].get<std::string>()
                          : std::string();
  Problems problems;
  const auto nodes = notice_nodes(*root, format, problems);
  NoticeFile out;
  std::map<std::string, std::size_t> seen;  // id -> position, for duplicate reports
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    Json node = *nodes[i];
    if (format == notice_format) node.erase("format");  // the envelope is not part of the notice
    auto notice = parse_notice(node, "notice #" + std::to_string(i + 1), destination, problems);
    if (!notice) continue;
    const auto [it, inserted] = seen.emplace(notice->id, i);
    if (!inserted) {
      problems.add("notice " + notice->id, "$.id",
                   "duplicate id (notices #" + std::to_string(it->second + 1) + " and #" + std::to_string(i + 1) + ")");
      continue;
    }
    out.notices.push_back(std::move(*notice));
  }
  if (problems.empty() && format == directory_format) check_links(out, problems);
  if (!problems.empty()) return fail(ErrorCode::invalid_input, join(problems.messages()));
  return out;
}

}  // namespace

Result<NoticeFile> parse_notice_file(std::string_view bytes, Destination destination) {
  return parse_bytes(bytes, destination, "notices");
}

Result<NoticeFile> load_notice_file(const std::string& path, Destination destination) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return fail(ErrorCode::io, path + ": " + ec.message());
  if (size > (64u << 20)) {
    return fail(ErrorCode::invalid_input,
                path + ": file is " + std::to_string(size) + " bytes, more than the limit of 64 MiB");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::io, path + ": cannot be opened for reading");
  std::ostringstream content;
  content << in.rdbuf();
  return parse_bytes(content.str(), destination, path + ": notices");
}

}  // namespace hall::notices
