// SPDX-License-Identifier: Apache-2.0
#include "slip/material_lines.h"

#include "slip/slip_text.h"

namespace hall::slip {

std::string material_counts(const catalogue::Material& m, Language language) {
  using catalogue::MaterialForm;
  if (m.form == MaterialForm::electronic) return std::string(text("material.electronic", language));
  std::string out;
  const auto add = [&](std::string part) { out += (out.empty() ? "" : " ") + part; };
  const int originals = m.originals.value_or(m.form == MaterialForm::copy ? 0 : 1);
  const int copies = m.copies.value_or(m.form == MaterialForm::copy ? 1 : 0);
  if (m.form == MaterialForm::original_or_copy && originals > 0 && copies > 0) {
    return fill("material.original_or_copy", language, {std::to_string(originals), std::to_string(copies)});
  }
  if (originals > 0) add(fill("material.originals", language, {std::to_string(originals)}));
  if (copies > 0) add(fill("material.copies", language, {std::to_string(copies)}));
  return out;
}

std::string material_name(const catalogue::Material& m, Language language) {
  return language == Language::en && !m.name_en.empty() ? m.name_en : m.name;
}

std::string time_limit_text(const catalogue::TimeLimit& limit, Language language) {
  using catalogue::LimitUnit;
  const std::string n = std::to_string(limit.value);
  switch (limit.unit) {
    case LimitUnit::on_the_spot:
      return std::string(text("limit.on_the_spot", language));
    case LimitUnit::working_days:
      return fill("limit.working_days", language, {n});
    case LimitUnit::days:
      return fill("limit.days", language, {n});
    case LimitUnit::months:
      return fill("limit.months", language, {n});
  }
  return n;
}

}  // namespace hall::slip
