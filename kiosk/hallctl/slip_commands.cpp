// SPDX-License-Identifier: Apache-2.0
#include "hallctl/slip_commands.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "catalogue/catalogue_file.h"
#include "catalogue/catalogue_store.h"
#include "common/time_zone.h"
#include "data_dir.h"
#include "hall/hall_config.h"
#include "notices/calendar_store.h"
#include "print/cups_printer.h"
#include "print/slip_renderer.h"
#include "queue/queue_schema.h"
#include "queue/ticket_store.h"
#include "queue/ticket_view.h"
#include "slip/sample_slips.h"

namespace hall::cli {

const char* const slip_help = R"(hallctl slip / notice / print-test — the ticket slip and the 一次性告知单

  hallctl slip render --ticket ID | --sample --out FILE.pdf [--width 58|80] [--png FILE.png] [--lang zh-CN|en]
        the slip of ticket ID in DIR/queue.db (its guide from DIR/catalogue.db, its QR code on
        hall.json "public_base_url", else http://127.0.0.1:8470), or of a made-up ticket
  hallctl notice render --ticket ID --missing M1,M2 | --sample --out FILE.pdf [--roll 58|80] [--png FILE.png]
        a 一次性告知单 (A4, or an 80/58 mm roll with --roll) for ticket ID's guide: the materials
        still missing, each named as in the guide or by its number in the guide's list (1, 2 ...)
  hallctl print-test [--printer QUEUE] [--width 58|80]
        prints a test slip on the hall's printer (hall.json "printer", or the CUPS default
        destination) and waits up to 30 s for the job to complete

Options:
  --data DIR   the hall's data folder (default: the bundled demo hall)
Exit codes: 0 done, 2 usage, 1 anything else (the message names the file or printer).
)";

