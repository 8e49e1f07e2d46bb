// SPDX-License-Identifier: Apache-2.0
#pragma once
// The read model the screens draw from, built once per catalogue (never per frame): topics with
// their counts, the 一次办好 list, lookups by id and the text the glyph atlas must hold.
#include <cstddef>
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

  // Every character the catalogue can put on screen, and the subset drawn in the title size.
  std::string text() const;
  std::string title_text() const;

 private:
  std::shared_ptr<const KioskCatalogue> catalogue_;
  std::vector<catalogue::GuideSummary> empty_;
  std::vector<TopicEntry> topics_;
  std::vector<std::size_t> one_visit_;
  std::vector<std::size_t> common_;
  std::unordered_map<std::string, std::size_t> by_id_;
  std::map<std::string, std::string> window_en_;
  std::map<std::string, std::string> topic_en_;
};

// Every character a guide's detail screen can draw.
void append_guide_text(const catalogue::Guide& g, std::string& out);

}  // namespace hall::ui
