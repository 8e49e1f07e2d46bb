// SPDX-License-Identifier: Apache-2.0
// 朗读 at the kiosk, headless: the real guide screen (through the UI driver) with the kiosk's real
// port to the voice (kiosk/hallkiosk's read-aloud desk over services/speech's GuideReader), the
// real espeak-ng program as the voice and a recording sound card. A tap starts the reading and the
// button becomes 停止朗读; leaving the guide by any way stops it; without a sound device the tap
// says so. Stops are checked by what the sound card saw (cut, not played out), not by time.
#include <catch2/catch.hpp>

#include <optional>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "audio/espeak_program.h"
#include "common/run_queue.h"
#include "hallkiosk/read_aloud_desk.h"
#include "speech/guide_reader.h"
#include "ui_driver.h"
#include "widgets/text.h"

using namespace hall;
using namespace std::chrono_literals;
using hall::test::DemoCatalogue;
using hall::test::UiDriver;

using hall::test::noto;

namespace {

constexpr const char* elder_allowance = "370811-JZ-0001";  // 80周岁以上老年人高龄津贴申领
constexpr const char* second_guide = "370811-JZ-0002";

// The real espeak-ng program, keeping the texts it was asked to say.
class RecordingVoice final : public speech::Synthesizer {
 public:
  RecordingVoice() {
    audio::EspeakOptions o;
    o.en_required = false;
    auto v = audio::EspeakProgram::open(o);
    if (!v) FAIL(v.error().message);
    real_ = std::move(*v);
  }
  Result<speech::Pcm> synthesize(std::string_view text, speech::Language language) override {
    {
      std::lock_guard lock(mutex_);
      said_.emplace_back(text);
    }
    return real_->synthesize(text, language);
  }
  int sample_rate() const override { return real_->sample_rate(); }
  std::vector<std::string> said() const {
    std::lock_guard lock(mutex_);
    return said_;
  }

 private:
  std::unique_ptr<audio::EspeakProgram> real_;
  mutable std::mutex mutex_;
  std::vector<std::string> said_;
};

// A sound card that keeps each sound and whether it was played out or cut. Held, it plays until it
// is told to stop (a long guide); missing, it fails like a kiosk with no sound card.
class RecordingSpeaker final : public speech::Speaker {
 public:
  struct Played {
    std::size_t samples = 0;
    bool cut = false;
  };
  Result<void> play(const speech::Pcm& sound, std::stop_token stop) override {
    std::unique_lock lock(mutex_);
    ++started_;
    changed_.notify_all();
    if (missing) return fail(ErrorCode::unavailable, "audio device \"default\": cannot open: No such file or directory");
    changed_.wait(lock, stop, [&] { return !held; });
    const bool cut = stop.stop_requested();
    played_.push_back({sound.samples.size(), cut});
    changed_.notify_all();
    if (cut) return fail(ErrorCode::unavailable, "audio device \"default\": stopped");
    return {};
  }
  void hold(bool h) {
    std::lock_guard lock(mutex_);
    held = h;
    changed_.notify_all();
  }
  bool wait_started(int n) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, 20s, [&] { return started_ >= n; });
  }
  std::vector<Played> played() const {
    std::lock_guard lock(mutex_);
    return played_;
  }
  bool missing = false;

 private:
  mutable std::mutex mutex_;
  std::condition_variable_any changed_;
  bool held = true;
  int started_ = 0;
  std::vector<Played> played_;
};

