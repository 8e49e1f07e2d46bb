// SPDX-License-Identifier: Apache-2.0
#include "hallctl/guide_text.h"

#include <sstream>

#include "common/rfc3339.h"

namespace hall::cli {

using namespace catalogue;

std::string limit_as_text(const TimeLimit& limit) {
  switch (limit.unit) {
    case LimitUnit::on_the_spot: return "当场办结 (on the spot)";
    case LimitUnit::working_days: return std::to_string(limit.value) + " 个工作日 (working days)";
    case LimitUnit::days: return std::to_string(limit.value) + " 天 (days)";
    case LimitUnit::months: return std::to_string(limit.value) + " 个月 (months)";
  }
  return "";
}

namespace {

const char* necessity_text(Necessity n) {
  switch (n) {
    case Necessity::required: return "必要";
    case Necessity::optional: return "非必要";
    case Necessity::deferrable: return "容缺后补";
  }
  return "";
}

std::string form_text(const Material& m) {
  std::string out;
  switch (m.form) {
    case MaterialForm::original: out = "原件"; break;
    case MaterialForm::copy: out = "复印件"; break;
    case MaterialForm::original_or_copy: out = "原件或复印件"; break;
    case MaterialForm::electronic: out = "电子材料"; break;
  }
  if (m.originals) out += " 原件" + std::to_string(*m.originals) + "份";
  if (m.copies) out += " 复印件" + std::to_string(*m.copies) + "份";
  return out;
}

}  // namespace

std::string guide_as_text(const Guide& g) {
  std::ostringstream o;
  o << g.name << "  [" << g.id << " v" << g.version << ", " << to_string(g.status) << "]\n";
  if (!g.name_en.empty()) o << g.name_en << "\n";
  o << "实施主体 Department: " << g.department.name << "\n";
  o << "到现场次数 Visits: " << g.onsite_visits << (g.is_one_visit() ? " (一次办好)" : "");
  if (!g.onsite_reason.empty()) o << " — " << g.onsite_reason;
  o << "\n";
  if (g.effective_from) o << "生效 Effective from: " << format_rfc3339_utc(*g.effective_from) << "\n";
  o << "\n申请材料 Materials:\n";
  if (g.materials.empty()) o << "  无需材料 (none)\n";
  for (std::size_t i = 0; i < g.materials.size(); ++i) {
    const auto& m = g.materials[i];
    o << "  " << i + 1 << ". " << m.name << " — " << form_text(m) << ", " << necessity_text(m.necessity) << "\n";
    if (m.certificate) {
      o << "     证明材料: 依据 " << m.certificate->basis << "; 索要单位 " << m.certificate->requested_by
        << "; 开具单位 " << m.certificate->issued_by << "; 办理指南 " << m.certificate->guide << "\n";
    }
    if (!m.notes.empty()) o << "     " << m.notes << "\n";
  }
  o << "\n受理条件 Conditions: " << g.conditions << "\n";
  o << "办理时限 Time limits: 法定 " << limit_as_text(g.statutory_limit) << "; 承诺 "
    << limit_as_text(g.promised_limit) << "\n";
  o << "收费 Fees: ";
  if (g.fees.empty()) o << "免费 (free)\n";
  for (const auto& f : g.fees) o << "\n  " << f.item << ": " << f.standard;
  if (!g.fees.empty()) o << "\n";
  o << "办理地点 Where: " << g.location.address;
  if (!g.location.window.empty()) o << ", " << g.location.window;
  o << "; " << g.location.hours << "\n";
  o << "\n办理流程 Steps:\n";
  for (std::size_t i = 0; i < g.steps.size(); ++i) {
    o << "  " << i + 1 << ". " << g.steps[i].title;
    if (!g.steps[i].detail.empty()) o << ": " << g.steps[i].detail;
    o << "\n";
  }
  o << "\n咨询电话 Enquiries: " << g.contact_phone << "    监督投诉 Complaints: " << g.complaint_phone << "\n";
  o << "设定依据 Legal basis:\n";
  for (const auto& b : g.legal_basis) {
    o << "  " << b.title;
    if (!b.doc_no.empty()) o << " " << b.doc_no;
    if (!b.clause.empty()) o << " " << b.clause;
    o << "\n";
  }
  if (!g.faq.empty()) {
    o << "常见问题 FAQ:\n";
    for (const auto& f : g.faq) o << "  问: " << f.q << "\n  答: " << f.a << "\n";
  }
  return o.str();
}

}  // namespace hall::cli
