// SPDX-License-Identifier: Apache-2.0
// The characters of a notice's screens, for the glyph atlas: everything notice_screen.cpp,
// notice_body.cpp and adoption_screen.cpp can draw of it, in both languages, and the part of it
// they draw in the title size.
#include "kiosk/catalogue_view.h"
#include "notices/notice_labels.h"

namespace hall::ui {
namespace {

void add_text(const notices::Text& t, std::string& out) {
  out += t.zh;
  out += t.en;
}

void add_text(const std::vector<notices::Text>& texts, std::string& out) {
  for (const auto& t : texts) add_text(t, out);
}

void add_body_text(const std::vector<notices::Block>& body, std::string& out) {
  for (const auto& b : body) {
    add_text(b.text, out);
    add_text(b.items, out);
    add_text(b.columns, out);
    for (const auto& row : b.rows) add_text(row, out);
  }
}

}  // namespace

void append_notice_text(const notices::Notice& n, std::string& out) {
  add_text(n.title, out);
  add_text(n.summary, out);
  add_text(n.domain, out);
  out += n.issuer.name + n.issuer.name_en + n.doc_no;
  add_body_text(n.body, out);
  if (n.draft) {
    for (const auto& b : n.draft->basis) out += b.title + b.doc_no + b.clause;
    add_text(n.draft->channels, out);
    if (const auto& a = n.draft->adoption) {
      add_text(a->summary, out);
      for (const auto& x : a->not_adopted) {
        add_text(x.opinion, out);
        add_text(x.reason, out);
      }
    }
  }
  if (n.meeting) {
    add_text(n.meeting->place, out);
    add_text(n.meeting->agenda, out);
    add_text(n.meeting->decisions, out);
  }
  if (n.implementation) {
    add_text(n.implementation->measure, out);
    for (const auto& s : n.implementation->steps) {
      add_text(s.title, out);
      add_text(s.responsible, out);
      add_text(s.progress, out);
    }
  }
  if (n.proposal) out += n.proposal->number;
  for (const auto& p : n.powers) {
    add_text(p.name, out);
    add_text(p.responsible, out);
    add_text(p.accountability, out);
    out += p.power_type + p.code;
    for (const auto& b : p.basis) out += b.title + b.doc_no + b.clause;
  }
}

void append_notice_title_text(const notices::Notice& n, std::string& out) {
  add_text(n.title, out);
  for (const auto& b : n.body) {
    if (b.type == notices::BlockType::heading && b.level == 1) add_text(b.text, out);
  }
  if (n.draft && n.draft->adoption) {
    for (const auto& x : n.draft->adoption->not_adopted) add_text(x.opinion, out);
  }
  if (n.implementation) {
    add_text(n.implementation->measure, out);
    for (const auto& s : n.implementation->steps) add_text(s.title, out);
  }
  for (const auto& p : n.powers) add_text(p.name, out);
}

std::string notice_label_text() {
  std::string out;
  const auto labels = [&](const auto& table) {
    for (const auto& t : table) out += std::string(t.zh) + t.en;
  };
  labels(notices::notice_kinds());
  labels(notices::categories());
  labels(notices::step_statuses());
  labels(notices::proposal_types());
  labels(notices::publications());
  return out;
}

}  // namespace hall::ui
