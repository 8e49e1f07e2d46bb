// SPDX-License-Identifier: Apache-2.0
#include "kiosk/catalogue_view.h"

#include <algorithm>

#include "kiosk/format.h"

namespace hall::ui {
namespace {

std::uint64_t next_serial() {
  static std::uint64_t last = 0;  // views are made on the UI thread only
  return ++last;
}

}  // namespace

CatalogueView::CatalogueView(std::shared_ptr<const KioskCatalogue> catalogue)
    : catalogue_(std::move(catalogue)), serial_(next_serial()) {
  if (!catalogue_) return;
  std::map<std::string, std::vector<std::size_t>> by_topic;
  const auto& guides = catalogue_->guides;
  std::vector<std::string> ids;
  for (const auto& g : guides) ids.push_back(g.id);
  const auto& listed = catalogue_->hall.common_services;
  const std::vector<std::size_t> order = common_order(ids, listed, catalogue_->open_counts);
  // Every list is built walking this order, so each comes out common first, then by pinyin.
  for (const std::size_t i : order) {
    by_id_.emplace(guides[i].id, i);
    // A suspended service cannot be done in one visit now: it is not counted as 一次办好.
    if (guides[i].is_one_visit() && guides[i].status != catalogue::GuideStatus::suspended) one_visit_.push_back(i);
    for (const auto& t : guides[i].topics) by_topic[t].push_back(i);
  }
  for (auto& [name, indices] : by_topic) topics_.push_back({name, std::move(indices)});
  for (const std::size_t i : order) {
    const auto& id = guides[i].id;
    if (!listed.empty()) {
      if (std::find(listed.begin(), listed.end(), id) == listed.end()) break;  // the listed ones lead the order
    } else {
      const auto n = catalogue_->open_counts.find(id);
      if (n == catalogue_->open_counts.end() || n->second <= 0 || common_.size() >= common_from_counts) break;
    }
    common_.push_back(i);
  }
  // The topics most visitors need (the most services) come first; ties by name, for a stable grid.
  std::stable_sort(topics_.begin(), topics_.end(),
                   [](const TopicEntry& a, const TopicEntry& b) { return a.guides.size() > b.guides.size(); });
  for (const auto& w : catalogue_->hall.windows) {
    if (!w.name_en.empty()) window_en_[w.name] = w.name_en;
  }
  for (const auto& t : catalogue_->hall.topics) topic_en_[t.name] = t.name_en;
  const auto& all = catalogue_->notices;
  for (std::size_t i = 0; i < all.size(); ++i) {
    notice_by_id_.emplace(all[i].id, i);
    // Newest first: the newest 解读 of a policy is the one offered.
    if (all[i].kind == notices::NoticeKind::interpretation) interpretation_by_policy_.emplace(all[i].interprets, i);
  }
}

const notices::Notice* CatalogueView::notice(std::string_view id) const {
  const auto it = notice_by_id_.find(std::string(id));
  return it == notice_by_id_.end() ? nullptr : &notices()[it->second];
}

const notices::Notice* CatalogueView::interpretation_of(std::string_view policy_id) const {
  const auto it = interpretation_by_policy_.find(std::string(policy_id));
  return it == interpretation_by_policy_.end() ? nullptr : &notices()[it->second];
}

const TopicEntry* CatalogueView::topic(std::string_view name) const {
  for (const auto& t : topics_) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

const catalogue::GuideSummary* CatalogueView::find(std::string_view id) const {
  const auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &guides()[it->second];
}

bool CatalogueView::recently_changed(const catalogue::GuideSummary& g) const {
  return !g.change_since.empty() && change_is_recent(g.change_since, notices_today(), changed_mark_days());
}

std::string CatalogueView::window_name(const std::string& window, bool english) const {
  if (english) {
    if (auto it = window_en_.find(window); it != window_en_.end()) return it->second;
  }
  return window;
}

std::string CatalogueView::topic_name(const std::string& topic, bool english) const {
  if (english) {
    if (auto it = topic_en_.find(topic); it != topic_en_.end()) return it->second;
  }
  return topic;
}

std::string CatalogueView::guide_name(const catalogue::GuideSummary& g, bool english) const {
  return english && !g.name_en.empty() ? g.name_en : g.name;
}

std::string CatalogueView::title_text() const {
  std::string out;
  if (!catalogue_) return out;
  const auto& h = catalogue_->hall;
  out += h.name + h.name_en;
  for (const auto& g : catalogue_->guides) out += g.name + g.name_en;
  for (const auto& t : topics_) out += t.name;
  for (const auto& t : h.topics) out += t.name_en;
  // 取号: the priority question's buttons and the group under the ticket's number are titles.
  for (const auto& g : h.queue_groups) out += g.letter + g.name + g.name_en;
  for (const auto& p : h.priority_classes) out += p.name + p.name_en;
  // 政务公开: a notice's title heads its screen and its row; the labels head the directory.
  for (const auto& n : catalogue_->notices) append_notice_title_text(n, out);
  if (!catalogue_->notices.empty()) out += notice_label_text();
  return out;
}

std::string CatalogueView::text() const {
  std::string out = title_text();
  if (!catalogue_) return out;
  const auto& h = catalogue_->hall;
  out += h.address + h.address_en + h.phone + catalogue_->problem;
  for (const auto& w : h.windows) out += w.name + w.name_en;
  for (const auto& g : catalogue_->guides) out += g.window;
  // Guide bodies: the host lists their characters once per catalogue; a guide that brings one
  // the list lacked is caught when it loads (KioskApp adds it to the atlas).
  out += catalogue_->guide_characters;
  for (const auto& n : catalogue_->notices) append_notice_text(n, out);
  // The date a promised limit comes to is worded in services (due_phrase_zh): its characters too.
  if (catalogue_->calendar) {
    using namespace std::chrono;
    out += due_phrase_zh(Date{year{2027}, January, day{1}}, Date{year{2026}, January, day{1}});
  }
  return out;
}

void append_guide_text(const catalogue::Guide& g, std::string& out) {
  if (g.suspension) out += g.suspension->reason + g.suspension->reason_en;
  out += g.name + g.name_en + g.onsite_reason + g.onsite_reason_en + g.time_limit_note + g.time_limit_note_en;
  out += g.conditions + g.conditions_en + g.department.name + g.department.name_en;
  for (const auto& d : g.co_departments) out += d;
  for (const auto& b : g.legal_basis) out += b.title + b.doc_no + b.clause;
  for (const auto& m : g.materials) {
    out += m.name + m.name_en + m.notes + m.notes_en;
    if (m.certificate)
      out += m.certificate->basis + m.certificate->requested_by + m.certificate->issued_by +
             m.certificate->issued_by_en + m.certificate->guide;
  }
  for (const auto& s : g.steps) out += s.title + s.title_en + s.detail + s.detail_en;
  for (const auto& p : g.special_procedures) out += p.name + p.basis;
  for (const auto& f : g.fees) out += f.item + f.item_en + f.standard + f.standard_en + f.basis;
  out += g.location.address + g.location.address_en + g.location.window + g.location.window_en + g.location.hours +
         g.location.hours_en + g.contact_phone + g.complaint_phone;
  for (const auto& q : g.faq) out += q.q + q.a + q.q_en + q.a_en;
}

}  // namespace hall::ui
