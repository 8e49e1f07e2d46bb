// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/kiosk_role.h"

#include <malloc.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <mutex>
#include <sstream>

#include "audio/guide_voice.h"
#include "common/time_zone.h"
#include "common/worker_pool.h"
#include "files/folder_watcher.h"
#include "hallkiosk/catalogue_source.h"
#include "hallkiosk/hub_link.h"
#include "hallkiosk/read_aloud_desk.h"
#include "hallkiosk/role_setup.h"
#include "hallkiosk/slip_desk.h"
#include "hallkiosk/ticket_desk.h"
#include "kiosk_app.h"
#include "print/cups_printer.h"
#include "search/pinyin.h"

namespace hall::kiosk {
namespace {

using Millis = std::chrono::duration<double, std::milli>;

constexpr std::size_t small_hall_guides = 1000;

bool is_catalogue_file(const std::string& name) {
  return name == "catalogue.db" || name == "catalogue.db-wal" || name.empty();
}

class KioskRole final : public HostedRole {
 public:
  KioskRole(const KioskOptions& options, app::DataDir dir, Host& host)
      : options_(options), dir_(dir), host_(host), source_(std::move(dir), wall_clock_) {}

  void start();

  ui::App& app() override { return *app_; }
  std::optional<Steady::time_point> next_wake() const override;
  void tick(Steady::time_point now) override;
  bool busy() const override { return pending_ > 0; }
  std::string ready_line() const override { return std::to_string(guides_) + " guides in effect"; }
  void stop() override {
    if (slips_) slips_->stop();  // before the hub: its threads talk to it
    watcher_.reset();
    worker_.stop();
    ticket_worker_.stop();
    hub_.reset();                                 // the embedded hub stops serving counters and boards here
    if (app_ && voice_) app_->on_read_aloud({});  // the screens let go of the reader first
    voice_.reset();                               // cuts a reading short and joins the reader's thread
    slips_.reset();
  }

 private:
  struct Loaded {
    std::shared_ptr<ui::KioskCatalogue> catalogue;
    std::optional<Instant> next_change;
  };

  // Worker thread: the source, and wrapping what it hands out.
  Loaded load_on_worker();
  void index_on_worker(std::uint64_t generation, bool read_characters,
                       std::shared_ptr<const ui::KioskCatalogue> catalogue);
  // UI thread.
  void show(Loaded loaded);
  void reload(bool only_if_changed);
  void post_to_ui(std::function<void()> task) { host_.run_queue().post(std::move(task)); }
  // The hub: started (or reached) on the ticket worker, then 取号 is switched on, on the UI thread.
  void connect_hub();
  Result<std::unique_ptr<HubLink>> open_hub() const;
  void adopt_hub(Result<std::unique_ptr<HubLink>> link);
  void count_open_on_worker(const std::string& id);
  // 朗读: the voice is opened on the ticket worker (it runs espeak-ng a few times), then the
  // button is switched on, on the UI thread.
  void connect_voice();
  void adopt_voice(Result<std::unique_ptr<audio::GuideVoice>> voice);
  // The receipt printer: none in a batch run (a picture, a benchmark prints nothing).
  void open_slips();
  std::optional<catalogue::Guide> guide_for_slip(const std::string& id);
  std::optional<WorkingCalendar> calendar_for_slip();

  const KioskOptions& options_;
  app::DataDir dir_;
  Host& host_;
  SystemClock wall_clock_;
  CatalogueSource source_;  // worker thread only, once start() returns
  WorkerPool worker_{1};    // one thread: the store's connection is used by it alone
  std::unique_ptr<platform::FolderWatcher> watcher_;
  std::atomic<bool> check_queued_{false};
  WorkerPool ticket_worker_{1};                 // requests to the hub, one at a time, off the UI thread
  std::unique_ptr<HubLink> hub_;                // set on the UI thread; used by the ticket worker
  std::unique_ptr<SlipDesk> slips_;             // made before the hub, which asks it for the printer's state
  std::optional<OpenCounts> counts_;            // worker thread only: read on the first open, then kept
  std::mutex calendar_mutex_;                   // the store worker sets calendar_, the slip desk reads it
  std::optional<WorkingCalendar> calendar_;
  ReadAloudDesk read_desk_{host_.run_queue()};  // before the voice: its reader reports here
  std::unique_ptr<audio::GuideVoice> voice_;    // set on the UI thread

