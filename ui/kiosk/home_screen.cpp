// SPDX-License-Identifier: Apache-2.0
// Home: the 一次办好 entry, search and 政务公开 side by side, then 常办 and every topic as a large tile with
// its count. The hall's name and the time are in the top bar (chrome.cpp).
#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/format.h"
#include "kiosk/screens.h"
#include "widgets/buttons.h"
#include "widgets/text.h"
#include "widgets/touch.h"

namespace hall::ui {
namespace {

float card_height(const Frame& f) {
  return f.title_size() + f.body_size() + 2.0f * f.metrics.pad;
}

int grid_columns(const Frame& f, float width) {
  const float min_tile = 300.0f * f.metrics.text_scale;
  return std::clamp(static_cast<int>(width / min_tile), 1, f.portrait ? 2 : 4);
}

// The least a tile needs: the topic's name (in as many lines as the longest needs, up to two) and
// its count, with breathing room.
float min_tile_height(const Frame& f, int name_lines = 1) {
  return std::max(static_cast<float>(name_lines) * f.title_size() + f.body_size() + f.metrics.pad * 0.75f,
                  f.metrics.min_target);
}

// A tile of the grid: 常办 first (when the hall has common services), then each topic.
struct Tile {
  std::string id, name, count;
  Intent intent;
};

std::vector<Tile> tiles(const Frame& f, const CatalogueView& view) {
  std::vector<Tile> out;
  const auto count = [&](std::size_t n) {
    return count_text(f.strings, K("home.topic_count"), K("home.topic_count_one"), n);
  };
  if (!view.common().empty()) {
    out.push_back({"home:common", f.tr("home.common"), count(view.common().size()), Intent::open("common")});
  }
  for (const auto& t : view.topics()) {
    out.push_back(
        {"topic:" + t.name, view.topic_name(t.name, f.english), count(t.guides.size()), Intent::open("topic", t.name)});
  }
  return out;
}

int name_lines(const Frame& f, const std::vector<Tile>& all, float tile_w) {
  const TextStyle st = title_style(f, f.palette.text);
  std::size_t most = 1;
  for (const auto& t : all) {
    most = std::max(most, wrap_lines(st.font, st.size, t.name, tile_w - 2.0f * f.metrics.gap).size());
  }
  return static_cast<int>(std::min<std::size_t>(most, 2));
}

float more_bar_height(const Frame& f) {
  return std::max(f.body_line() + f.metrics.gap, f.metrics.min_target);
}

// Says plainly that more topics follow, until the visitor has scrolled to the last of them; a tap
// on it shows the next page of rows (for a visitor who does not think of swiping).
void more_below(Frame& f, ScrollState& scroll, ImVec2 pos, float width, float page) {
  if (scroll.scroll + scroll.view_h >= scroll.content_h - 1.0f) return;
  const std::string& text = f.tr("home.more_topics");
  const TextStyle st = body_style(f, f.palette.on_primary);
  const float h = more_bar_height(f);
  ImGui::SetCursorScreenPos(pos);
  const TapResult t = tap_area(f, "home:more_topics", ImVec2(width, h));
  if (t.tapped) scroll.scroll += page;  // begin_touch_scroll clamps it to the end next frame
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(t.min, t.max, f.color(t.pressed ? f.palette.primary_pressed : f.palette.primary),
                    f.metrics.rounding);
  const float tw = text_width(st.font, st.size, text);
  draw_text(dl, st.font, st.size, ImVec2(t.min.x + (width - tw) * 0.5f, t.min.y + (h - st.size) * 0.5f),
            f.color(st.rgb), text);
}

void empty_catalogue(Frame& f) {
  ImGui::Dummy(ImVec2(0, f.metrics.pad));
  paragraph(title_style(f, f.palette.text), f.tr("home.empty_title"));
  paragraph(body_style(f, f.palette.text), f.tr("home.empty_hint"));
}

// Rows of tiles a grid needs at `cols` columns, and whether they fit `height` at their least.
float grid_rows(std::size_t topics, int cols) {
  return std::ceil(static_cast<float>(topics) / static_cast<float>(std::max(cols, 1)));
}
bool grid_fits(const Frame& f, std::size_t topics, int cols, float height) {
  const float rows = grid_rows(topics, cols);
  return rows * min_tile_height(f) + f.metrics.gap * (rows - 1.0f) <= height;
}

// The topics as tiles filling `area`; when even the least tiles cannot hold them all, the grid
// scrolls with a strip saying more follow.
Intent topic_grid(Frame& f, const std::vector<Tile>& topics, Area area, int cols, ScrollState& scroll) {
  Intent out;
  const float gap = f.metrics.gap;
  const float rows = grid_rows(topics.size(), cols);
  const float tile_w = (area.size.x - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  const float least = min_tile_height(f, name_lines(f, topics, tile_w));
  const bool more = rows * least + gap * (rows - 1.0f) > area.size.y;
  const float bar = more ? more_bar_height(f) + gap * 0.5f : 0.0f;
  float tile_h = least;
  float view_h = area.size.y - bar;
  if (more) {
    // Only whole rows in view: the strip then sits under the last row that shows in full, never
    // over a tile or beside a sliver of one. The rows share what is left over.
    const float shown = std::max(1.0f, std::floor((view_h + gap) / (least + gap)));
    // Whole pixels, so that a page of rows scrolls by exactly its height.
    tile_h = std::floor(std::max(least, (view_h - gap * (shown - 1.0f)) / shown));
    view_h = std::min(view_h, shown * tile_h + gap * (shown - 1.0f));
  } else {
    const float share = (view_h - gap * (rows - 1.0f)) / std::max(rows, 1.0f);
    tile_h = std::clamp(share, least, std::max(least, card_height(f) * 1.6f));
  }
  const ImVec2 grid_size(area.size.x, view_h);
  ImGui::SetCursorScreenPos(area.pos);
  begin_touch_scroll(f, "##topics", grid_size, scroll);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  for (std::size_t i = 0; i < topics.size(); ++i) {
    const float col = static_cast<float>(i % static_cast<std::size_t>(cols));
    const float row = static_cast<float>(i / static_cast<std::size_t>(cols));
    ImGui::SetCursorScreenPos(ImVec2(origin.x + col * (tile_w + gap), origin.y + row * (tile_h + gap)));
    const Tile& t = topics[i];
    if (big_button(f, {t.id, t.name, ImVec2(tile_w, tile_h), ButtonKind::secondary, true, true, t.count})) {
      out = t.intent;
    }
  }
  end_touch_scroll(f, scroll);
  if (more) {
    more_below(f, scroll, ImVec2(area.pos.x, area.pos.y + grid_size.y + gap * 0.5f), grid_size.x,
               grid_size.y + gap);
  }
  return out;
}

int ticket_entries(const HomeModel& m) {
  return (m.consult ? 1 : 0) + (m.reactivate ? 1 : 0);
}

// The ways to a ticket without a guide: a consultation for a visitor who does not know what their
// matter is called (不知道办什么 / 咨询), and 过号重排 for one whose number was called while away. Side by side across
// the bottom, or one above the other in the entries' column (`column`).
Intent ticket_strip(Frame& f, const HomeModel& m, Area area, bool column) {
  Intent out;
  const float gap = f.metrics.gap;
  const auto n = static_cast<float>(ticket_entries(m));
  const ImVec2 size = column ? ImVec2(area.size.x, (area.size.y - gap * (n - 1.0f)) / n)
                             : ImVec2((area.size.x - gap * (n - 1.0f)) / n, area.size.y);
  const ImVec2 step = column ? ImVec2(0.0f, size.y + gap) : ImVec2(size.x + gap, 0.0f);
  ImVec2 at = area.pos;
  if (m.consult) {
    ImGui::SetCursorScreenPos(at);
    if (big_button(f, {"home:consult", f.tr("home.consult"), size, ButtonKind::primary, true, true,
                       f.tr("home.consult_hint")})) {
      out = {Intent::Kind::take_number, {}};
    }
    at = ImVec2(at.x + step.x, at.y + step.y);
  }
  if (m.reactivate) {
    ImGui::SetCursorScreenPos(at);
    if (big_button(f, {"home:reactivate", f.tr("home.reactivate"), size, ButtonKind::secondary, true, true,
                       f.tr("home.reactivate_hint")})) {
      out = Intent::open("reactivate");
    }
  }
  return out;
}

float ticket_strip_height(const Frame& f, const HomeModel& m) {
  if (!m.consult && !m.reactivate) return 0.0f;
  return std::max(f.metrics.button_h, f.title_size() + f.body_size() + f.metrics.gap);
}

// 政务公开: the hall's 政府信息公开查阅点, with how many drafts await comments (or how many notices).
bool notices_entry(Frame& f, const CatalogueView& view, ImVec2 size) {
  const std::size_t open = view.directory().open_drafts.size();
  const std::string sub =
      open > 0 ? count_text(f.strings, K("home.notices_open"), K("home.notices_open_one"), open)
               : count_text(f.strings, K("home.notices_count"), K("home.notices_count_one"), view.notices().size());
  return big_button(f, {"home:notices", f.tr("home.notices"), size, ButtonKind::primary, true, true, sub});
}

}  // namespace

// The ways in (一次办好, search, and 政务公开 when the hall has notices) above the topics, and the
// ticket entries across the bottom; in portrait 政务公开 takes a row of its own under the other two
// (three across would cut their hints). In landscape, when that leaves too little height for every
// topic (长辈模式), all of them stand in a column on the left instead.
Intent draw_home(Frame& f, const CatalogueView& view, const HomeModel& m, Area area, ScrollState& scroll) {
  Intent out;
  const float gap = f.metrics.gap;
  const float card_h = card_height(f);
  const float strip_h = ticket_strip_height(f, m);
  const float strip_room = strip_h > 0.0f ? strip_h + gap : 0.0f;
  const std::vector<Tile> all = tiles(f, view);
  const std::size_t topic_count = all.size();
  const bool notices = !view.notices().empty();
  const int ways = notices ? 3 : 2;
  const bool own_row = notices && f.portrait;
  const float ways_h = own_row ? 2.0f * card_h + gap : card_h;
  const float stacked_grid_h = area.size.y - ways_h - gap * 1.5f - f.title_line() - strip_room;
  const bool side = !f.portrait && !grid_fits(f, topic_count, grid_columns(f, area.size.x), stacked_grid_h);
  const auto column_entries = static_cast<float>(side ? ways + ticket_entries(m) : ways);
  const float across = own_row ? 2.0f : static_cast<float>(ways);
  const float entry_w = side ? std::floor(area.size.x * 0.3f) : (area.size.x - gap * (across - 1.0f)) / across;
  const float entry_h =
      side ? std::min(card_h * 1.6f, (area.size.y - gap * (column_entries - 1.0f)) / column_entries) : card_h;
  if (strip_h > 0.0f) {
    const auto before = static_cast<float>(ways);
    const Area strip = side
                           ? Area{ImVec2(area.pos.x, area.pos.y + before * (entry_h + gap)),
                                  ImVec2(entry_w, (entry_h + gap) * (column_entries - before) - gap)}
                           : Area{ImVec2(area.pos.x, area.pos.y + area.size.y - strip_h), ImVec2(area.size.x, strip_h)};
    if (Intent t = ticket_strip(f, m, strip, side)) out = t;
    if (!side) area.size.y -= strip_room;
  }
  const std::string one_visit_count =
      count_text(f.strings, K("home.one_visit_count"), K("home.one_visit_count_one"), view.one_visit().size());
  ImGui::SetCursorScreenPos(area.pos);
  if (big_button(f, {"home:one_visit", f.tr("home.one_visit"), ImVec2(entry_w, entry_h), ButtonKind::accent, true, true,
                     one_visit_count})) {
    out = Intent::open("one-visit");
  }
  const ImVec2 second =
      side ? ImVec2(area.pos.x, area.pos.y + entry_h + gap) : ImVec2(area.pos.x + entry_w + gap, area.pos.y);
  ImGui::SetCursorScreenPos(second);
  if (big_button(f, {"home:search", f.tr("home.search"), ImVec2(entry_w, entry_h), ButtonKind::primary, true, true,
                     f.tr("home.search_hint")})) {
    out = Intent::open("search");
  }
  if (notices) {
    const ImVec2 third = side      ? ImVec2(area.pos.x, area.pos.y + 2.0f * (entry_h + gap))
                         : own_row ? ImVec2(area.pos.x, area.pos.y + card_h + gap)
                                   : ImVec2(area.pos.x + 2.0f * (entry_w + gap), area.pos.y);
    ImGui::SetCursorScreenPos(third);
    if (notices_entry(f, view, ImVec2(own_row ? area.size.x : entry_w, entry_h))) out = Intent::open("notices");
  }
  const ImVec2 rest = side ? ImVec2(area.pos.x + entry_w + gap * 1.5f, area.pos.y)
                           : ImVec2(area.pos.x, area.pos.y + ways_h + gap * 1.5f);
  const float rest_w = area.pos.x + area.size.x - rest.x;
  ImGui::SetCursorScreenPos(rest);
  ImGui::BeginGroup();
  if (view.guides().empty()) {
    empty_catalogue(f);
    ImGui::EndGroup();
    return out;
  }
  const std::string heading = count_text(f.strings, K("home.topics"), K("home.topics_one"), view.guides().size());
  paragraph(title_style(f, f.palette.text), heading, 0.0f, rest_w);
  ImGui::EndGroup();
  const float grid_top = ImGui::GetCursorScreenPos().y;
  const Area grid{ImVec2(rest.x, grid_top), ImVec2(rest_w, area.pos.y + area.size.y - grid_top)};
  // Beside the entries: three columns, wide enough for a name in large type.
  const int cols = side ? 3 : grid_columns(f, rest_w);
  if (Intent t = topic_grid(f, all, grid, cols, scroll)) out = t;
  return out;
}

}  // namespace hall::ui
