// SPDX-License-Identifier: Apache-2.0
// A notice's body in the kiosk's large type: headings (一、 in the title size, （一） and 1. in the
// body size, coloured), paragraphs, lists with a hanging marker, and tables whose columns share
// the width by what they hold, every cell wrapped whole.
#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "kiosk/screens.h"
#include "widgets/text.h"

namespace hall::ui {
namespace {

using notices::Block;
using notices::BlockType;

void body_heading(Frame& f, const Block& b, float width) {
  ImGui::Dummy(ImVec2(0, f.metrics.gap * (b.level == 1 ? 1.0f : 0.5f)));
  const TextStyle st =
      b.level == 1 ? title_style(f, f.palette.text) : body_style(f, b.level == 2 ? f.palette.primary : f.palette.text);
  paragraph(st, shown(f, b.text), 0.0f, width);
}

void body_list(Frame& f, const Block& b, float width) {
  const TextStyle st = body_style(f, f.palette.text);
  const float hang = text_width(st.font, st.size, "00.") + f.metrics.gap;
  for (std::size_t i = 0; i < b.items.size(); ++i) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const std::string marker = b.numbered ? std::to_string(i + 1) + "." : "·";
    draw_text(ImGui::GetWindowDrawList(), st.font, st.size, ImVec2(p.x, p.y + (st.line - st.size) * 0.5f),
              f.color(st.rgb), marker);
    paragraph(st, shown(f, b.items[i]), hang, width);
    ImGui::Dummy(ImVec2(0, f.metrics.gap * 0.25f));
  }
}

// Each column's share of the width: what its longest cell would take on one line, so a short
// column (建筑层数) stays narrow; no column below a fifth of its equal share.
std::vector<float> table_column_widths(const Frame& f, const Block& b, float width) {
  const TextStyle st = body_style(f, f.palette.text);
  const std::size_t n = b.columns.size();
  std::vector<float> want(n, 0.0f);
  for (std::size_t c = 0; c < n; ++c) {
    want[c] = text_width(st.font, st.size, shown(f, b.columns[c]));
    for (const auto& row : b.rows) {
      if (c < row.size()) want[c] = std::max(want[c], text_width(st.font, st.size, shown(f, row[c])));
    }
  }
  const float cell_pad = 2.0f * f.metrics.gap;
  const float room = width - cell_pad * static_cast<float>(n);
  const float total = std::accumulate(want.begin(), want.end(), 0.0f);
  std::vector<float> out(n, width / static_cast<float>(n));
  if (total <= room) {
    // Everything fits on one line: the spare room goes to the last column.
    for (std::size_t c = 0; c < n; ++c) out[c] = want[c] + cell_pad;
    out.back() += width - std::accumulate(out.begin(), out.end(), 0.0f);
    return out;
  }
  const float least = room / static_cast<float>(n) * 0.2f;
  float sum = 0.0f;
  for (std::size_t c = 0; c < n; ++c) sum += std::max(want[c], least);
  for (std::size_t c = 0; c < n; ++c) out[c] = std::max(want[c], least) / sum * room + cell_pad;
  return out;
}

void body_table_row(Frame& f, const std::vector<notices::Text>& cells, const std::vector<float>& widths, bool header) {
  const TextStyle st = body_style(f, f.palette.text);
  const float gap = f.metrics.gap;
  float h = 0.0f;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const std::string& text = c < cells.size() ? shown(f, cells[c]) : std::string();
    h = std::max(h, paragraph_height(st, text, widths[c] - 2.0f * gap));
  }
  h += gap;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = std::accumulate(widths.begin(), widths.end(), 0.0f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (header) dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), f.color(f.palette.panel));
  float x = p.x;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    if (c < cells.size())
      draw_paragraph(dl, st, ImVec2(x + gap, p.y + gap * 0.5f), shown(f, cells[c]), widths[c] - 2 * gap);
    dl->AddRect(ImVec2(x, p.y), ImVec2(x + widths[c], p.y + h), f.color(f.palette.border), 0.0f, 0, 1.5f);
    x += widths[c];
  }
  ImGui::Dummy(ImVec2(w, h));
}

void body_table(Frame& f, const Block& b, float width) {
  if (b.columns.empty()) return;
  ImGui::Dummy(ImVec2(0, f.metrics.gap * 0.25f));
  const auto widths = table_column_widths(f, b, width);
  // Rows touch: the spacing between items would open gaps in the grid.
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.0f, 0.0f));
  body_table_row(f, b.columns, widths, true);
  for (const auto& row : b.rows) body_table_row(f, row, widths, false);
  ImGui::PopStyleVar();
  ImGui::Dummy(ImVec2(0, f.metrics.gap * 0.5f));
}

}  // namespace

void notice_body(Frame& f, const std::vector<Block>& body, float width) {
  for (const auto& b : body) {
    switch (b.type) {
      case BlockType::heading:
        body_heading(f, b, width);
        break;
      case BlockType::paragraph:
        paragraph(body_style(f, f.palette.text), shown(f, b.text), 0.0f, width);
        ImGui::Dummy(ImVec2(0, f.metrics.gap * 0.25f));
        break;
      case BlockType::list:
        body_list(f, b, width);
        break;
      case BlockType::table:
        body_table(f, b, width);
        break;
    }
  }
}

}  // namespace hall::ui