namespace {

struct Sample {
  HallConfig hall;
  catalogue::Guide guide;
  TimeZone zone = TimeZone::fixed("Asia/Shanghai", 8 * 3600);
};

int report(const Error& e) {
  std::cerr << "hallctl: " << e.message << "\n";
  return exit_code_for(e);
}

Result<Sample> load_sample(const CommandLine& cl) {
  const auto dir = app::resolve_data_dir(cl.option("--data"));
  if (auto ok = app::prepare_data_dir(dir); !ok) return std::unexpected(ok.error());
  auto hall_config = app::load_hall(dir);
  if (!hall_config) return std::unexpected(hall_config.error());
  auto catalogue = catalogue::load_catalogue_file(app::demo_assets_dir() + "/catalogue.json");
  if (!catalogue) return std::unexpected(catalogue.error());
  Sample s{std::move(*hall_config), {}, TimeZone::fixed("Asia/Shanghai", 8 * 3600)};
  // The guide with the most proof documents (开具单位), then the most materials, shows the most.
  std::size_t most = 0;
  for (const auto& g : catalogue->guides) {
    std::size_t score = g.materials.size();
    for (const auto& m : g.materials) score += m.certificate ? 100 : 0;
    if (score > most) {
      most = score;
      s.guide = g;
    }
  }
  if (auto zone = TimeZone::load(s.hall.time_zone)) s.zone = std::move(*zone);
  return s;
}

Result<slip::Language> language(const CommandLine& cl) {
  const auto lang = cl.option("--lang", "zh-CN");
  if (lang == "zh-CN") return slip::Language::zh_cn;
  if (lang == "en") return slip::Language::en;
  return fail(ErrorCode::invalid_input, "--lang " + lang + ": expected zh-CN or en");
}

Result<int> width_option(const CommandLine& cl, const std::string& name, int fallback) {
  const auto text = cl.option(name, std::to_string(fallback));
  if (text == "80") return 80;
  if (text == "58") return 58;
  return fail(ErrorCode::invalid_input, name + " " + text + ": a receipt roll is 58 or 80 mm wide");
}

Result<void> write_outputs(const CommandLine& cl, const slip::Slip& s) {
  const auto out = cl.option("--out");
  auto pdf = print::render_pdf(s);
  if (!pdf) return std::unexpected(pdf.error());
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  file << pdf->bytes;
  file.flush();
  if (!file) return fail(ErrorCode::io, out + ": cannot be written");
  std::cout << out << ": " << pdf->pages << " page(s), " << pdf->width_pt << " x " << pdf->height_pt << " pt, media "
            << pdf->media << "\n";
  if (cl.flag("--png")) {
    if (auto ok = print::write_png(s, cl.option("--png"), 203); !ok) return ok;
    std::cout << cl.option("--png") << ": written at 203 dpi\n";
  }
  return {};
}

// The hall's working-day calendar from DIR/catalogue.db, for the slip's date line; none (or one
// that cannot be read, said on stderr) prints no date.
std::optional<WorkingCalendar> hall_calendar(const app::DataDir& dir) {
  static SystemClock clock;
  if (!std::filesystem::exists(dir.catalogue_db())) return std::nullopt;
  auto store = catalogue::CatalogueStore::open(dir.catalogue_db(), clock);
  if (!store) return std::nullopt;
  auto c = notices::CalendarStore(store->database(), clock).load();
  if (!c) {
    std::cerr << "hallctl: the slip goes without a date: " << c.error().message << "\n";
    return std::nullopt;
  }
  return std::move(*c);
}

// A real ticket of DIR/queue.db, with its guide from DIR/catalogue.db.
struct RealTicket {
  HallConfig hall;
  TimeZone zone = TimeZone::fixed("Asia/Shanghai", 8 * 3600);
  queue::TicketView view;
  std::optional<catalogue::Guide> guide;
  std::optional<WorkingCalendar> calendar;
};

Result<RealTicket> load_ticket(const CommandLine& cl) {
  const auto text = cl.option("--ticket");
  std::int64_t id = 0;
  try {
    id = std::stoll(text);
  } catch (const std::exception&) {
    return fail(ErrorCode::invalid_input, "--ticket " + text + ": expected the ticket's id (a number)");
  }
  const auto dir = app::resolve_data_dir(cl.option("--data"));
  auto hall = app::load_hall(dir);
  if (!hall) return std::unexpected(hall.error());
  RealTicket out{std::move(*hall), TimeZone::fixed("Asia/Shanghai", 8 * 3600), {}, {}, hall_calendar(dir)};
  if (auto zone = TimeZone::load(out.hall.time_zone)) out.zone = std::move(*zone);
  auto db = queue::open_queue_db(dir.path + "/queue.db");
  if (!db) return std::unexpected(db.error());
  auto found = queue::find_ticket(*db, id);
  if (!found) return std::unexpected(found.error());
  if (!*found) return fail(ErrorCode::not_found, dir.path + "/queue.db: no ticket " + text);
  auto view = queue::make_view(*db, out.hall, **found);
  if (!view) return std::unexpected(view.error());
  out.view = std::move(*view);
  const std::string base = out.hall.public_base_url.empty() ? "http://127.0.0.1:8470" : out.hall.public_base_url;
  out.view.status_url = base + "/t/" + out.view.ticket.token;
  if (!out.view.ticket.guide_id.empty()) {
    static SystemClock clock;
    auto store = catalogue::CatalogueStore::open(dir.catalogue_db(), clock);
    if (!store) return std::unexpected(store.error());
    auto guide = store->current_guide(out.view.ticket.guide_id);
    if (!guide) return std::unexpected(guide.error());
    out.guide = std::move(*guide);
  }
  return out;
}

// "M1,M2": each a material's name in the guide, or its number in the guide's list.
Result<std::vector<catalogue::Material>> missing_materials(const catalogue::Guide& guide, const std::string& list) {
  std::vector<catalogue::Material> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    const std::string item = list.substr(start, comma - start);
    start = comma + 1;
    if (item.empty()) continue;
    const catalogue::Material* hit = nullptr;
    for (const auto& m : guide.materials) {
      if (m.name == item || m.name_en == item) hit = &m;
    }
    if (!hit && item.find_first_not_of("0123456789") == std::string::npos && item.size() < 4) {
      const std::size_t n = std::stoul(item);
      if (n >= 1 && n <= guide.materials.size()) hit = &guide.materials[n - 1];
    }
    if (!hit) return fail(ErrorCode::not_found, "--missing: guide " + guide.id + " has no material \"" + item + "\"");
    out.push_back(*hit);
  }
  if (out.empty()) return fail(ErrorCode::invalid_input, "--missing: name at least one material");
  return out;
}

Result<slip::Slip> build_for_ticket(const CommandLine& cl, const std::string& area, slip::Language lang) {
  auto t = load_ticket(cl);
  if (!t) return std::unexpected(t.error());
  const queue::Ticket& ticket = t->view.ticket;
  if (area == "slip") {
    auto width = width_option(cl, "--width", t->hall.slip_width_mm);
    if (!width) return std::unexpected(width.error());
    slip::SlipTicket s{std::to_string(ticket.id), ticket.number, {}, {}, ticket.issued_at, t->view.ahead,
                       t->view.estimated_wait_s, t->view.status_url};
    if (const auto* g = t->hall.group(ticket.group)) s.group_name = g->name;
    s.service_name = t->guide ? t->guide->name : s.group_name;
    slip::TicketSlipOptions options{*width, lang, 8};
    if (t->guide && t->guide->status == catalogue::GuideStatus::active && t->calendar) {
      options.promised = t->guide->promised_limit;
      options.calendar = &*t->calendar;
    }
    return slip::ticket_slip(s, t->hall, t->guide ? t->guide->materials : std::vector<catalogue::Material>{}, t->zone,
                             options);
  }
  if (!t->guide) return fail(ErrorCode::invalid_input, "ticket " + ticket.number + " is a consultation: it has no guide to list materials from");
  auto missing = missing_materials(*t->guide, cl.option("--missing"));
  if (!missing) return std::unexpected(missing.error());
  slip::NoticeRequest n;
  n.service_name = t->guide->name;
  n.guide_url = t->view.status_url;  // the ticket's phone page lists what to bring
  n.promised_limit = t->guide->promised_limit;
  const Window* w = t->hall.window(ticket.window);
  n.window_number = w ? w->number : (t->hall.windows.empty() ? 1 : t->hall.windows.front().number);
  n.date = SystemClock().now();
  n.missing = std::move(*missing);
  slip::NoticeOptions options{slip::PaperKind::a4, 80, lang};
  if (cl.flag("--roll")) {
    auto width = width_option(cl, "--roll", 80);
    if (!width) return std::unexpected(width.error());
    options.paper = slip::PaperKind::roll;
    options.roll_width_mm = *width;
  }
  return slip::notice_slip(n, t->hall, t->zone, options);
}

