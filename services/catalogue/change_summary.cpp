// SPDX-License-Identifier: Apache-2.0
#include "catalogue/change_summary.h"

#include <algorithm>
#include <vector>

#include "catalogue/json_reader.h"
#include "common/utf8.h"

namespace hall::catalogue {
namespace {

// At most this many materials are named in each of 新增 / 不再需要 / 要求有调整; the rest are counted.
constexpr std::size_t named_materials = 3;

bool is_punctuation(char32_t c) {
  if (c < 0x80) return !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
  return (c >= 0x2000 && c <= 0x206F)     // general punctuation: – — ‘ ’ “ ” … and spaces
         || (c >= 0x3000 && c <= 0x303F)  // CJK: 、。「」《》【】 and the ideographic space
         || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65)  // full-width ！，．：；？ and brackets
         || c == 0x00A0 || c == 0x00B7;
}

// The text without its spaces and punctuation: "１０个工作日，" and "10个工作日" stay different,
// "身份证、户口簿" and "身份证，户口簿。" do not.
std::u32string bare(const std::string& text) {
  std::u32string out;
  for (const char32_t c : utf8::decode(text)) {
    if (!is_punctuation(c)) out += c;
  }
  return out;
}

bool same_text(const std::string& a, const std::string& b) {
  return bare(a) == bare(b);
}

std::string limit_zh(const TimeLimit& t, CaseType type) {
  if (type == CaseType::immediate || t.unit == LimitUnit::on_the_spot) return "当场办结";
  const std::string n = std::to_string(t.value);
  switch (t.unit) {
    case LimitUnit::working_days:
      return n + " 个工作日";
    case LimitUnit::days:
      return n + " 天";
    case LimitUnit::months:
      return n + " 个月";
    case LimitUnit::on_the_spot:
      break;
  }
  return "当场办结";
}

std::string plural(int n, const std::string& one) {
  return std::to_string(n) + " " + one + (n == 1 ? "" : "s");
}

std::string limit_en(const TimeLimit& t, CaseType type) {
  if (type == CaseType::immediate || t.unit == LimitUnit::on_the_spot) return "on the spot";
  switch (t.unit) {
    case LimitUnit::working_days:
      return plural(t.value, "working day");
    case LimitUnit::days:
      return plural(t.value, "day");
    case LimitUnit::months:
      return plural(t.value, "month");
    case LimitUnit::on_the_spot:
      break;
  }
  return "on the spot";
}

const Material* material_named(const std::vector<Material>& list, const std::u32string& name) {
  for (const auto& m : list) {
    if (bare(m.name) == name) return &m;
  }
  return nullptr;
}

bool same_requirement(const Material& a, const Material& b) {
  return a.necessity == b.necessity && a.form == b.form && a.originals == b.originals && a.copies == b.copies &&
         a.certificate.has_value() == b.certificate.has_value();
}

struct Phrase {
  std::string zh, en;
};

// "「居住证」「户口簿」等 4 项" / "\"Residence permit\", \"Household register\" and 2 more".
Phrase names(const std::vector<const Material*>& list) {
  Phrase p;
  for (std::size_t i = 0; i < list.size() && i < named_materials; ++i) {
    p.zh += "「" + list[i]->name + "」";
    const std::string& en = list[i]->name_en.empty() ? list[i]->name : list[i]->name_en;
    // Straight quotes: the CJK face draws “” full-width, which leaves gaps in an English line.
    p.en += (i == 0 ? "" : ", ") + std::string("\"") + en + "\"";
  }
  if (list.size() > named_materials) {
    p.zh += "等 " + std::to_string(list.size()) + " 项";
    p.en += " and " + std::to_string(list.size() - named_materials) + " more";
  }
  return p;
}

// 办理材料: new, no longer needed, asked for differently. Empty when the list is the same.
Phrase materials(const Guide& before, const Guide& after, bool name_them) {
  std::vector<const Material*> added, removed, changed;
  for (const auto& m : after.materials) {
    const Material* old = material_named(before.materials, bare(m.name));
    if (!old)
      added.push_back(&m);
    else if (!same_requirement(*old, m))
      changed.push_back(&m);
  }
  for (const auto& m : before.materials) {
    if (!material_named(after.materials, bare(m.name))) removed.push_back(&m);
  }
  if (added.empty() && removed.empty() && changed.empty()) return {};
  if (!name_them) return {"办理材料有调整", "Documents to bring have changed"};
  std::vector<Phrase> parts;
  if (!added.empty()) {
    const Phrase n = names(added);
    parts.push_back({"新增" + n.zh, "new: " + n.en});
  }
  if (!removed.empty()) {
    const Phrase n = names(removed);
    parts.push_back({"不再需要" + n.zh, "no longer needed: " + n.en});
  }
  if (!changed.empty()) {
    const Phrase n = names(changed);
    parts.push_back({n.zh + "的要求有调整", "asked for differently: " + n.en});
  }
  Phrase out{"办理材料：", "Documents: "};
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out.zh += (i == 0 ? "" : "，") + parts[i].zh;
    out.en += (i == 0 ? "" : ", ") + parts[i].en;
  }
  return out;
}

