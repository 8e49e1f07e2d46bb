// SPDX-License-Identifier: Apache-2.0
#include "catalogue/guide_parser.h"

#include <algorithm>
#include <cctype>

namespace hall::catalogue {
namespace {

bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
  });
}

std::string subject_for(const Json& node, const std::string& fallback) {
  const auto it = node.find("id");
  if (it != node.end() && it->is_string() && valid_id(it->get<std::string>())) return "guide " + it->get<std::string>();
  return fallback;
}

std::optional<TimeLimit> read_limit(JsonReader& parent, std::string_view key, Need need) {
  auto r = parent.object(key, need);
  if (!r) return std::nullopt;
  const auto value = r->integer("value", Need::required, 0, 100'000);
  const auto unit = r->choice<LimitUnit>("unit", Need::required,
                                         {{"on_the_spot", LimitUnit::on_the_spot},
                                          {"working_days", LimitUnit::working_days},
                                          {"days", LimitUnit::days},
                                          {"months", LimitUnit::months}});
  if (!value || !unit) return std::nullopt;
  return TimeLimit{*value, *unit};
}

Material read_material(JsonReader& r) {
  Material m;
  m.name = r.text("name", Need::required);
  m.name_en = r.text("name_en", Need::optional);
  m.necessity = r.choice<Necessity>("necessity", Need::required,
                                    {{"required", Necessity::required},
                                     {"optional", Necessity::optional},
                                     {"deferrable", Necessity::deferrable}})
                    .value_or(Necessity::required);
  m.form = r.choice<MaterialForm>("form", Need::required,
                                  {{"original", MaterialForm::original},
                                   {"copy", MaterialForm::copy},
                                   {"original_or_copy", MaterialForm::original_or_copy},
                                   {"electronic", MaterialForm::electronic}})
               .value_or(MaterialForm::original);
  m.originals = r.integer("originals", Need::optional, 0, 1000);
  m.copies = r.integer("copies", Need::optional, 0, 1000);
  m.source = r.choice<MaterialSource>("source", Need::required,
                                      {{"applicant", MaterialSource::applicant},
                                       {"government", MaterialSource::government},
                                       {"agency", MaterialSource::agency},
                                       {"other", MaterialSource::other}})
                 .value_or(MaterialSource::applicant);
  if (auto c = r.object("certificate", Need::optional)) {
    // 清单之外不得索要证明: a proof document is listed with all four facts or not at all.
    Certificate cert;
    cert.basis = c->text("basis", Need::required);
    cert.requested_by = c->text("requested_by", Need::required);
    cert.issued_by = c->text("issued_by", Need::required);
    cert.guide = c->text("guide", Need::required);
    cert.issued_by_en = c->text("issued_by_en", Need::optional);
    m.certificate = cert;
  }
  m.notes = r.text("notes", Need::optional);
  m.notes_en = r.text("notes_en", Need::optional);
  m.blank_form_url = r.text("blank_form_url", Need::optional);
  m.sample_url = r.text("sample_url", Need::optional);
  return m;
}

bool is_calendar_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int month = std::stoi(s.substr(5, 2));
  const int day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// "suspension": {"reason", "reason_en"?, "until"?}: why, and until when, 暂停办理 holds.
void read_suspension(JsonReader& r, Guide& g) {
  auto s = r.object("suspension", Need::optional);
  if (!s) return;
  if (g.status != GuideStatus::suspended) {
    r.problem("suspension", "only a guide with status \"suspended\" has a suspension note");
  }
  Guide::Suspension note{s->text("reason", Need::required, 500), s->text("reason_en", Need::optional, 500),
                         s->text("until", Need::optional, 10)};
  if (!note.until.empty() && !is_calendar_date(note.until)) {
    s->problem("until", "expected a date YYYY-MM-DD, got \"" + note.until + "\"");
  }
  g.suspension = std::move(note);
}

// "change": {"since", "summary", "summary_en"?}: what this version changed, as the central store
// wrote it at publish. Bounded so the kiosk's mark under a title stays a few lines.
void read_change(JsonReader& r, Guide& g) {
  auto c = r.object("change", Need::optional);
  if (!c) return;
  Guide::ChangeNote note{c->text("since", Need::required, 10), c->text("summary", Need::required, max_change_chars),
                         c->text("summary_en", Need::optional, max_change_en_chars)};
  if (!note.since.empty() && !is_calendar_date(note.since)) {
    c->problem("since", "expected a date YYYY-MM-DD, got \"" + note.since + "\"");
  }
  g.change = std::move(note);
}

void read_identity(JsonReader& r, Guide& g) {
  g.id = r.text("id", Need::required, 64);
  if (!g.id.empty() && !valid_id(g.id)) {
    r.problem("id", "expected 1-64 characters of A-Z a-z 0-9 . _ -");
  }
  g.catalogue_code = r.text("catalogue_code", Need::optional);
  g.version = r.integer("version", Need::required, 1, 2'000'000'000).value_or(1);
  g.status = r.choice<GuideStatus>("status", Need::required,
                                   {{"active", GuideStatus::active},
                                    {"suspended", GuideStatus::suspended},
                                    {"cancelled", GuideStatus::cancelled}})
                 .value_or(GuideStatus::active);
  read_suspension(r, g);
  read_change(r, g);
  g.effective_from = r.time("effective_from", Need::optional);
  g.cancel_at = r.time("cancel_at", Need::optional);
  if (g.effective_from && g.cancel_at && !(*g.effective_from < *g.cancel_at)) {
    r.problem("cancel_at", "expected a time after effective_from");
  }
  g.name = r.text("name", Need::required, 200);
  g.name_en = r.text("name_en", Need::optional, 200);
  g.item_type = r.text("item_type", Need::required);
}

void read_department(JsonReader& r, Guide& g) {
  if (auto d = r.object("department", Need::required)) {
    g.department.name = d->text("name", Need::required);
    g.department.code = d->text("code", Need::optional);
    g.department.name_en = d->text("name_en", Need::optional);
    const auto& code = g.department.code;
    if (!code.empty() && (code.size() != 18 || !std::all_of(code.begin(), code.end(), [](char c) {
                            return std::isdigit(static_cast<unsigned char>(c)) ||
                                   std::isupper(static_cast<unsigned char>(c));
                          }))) {
      d->problem("code", "expected an 18-character unified social credit code (digits and capital letters)");
    }
  }
  g.co_departments = r.texts("co_departments", Need::optional);
  if (r.has("level")) {
    if (auto level =
            r.choice<int>("level", Need::optional, {{"street", 0}, {"district", 1}, {"city", 2}, {"province", 3}})) {
      g.level = r.node().at("level").get<std::string>();
    }
  }
}

void read_audience(JsonReader& r, Guide& g) {
  g.targets = r.texts("targets", Need::required, 1);
  for (std::size_t i = 0; i < g.targets.size(); ++i) {
    const auto& t = g.targets[i];
    if (t != "person" && t != "enterprise" && t != "organisation") {
      r.problem("targets[" + std::to_string(i) + "]", "expected person | enterprise | organisation, got \"" + t + "\"");
    }
  }
  g.topics = r.texts("topics", Need::required, 1);
  g.keywords = r.texts("keywords", Need::optional);
  g.keywords_en = r.texts("keywords_en", Need::optional);
}

void read_visits_and_limits(JsonReader& r, Guide& g) {
  g.onsite_visits = r.integer("onsite_visits", Need::required, 0, 3).value_or(0);
  g.onsite_reason = r.text("onsite_reason", Need::optional);
  g.onsite_reason_en = r.text("onsite_reason_en", Need::optional);
  if (g.onsite_visits > 0 && g.onsite_reason.empty()) {
    if (!r.has("onsite_reason")) {
      r.problem("onsite_reason", "missing (required when onsite_visits > 0: say why the visitor must come in person)");
    } else if (r.node().at("onsite_reason").is_string()) {
      r.problem("onsite_reason", "expected a non-empty reason when onsite_visits > 0");
    }
  }
  g.case_type = r.choice<CaseType>("case_type", Need::required,
                                   {{"immediate", CaseType::immediate}, {"promised", CaseType::promised}})
                    .value_or(CaseType::promised);
  if (auto t = r.object("time_limit", Need::required)) {
    g.statutory_limit = read_limit(*t, "statutory", Need::required).value_or(TimeLimit{});
    g.promised_limit = read_limit(*t, "promised", Need::required).value_or(TimeLimit{});
    g.time_limit_note = t->text("note", Need::optional);
    g.time_limit_note_en = t->text("note_en", Need::optional);  // beside its Chinese twin
  }
}

void read_basis_and_content(JsonReader& r, Guide& g) {
  r.objects("legal_basis", Need::required, 1, [&](JsonReader& b) {
    LegalBasis lb;
    lb.title = b.text("title", Need::required);
    lb.doc_no = b.text("doc_no", Need::optional);
    lb.clause = b.text("clause", Need::optional);
    lb.url = b.text("url", Need::optional);
    g.legal_basis.push_back(std::move(lb));
  });
  g.conditions = r.text("conditions", Need::required);
  g.conditions_en = r.text("conditions_en", Need::optional);
  r.objects("materials", Need::required, 0, [&](JsonReader& m) { g.materials.push_back(read_material(m)); });
  r.objects("steps", Need::required, 1, [&](JsonReader& s) {
    Step step;
    step.title = s.text("title", Need::required);
    step.title_en = s.text("title_en", Need::optional);
    step.detail = s.text("detail", Need::optional);
    step.detail_en = s.text("detail_en", Need::optional);
    step.time_limit = read_limit(s, "time_limit", Need::optional);
    g.steps.push_back(std::move(step));
  });
  r.objects("special_procedures", Need::optional, 0, [&](JsonReader& s) {
    SpecialProcedure p;
    p.name = s.text("name", Need::required);
    p.time_limit = read_limit(s, "time_limit", Need::optional);
    p.basis = s.text("basis", Need::optional);
    p.counts_in_limit = s.boolean("counts_in_limit", Need::required).value_or(false);
    g.special_procedures.push_back(std::move(p));
  });
  r.objects("fees", Need::required, 0, [&](JsonReader& f) {
    Fee fee;
    fee.item = f.text("item", Need::required);
    fee.standard = f.text("standard", Need::required);
    fee.item_en = f.text("item_en", Need::optional);
    fee.standard_en = f.text("standard_en", Need::optional);
    fee.basis = f.text("basis", Need::optional);
    fee.waivable = f.boolean("waivable", Need::optional).value_or(false);
    g.fees.push_back(std::move(fee));
  });
}

void read_service_channels(JsonReader& r, Guide& g) {
  g.handling = r.texts("handling", Need::required, 1);
  for (std::size_t i = 0; i < g.handling.size(); ++i) {
    const auto& h = g.handling[i];
    if (h != "window" && h != "online" && h != "post") {
      r.problem("handling[" + std::to_string(i) + "]", "expected window | online | post, got \"" + h + "\"");
    }
  }
  if (auto o = r.object("online", Need::optional)) {
    Online online;
    online.depth = o->integer("depth", Need::required, 1, 7).value_or(1);
    online.url = o->text("url", Need::optional);
    g.online = online;
  }
  if (auto a = r.object("appointment", Need::optional)) {
    Appointment ap;
    ap.available = a->boolean("available", Need::required).value_or(false);
    ap.daily_quota = a->integer("daily_quota", Need::optional, 0, 1'000'000);
    g.appointment = ap;
  }
  if (auto l = r.object("location", Need::required)) {
    g.location.address = l->text("address", Need::required);
    g.location.window = l->text("window", Need::optional);
    g.location.hours = l->text("hours", Need::required);
    g.location.address_en = l->text("address_en", Need::optional);
    g.location.window_en = l->text("window_en", Need::optional);
    g.location.hours_en = l->text("hours_en", Need::optional);
  }
  g.contact_phone = r.text("contact_phone", Need::required, 64);
  g.complaint_phone = r.text("complaint_phone", Need::required, 64);
  if (auto o = r.object("result", Need::optional)) {
    Outcome out;
    out.name = o->text("name", Need::required);
    out.type = o->text("type", Need::optional);
    out.delivery = o->texts("delivery", Need::optional);
    for (std::size_t i = 0; i < out.delivery.size(); ++i) {
      const auto& d = out.delivery[i];
      if (d != "window" && d != "post" && d != "electronic") {
        o->problem("delivery[" + std::to_string(i) + "]", "expected window | post | electronic, got \"" + d + "\"");
      }
    }
    g.result = out;
  }
  r.objects("faq", Need::optional, 0, [&](JsonReader& f) {
    Faq faq;
    faq.q = f.text("q", Need::required);
    faq.a = f.text("a", Need::required);
    faq.q_en = f.text("q_en", Need::optional);
    faq.a_en = f.text("a_en", Need::optional);
    g.faq.push_back(std::move(faq));
  });
  g.queue_group = r.text("queue_group", Need::optional, 64);
}

}  // namespace

std::optional<Guide> parse_guide(const Json& node, const std::string& fallback_subject, Problems& problems) {
  const std::size_t before = problems.messages().size();
  const std::string subject = subject_for(node, fallback_subject);
  if (!node.is_object()) {
    problems.add(subject, "$", "expected a guide object");
    return std::nullopt;
  }
  JsonReader r(node, "$", subject, problems);
  Guide g;
  read_identity(r, g);
  read_department(r, g);
  read_audience(r, g);
  read_visits_and_limits(r, g);
  read_basis_and_content(r, g);
  read_service_channels(r, g);
  if (problems.messages().size() != before) return std::nullopt;
  g.source_json = node.dump();
  return g;
}

}  // namespace hall::catalogue
