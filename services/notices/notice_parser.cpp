// SPDX-License-Identifier: Apache-2.0
#include "notices/notice_parser.h"

#include <algorithm>
#include <cctype>

#include "notices/notice_reading.h"

namespace hall::notices {
namespace {

using namespace detail;

std::string subject_for(const Json& node, const std::string& fallback) {
  const auto it = node.find("id");
  if (it != node.end() && it->is_string() && valid_id(it->get<std::string>()))
    return "notice " + it->get<std::string>();
  return fallback;
}

void read_table(JsonReader& b, Ctx& ctx, Block& block) {
  block.columns = read_texts(b, ctx, "columns", Need::required, 1);
  const auto it = b.node().find("rows");
  if (it == b.node().end()) return b.problem("rows", "missing");
  if (!it->is_array()) return b.problem("rows", std::string("expected an array of rows, got ") + kind_of(*it));
  if (it->empty()) b.problem("rows", "expected at least 1 row");
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto row_path = b.path_of("rows") + "[" + std::to_string(i) + "]";
    const Json& row = (*it)[i];
    if (!row.is_array()) {
      ctx.problems.add(b.subject(), row_path, std::string("expected an array of cells, got ") + kind_of(row));
      continue;
    }
    // A kiosk lays a table out by its header: a short or long row would shift every cell after it.
    if (!block.columns.empty() && row.size() != block.columns.size()) {
      ctx.problems.add(b.subject(), row_path,
                       "expected " + std::to_string(block.columns.size()) + " cells (one per column), got " +
                           std::to_string(row.size()));
    }
    std::vector<Text> cells;
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (auto t = read_text_value(row[c], row_path + "[" + std::to_string(c) + "]", b.subject(), ctx)) {
        cells.push_back(std::move(*t));
      }
    }
    block.rows.push_back(std::move(cells));
  }
}

void read_body(JsonReader& r, Ctx& ctx, Notice& n) {
  r.objects("body", Need::required, 1, [&](JsonReader& b) {
    Block block;
    const std::string type = b.text("type", Need::required, 16);
    if (type == "heading") {
      block.type = BlockType::heading;
      block.level = b.integer("level", Need::optional, 1, 3).value_or(1);
      block.text = read_text(b, "text", Need::required, 200);
    } else if (type == "paragraph") {
      block.type = BlockType::paragraph;
      block.text = read_text(b, "text", Need::required);
    } else if (type == "list") {
      block.type = BlockType::list;
      block.numbered = b.boolean("numbered", Need::optional).value_or(false);
      block.items = read_texts(b, ctx, "items", Need::required, 1);
    } else if (type == "table") {
      block.type = BlockType::table;
      read_table(b, ctx, block);
    } else if (!type.empty()) {
      b.problem("type", "expected one of heading | paragraph | list | table, got \"" + type + "\"");
    }
    n.body.push_back(std::move(block));
  });
}

void read_identity(JsonReader& r, Notice& n) {
  n.id = r.text("id", Need::required, 64);
  if (!n.id.empty() && !valid_id(n.id)) r.problem("id", "expected 1-64 characters of A-Z a-z 0-9 . _ -");
  n.version = r.integer("version", Need::required, 1, 2'000'000'000).value_or(1);
  n.kind = read_term(r, "kind", Need::required, notice_kinds()).value_or(NoticeKind::announcement);
  n.title = read_text(r, "title", Need::required, 200);
  n.summary = read_text(r, "summary", Need::optional, 1000);
  if (auto i = r.object("issuer", Need::required)) {
    n.issuer.name = i->text("name", Need::required, 200);
    n.issuer.name_en = i->text("name_en", Need::optional, 200);
    n.issuer.code = i->text("code", Need::optional, 18);
    const auto& code = n.issuer.code;
    if (!code.empty() && (code.size() != 18 || !std::all_of(code.begin(), code.end(), [](char c) {
                            return std::isdigit(static_cast<unsigned char>(c)) ||
                                   std::isupper(static_cast<unsigned char>(c));
                          }))) {
      i->problem("code", "expected an 18-character unified social credit code (digits and capital letters)");
    }
  }
  n.date = read_date(r, "date", Need::required).value_or(Date{});
  // A policy's 文号 is required, and then must not be empty; Need::required would say only "missing".
  n.doc_no = r.text("doc_no", n.kind == NoticeKind::policy && r.has("doc_no") ? Need::required : Need::optional, 100);
  if (n.kind == NoticeKind::policy && !r.has("doc_no")) {
    r.problem("doc_no", "missing (a policy document carries its 文号, e.g. 安居办发〔2023〕3号)");
  }
}

void read_directory(JsonReader& r, Ctx& ctx, Notice& n) {
  const auto disclosure = read_term(r, "disclosure", Need::required, disclosures());
  n.disclosure = disclosure.value_or(Disclosure::active);
  if (disclosure && *disclosure != Disclosure::active) {
    // 拟不予公开的，要依法依规说明理由 (the plan, 五(一)).
    if (r.text("disclosure_reason", Need::optional).empty()) {
      r.problem("disclosure_reason", "missing (a notice that is not 主动公开 says why, with its legal ground)");
    }
    if (ctx.destination == Destination::published) {
      r.problem("disclosure", "only active (主动公开) notices leave the central store, got \"" +
                                  std::string(term(*disclosure).code) + "\"");
    }
  }
  n.category = read_term(r, "category", Need::required, categories()).value_or(Category::result);
  n.domain = read_text(r, "domain", Need::required, 64);
  n.effective_from = read_date(r, "effective_from", Need::optional);
  n.expires_on = read_date(r, "expires_on", Need::optional);
  if (n.effective_from && n.expires_on && !(*n.effective_from < *n.expires_on)) {
    r.problem("expires_on", "expected a date after effective_from");
  }
  n.guides = r.texts("guides", Need::optional);
  for (std::size_t i = 0; i < n.guides.size(); ++i) {
    if (!valid_id(n.guides[i])) r.problem("guides[" + std::to_string(i) + "]", "expected a guide id");
  }
  n.original_url = r.text("original_url", Need::optional, 2000);
  if (!n.original_url.empty() && n.original_url.rfind("https://", 0) != 0 && n.original_url.rfind("/", 0) != 0) {
    r.problem("original_url", "expected an https:// address or a path on the central store");
  }
}

}  // namespace

std::optional<Notice> parse_notice(const Json& node, const std::string& fallback_subject, Destination destination,
                                   Problems& problems) {
  const std::size_t before = problems.messages().size();
  const std::string subject = subject_for(node, fallback_subject);
  if (!node.is_object()) {
    problems.add(subject, "$", "expected a notice object");
    return std::nullopt;
  }
  JsonReader r(node, "$", subject, problems);
  Ctx ctx{problems, destination};
  Notice n;
  read_identity(r, n);
  read_directory(r, ctx, n);
  read_body(r, ctx, n);
  read_kind_parts(r, ctx, n);
  if (problems.messages().size() != before) return std::nullopt;
  n.source_json = node.dump();
  return n;
}

}  // namespace hall::notices