bool overlap(const ui::TouchTarget& a, const ui::TouchTarget& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// The kiosk with its voice as the role wires it, and a fake hub port so 取号 shows beside 朗读.
struct VoicedKiosk {
  DemoCatalogue demo;
  UiDriver ui;
  RecordingVoice voice;
  RecordingSpeaker speaker;
  RunQueue replies;
  kiosk::ReadAloudDesk desk{replies};
  speech::GuideReader reader{voice, speaker, desk.sink()};
  std::unique_ptr<ui::KioskApp> app;

  // `changed_mark_days`: hall.json's, when given.
  explicit VoicedKiosk(float w = 1080, float h = 1920, ui::KioskSettings settings = {},
                       std::optional<int> changed_mark_days = {})
      : ui(w, h) {
    if (changed_mark_days) demo.catalogue->hall.changed_mark_days = *changed_mark_days;
    app = ui.make_app(demo.catalogue, demo.clock, settings);
    ui.build_fonts(*app, noto);
    app->on_take_number([](const ui::TicketRequest&, ui::TicketReply) {});
    app->on_read_aloud(desk.port(reader));
  }
  ~VoicedKiosk() {
    speaker.hold(false);
    app.reset();
  }
  // From the 一次办好 list into the guide, as a visitor comes, and 朗读 tapped: the voice is on.
  void read_from_list() {
    REQUIRE(app->open("one-visit"));
    ui.settle(*app);
    ui.tap(*app, std::string("guide:") + elder_allowance);
    ui.settle(*app);
    REQUIRE(app->current_screen() == std::string("guide:") + elder_allowance);
    ui.tap(*app, "guide:read_aloud");
    REQUIRE(phase() == ui::ReadingState::Phase::reading);
    REQUIRE(speaker.wait_started(1));
  }
  void open_guide(const std::string& id = elder_allowance) {
    REQUIRE(app->open("guide:" + id));
    ui.settle(*app);
  }
  // Runs the replies the desk posts until `done` (the voice answers in ms; the bound only keeps a
  // broken test from hanging).
  template <class Done>
  void pump_until(Done done) {
    for (int i = 0; i < 2000 && !done(); ++i) {
      replies.run_pending();
      ui.frame(*app);
      std::this_thread::sleep_for(5ms);
    }
    ui.settle(*app);
  }
  // Runs what the desk has posted and draws a few frames: once the reader is idle (require_cut
  // waited for it), every reply it will ever send is already in the queue.
  void drain() {
    for (int i = 0; i < 10; ++i) {
      replies.run_pending();
      ui.frame(*app);
      std::this_thread::sleep_for(5ms);
    }
    ui.settle(*app);
  }
  ui::ReadingState::Phase phase() const { return app->reading().phase; }
  // The reading was cut: the thread is idle, and the sound card saw the sound stop.
  void require_cut() {
    REQUIRE(reader.wait_idle(20s));
    const auto played = speaker.played();
    REQUIRE_FALSE(played.empty());
    CHECK(played.back().cut);
    CHECK(played.back().samples > 0);
  }
};

}  // namespace

TEST_CASE("朗读 shows only with a voice, beside or above 取号, in both orientations and 长辈模式",
          "[ui][read_aloud]") {
  const auto [w, h] = GENERATE(std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f});
  const bool large = GENERATE(false, true);
  const std::string language = GENERATE(std::string("zh-CN"), std::string("en"));
  INFO(w << "x" << h << (large ? " 长辈模式 " : " ") << language);
  ui::KioskSettings settings;
  settings.large_text = large;
  settings.language = language;
  VoicedKiosk k(w, h, settings);
  k.open_guide();
  const ui::TouchTarget* read = k.ui.find(*k.app, "guide:read_aloud");
  const ui::TouchTarget* take = k.ui.find(*k.app, "guide:take_number");
  REQUIRE(read);
  REQUIRE(take);
  CHECK(read->full_h >= 64.0f);
  CHECK(read->w >= 300.0f);
  CHECK_FALSE(overlap(*read, *take));
  for (const auto* t : {read, take}) {
    CHECK(t->x >= 0.0f);
    CHECK(t->x + t->w <= w + 0.5f);
    CHECK(t->y + t->h <= h + 0.5f);
  }
  CHECK(k.ui.drawn_text(*k.app).find(language == "en" ? "Read aloud" : "朗读") != std::string::npos);
  CHECK(k.app->missing_glyphs().empty());

  // Without a voice there is no button.
  k.app->on_read_aloud({});
  k.ui.settle(*k.app);
  CHECK_FALSE(k.ui.find(*k.app, "guide:read_aloud"));
  CHECK(k.ui.find(*k.app, "guide:take_number"));
}

TEST_CASE("a tap reads the guide aloud, the button becomes 停止朗读, and a second tap stops the sound",
          "[ui][read_aloud]") {
  VoicedKiosk k;
  k.open_guide();
  k.ui.tap(*k.app, "guide:read_aloud");
  CHECK(k.phase() == ui::ReadingState::Phase::reading);
  REQUIRE(k.speaker.wait_started(1));
  const std::string shown = k.ui.drawn_text(*k.app);
  CHECK(shown.find("停止朗读") != std::string::npos);
  CHECK(shown.find("正在朗读…") != std::string::npos);
  // What the voice was given first: the guide's name, then what to bring.
  const auto said = k.voice.said();
  REQUIRE_FALSE(said.empty());
  CHECK(said[0] == "80周岁以上老年人高龄津贴申领。");

  k.ui.tap(*k.app, "guide:read_aloud");
  CHECK(k.phase() == ui::ReadingState::Phase::idle);  // at once: the screen does not wait
  k.require_cut();
  CHECK(k.voice.said().size() == 1);  // nothing after the sentence that was cut
  const std::string after = k.ui.drawn_text(*k.app);
  CHECK(after.find("停止朗读") == std::string::npos);
  CHECK(after.find("正在朗读") == std::string::npos);
  CHECK(k.app->current_screen() == std::string("guide:") + elder_allowance);
}

