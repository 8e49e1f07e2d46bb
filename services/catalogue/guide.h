// SPDX-License-Identifier: Apache-2.0
#pragma once
// A guide (办事指南) as ../shared/spec/guide-format.md defines it, after validation. The `*_en`
// twins beyond the spec's are this project's additions (README, "Format additions").
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"

namespace hall::catalogue {

enum class GuideStatus { active, suspended, cancelled };
enum class CaseType { immediate, promised };  // 即办件 / 承诺件
enum class LimitUnit { on_the_spot, working_days, days, months };
enum class Necessity { required, optional, deferrable };  // 必要 / 非必要 / 容缺后补
enum class MaterialForm { original, copy, original_or_copy, electronic };
enum class MaterialSource { applicant, government, agency, other };

struct TimeLimit {
  int value = 0;
  LimitUnit unit = LimitUnit::working_days;
};

struct Department {
  std::string name;
  std::string code;  // 统一社会信用代码, may be empty
  std::string name_en;
};

struct LegalBasis {
  std::string title, doc_no, clause, url;
};

// A 证明材料: the four facts 减证便民 requires to be listed for every proof a hall may ask for.
struct Certificate {
  std::string basis, requested_by, issued_by, guide;
  std::string issued_by_en;  // where a foreign resident goes to get the proof
};

struct Material {
  std::string name, name_en;
  Necessity necessity = Necessity::required;
  MaterialForm form = MaterialForm::original;
  std::optional<int> originals, copies;
  MaterialSource source = MaterialSource::applicant;
  std::optional<Certificate> certificate;
  std::string notes, blank_form_url, sample_url;
  std::string notes_en;
};

struct Step {
  std::string title, title_en, detail;
  std::optional<TimeLimit> time_limit;
  std::string detail_en;
};

struct SpecialProcedure {
  std::string name, basis;
  std::optional<TimeLimit> time_limit;
  bool counts_in_limit = false;
};

struct Fee {
  std::string item, standard, basis;
  bool waivable = false;
  std::string item_en, standard_en;
};

struct Faq {
  std::string q, a;
  std::string q_en, a_en;
};

struct Location {
  std::string address, window, hours;
  std::string address_en, window_en, hours_en;
};

struct Appointment {
  bool available = false;
  std::optional<int> daily_quota;
};

struct Online {
  int depth = 1;
  std::string url;
};

struct Outcome {  // 审批结果
  std::string name, type;
  std::vector<std::string> delivery;
};

struct Guide {
  std::string id;
  std::string catalogue_code;
  int version = 1;
  GuideStatus status = GuideStatus::active;
  // Why a suspended service is not done now, and until when (a date "YYYY-MM-DD"; empty: until
  // further notice). Only on a suspended guide; a visitor reads it where 暂停办理 is shown.
  struct Suspension {
    std::string reason, reason_en, until;
  };
  std::optional<Suspension> suspension;
  // What this version changed against the one published before it, for a visitor (README,
  // "Changed guides"): the central store writes it at publish. `since`: "YYYY-MM-DD", the day the
  // change takes effect in the hall's zone.
  struct ChangeNote {
    std::string since, summary, summary_en;
  };
  std::optional<ChangeNote> change;
  std::optional<Instant> effective_from, cancel_at;
  std::string name, name_en, item_type;
  Department department;
  std::vector<std::string> co_departments;
  std::string level;
  std::vector<std::string> targets, topics, keywords;
  std::vector<std::string> keywords_en;  // English search words ("pension", "allowance")
  int onsite_visits = 0;
  std::string onsite_reason, onsite_reason_en;
  CaseType case_type = CaseType::promised;
  TimeLimit statutory_limit, promised_limit;
  std::string time_limit_note, time_limit_note_en;
  std::vector<LegalBasis> legal_basis;
  std::string conditions, conditions_en;
  std::vector<Material> materials;
  std::vector<Step> steps;
  std::vector<SpecialProcedure> special_procedures;
  std::vector<Fee> fees;
  std::vector<std::string> handling;
  std::optional<Online> online;
  std::optional<Appointment> appointment;
  Location location;
  std::string contact_phone, complaint_phone;
  std::optional<Outcome> result;
  std::vector<Faq> faq;
  std::string queue_group;

  // The guide's JSON exactly as accepted, unknown keys included: what export and sync pass on.
  std::string source_json;

  // 一次办好: at most one visit to the hall.
  bool is_one_visit() const { return onsite_visits <= 1; }
  bool is_free() const { return fees.empty(); }
};

const char* to_string(GuideStatus s);
const char* to_string(LimitUnit u);
const char* to_string(Necessity n);
const char* to_string(MaterialForm f);
const char* to_string(MaterialSource s);
const char* to_string(CaseType c);

}  // namespace hall::catalogue