bool same_fees(const Guide& a, const Guide& b) {
  if (a.fees.size() != b.fees.size()) return false;
  for (std::size_t i = 0; i < a.fees.size(); ++i) {
    if (!same_text(a.fees[i].item, b.fees[i].item) || !same_text(a.fees[i].standard, b.fees[i].standard) ||
        a.fees[i].waivable != b.fees[i].waivable) {
      return false;
    }
  }
  return true;
}

bool same_steps(const Guide& a, const Guide& b) {
  if (a.steps.size() != b.steps.size()) return false;
  for (std::size_t i = 0; i < a.steps.size(); ++i) {
    const auto& x = a.steps[i];
    const auto& y = b.steps[i];
    const bool same_limit =
        x.time_limit.has_value() == y.time_limit.has_value() &&
        (!x.time_limit || (x.time_limit->value == y.time_limit->value && x.time_limit->unit == y.time_limit->unit));
    if (!same_text(x.title, y.title) || !same_text(x.detail, y.detail) || !same_limit) return false;
  }
  return true;
}

std::vector<Phrase> phrases(const Guide& before, const Guide& after, bool name_materials) {
  std::vector<Phrase> out;
  if (Phrase m = materials(before, after, name_materials); !m.zh.empty()) out.push_back(std::move(m));
  if (!same_text(before.conditions, after.conditions)) out.push_back({"办理条件有调整", "Who may apply has changed"});
  const std::string was = limit_zh(before.promised_limit, before.case_type);
  const std::string now = limit_zh(after.promised_limit, after.case_type);
  if (was != now) {
    // "改为 5 个工作日" beside a number, "改为当场办结" beside words.
    const bool number = !now.empty() && now[0] >= '0' && now[0] <= '9';
    out.push_back({"承诺时限：" + was + "改为" + (number ? " " : "") + now,
                   "Promised time: " + limit_en(after.promised_limit, after.case_type) + " (was " +
                       limit_en(before.promised_limit, before.case_type) + ")"});
  }
  if (!same_fees(before, after)) {
    if (before.is_free() && !after.is_free())
      out.push_back({"收费：由免费改为收费", "Fees: now charged (was free)"});
    else if (!before.is_free() && after.is_free())
      out.push_back({"收费：改为免费", "Fees: now free"});
    else
      out.push_back({"收费标准有调整", "Fees have changed"});
  }
  if (before.onsite_visits != after.onsite_visits) {
    out.push_back({"到现场次数：" + std::to_string(before.onsite_visits) + " 次改为 " +
                       std::to_string(after.onsite_visits) + " 次",
                   "Visits in person: " + std::to_string(after.onsite_visits) + " (was " +
                       std::to_string(before.onsite_visits) + ")"});
  }
  if (!same_text(before.location.address, after.location.address) ||
      !same_text(before.location.window, after.location.window)) {
    out.push_back({"办理地点有调整", "Where to go has changed"});
  }
  if (!same_text(before.location.hours, after.location.hours)) {
    out.push_back({"办理时间有调整", "Opening hours have changed"});
  }
  if (before.handling != after.handling) out.push_back({"办理方式有调整", "How to apply has changed"});
  if (!same_steps(before, after)) out.push_back({"办理流程有调整", "The steps have changed"});
  return out;
}

ChangeSummary joined(const std::vector<Phrase>& parts) {
  ChangeSummary s;
  if (parts.empty()) return s;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    s.zh += (i == 0 ? "" : "；") + parts[i].zh;
    s.en += (i == 0 ? "" : "; ") + parts[i].en;
  }
  s.zh += "。";
  s.en += ".";
  return s;
}

}  // namespace

ChangeSummary summarize_change(const Guide& before, const Guide& after) {
  ChangeSummary s = joined(phrases(before, after, true));
  if (utf8::length(s.zh) <= max_change_chars && utf8::length(s.en) <= max_change_en_chars) return s;
  // Long material names: the note says the list changed, and the guide below lists it.
  return joined(phrases(before, after, false));
}

}  // namespace hall::catalogue
