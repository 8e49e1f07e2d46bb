// SPDX-License-Identifier: Apache-2.0
#include "theme/fonts.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vector>

#include "imgui_freetype.h"

namespace hall::ui {
namespace {

void build_ranges(ImFontAtlas& atlas, std::string_view text, ImVector<ImWchar>& out) {
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(atlas.GetGlyphRangesDefault());  // Latin, digits, punctuation
  const std::string copy(text);
  builder.AddText(copy.c_str(), copy.c_str() + copy.size());
  for (ImWchar c : {ImWchar(0x3000), ImWchar(0xFF0C), ImWchar(0x3001), ImWchar(0x3002), ImWchar(0x00D7),
                    ImWchar(0x2026), ImWchar(0x00B7), ImWchar(0x2039)})
    builder.AddChar(c);
  out.clear();
  builder.BuildRanges(&out);
}

// The font file mapped read-only: every size reads the one mapping (the page cache's own pages),
// where a copy per size cost ~20 MB of fresh memory each (page faults and memcpy at start-up).
class MappedFont {
 public:
  explicit MappedFont(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        data_ = p;
        size_ = static_cast<std::size_t>(st.st_size);
      }
    }
    ::close(fd);
  }
  ~MappedFont() {
    if (data_) ::munmap(data_, size_);
  }
  MappedFont(const MappedFont&) = delete;
  MappedFont& operator=(const MappedFont&) = delete;
  bool empty() const { return data_ == nullptr; }
  void* data() const { return data_; }
  std::size_t size() const { return size_; }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

ImFont* add_from_memory(ImFontAtlas& atlas, const MappedFont& file, int index, float px, const ImWchar* ranges) {
  ImFontConfig cfg;
  cfg.FontNo = index;
  cfg.FontDataOwnedByAtlas = false;  // the mapping outlives the build; build_font_set drops the input after
  cfg.OversampleH = cfg.OversampleV = 1;
  cfg.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  return atlas.AddFontFromMemoryTTF(file.data(), static_cast<int>(file.size()), px, &cfg, ranges);
}

FontSet latin_fallback(ImFontAtlas& atlas, const Metrics& m) {
  atlas.Clear();
  atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  FontSet set;
  ImFontConfig cfg;
  cfg.SizePixels = m.body_px;
  set.body = atlas.AddFontDefault(&cfg);
  ImFontConfig title_cfg;
  title_cfg.SizePixels = m.title_px;
  set.title = atlas.AddFontDefault(&title_cfg);
  ImFontConfig number_cfg;
  number_cfg.SizePixels = m.number_px;
  set.number = atlas.AddFontDefault(&number_cfg);
  set.body_px = m.body_px;
  set.title_px = m.title_px;
  set.built_large = m.text_scale > 1.0f;
  atlas.Build();
  return set;
}

// A ticket's number is a group letter and digits: a few glyphs, so a very large size costs little
// atlas space, and the number stays crisp instead of being a scaled-up title glyph.
constexpr ImWchar number_ranges[] = {'-', '-', '0', '9', 'A', 'Z', 0};

}  // namespace

float size_factor(std::string_view path, std::string_view family) {
  const bool noto = path.find("Noto") != std::string_view::npos || family.find("Noto") != std::string_view::npos;
  return noto ? 1.45f : 1.15f;
}

FontSet build_font_set(ImFontAtlas& atlas, const FontRequest& request, ImVector<ImWchar>& ranges_body,
                       ImVector<ImWchar>& ranges_title) {
  const Metrics& m = request.metrics;
  if (request.path.empty()) return latin_fallback(atlas, m);
  const MappedFont bytes(request.path);
  if (bytes.empty()) return latin_fallback(atlas, m);

  atlas.Clear();
  atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  build_ranges(atlas, request.body_text, ranges_body);
  build_ranges(atlas, request.title_text, ranges_title);
  const float factor = size_factor(request.path, request.family);
  FontSet set;
  set.body = add_from_memory(atlas, bytes, request.index, m.body_px * factor, ranges_body.Data);
  set.title = add_from_memory(atlas, bytes, request.index, m.title_px * factor, ranges_title.Data);
  set.number = add_from_memory(atlas, bytes, request.index, m.number_px * factor, number_ranges);
  if (set.body == nullptr || set.title == nullptr || set.number == nullptr || !atlas.Build()) {
    atlas.ClearInputData();  // before the mapping goes
    return latin_fallback(atlas, m);
  }
  // The glyphs are rasterised: the atlas lets go of the mapping, which is unmapped on return.
  // A later change rebuilds from scratch through this function, never through atlas.Build().
  atlas.ClearInputData();
  set.body_px = m.body_px;
  set.title_px = m.title_px;
  set.cjk = true;
  set.built_large = m.text_scale > 1.0f;
  return set;
}

}  // namespace hall::ui
