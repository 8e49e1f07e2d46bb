// Home: the 一次办好 entry and search side by side, then every topic as a large tile with its
// count. The hall's name and the time are in the top bar (chrome.cpp).
#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/screens.h"
#include "widgets/buttons.h"
#include "widgets/text.h"

namespace hall::ui {
namespace {

float card_height(const Frame& f) {
  return f.title_size() + f.body_size() + 2.0f * f.metrics.pad;
}

int grid_columns(const Frame& f, float width) {
  const float min_tile = 300.0f * f.metrics.text_scale;
  return std::clamp(static_cast<int>(width / min_tile), 1, f.portrait ? 2 : 4);
}

void empty_catalogue(Frame& f) {
  ImGui::Dummy(ImVec2(0, f.metrics.pad));
  paragraph(title_style(f, f.palette.text), f.tr("home.empty_title"));
  paragraph(body_style(f, f.palette.text), f.tr("home.empty_hint"));
}

}  // namespace

Intent draw_home(Frame& f, const CatalogueView& view, Area area, ScrollState& scroll) {
  Intent out;
  const float gap = f.metrics.gap;
  const float card_h = card_height(f);
  const float half = (area.size.x - gap) * 0.5f;
  const std::string one_visit_count = f.trf("home.one_visit_count", {{"n", std::to_string(view.one_visit().size())}});
  ImGui::SetCursorScreenPos(area.pos);
  if (big_button(f, {"home:one_visit", f.tr("home.one_visit"), ImVec2(half, card_h), ButtonKind::accent, true, true,
                     one_visit_count})) {
    out = Intent::open("one-visit");
  }
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x + half + gap, area.pos.y));
  if (big_button(f, {"home:search", f.tr("home.search"), ImVec2(half, card_h), ButtonKind::primary, true, true,
                     f.tr("home.search_hint")})) {
    out = Intent::open("search");
  }
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x, area.pos.y + card_h + gap * 1.5f));
  if (view.guides().empty()) {
    empty_catalogue(f);
    return out;
  }
  const std::string heading = f.trf("home.topics", {{"n", std::to_string(view.guides().size())}});
  paragraph(title_style(f, f.palette.text), heading);

  const ImVec2 grid_pos = ImGui::GetCursorScreenPos();
  const ImVec2 grid_size(area.size.x, area.pos.y + area.size.y - grid_pos.y);
  begin_touch_scroll(f, "##topics", grid_size, scroll);
  const int cols = grid_columns(f, area.size.x);
  const float tile_w = (area.size.x - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  const auto& topics = view.topics();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  // Tiles grow into spare height (portrait has plenty), up to 1.6x, so the grid fills the screen.
  const float rows = std::ceil(static_cast<float>(topics.size()) / static_cast<float>(cols));
  const float tile_h = std::clamp((grid_size.y - gap * (rows - 1.0f)) / std::max(rows, 1.0f), card_h, card_h * 1.6f);
  for (std::size_t i = 0; i < topics.size(); ++i) {
    const float col = static_cast<float>(i % static_cast<std::size_t>(cols));
    const float row = static_cast<float>(i / static_cast<std::size_t>(cols));
    ImGui::SetCursorScreenPos(ImVec2(origin.x + col * (tile_w + gap), origin.y + row * (tile_h + gap)));
    const std::string id = "topic:" + topics[i].name;
    const std::string count = f.trf("home.topic_count", {{"n", std::to_string(topics[i].guides.size())}});
    if (big_button(f, {id, topics[i].name, ImVec2(tile_w, tile_h), ButtonKind::secondary, true, true, count})) {
      out = Intent::open("topic", topics[i].name);
    }
  }
  end_touch_scroll(f, scroll);
  return out;
}

}  // namespace hall::ui
