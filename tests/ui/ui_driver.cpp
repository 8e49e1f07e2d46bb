// SPDX-License-Identifier: Apache-2.0
#include "ui_driver.h"

#include <catch2/catch.hpp>
#include <cfloat>

#include "catalogue/catalogue_file.h"
#include "common/rfc3339.h"
#include "hall/hall_config.h"
#include "notices/calendar_store.h"
#include "widgets/text.h"

namespace hall::test {

std::string read_asset(const std::string& relative) {
  return read_file(std::string(HALL_SOURCE_ASSETS) + "/" + relative);
}

DemoCatalogue::DemoCatalogue() : clock(*parse_rfc3339("2026-11-28T10:00:00+08:00")) {
  auto file = catalogue::load_catalogue_file(std::string(HALL_SOURCE_ASSETS) + "/demo/catalogue.json");
  if (!file) FAIL(file.error().message);
  auto opened = catalogue::CatalogueStore::open(dir.file("catalogue.db"), clock);
  if (!opened) FAIL(opened.error().message);
  store = std::make_shared<catalogue::CatalogueStore>(std::move(*opened));
  auto imported = store->import(*file);
  if (!imported) FAIL(imported.error().message);
  // The demo hall's working-day calendar, as the seeded demo hall holds it.
  auto calendar = notices::CalendarStore(store->database(), clock).import(read_asset("demo/workdays.json"));
  if (!calendar) FAIL(calendar.error().message);
  catalogue = fresh();
}

std::shared_ptr<ui::KioskCatalogue> DemoCatalogue::fresh() const {
  auto c = std::make_shared<ui::KioskCatalogue>();
  auto hall = load_hall_config(std::string(HALL_SOURCE_ASSETS) + "/demo/hall.json");
  if (!hall) FAIL(hall.error().message);
  c->hall = *hall;
  auto current = store->current();
  auto index = store->build_search_index();
  if (!current || !index) FAIL("the demo store cannot be read");
  c->guides = std::move(*current);
  c->index = std::make_shared<const search::SearchIndex>(std::move(*index));
  // Answers at once; tests of the loading state give the catalogue a loader of their own.
  c->load_guide = [s = store](const std::string& id, ui::Reply<catalogue::Guide> reply) {
    reply(s->current_guide(id));
  };
  if (auto characters = store->current_characters()) c->guide_characters = std::move(*characters);
  auto calendar = notices::CalendarStore(store->database(), clock).load();
  if (!calendar) FAIL(calendar.error().message);
  c->calendar = std::move(*calendar);
  return c;
}

UiDriver::UiDriver(float width, float height) : context_(ImGui::CreateContext()) {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.DisplaySize = ImVec2(width, height);
  io.DeltaTime = 1.0f / 60.0f;
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  zh_ = read_asset("i18n/zh-CN.json");
  en_ = read_asset("i18n/en.json");
}

UiDriver::~UiDriver() {
  ImGui::DestroyContext(context_);
}

std::unique_ptr<ui::KioskApp> UiDriver::make_app(std::shared_ptr<const ui::KioskCatalogue> catalogue,
                                                 const ManualClock& clock, ui::KioskSettings settings) {
  auto app = std::make_unique<ui::KioskApp>(std::move(catalogue), zh_, en_, settings, clock,
                                            TimeZone::fixed("Asia/Shanghai", 8 * 3600));
  build_fonts(*app, font_);
  return app;
}

void UiDriver::build_fonts(ui::App& app, const ui::FontFile& font) {
  font_ = font;
  app.build_fonts(*io().Fonts, font);
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
}

std::vector<std::string> UiDriver::drawn(ui::App& app) {
  std::vector<std::string> out;
  const ui::TextRecorder record(out);
  frame(app);
  return out;
}

std::string UiDriver::drawn_text(ui::App& app) {
  std::string all;
  for (const auto& s : drawn(app)) all += s;
  return all;
}

void UiDriver::frame(ui::App& app) {
  ImGui::NewFrame();
  app.draw(now);
  ImGui::Render();
  now += std::chrono::milliseconds(16);
  // The host rebuilds the atlas between frames when the app asks (长辈模式 changed).
  if (app.fonts_dirty()) build_fonts(app, font_);
}

void UiDriver::settle(ui::App& app, int max) {
  io().MouseDown[0] = false;
  io().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  for (int i = 0; i < max; ++i) {
    frame(app);
    if (!app.animating() && i >= 2) break;
  }
}

void UiDriver::tap_at(ui::App& app, ImVec2 p) {
  io().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  io().MouseDown[0] = false;
  frame(app);
  io().MousePos = p;
  io().MouseDown[0] = true;
  frame(app);
  io().MouseDown[0] = false;
  frame(app);
  io().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  frame(app);
}

const ui::TouchTarget* UiDriver::find(const ui::App& app, std::string_view id) const {
  for (const auto& t : app.touch_targets()) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

void UiDriver::tap(ui::App& app, std::string_view id) {
  const ui::TouchTarget* t = find(app, id);
  INFO("tapping " << id << " on " << app.current_screen());
  REQUIRE(t != nullptr);
  REQUIRE(t->enabled);
  tap_at(app, center(*t));
}

void UiDriver::drag(ui::App& app, ImVec2 from, ImVec2 to, int steps) {
  io().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  frame(app);
  io().MousePos = from;
  io().MouseDown[0] = true;
  frame(app);
  for (int i = 1; i <= steps; ++i) {
    const float t = static_cast<float>(i) / static_cast<float>(steps);
    io().MousePos = ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
    frame(app);
  }
  io().MouseDown[0] = false;
  frame(app);
}

void UiDriver::press_along(ui::App& app, const std::vector<ImVec2>& path) {
  io().MousePos = path.front();
  io().MouseDown[0] = true;
  frame(app);
  for (std::size_t i = 1; i < path.size(); ++i) {
    io().MousePos = path[i];
    frame(app);
  }
  io().MouseDown[0] = false;
  frame(app);
}

ImVec2 center(const ui::TouchTarget& t) {
  return ImVec2(t.center_x(), t.center_y());
}

}  // namespace hall::test
