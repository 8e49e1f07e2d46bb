// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/counter_role.h"
#include "hallkiosk/role_setup.h"

#include <GLFW/glfw3.h>  // GLFW_KEY_F1: the index the GLFW backend fills io.KeysDown with

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "counter_app.h"
#include "data_dir.h"
#include "catalogue/catalogue_store.h"
#include "hallkiosk/counter_desk.h"
#include "hallkiosk/counter_feed.h"
#include "hallkiosk/counter_slips.h"
#include "print/cups_printer.h"

namespace hall::kiosk {
namespace {

// A request to the hub that takes longer than this is taken as lost: the counter says so and reads
// the window's state again rather than wait with its buttons grey.
constexpr std::chrono::seconds hub_timeout{5};

class CounterRole final : public HostedRole {
 public:
  CounterRole(const KioskOptions& options, Host& host) : options_(options), host_(host) {
    ui::CounterSettings settings;
    settings.window = options.window;
    settings.language = options.language;
    settings.f1_key = GLFW_KEY_F1;
    app_ = std::make_unique<ui::CounterApp>(load_ui_strings("zh-CN"), load_ui_strings("en"), settings, clock_);
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
    open_slips();
  }

  // The counter's printer for 一次性告知单 (--printer Q, else the CUPS default destination) and the
  // hall's catalogue for the guides they list.
  void open_slips() {
    const auto dir = app::resolve_data_dir(options_.data_dir);
    auto hall = app::load_hall(dir);
    if (!hall) {
      std::cerr << "hallkiosk: the counter prints no 告知单: " << hall.error().message << "\n";
      return;
    }
    CounterSlipsSetup setup;
    if (auto zone = TimeZone::load(hall->time_zone)) setup.zone = std::move(*zone);
    setup.window = options_.window;
    setup.status_base = hall->public_base_url.empty() ? options_.hub_url : hall->public_base_url;
    setup.printer = std::make_unique<print::CupsPrinter>(options_.printer);
    setup.hall = std::move(*hall);
    // The store is opened and used by the render worker alone.
    auto store = std::make_shared<std::optional<catalogue::CatalogueStore>>();
    setup.guides = [store, path = dir.catalogue_db(), this](const std::string& id) -> std::optional<catalogue::Guide> {
      if (!*store) {
        auto opened = catalogue::CatalogueStore::open(path, clock_);
        if (!opened) return std::nullopt;
        store->emplace(std::move(*opened));
      }
      auto g = (*store)->current_guide(id);
      if (!g) return std::nullopt;
      return std::move(*g);
    };
    slips_ = std::make_unique<CounterSlips>(std::move(setup), *desk_, host_.run_queue());
    app_->set_slip_port(slips_.get());
  }

  ui::App& app() override { return *app_; }
  bool busy() const override { return app_->sending(); }
  std::string ready_line() const override { return "counter at window " + options_.window + ", hub " + options_.hub_url; }
  void stop() override {
    if (slips_) slips_->stop();
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
  std::unique_ptr<CounterSlips> slips_;
};

}  // namespace

std::unique_ptr<HostedRole> make_counter_role(const KioskOptions& options, Host& host) {
  auto role = std::make_unique<CounterRole>(options, host);
  role->start();
  return role;
}

}  // namespace hall::kiosk
