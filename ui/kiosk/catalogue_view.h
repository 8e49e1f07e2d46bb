// SPDX-License-Identifier: Apache-2.0
#pragma once
// The read model the screens draw from, built once per catalogue (never per frame): topics with
// their counts, the 一次办好 list, lookups by id and the text the glyph atlas must hold.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "kiosk/kiosk_catalogue.h"

namespace hall::ui {

struct TopicEntry {
  std::string name;
  std::vector<std::size_t> guides;  // indices into guides(), common services first (see common())
};

// How many guides 常办 shows when it is ranked from open counts (a hall's 常办事项 shows whole).
inline constexpr std::size_t common_from_counts = 6;

class CatalogueView {
 public:
  explicit CatalogueView(std::shared_ptr<const KioskCatalogue> catalogue);

  // Null or catalogue.problem set: the data cannot be shown (the designed problem screen).
  bool usable() const { return catalogue_ && catalogue_->problem.empty(); }
  const KioskCatalogue* data() const { return catalogue_.get(); }
  // Unique to this view among all made in this process: a layout cached for one catalogue is never
  // taken for another's, even one allocated at the same address.
  std::uint64_t serial() const { return serial_; }
  const std::vector<catalogue::GuideSummary>& guides() const { return catalogue_ ? catalogue_->guides : empty_; }
  const std::vector<TopicEntry>& topics() const { return topics_; }  // most services first
  const TopicEntry* topic(std::string_view name) const;
  const std::vector<std::size_t>& one_visit() const { return one_visit_; }
  // 常办: the hall's 常办事项 in its order, else the guides opened most here (at most
  // common_from_counts, never one nobody opened); empty: home shows no 常办 tile. Every list
  // follows the same order: these first, then by open counts, then by pinyin.
  const std::vector<std::size_t>& common() const { return common_; }
  const catalogue::GuideSummary* find(std::string_view id) const;

  // The hall's English name for a window called `window` (as guides name it), when it has one.
  std::string window_name(const std::string& window, bool english) const;
  std::string guide_name(const catalogue::GuideSummary& g, bool english) const;
  // A topic's name as the visitor reads it: the hall's English name in English, when it has one.
  std::string topic_name(const std::string& topic, bool english) const;

  // 政务公开: the notices in effect, their directory, and lookups by id. Empty: home has no entry.
  const std::vector<notices::Notice>& notices() const { return catalogue_ ? catalogue_->notices : no_notices_; }
  const notices::Directory& directory() const { return catalogue_ ? catalogue_->notice_directory : no_directory_; }
  const notices::Notice* notice(std::string_view id) const;
  // The 解读 of a policy, when one is in effect.
  const notices::Notice* interpretation_of(std::string_view policy_id) const;
  Date notices_today() const { return catalogue_ ? catalogue_->notices_today : Date{}; }
  // The hall's working-day calendar; null without one.
  const WorkingCalendar* calendar() const {
    return catalogue_ && catalogue_->calendar ? &*catalogue_->calendar : nullptr;
  }

  // How long a changed guide is marked (hall.json's changed_mark_days), and whether a list row's
  // guide is still within it on notices_today(), the hall's date.
  int changed_mark_days() const { return catalogue_ ? catalogue_->hall.changed_mark_days : 0; }
  bool recently_changed(const catalogue::GuideSummary& g) const;

  // Every character the catalogue can put on screen, and the subset drawn in the title size.
  std::string text() const;
  std::string title_text() const;

 private:
  std::shared_ptr<const KioskCatalogue> catalogue_;
  std::uint64_t serial_;
  std::vector<catalogue::GuideSummary> empty_;
  std::vector<TopicEntry> topics_;
  std::vector<std::size_t> one_visit_;
  std::vector<std::size_t> common_;
  std::unordered_map<std::string, std::size_t> by_id_;
  std::map<std::string, std::string> window_en_;
  std::map<std::string, std::string> topic_en_;
  std::vector<notices::Notice> no_notices_;
  notices::Directory no_directory_;
  std::unordered_map<std::string, std::size_t> notice_by_id_;
  std::unordered_map<std::string, std::size_t> interpretation_by_policy_;
};

// Every character a guide's detail screen can draw.
void append_guide_text(const catalogue::Guide& g, std::string& out);
// Every character a notice's screens can draw (kiosk/notice_text.cpp).
void append_notice_text(const notices::Notice& n, std::string& out);
// What of it the screens draw in the title size: its title, the body's 一、 headings, the
// opinions not taken up, a measure's steps, the names of powers.
void append_notice_title_text(const notices::Notice& n, std::string& out);
// The labels of the 政务公开 vocabularies the screens show, in both languages.
std::string notice_label_text();

}  // namespace hall::ui
