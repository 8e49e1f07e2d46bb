// SPDX-License-Identifier: Apache-2.0
#include "catalogue/guide.h"

namespace hall::catalogue {

const char* to_string(GuideStatus s) {
  switch (s) {
    case GuideStatus::active: return "active";
    case GuideStatus::suspended: return "suspended";
    case GuideStatus::cancelled: return "cancelled";
  }
  return "?";
}

const char* to_string(LimitUnit u) {
  switch (u) {
    case LimitUnit::on_the_spot: return "on_the_spot";
    case LimitUnit::working_days: return "working_days";
    case LimitUnit::days: return "days";
    case LimitUnit::months: return "months";
  }
  return "?";
}

const char* to_string(Necessity n) {
  switch (n) {
    case Necessity::required: return "required";
    case Necessity::optional: return "optional";
    case Necessity::deferrable: return "deferrable";
  }
  return "?";
}

const char* to_string(MaterialForm f) {
  switch (f) {
    case MaterialForm::original: return "original";
    case MaterialForm::copy: return "copy";
    case MaterialForm::original_or_copy: return "original_or_copy";
    case MaterialForm::electronic: return "electronic";
  }
  return "?";
}

const char* to_string(MaterialSource s) {
  switch (s) {
    case MaterialSource::applicant: return "applicant";
    case MaterialSource::government: return "government";
    case MaterialSource::agency: return "agency";
    case MaterialSource::other: return "other";
  }
  return "?";
}

const char* to_string(CaseType c) { return c == CaseType::immediate ? "immediate" : "promised"; }

}  // namespace hall::catalogue
