// SPDX-License-Identifier: Apache-2.0
#include "widgets/text.h"

#include <algorithm>
#include <cfloat>
#include <string>

#include "common/utf8.h"

namespace hall::ui {
namespace {

struct Cp {
  char32_t c;
  std::size_t at, len;
};

std::vector<Cp> code_points(std::string_view text) {
  std::vector<Cp> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    if (i + len > text.size()) len = 1;
    const auto decoded = utf8::decode(text.substr(i, len));
    out.push_back({decoded.empty() ? U'\uFFFD' : decoded.front(), i, len});
    i += len;
  }
  return out;
}

bool is_wide(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF);
}

// 禁则: these never start a line ...
bool no_line_start(char32_t c) {
  static constexpr std::u32string_view closing = U"，。、；：！？）】》」』”’…%,.;:!?)]}";
  return closing.find(c) != std::u32string_view::npos;
}
// ... and these never end one.
bool no_line_end(char32_t c) {
  static constexpr std::u32string_view opening = U"（【《「『“‘([{";
  return opening.find(c) != std::u32string_view::npos;
}

float advance(ImFont* font, float size, char32_t c) {
  const ImWchar w = c <= 0xFFFF ? static_cast<ImWchar>(c) : static_cast<ImWchar>(0xFFFD);
  return font->GetCharAdvance(w) * (size / font->FontSize);
}

thread_local std::string* audit_sink = nullptr;
thread_local std::vector<std::string>* record_sink = nullptr;
thread_local std::vector<DrawnItem>* item_sink = nullptr;

void record_item(ImDrawList* dl, std::string text, ImVec2 min, ImVec2 max) {
  const ImVec2 clip_min = dl->GetClipRectMin();
  const ImVec2 clip_max = dl->GetClipRectMax();
  const ImVec2 vmin(std::max(min.x, clip_min.x), std::max(min.y, clip_min.y));
  const ImVec2 vmax(std::min(max.x, clip_max.x), std::min(max.y, clip_max.y));
  if (vmax.x > vmin.x && vmax.y > vmin.y) item_sink->push_back({std::move(text), vmin, vmax});
}

void audit(ImFont* font, std::string_view text) {
  for (const Cp& cp : code_points(text)) {
    if (cp.c < 0x20 || cp.c == U' ') continue;
    const bool present = cp.c <= 0xFFFF && font->FindGlyphNoFallback(static_cast<ImWchar>(cp.c)) != nullptr;
    if (present) continue;
    const std::string ch = utf8::encode(cp.c);
    if (audit_sink->find(ch) == std::string::npos) *audit_sink += ch;
  }
}

}  // namespace

GlyphAudit::GlyphAudit(std::string& missing) {
  audit_sink = &missing;
}
GlyphAudit::~GlyphAudit() {
  audit_sink = nullptr;
}

TextRecorder::TextRecorder(std::vector<std::string>& drawn) {
  record_sink = &drawn;
}
TextRecorder::~TextRecorder() {
  record_sink = nullptr;
}

DrawnItemRecorder::DrawnItemRecorder(std::vector<DrawnItem>& drawn) {
  item_sink = &drawn;
}
DrawnItemRecorder::~DrawnItemRecorder() {
  item_sink = nullptr;
}

void record_drawn_box(ImDrawList* dl, std::string_view what, ImVec2 min, ImVec2 max) {
  if (item_sink) record_item(dl, "[" + std::string(what) + "]", min, max);
}

void draw_text(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 col, std::string_view text) {
  if (audit_sink) audit(font, text);
  if (record_sink) record_sink->emplace_back(text);
  if (item_sink && !text.empty()) {
    // The line's box: its advance wide, the font size high (what the glyphs of the line fill).
    const ImVec2 end(pos.x + text_width(font, size, text), pos.y + size);
    record_item(dl, std::string(text), pos, end);
  }
  dl->AddText(font, size, pos, col, text.data(), text.data() + text.size());
}

TextStyle body_style(const Frame& f, std::uint32_t rgb) {
  return {f.body(), f.body_size(), f.body_line(), rgb};
}
TextStyle muted_style(const Frame& f) {
  return body_style(f, f.palette.text_muted);
}
TextStyle title_style(const Frame& f, std::uint32_t rgb) {
  return {f.title(), f.title_size(), f.title_line(), rgb};
}

