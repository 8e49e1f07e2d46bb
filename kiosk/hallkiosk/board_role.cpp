// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/board_role.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "audio/board_voice.h"
#include "board_app.h"
#include "common/time_zone.h"
#include "hall/hall_config.h"
#include "hallkiosk/board_feed.h"
#include "hallkiosk/role_setup.h"

namespace hall::kiosk {
namespace {

// The board's clock shows the hall's time: the zone of the local hall.json when there is one.
TimeZone board_zone(const app::DataDir& dir) {
  std::string name = "Asia/Shanghai";
  if (auto hall = load_hall_config(dir.hall_config())) name = hall->time_zone;
  return hall_time_zone(name);
}

std::string first_line(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  if (in) std::getline(in, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

class BoardRole final : public HostedRole {
 public:
  BoardRole(const KioskOptions& options, app::DataDir dir, Host& host)
      : options_(options),
        dir_(std::move(dir)),
        host_(host),
        app_(load_ui_strings("zh-CN"), load_ui_strings("en"), options.language, wall_clock_, board_zone(dir_)) {}

  void start();
  ui::App& app() override { return app_; }
  bool busy() const override { return feed_ && feed_->busy(); }
  std::string ready_line() const override { return "board for the hub at " + hub_url_; }
  void stop() override {
    if (feed_) feed_->stop();
    voice_.reset();
  }

 private:
  void open_voice();

  const KioskOptions& options_;
  app::DataDir dir_;
  Host& host_;
  SystemClock wall_clock_;
  ui::BoardApp app_;
  std::string hub_url_;
  std::unique_ptr<audio::BoardVoice> voice_;
  std::unique_ptr<BoardFeed> feed_;  // after the voice: stopped before it
};

void BoardRole::open_voice() {
  auto voice = audio::BoardVoice::open({}, [this](const speech::SpeechOutcome& o) {
    if (o.result != speech::SpokenResult::failed_playback && o.result != speech::SpokenResult::spoken) return;
    std::string problem = o.result == speech::SpokenResult::failed_playback ? o.reason : std::string();
    host_.run_queue().post([this, problem = std::move(problem)] { app_.set_speech_problem(problem); });
  });
  if (!voice) {
    std::cerr << "hallkiosk: warning: speech: " << voice.error().message << "; calls are shown but not spoken\n";
    app_.set_speech_problem(voice.error().message);
    return;
  }
  voice_ = std::move(*voice);
}

void BoardRole::start() {
  hub_url_ = options_.hub_url.empty() ? std::string(default_board_hub) : options_.hub_url;
  const std::string token_file =
      options_.device_token_file.empty() ? dir_.path + "/board-device.token" : options_.device_token_file;
  const bool picture = options_.screen == "sample" || options_.screen == "setup";
  if (picture) return;  // a picture of a made-up board follows nothing and says nothing
  const std::string token = first_line(token_file);
  if (token.size() < 32) {
    const std::string command = "(umask 077; hallctl device add --data " + dir_.path +
                                " --id B1 --role board > " + token_file + ")";
    std::cerr << "hallkiosk: board: no device token in " << token_file
              << ", so the board cannot read the queue.\n  On the hub's machine run:\n    " << command
              << "\n  (copy the file here if the hub is elsewhere), then start the board again.\n";
    app_.set_setup_command(command);
    return;
  }
  const bool batch = !options_.screenshot.empty() || options_.frames > 0;
  if (!options_.mute && !batch) open_voice();
  BoardFeedOptions feed{hub_url_, token, {}};
  feed_ = std::make_unique<BoardFeed>(feed, app_, host_.run_queue(), voice_ ? &voice_->announcer() : nullptr);
  feed_->start();
}

}  // namespace

std::unique_ptr<HostedRole> make_board_role(const KioskOptions& options, app::DataDir dir, Host& host) {
  auto role = std::make_unique<BoardRole>(options, std::move(dir), host);
  role->start();
  return role;
}

}  // namespace hall::kiosk
