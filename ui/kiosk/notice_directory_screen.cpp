// SPDX-License-Identifier: Apache-2.0
// 政务公开: the hall's 政府信息公开查阅点. Drafts open for comment first (征求意见中, closing soonest
// first, with the days left), then the 五公开 in order, each with its count and its notices newest
// first; an empty category says so. One touch-scrolled column; only the rows in view are drawn,
// from a layout made once per directory, width, text size and language.
#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/format.h"
#include "kiosk/screens.h"
#include "notices/notice_labels.h"
#include "widgets/text.h"

namespace hall::ui {
namespace {

struct DirectoryItem {
  enum class Kind { heading, row, empty } kind = Kind::row;
  std::string text;                            // heading, empty
  const notices::DirectoryRow* row = nullptr;  // row
  int section = 0;                             // an open draft is listed twice: ids per section
  float top = 0.0f, height = 0.0f;
};

struct DirectoryLayout {
  std::uint64_t view = 0;
  float width = 0.0f, scale = 0.0f;
  bool english = false;
  std::vector<DirectoryItem> items;
  float height = 0.0f;
};

std::vector<DirectoryItem> directory_items(const Frame& f, const notices::Directory& d) {
  std::vector<DirectoryItem> out;
  int section = 0;
  const auto group = [&](const std::string& name, const std::vector<notices::DirectoryRow>& rows, bool keep_empty) {
    if (rows.empty() && !keep_empty) return;
    ++section;
    const std::string n = std::to_string(rows.size());
    out.push_back({DirectoryItem::Kind::heading,
                   f.trf(rows.size() == 1 ? K("opengov.group_one") : K("opengov.group"), {{"name", name}, {"n", n}}),
                   nullptr, section});
    for (const auto& r : rows) out.push_back({DirectoryItem::Kind::row, {}, &r, section});
    if (rows.empty()) out.push_back({DirectoryItem::Kind::empty, f.tr("opengov.group_empty"), nullptr, section});
  };
  group(f.tr("opengov.open_drafts"), d.open_drafts, false);
  for (const auto& g : d.groups) {
    const auto& t = notices::term(g.category);
    group(f.english ? t.en : t.zh, g.rows, true);
  }
  return out;
}

const DirectoryLayout& directory_layout(const Frame& f, const CatalogueView& view, float width) {
  static DirectoryLayout cache;  // the UI thread's only; one directory is on screen at a time
  if (cache.view == view.serial() && cache.width == width && cache.scale == f.metrics.text_scale &&
      cache.english == f.english)
    return cache;
  cache = {view.serial(), width, f.metrics.text_scale, f.english, directory_items(f, view.directory()), 0.0f};
  float y = 0.0f;
  const float gap = f.metrics.gap * 0.75f;
  for (auto& it : cache.items) {
    it.top = y;
    switch (it.kind) {
      case DirectoryItem::Kind::heading:
        it.top += it.top > 0.0f ? f.metrics.gap : 0.0f;
        it.height = paragraph_height(title_style(f, f.palette.text), it.text, width - 8.0f - f.metrics.gap);
        break;
      case DirectoryItem::Kind::row:
        it.height = notice_row_height(f, *it.row, width, false);
        break;
      case DirectoryItem::Kind::empty:
        it.height = paragraph_height(muted_style(f), it.text, width);
        break;
    }
    y = it.top + it.height + gap;
  }
  cache.height = y;
  return cache;
}

void draw_group_heading(Frame& f, const DirectoryItem& it, ImVec2 at, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float bar_w = 8.0f;
  dl->AddRectFilled(at, ImVec2(at.x + bar_w, at.y + it.height), f.color(f.palette.primary));
  draw_paragraph(dl, title_style(f, f.palette.text), ImVec2(at.x + bar_w + f.metrics.gap, at.y), it.text,
                 width - bar_w - f.metrics.gap);
}

}  // namespace

Intent draw_notice_directory(Frame& f, const CatalogueView& view, Area area, ScrollState& scroll) {
  Intent out;
  ImGui::SetCursorScreenPos(area.pos);
  const std::size_t n = view.notices().size();
  page_heading(f, f.tr("opengov.title"), count_text(f.strings, K("opengov.subtitle"), K("opengov.subtitle_one"), n));
  const float top = ImGui::GetCursorScreenPos().y + f.metrics.gap * 0.5f;
  const ImVec2 size(area.size.x, area.pos.y + area.size.y - top);
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x, top));
  const float width = size.x;
  const DirectoryLayout& layout = directory_layout(f, view, width);
  begin_touch_scroll(f, "##notices", size, scroll);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float view_top = ImGui::GetScrollY(), view_bottom = view_top + size.y;
  for (const auto& it : layout.items) {
    if (it.top + it.height < view_top || it.top > view_bottom) continue;
    const ImVec2 at(origin.x, origin.y + it.top);
    if (it.kind == DirectoryItem::Kind::heading) {
      draw_group_heading(f, it, at, width);
    } else if (it.kind == DirectoryItem::Kind::empty) {
      draw_paragraph(ImGui::GetWindowDrawList(), muted_style(f), at, it.text, width);
    } else {
      ImGui::SetCursorScreenPos(at);
      ImGui::PushID(it.section);
      if (draw_notice_row(f, *it.row, width, false)) out = Intent::open("notice", it.row->id);
      ImGui::PopID();
    }
  }
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(width, std::max(0.0f, layout.height - f.metrics.gap * 0.75f)));
  end_touch_scroll(f, scroll);
  return out;
}

}  // namespace hall::ui
