// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/counter_role.h"

#include <GLFW/glfw3.h>  // GLFW_KEY_F1: the index the GLFW backend fills io.KeysDown with

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "counter_app.h"
#include "data_dir.h"
#include "hallkiosk/counter_desk.h"
#include "hallkiosk/counter_feed.h"

namespace hall::kiosk {
namespace {

// A request to the hub that takes longer than this is taken as lost: the counter says so and reads
// the window's state again rather than wait with its buttons grey.
constexpr std::chrono::seconds hub_timeout{5};

std::string read_strings(const std::string& language) {
  const std::string assets = std::filesystem::path(app::demo_assets_dir()).parent_path().string();
  const std::string path = assets + "/i18n/" + language + ".json";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "hallkiosk: " << path << ": cannot read the UI strings; the screens will show their keys\n";
    return "{}";
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class CounterRole final : public HostedRole {
 public:
  CounterRole(const KioskOptions& options, Host& host) : options_(options), host_(host) {
    ui::CounterSettings settings;
    settings.window = options.window;
    settings.language = options.language;
    settings.f1_key = GLFW_KEY_F1;
    app_ = std::make_unique<ui::CounterApp>(read_strings("zh-CN"), read_strings("en"), settings, clock_);
  }

  void start() {
    if (options_.screen.starts_with("sample:")) return;  // a picture's sample asks no hub
    auto link = HubLink::remote_without_token(options_.hub_url, hub_timeout);
    if (!link) {
      std::cerr << "hallkiosk: the counter cannot use the hub at " << options_.hub_url << ": " << link.error().message
                << "\n";
      return;
    }
    // The hub's events, followed with the clerk's session from sign-in to sign-out.
    // A session posted after the role went is dropped with it.
    feed_ = std::make_shared<CounterFeed>(options_.hub_url, *app_, host_.run_queue());
    desk_ = std::make_unique<CounterDesk>(std::move(*link), options_.window, host_.run_queue(),
                                          [feed = std::weak_ptr<CounterFeed>(feed_)](const std::string& session) {
                                            if (auto f = feed.lock()) f->follow(session);
                                          });
    app_->set_port(desk_.get());
  }

  ui::App& app() override { return *app_; }
  bool busy() const override { return app_->sending(); }
  std::string ready_line() const override { return "counter at window " + options_.window + ", hub " + options_.hub_url; }
  void stop() override {
    if (desk_) desk_->stop();
    if (feed_) feed_->stop();
  }

 private:
  const KioskOptions& options_;
  Host& host_;
  SystemClock clock_;
  std::unique_ptr<ui::CounterApp> app_;
  std::shared_ptr<CounterFeed> feed_;  // before the desk, which tells it of each session
  std::unique_ptr<CounterDesk> desk_;
};

}  // namespace

std::unique_ptr<HostedRole> make_counter_role(const KioskOptions& options, Host& host) {
  auto role = std::make_unique<CounterRole>(options, host);
  role->start();
  return role;
}

}  // namespace hall::kiosk