float text_width(ImFont* font, float size, std::string_view text) {
  return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

std::vector<std::pair<std::size_t, std::size_t>> wrap_lines(ImFont* font, float size, std::string_view text,
                                                            float width) {
  std::vector<std::pair<std::size_t, std::size_t>> lines;
  const auto cps = code_points(text);
  auto can_break_before = [&](std::size_t k) {
    const char32_t prev = cps[k - 1].c, c = cps[k].c;
    // After a slash before a letter, too: an address such as http://127.0.0.1:8470/n/N-2026-D07
    // breaks between its parts, not inside "D07" (and "1/2" stays whole).
    const bool after_slash = prev == U'/' && c != U'/' && !(c >= U'0' && c <= U'9');
    return c == U' ' || prev == U' ' || after_slash ||
           ((is_wide(prev) || is_wide(c)) && !no_line_start(c) && !no_line_end(prev));
  };
  std::size_t start = 0;       // index into cps of the line's first code point
  std::size_t last_break = 0;  // latest index the line may break before (<= start: none)
  float w = 0.0f;
  // Ends the line before cps[end]; the next line starts there, minus leading spaces.
  auto emit = [&](std::size_t end) {
    const std::size_t b = cps[start].at;
    std::size_t e = end < cps.size() ? cps[end].at : text.size();
    while (e > b && text[e - 1] == ' ') --e;
    lines.emplace_back(b, e);
    start = end;
    while (start < cps.size() && cps[start].c == U' ') ++start;
  };
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (i < start) continue;  // a skipped leading space
    const char32_t c = cps[i].c;
    if (c == U'\n') {
      if (i == start)
        lines.emplace_back(cps[i].at, cps[i].at);
      else
        emit(i);
      start = i + 1;
      last_break = 0;
      w = 0.0f;
      continue;
    }
    if (i > start && can_break_before(i)) last_break = i;
    const float a = advance(font, size, c);
    if (w + a > width && i > start && c != U' ') {
      emit(last_break > start ? last_break : i);
      // Carry what followed the break over to the new line, with its own break chances.
      w = 0.0f;
      last_break = 0;
      for (std::size_t k = start; k < i; ++k) {
        if (k > start && can_break_before(k)) last_break = k;
        w += advance(font, size, cps[k].c);
      }
      if (i > start && can_break_before(i)) last_break = i;
    }
    w += a;
  }
  if (start < cps.size()) emit(cps.size());
  if (lines.empty()) lines.emplace_back(0, 0);
  return lines;
}

float draw_paragraph(ImDrawList* dl, const TextStyle& s, ImVec2 pos, std::string_view text, float width) {
  const auto lines = wrap_lines(s.font, s.size, text, width);
  const ImU32 col = to_imgui_color(s.rgb);
  float y = pos.y;
  for (const auto& [b, e] : lines) {
    draw_text(dl, s.font, s.size, ImVec2(pos.x, y + (s.line - s.size) * 0.5f), col, text.substr(b, e - b));
    y += s.line;
  }
  return y - pos.y;
}

float paragraph_height(const TextStyle& s, std::string_view text, float width) {
  return static_cast<float>(wrap_lines(s.font, s.size, text, width).size()) * s.line;
}

void paragraph(const TextStyle& s, std::string_view text, float indent, float full_width) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float width = (full_width > 0.0f ? full_width : ImGui::GetContentRegionAvail().x) - indent;
  const float h = paragraph_height(s, text, width);
  // Only visible paragraphs are laid out and drawn; the rest just take their space.
  if (ImGui::IsRectVisible(pos, ImVec2(pos.x + width + indent, pos.y + h))) {
    draw_paragraph(ImGui::GetWindowDrawList(), s, ImVec2(pos.x + indent, pos.y), text, width);
  }
  ImGui::Dummy(ImVec2(width + indent, h));
}

void draw_line_clipped(ImDrawList* dl, const TextStyle& s, ImVec2 pos, std::string_view text, float width) {
  const ImU32 col = to_imgui_color(s.rgb);
  if (text_width(s.font, s.size, text) <= width) {
    draw_text(dl, s.font, s.size, pos, col, text);
    return;
  }
  static constexpr std::string_view ellipsis = "…";
  const float room = width - text_width(s.font, s.size, ellipsis);
  const auto cps = code_points(text);
  float w = 0.0f;
  std::size_t end = 0;
  for (const auto& cp : cps) {
    const float a = advance(s.font, s.size, cp.c);
    if (w + a > room) break;
    w += a;
    end = cp.at + cp.len;
  }
  std::string cut(text.substr(0, end));
  cut += ellipsis;
  draw_text(dl, s.font, s.size, pos, col, cut);
}

}  // namespace hall::ui
