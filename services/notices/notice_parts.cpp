// SPDX-License-Identifier: Apache-2.0
// The part of a notice only its kind has: a draft's comment period and adoption report, a
// meeting's agenda, a measure's steps, a proposal reply's deputies, the entries of a 权责清单.
#include <chrono>

#include "notices/notice_reading.h"

namespace hall::notices::detail {
namespace {

using std::chrono::sys_days;

// 重大行政决策程序暂行条例 第十四条: 征求意见期限一般不少于30日.
constexpr int usual_comment_days = 30;

void read_adoption(JsonReader& a, DraftPart& d) {
  AdoptionReport report;
  report.published = read_date(a, "published", Need::required).value_or(Date{});
  if (report.published.ok() && d.comment_to.ok() && !(d.comment_to < report.published)) {
    a.problem("published", "expected a date after the comment period ends (" + format_iso_date(d.comment_to) + ")");
  }
  const auto received = a.integer("received", Need::required, 0, 1'000'000);
  const auto adopted = a.integer("adopted", Need::required, 0, 1'000'000);
  report.received = received.value_or(0);
  report.adopted = adopted.value_or(0);
  if (received && adopted && *adopted > *received) {
    a.problem("adopted", "expected at most the " + std::to_string(*received) + " opinions received, got " +
                             std::to_string(*adopted));
  }
  report.summary = read_text(a, "summary", Need::required);
  a.objects("not_adopted", Need::optional, 0, [&](JsonReader& o) {
    report.not_adopted.push_back(
        NotAdopted{read_text(o, "opinion", Need::required), read_text(o, "reason", Need::required)});
  });
  const int others = report.received - report.adopted;
  if (received && adopted && others > 0 && report.not_adopted.empty()) {
    a.problem("not_adopted", "missing: " + std::to_string(others) +
                                 " opinion(s) were not adopted, and the report gives the reasons (未予采纳的理由)");
  }
  if (received && adopted && static_cast<int>(report.not_adopted.size()) > std::max(others, 0)) {
    a.problem("not_adopted", "expected at most " + std::to_string(std::max(others, 0)) + " (received − adopted), got " +
                                 std::to_string(report.not_adopted.size()));
  }
  d.adoption = std::move(report);
}

void read_draft(JsonReader& r, Ctx& ctx, Notice& n) {
  auto p = r.object("draft", Need::required);
  if (!p) return;
  DraftPart d;
  d.basis = read_basis(*p, "basis", Need::required, 1);
  const auto from = read_date(*p, "comment_from", Need::required);
  const auto to = read_date(*p, "comment_to", Need::required);
  if (from && to) {
    d.comment_from = *from;
    d.comment_to = *to;
    if (*to < *from) {
      p->problem("comment_to", "expected a date not before comment_from");
    } else if ((sys_days{*to} - sys_days{*from}).count() + 1 < usual_comment_days &&
               p->text("short_period_reason", Need::optional).empty()) {
      p->problem("comment_to",
                 "expected a comment period of at least 30 days (重大行政决策程序暂行条例 第十四条), "
                 "or a short_period_reason");
    }
    if (n.date.ok() && *from < n.date) p->problem("comment_from", "expected a date not before the notice's date");
  }
  d.channels = read_texts(*p, ctx, "channels", Need::optional, 0);
  if (auto a = p->object("adoption", Need::optional)) read_adoption(*a, d);
  n.draft = std::move(d);
}

void read_meeting(JsonReader& r, Ctx& ctx, Notice& n) {
  auto p = r.object("meeting", Need::required);
  if (!p) return;
  MeetingPart m;
  m.held_on = read_date(*p, "held_on", Need::required).value_or(Date{});
  m.place = read_text(*p, "place", Need::optional, 200);
  m.agenda = read_texts(*p, ctx, "agenda", Need::required, 1);
  m.decisions = read_texts(*p, ctx, "decisions", Need::required, 0);
  n.meeting = std::move(m);
}

void read_implementation(JsonReader& r, Notice& n) {
  auto p = r.object("implementation", Need::required);
  if (!p) return;
  ImplementationPart part;
  part.measure = read_text(*p, "measure", Need::required, 200);
  p->objects("steps", Need::required, 1, [&](JsonReader& s) {
    MeasureStep step;
    step.title = read_text(s, "title", Need::required, 200);
    step.responsible = read_text(s, "responsible", Need::required, 200);
    step.progress = read_text(s, "progress", Need::required);
    step.status = read_term(s, "status", Need::required, step_statuses()).value_or(StepStatus::planned);
    step.due = read_date(s, "due", Need::optional);
    part.steps.push_back(std::move(step));
  });
  n.implementation = std::move(part);
}

void read_proposal(JsonReader& r, Ctx& ctx, Notice& n) {
  auto p = r.object("proposal", Need::required);
  if (!p) return;
  ProposalPart part;
  part.number = p->text("number", Need::required, 64);
  part.type = read_term(*p, "type", Need::required, proposal_types()).value_or(ProposalType::suggestion);
  part.publication = read_term(*p, "publication", Need::required, publications()).value_or(Publication::full);
  if (ctx.destination == Destination::published) {
    // 除人大代表和政协委员姓名、联系方式和抄送范围等外 (the plan, 一(五)): the list is the scanner's.
    if (p->has("representatives")) {
      p->problem("representatives",
                 "the names and contacts of deputies never leave the central store "
                 "(the list serves the 去标识化 scan; remove it before publishing)");
    }
  } else {
    // Optional: a reply naming nobody is scanned by the general rules alone.
    p->objects("representatives", Need::optional, 0, [&](JsonReader& rep) {
      Representative who;
      who.name = rep.text("name", Need::required, 64);
      who.contacts = rep.texts("contacts", Need::optional);
      part.representatives.push_back(std::move(who));
    });
  }
  n.proposal = std::move(part);
}

void read_powers(JsonReader& r, Notice& n) {
  r.objects("powers", Need::required, 1, [&](JsonReader& e) {
    PowerEntry entry;
    entry.name = read_text(e, "name", Need::required, 200);
    entry.power_type = e.text("power_type", Need::required, 64);
    entry.code = e.text("code", Need::optional, 64);
    entry.basis = read_basis(e, "basis", Need::required, 1);
    entry.responsible = read_text(e, "responsible", Need::required, 200);
    entry.accountability = read_text(e, "accountability", Need::optional);
    n.powers.push_back(std::move(entry));
  });
}

}  // namespace

void read_kind_parts(JsonReader& r, Ctx& ctx, Notice& n) {
  struct Part {
    const char* key;
    NoticeKind kind;
  };
  static const Part parts[] = {
      {"interprets", NoticeKind::interpretation}, {"draft", NoticeKind::draft},
      {"meeting", NoticeKind::meeting},           {"implementation", NoticeKind::implementation},
      {"proposal", NoticeKind::proposal_reply},   {"powers", NoticeKind::power_list}};
  for (const auto& part : parts) {
    if (r.has(part.key) && n.kind != part.kind) {
      r.problem(part.key, std::string("only a notice of kind ") + term(part.kind).code + " has this part");
    }
  }
  switch (n.kind) {
    case NoticeKind::interpretation:
      n.interprets = r.text("interprets", Need::required, 64);
      if (!n.interprets.empty() && !valid_id(n.interprets))
        r.problem("interprets", "expected the id of a policy notice");
      break;
    case NoticeKind::draft:
      read_draft(r, ctx, n);
      break;
    case NoticeKind::meeting:
      read_meeting(r, ctx, n);
      break;
    case NoticeKind::implementation:
      read_implementation(r, n);
      break;
    case NoticeKind::proposal_reply:
      read_proposal(r, ctx, n);
      break;
    case NoticeKind::power_list:
      read_powers(r, n);
      break;
    case NoticeKind::policy:
    case NoticeKind::announcement:
      break;
  }
}

}  // namespace hall::notices::detail
