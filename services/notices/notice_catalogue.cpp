// SPDX-License-Identifier: Apache-2.0
#include "notices/notice_catalogue.h"

#include <algorithm>

#include "common/csv_text.h"
#include "common/rfc3339.h"
#include "notices/notice_labels.h"

namespace hall::notices {
namespace {

using Json = nlohmann::ordered_json;

// The directory's words for what is in force, as the format's own vocabularies are kept.
const std::vector<Term<InForce>>& in_force_terms() {
  static const std::vector<Term<InForce>> t = {
      {InForce::in_force, "in_force", "有效", "In force"},
      {InForce::not_yet, "not_yet", "未施行", "Not yet in force"},
      {InForce::expired, "expired", "已失效", "No longer in force"},
  };
  return t;
}
const char* in_force_zh(InForce f) { return term_of(in_force_terms(), f).zh; }
const char* in_force_code(InForce f) { return term_of(in_force_terms(), f).code; }

std::string optional_date(const std::optional<Date>& d) { return d ? format_iso_date(*d) : std::string(); }

// The publication time as the hall reads it.
std::string china_time(Instant t) { return format_rfc3339(t, 8 * 3600); }

}  // namespace

InForce in_force(const Notice& n, Date today) {
  if (n.effective_from && today < *n.effective_from) return InForce::not_yet;
  // expires_on is the 失效日期, the first day it no longer applies: NoticeStore::current's rule.
  if (n.expires_on && !(today < *n.expires_on)) return InForce::expired;
  return InForce::in_force;
}

std::vector<CatalogueGroup> build_catalogue(std::vector<CatalogueEntry> entries) {
  std::vector<CatalogueGroup> groups;
  for (const auto& c : categories()) groups.push_back({c.value, {}});
  for (auto& e : entries) {
    for (auto& g : groups) {
      if (g.category == e.notice.category) {
        g.entries.push_back(std::move(e));
        break;
      }
    }
  }
  for (auto& g : groups) {
    std::sort(g.entries.begin(), g.entries.end(), [](const CatalogueEntry& a, const CatalogueEntry& b) {
      if (a.notice.date != b.notice.date) return a.notice.date > b.notice.date;
      return a.notice.id < b.notice.id;
    });
  }
  return groups;
}

std::string catalogue_text(const std::vector<CatalogueGroup>& groups, Date today) {
  std::size_t total = 0;
  for (const auto& g : groups) total += g.entries.size();
  std::string out = "主动公开基本目录  " + format_iso_date(today) + "  共 " + std::to_string(total) + " 条\n";
  for (const auto& g : groups) {
    out += "\n" + std::string(term(g.category).zh) + "（" + std::to_string(g.entries.size()) + "）\n";
    if (g.entries.empty()) out += "  暂无\n";
    for (const auto& e : g.entries) {
      const Notice& n = e.notice;
      out += "  " + format_iso_date(n.date) + "  " + term(n.kind).zh + "  " + n.title.zh;
      if (!n.doc_no.empty()) out += "  " + n.doc_no;
      out += "\n      " + n.id + " v" + std::to_string(n.version) + "  " + n.issuer.name;
      if (!n.domain.zh.empty()) out += "  领域：" + n.domain.zh;
      if (n.effective_from) out += "  施行：" + format_iso_date(*n.effective_from);
      if (n.expires_on) out += "  失效日期：" + format_iso_date(*n.expires_on);
      out += "  " + std::string(in_force_zh(in_force(n, today))) + "  发布于 " + china_time(e.published_at) + "\n";
    }
  }
  return out;
}

std::string catalogue_csv(const std::vector<CatalogueGroup>& groups, Date today) {
  std::string out = std::string(csv::bom) + csv::row({"类别", "领域", "种类", "标题", "文号", "发布机构", "发布日期",
                                                       "施行日期", "失效日期", "状态", "编号", "版本", "发布时间"});
  for (const auto& g : groups) {
    for (const auto& e : g.entries) {
      const Notice& n = e.notice;
      out += csv::row({term(g.category).zh, n.domain.zh, term(n.kind).zh, n.title.zh, n.doc_no, n.issuer.name,
                       format_iso_date(n.date), optional_date(n.effective_from), optional_date(n.expires_on),
                       in_force_zh(in_force(n, today)), n.id, std::to_string(n.version), china_time(e.published_at)});
    }
  }
  return out;
}

Json catalogue_json(const std::vector<CatalogueGroup>& groups, Date today) {
  Json out = Json::array();
  std::size_t total = 0;
  for (const auto& g : groups) {
    Json rows = Json::array();
    for (const auto& e : g.entries) {
      const Notice& n = e.notice;
      rows.push_back({{"id", n.id},
                      {"version", n.version},
                      {"kind", term(n.kind).code},
                      {"kind_zh", term(n.kind).zh},
                      {"title", n.title.zh},
                      {"title_en", n.title.en},
                      {"doc_no", n.doc_no},
                      {"issuer", n.issuer.name},
                      {"domain", n.domain.zh},
                      {"date", format_iso_date(n.date)},
                      {"effective_from", optional_date(n.effective_from)},
                      {"expires_on", optional_date(n.expires_on)},
                      {"in_force", in_force_code(in_force(n, today))},
                      {"published_at", china_time(e.published_at)},
                      {"catalogue_version", e.catalogue_version}});
    }
    total += rows.size();
    out.push_back({{"category", term(g.category).code},
                   {"category_zh", term(g.category).zh},
                   {"count", rows.size()},
                   {"notices", std::move(rows)}});
  }
  return {{"as_of", format_iso_date(today)}, {"count", total}, {"categories", std::move(out)}};
}

}  // namespace hall::notices