Result<slip::Slip> build(const CommandLine& cl, const std::string& area) {
  if (!cl.flag("--sample") && !cl.flag("--ticket")) {
    return fail(ErrorCode::invalid_input, area + " render: give --ticket ID or --sample");
  }
  if (cl.option("--out").empty()) return fail(ErrorCode::invalid_input, area + " render: --out FILE.pdf is required");
  auto lang = language(cl);
  if (!lang) return std::unexpected(lang.error());
  if (cl.flag("--ticket")) return build_for_ticket(cl, area, *lang);
  auto sample = load_sample(cl);
  if (!sample) return std::unexpected(sample.error());
  const Instant now = SystemClock().now();
  if (area == "slip") {
    auto width = width_option(cl, "--width", sample->hall.slip_width_mm);
    if (!width) return std::unexpected(width.error());
    slip::TicketSlipOptions options{*width, *lang, 8};
    const auto calendar = hall_calendar(app::resolve_data_dir(cl.option("--data")));
    if (calendar) {
      options.promised = sample->guide.promised_limit;
      options.calendar = &*calendar;
    }
    return slip::ticket_slip(slip::sample_ticket(sample->guide, sample->hall, now), sample->hall,
                             sample->guide.materials, sample->zone, options);
  }
  slip::NoticeOptions options{slip::PaperKind::a4, 80, *lang};
  if (cl.flag("--roll")) {
    auto width = width_option(cl, "--roll", 80);
    if (!width) return std::unexpected(width.error());
    options.paper = slip::PaperKind::roll;
    options.roll_width_mm = *width;
  }
  return slip::notice_slip(slip::sample_notice(sample->guide, sample->hall, now), sample->hall, sample->zone, options);
}

int render(const CommandLine& cl, const std::string& area) {
  auto s = build(cl, area);
  if (!s) return report(s.error());
  if (auto ok = write_outputs(cl, *s); !ok) return report(ok.error());
  return exit_ok;
}

// Submits a test slip and follows it to completion; every wait has a deadline.
int print_test(const CommandLine& cl) {
  auto sample = load_sample(cl);
  if (!sample) return report(sample.error());
  auto width = width_option(cl, "--width", sample->hall.slip_width_mm);
  if (!width) return report(width.error());
  auto pdf = print::render_pdf(slip::test_page(sample->hall, *width));
  if (!pdf) return report(pdf.error());
  print::CupsPrinter printer(cl.option("--printer", sample->hall.printer));
  using std::chrono::steady_clock;
  const auto state = printer.state(steady_clock::now() + std::chrono::seconds(2));
  std::cout << "printer " << state.printer << " on " << printer.server() << ": " << to_string(state.problem())
            << (state.message.empty() ? "" : " — " + state.message) << "\n";
  auto job =
      printer.submit({"hallkiosk print test", pdf->bytes, pdf->media}, steady_clock::now() + std::chrono::seconds(5));
  if (!job) return report(job.error());
  std::cout << "job " << *job << " accepted (" << pdf->media << ")\n";
  const auto until = steady_clock::now() + std::chrono::seconds(30);
  auto last = slip::JobState::pending;
  while (steady_clock::now() < until) {
    auto s = printer.job_state(*job, steady_clock::now() + std::chrono::seconds(2));
    if (!s) return report(s.error());
    last = *s;
    if (slip::is_final(last)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::cout << "job " << *job << ": " << to_string(last) << "\n";
  if (last == slip::JobState::completed) return exit_ok;
  std::cerr << "hallctl: printer " << state.printer << ": the test slip did not complete (" << to_string(last)
            << "); lpstat -p " << state.printer << " -l says why\n";
  return exit_failure;
}

}  // namespace

int run_slip_command(const CommandLine& cl) {
  const std::string area = cl.words[0];
  if (cl.flag("--help") || cl.words.size() < (area == "print-test" ? 1u : 2u)) {
    std::cout << slip_help;
    return cl.flag("--help") ? exit_ok : exit_invalid;
  }
  if (area == "print-test") return print_test(cl);
  if ((area == "slip" || area == "notice") && cl.words[1] == "render") return render(cl, area);
  std::cerr << "hallctl: unknown verb \"" << cl.words[1] << "\" for " << area << "\n\n" << slip_help;
  return exit_invalid;
}

}  // namespace hall::cli