TEST_CASE("leaving the guide stops the reading: back, home, another guide, the language", "[ui][read_aloud]") {
  const std::string way =
      GENERATE(std::string("back"), std::string("home"), std::string("another guide"), std::string("language"));
  INFO(way);
  ui::KioskSettings settings;
  settings.idle_timeout = 30s;
  VoicedKiosk k(1080, 1920, settings);
  k.read_from_list();

  if (way == "back") k.ui.tap(*k.app, "nav:back");
  if (way == "home") k.ui.tap(*k.app, "nav:home");
  if (way == "another guide") REQUIRE(k.app->open(std::string("guide:") + second_guide));
  if (way == "language") k.ui.tap(*k.app, "corner:language");
  k.ui.settle(*k.app);
  CHECK(k.phase() == ui::ReadingState::Phase::idle);
  k.require_cut();
  // A reply still on its way changes nothing.
  k.drain();
  CHECK(k.phase() == ui::ReadingState::Phase::idle);
}

TEST_CASE("while 朗读 reads, the idle reset waits: no warning, no reset, and the full idle time once it ends",
          "[ui][read_aloud][idle]") {
  ui::KioskSettings settings;
  settings.idle_timeout = 30s;
  VoicedKiosk k(1080, 1920, settings);
  k.read_from_list();

  // Five idle times without a touch: the visitor is listening (the speaker holds the sound).
  for (int i = 0; i < 5; ++i) {
    k.ui.now += 31s;
    const std::string shown = k.ui.drawn_text(*k.app);
    CHECK(shown.find("还在看吗") == std::string::npos);
    CHECK(k.app->next_wake(k.ui.now) >= k.ui.now + 1s);  // nothing to wake for but the clock's minute
  }
  CHECK(k.app->current_screen() == std::string("guide:") + elder_allowance);
  CHECK(k.phase() == ui::ReadingState::Phase::reading);

  // The reading ends: the count starts then, with the warning before the reset as on any guide.
  k.speaker.hold(false);
  k.pump_until([&] { return k.phase() != ui::ReadingState::Phase::reading; });
  REQUIRE(k.phase() == ui::ReadingState::Phase::idle);
  k.ui.now += 20s;
  CHECK(k.ui.drawn_text(*k.app).find("还在看吗") != std::string::npos);
  CHECK(k.app->current_screen() == std::string("guide:") + elder_allowance);
  k.ui.now += 11s;
  k.ui.settle(*k.app);
  CHECK(k.app->current_screen() == "home");
}

TEST_CASE("朗读 says what changed in a guide while the screen marks it as changed, and not after",
          "[ui][read_aloud]") {
  const std::string dibao = "370811-JZ-0006";  // changed since 2026-11-16; the demo's day is 2026-11-28
  const auto heard = [&](VoicedKiosk& k) {
    k.open_guide(dibao);
    k.ui.tap(*k.app, "guide:read_aloud");
    k.speaker.hold(false);
    REQUIRE(k.reader.wait_idle(20s));
    const auto said = k.voice.said();
    REQUIRE(said.size() >= 2);
    CHECK(said[0] == "最低生活保障申请。");
    return said[1];
  };
  SECTION("marked (within hall.json's 90 days)") {
    VoicedKiosk k;
    const std::string second = heard(k);
    CHECK_THAT(second, Catch::StartsWith("本事项自2026年11月16日起调整：办理材料：新增"));
  }
  SECTION("no longer marked") {
    VoicedKiosk k(1080, 1920, {}, 0);
    CHECK_THAT(heard(k), !Catch::Contains("起调整"));
  }
}

TEST_CASE("a reading that runs to its end gives the button back", "[ui][read_aloud]") {
  VoicedKiosk k;
  k.speaker.hold(false);
  k.open_guide();
  k.ui.tap(*k.app, "guide:read_aloud");
  k.pump_until([&] { return k.phase() != ui::ReadingState::Phase::reading; });
  CHECK(k.phase() == ui::ReadingState::Phase::idle);
  const auto played = k.speaker.played();
  const auto said = k.voice.said();
  CHECK(played.size() == said.size());
  CHECK(said.size() >= 5);  // the name, 请带好以下材料, the materials, where, when
  for (const auto& p : played) CHECK_FALSE(p.cut);
  CHECK(k.ui.drawn_text(*k.app).find("朗读") != std::string::npos);
}

TEST_CASE("with no sound device the button stays and a tap says plainly that no sound can be played",
          "[ui][read_aloud]") {
  VoicedKiosk k;
  k.speaker.missing = true;
  k.open_guide();
  k.ui.tap(*k.app, "guide:read_aloud");
  k.pump_until([&] { return k.phase() != ui::ReadingState::Phase::reading; });
  CHECK(k.phase() == ui::ReadingState::Phase::no_sound);
  const std::string shown = k.ui.drawn_text(*k.app);
  CHECK(shown.find("本机暂时无法播放声音") != std::string::npos);
  CHECK(k.ui.find(*k.app, "guide:read_aloud"));
  // Another guide: the message was about that tap.
  REQUIRE(k.app->open(std::string("guide:") + second_guide));
  k.ui.settle(*k.app);
  CHECK(k.phase() == ui::ReadingState::Phase::idle);
  CHECK(k.ui.drawn_text(*k.app).find("本机暂时无法播放声音") == std::string::npos);
}