  // UI thread only.
  std::unique_ptr<ui::KioskApp> app_;
  std::uint64_t generation_ = 0;  // of the catalogue shown; an older index is dropped
  std::optional<Steady::time_point> scheduled_;
  int pending_ = 0;
  std::size_t guides_ = 0;
};

KioskRole::Loaded KioskRole::load_on_worker() {
  auto catalogue = source_.load();
  {
    std::lock_guard lock(calendar_mutex_);
    calendar_ = catalogue->calendar;
  }
  // A small hall's bodies are read in a few ms: their characters go into the first atlas, which
  // spares a second atlas build just after start. A large hall reads them after the first frame.
  if (catalogue->guides.size() <= small_hall_guides) {
    if (auto characters = source_.guide_characters()) catalogue->guide_characters = std::move(*characters);
  }
  if (!catalogue->problem.empty())
    std::cerr << "hallkiosk: the catalogue cannot be shown: " << catalogue->problem << "\n";
  if (auto store = source_.store()) {
    // A guide's body is read on this worker and handed back through the run queue.
    catalogue->load_guide = [this, store](const std::string& id, ui::Reply<catalogue::Guide> reply) {
      ++pending_;
      const bool posted = worker_.post([this, store, id, reply] {
        auto guide = store->current_guide(id);
        if (guide) count_open_on_worker(id);
        post_to_ui([this, reply, guide = std::move(guide)]() mutable {
          --pending_;
          reply(std::move(guide));
        });
      });
      if (!posted) {
        --pending_;
        reply(fail(ErrorCode::unavailable, "the kiosk is shutting down"));
      }
    };
  }
  return {std::move(catalogue), source_.next_change()};
}

// One more open of `id` at this kiosk, for 常办. A batch run (a screenshot, a benchmark) is not a
// visitor and counts nothing. The file is small and written on this worker, never the UI thread.
void KioskRole::count_open_on_worker(const std::string& id) {
  if (!options_.screenshot.empty() || options_.frames > 0) return;
  if (!counts_) {
    auto read = read_open_counts(dir_.open_counts());
    counts_ = read ? std::move(*read) : OpenCounts{};
  }
  ++(*counts_)[id];
  if (auto written = write_open_counts(dir_.open_counts(), *counts_); !written) {
    std::cerr << "hallkiosk: " << written.error().message << "\n";
  }
}

// What the first frame can do without: the characters of every guide body (they join the atlas
// before anyone can open a guide), unless the load already read them, and the search index.
// The notices' index reads the catalogue shown (immutable once handed out), not the store.
void KioskRole::index_on_worker(std::uint64_t generation, bool read_characters,
                                std::shared_ptr<const ui::KioskCatalogue> catalogue) {
  const auto start = Steady::now();
  auto characters = read_characters ? source_.guide_characters() : Result<std::string>(std::string());
  auto index = source_.build_search_index();
  auto notice_index = std::make_shared<const notices::NoticeSearch>(catalogue->notices);
  // Nothing here reads pinyin again until the next catalogue change: its tables (~26 MB) go,
  // and the next index reads them back from the cache on this worker.
  search::release_pinyin();
  malloc_trim(0);  // the tables were many small blocks in this worker's arena: hand the pages back
  const double ms = Millis(Steady::now() - start).count();
  post_to_ui([this, generation, ms, characters = std::move(characters), index = std::move(index),
              notice_index = std::move(notice_index)]() mutable {
    --pending_;
    host_.timings().index_ms = ms;
    if (generation != generation_) return;  // a newer catalogue is on its way with its own
    if (characters) app_->add_glyphs(*characters);
    app_->set_notice_index(std::move(notice_index));
    if (!index) {
      std::cerr << "hallkiosk: search is unavailable: " << index.error().message << "\n";
      return;
    }
    app_->set_search_index(std::move(*index));
  });
}

void KioskRole::show(Loaded loaded) {
  guides_ = loaded.catalogue->guides.size();
  const bool read_characters = loaded.catalogue->guide_characters.empty();
  std::shared_ptr<const ui::KioskCatalogue> shown = loaded.catalogue;
  scheduled_.reset();
  if (loaded.next_change) {
    const auto wall_now = std::chrono::system_clock::now();
    scheduled_ = Steady::now() + std::chrono::duration_cast<Steady::duration>(*loaded.next_change - wall_now);
  }
  ++generation_;
  if (app_) {
    app_->set_catalogue(std::move(loaded.catalogue));
    std::cerr << "hallkiosk: catalogue reloaded: " << guides_ << " guides in effect\n";
  } else {
    ui::KioskSettings settings{options_.language, options_.large_text, options_.idle_timeout};
    const TimeZone zone = hall_time_zone(loaded.catalogue->hall.time_zone);
    app_ = std::make_unique<ui::KioskApp>(std::move(loaded.catalogue), load_ui_strings("zh-CN"), load_ui_strings("en"),
                                          settings, wall_clock_, zone);
  }
  ++pending_;
  const std::uint64_t generation = generation_;
  if (!worker_.post([this, generation, read_characters, shown = std::move(shown)] {
        index_on_worker(generation, read_characters, shown);
      }))
    --pending_;
}

// `only_if_changed`: a watcher's hint, checked against the database's own data_version first.
void KioskRole::reload(bool only_if_changed) {
  ++pending_;
  const bool posted = worker_.post([this, only_if_changed] {
    check_queued_ = false;
    if (only_if_changed && !source_.changed_on_disk()) {
      post_to_ui([this] { --pending_; });
      return;
    }
    auto loaded = load_on_worker();
    post_to_ui([this, loaded = std::move(loaded)]() mutable {
      --pending_;
      show(std::move(loaded));
    });
  });
  if (!posted) --pending_;
}

std::optional<Steady::time_point> KioskRole::next_wake() const {
  return scheduled_;
}

void KioskRole::tick(Steady::time_point now) {
  // A scheduled guide version (or the manifest's expiry) has come: the list changes by itself.
  if (scheduled_ && now >= *scheduled_) {
    scheduled_.reset();
    reload(false);
  }
}

Result<std::unique_ptr<HubLink>> KioskRole::open_hub() const {
  if (!options_.hub_url.empty()) return HubLink::remote(options_.hub_url, options_.device_token_file);
  EmbeddedHooks hooks;
  if (SlipDesk* desk = slips_.get()) {
    hooks.printer = [desk] { return desk->health(); };
    hooks.reprint_requested = [desk](const std::string&) { desk->wake(); };
  }
  return HubLink::embedded(dir_, options_.hub_bind, options_.hub_port, std::move(hooks));
}

// Runs on the slip desk's render thread: the guide is read on the store's own worker.
std::optional<catalogue::Guide> KioskRole::guide_for_slip(const std::string& id) {
  auto promise = std::make_shared<std::promise<std::optional<catalogue::Guide>>>();
  auto answer = promise->get_future();
  const bool posted = worker_.post([this, id, promise] {
    std::optional<catalogue::Guide> guide;
    if (auto store = source_.store()) {
      if (auto g = store->current_guide(id)) guide = std::move(*g);
    }
    promise->set_value(std::move(guide));
  });
  if (!posted || answer.wait_for(std::chrono::seconds(2)) != std::future_status::ready) return std::nullopt;
  try {
    return answer.get();
  } catch (const std::future_error&) {  // the worker stopped before it ran: the slip goes without
    return std::nullopt;
  }
}

// Read on the store's worker like the guide (its connection is the worker's alone).
// The calendar of the catalogue last loaded: a slip needs no read of its own.
std::optional<WorkingCalendar> KioskRole::calendar_for_slip() {
  std::lock_guard lock(calendar_mutex_);
  return calendar_;
}

void KioskRole::open_slips() {
  auto hall = app::load_hall(dir_);
  if (!hall) {
    std::cerr << "hallkiosk: no slips: " << hall.error().message << "\n";
    return;
  }
  SlipDeskSetup setup;
  const std::string queue = !options_.printer.empty() ? options_.printer : hall->printer;
  setup.printer = std::make_unique<print::CupsPrinter>(queue);
  setup.default_destination = queue.empty();
  setup.state_file = dir_.path + "/printer-state";
  setup.width_mm = hall->slip_width_mm;
  setup.zone = hall_time_zone(hall->time_zone);
  setup.hall = std::move(*hall);
  setup.guides = [this](const std::string& id) { return guide_for_slip(id); };
  // The hub inside this kiosk wakes the desk itself when a clerk asks for a reprint; the poll is
  // then only a safety net. A remote hub can only be asked.
  if (options_.hub_url.empty()) setup.reprint_poll = std::chrono::seconds(30);
  setup.calendar = [this] { return calendar_for_slip(); };
  slips_ = std::make_unique<SlipDesk>(std::move(setup), host_.run_queue(),
                                      [this](const std::string& id, ui::SlipPhase phase) {
                                        if (app_) app_->set_slip_phase(id, phase);
                                      });
}

void KioskRole::adopt_hub(Result<std::unique_ptr<HubLink>> link) {
  if (!link) {
    std::cerr << "hallkiosk: no hub, so no numbers here: " << link.error().message << "\n";
    return;
  }
  hub_ = std::move(*link);
  std::cerr << "hallkiosk: hub at " << hub_->url() << "\n";
  app_->set_hub_address(hub_->url());  // a notice's phone page, when hall.json names no public address
  auto take = make_take_number(*hub_, ticket_worker_, host_.run_queue());
  if (slips_) {
    slips_->set_hub(hub_.get());
    // Each ticket issued goes to the printer as it reaches the screen; the screen shows the slip's phase.
    take = [this, take](const ui::TicketRequest& request, ui::TicketReply reply) {
      take(request, [this, request, reply](ui::TicketResult t) {
        if (t && slips_) t->slip = slips_->print_first(*t, request.guide_id);
        reply(std::move(t));
      });
    };
  }
  app_->on_take_number(std::move(take));
  app_->on_reactivate_number(make_reactivate_number(*hub_, ticket_worker_, host_.run_queue()));
}

void KioskRole::connect_hub() {
  const bool batch = !options_.screenshot.empty() || options_.frames > 0;
  if (batch) {
    adopt_hub(open_hub());  // a screenshot shows the screens as they are with a hub
    return;
  }
  ticket_worker_.post([this] {
    auto link = std::make_shared<Result<std::unique_ptr<HubLink>>>(open_hub());
    post_to_ui([this, link] { adopt_hub(std::move(*link)); });
  });
}

void KioskRole::adopt_voice(Result<std::unique_ptr<audio::GuideVoice>> voice) {
  if (!voice) {
    std::cerr << "hallkiosk: warning: speech: " << voice.error().message << "; guides have no 朗读 button\n";
    return;
  }
  voice_ = std::move(*voice);
  std::cerr << "hallkiosk: 朗读 is on: guides are read aloud by espeak-ng\n";
  audio::GuideVoice* v = voice_.get();
  app_->on_read_aloud(read_desk_.port(v->reader(), [v](speech::Language l) { return v->reading_language(l); }));
}

void KioskRole::connect_voice() {
  if (options_.mute) return;
  auto open = [this] { return audio::GuideVoice::open({}, read_desk_.sink()); };
  if (!options_.screenshot.empty() || options_.frames > 0) {
    adopt_voice(open());  // a screenshot shows the guide as it is with a voice
    return;
  }
  ticket_worker_.post([this, open] {
    auto voice = std::make_shared<Result<std::unique_ptr<audio::GuideVoice>>>(open());
    post_to_ui([this, voice] { adopt_voice(std::move(*voice)); });
  });
}

void KioskRole::start() {
  const auto start = Steady::now();
  show(load_on_worker());  // before the worker runs: this thread holds the source until it posts
  host_.timings().catalogue_ms = Millis(Steady::now() - start).count();
  if (options_.screenshot.empty() && options_.frames == 0) open_slips();
  connect_hub();
  connect_voice();
  if (!options_.screenshot.empty() || options_.frames > 0) return;  // a batch run follows nothing
  auto watcher = platform::FolderWatcher::start(dir_.path, [this](const std::string& name) {
    if (!is_catalogue_file(name) || check_queued_.exchange(true)) return;
    post_to_ui([this] { reload(true); });
  });
  if (!watcher) {
    std::cerr << "hallkiosk: " << watcher.error().message << "; restart the kiosk to see imported guides\n";
    return;
  }
  watcher_ = std::move(*watcher);
}

}  // namespace

std::unique_ptr<HostedRole> make_kiosk_role(const KioskOptions& options, app::DataDir dir, Host& host) {
  auto role = std::make_unique<KioskRole>(options, std::move(dir), host);
  role->start();
  return role;
}

}  // namespace hall::kiosk
