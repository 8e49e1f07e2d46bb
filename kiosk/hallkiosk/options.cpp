// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/options.h"

#include <algorithm>
#include <charconv>
#include <string_view>

namespace hall::kiosk {

const char* const help_text = R"(hallkiosk — the visitor kiosk of a service hall: browse, read and search the guides

Usage: hallkiosk [options]

Options:
  --role ROLE           what this screen is for: kiosk (the visitor kiosk, default); counter (a
                        clerk's window: needs --window); board (the hall's TV: the number at
                        each window, the last calls, the waiting counts, each call spoken;
                        --screen board, or sample / setup for pictures)
  --window ID           counter: the window this counter stands at (W3, as in hall.json)
  --windowed WxH        a window of W by H pixels instead of full screen on the primary monitor
                        (1920x1080 landscape, 1080x1920 portrait)
  --data DIR            the hall's data folder (hall.json, catalogue.db); default: the bundled demo
                        hall, seeded from assets/demo on first use
  --lang zh-CN|en       the language the kiosk starts in, and returns to when idle (default zh-CN)
  --screen SPEC         the screen to open: home (default), one-visit, common (常办), topic:<name>,
                        guide:<id>, search:<query>, priority[:<id>] (取号's question), reactivate
                        (过号了？); sample states marked as such, for pictures: ticket[:<id>],
                        reactivated, sending[:<id>], ticket-failed[:unreachable|closed|refused|not_found];
                        朗读's states on a guide: reading:<id>, no-sound:<id>; 政务公开: notices
                        (the directory), notice:<id>, adoption:<id> (a closed draft's report)
  --screenshot FILE.png render the screen (after enough frames to settle), write it as a PNG and
                        exit 0; also reports on stderr whether every character drawn is in the font
                        atlas. Needs a display; without a screen use Xvfb:
                          Xvfb :99 -screen 0 1920x1080x24 &
                          DISPLAY=:99 hallkiosk --windowed 1920x1080 --screenshot home.png
  --large-text          start in large-text mode (长辈模式), and return to it when idle
  --idle-timeout SECS   with no touch for this long, go back to home and clear any input
                        (default 90)
  --hub URL             take numbers from the hall hub at URL (another machine) instead of the hub
                        this kiosk runs inside itself; needs --device-token-file. A counter signs
                        in to the hub at URL (default http://127.0.0.1:8470, the kiosk's own hub)
  --device-token-file F the kiosk's device token (from `hallctl device add --role kiosk` on the
                        hub's machine), one line; a board's (--role board) defaults to
                        DATA/board-device.token, its hub to http://127.0.0.1:8470
  --hub-bind ADDR       where the kiosk's own hub listens (default 127.0.0.1; 0.0.0.0 lets counters
                        and boards on the hall's network join it)
  --hub-port N          its port (default 8470; when taken, any free port, said on stderr)
  --mute                board: show the calls without speaking them; kiosk: no 朗读 button
  --printer QUEUE       the CUPS queue for ticket slips (kiosk) or 一次性告知单 (counter); default:
                        hall.json "printer" (kiosk), then the CUPS default destination
  --frames N            render N frames back to back, then exit (benchmarks)
  --timings             print start-up, font atlas and frame timings on stderr
  --help                this text

Counter: sign in with staff id and PIN; F1 call next, F2 recall, F3 start, F4 finish, F5 no-show,
F6 transfer, F7 pause/resume. Its screens: sign-in (default), and samples for pictures:
sample:called|serving|idle|paused|transfer|unreachable|sending|wrong-pin|locked.

Environment: HALL_ASSETS overrides the assets folder (UI strings, the demo hall).
The kiosk re-reads catalogue.db when another process (hallctl, sync) changes it, and switches to
guides whose effective time has come, without a restart.
Exit codes: 0 success, 1 no display or another failure, 2 invalid option.
)";

namespace {

Result<int> parse_int(std::string_view option, std::string_view text, int min, int max) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return fail(ErrorCode::invalid_input, std::string(option) + ": expected a whole number from " +
                                              std::to_string(min) + " to " + std::to_string(max) + ", got \"" +
                                              std::string(text) + "\"");
  }
  return value;
}

Result<void> parse_size(std::string_view text, KioskOptions& o) {
  const auto x = text.find('x');
  const std::string problem = "--windowed: expected WxH such as 1920x1080, got \"" + std::string(text) + "\"";
  if (x == std::string_view::npos) return fail(ErrorCode::invalid_input, problem);
  auto w = parse_int("--windowed", text.substr(0, x), 64, 16384);
  auto h = parse_int("--windowed", text.substr(x + 1), 64, 16384);
  if (!w || !h) return fail(ErrorCode::invalid_input, problem);
  o.full_screen = false;
  o.width = *w;
  o.height = *h;
  return {};
}

bool known_screen(std::string_view spec) {
  // The 取号 screens, and sample tickets for pictures of them (ui/kiosk_app.h lists the specs).
  for (std::string_view whole :
       {"home", "one-visit", "common", "priority", "reactivate", "ticket", "reactivated", "sending", "ticket-failed",
        "ticket-printing", "ticket-unprintable", "board", "sample", "setup", "notices"}) {
    if (spec == whole) return true;
  }
  for (std::string_view prefix :
       {"topic:", "guide:", "search:", "priority:", "ticket:", "sending:", "ticket-failed:", "reading:", "no-sound:",
        "ticket-printing:", "ticket-unprintable:", "notice:", "adoption:"}) {
    if (spec.starts_with(prefix)) return true;
  }
  return false;
}

bool known_counter_screen(std::string_view spec) {
  return spec == "sign-in" || spec == "work" || spec.starts_with("sample:");
}

// One option with its value (when it takes one) applied to `o`.
Result<void> apply(std::string_view name, std::string_view value, KioskOptions& o) {
  if (name == "--windowed") return parse_size(value, o);
  if (name == "--role") {
    if (value != "kiosk" && value != "counter" && value != "board") {
      return fail(ErrorCode::invalid_input,
                  "--role: expected kiosk, counter or board, got \"" + std::string(value) + "\"");
    }
    o.role = value;
  } else if (name == "--data") {
    o.data_dir = value;
  } else if (name == "--lang") {
    if (value != "zh-CN" && value != "en") {
      return fail(ErrorCode::invalid_input, "--lang: expected zh-CN or en, got \"" + std::string(value) + "\"");
    }
    o.language = value;
  } else if (name == "--window") {
    o.window = value;
  } else if (name == "--screen") {
    // A counter's screens are checked once the role is known (it may come later on the line).
    if (!known_screen(value) && !known_counter_screen(value)) {
      return fail(ErrorCode::invalid_input,
                  "--screen: expected home, one-visit, common, topic:<name>, guide:<id>, search:<query>, "
                  "priority[:<id>], reactivate, or a sample ticket[:<id>], reactivated, sending[:<id>], "
                  "ticket-failed[:<reason>], reading:<id>, no-sound:<id>; 政务公开: notices, notice:<id>, "
                  "adoption:<id>; got \"" +
                      std::string(value) + "\"");
    }
    o.screen = value;
  } else if (name == "--screenshot") {
    o.screenshot = value;
  } else if (name == "--idle-timeout") {
    auto s = parse_int(name, value, 5, 86400);
    if (!s) return std::unexpected(s.error());
    o.idle_timeout = std::chrono::seconds(*s);
  } else if (name == "--hub") {
    o.hub_url = value;
  } else if (name == "--device-token-file") {
    o.device_token_file = value;
  } else if (name == "--hub-bind") {
    o.hub_bind = value;
  } else if (name == "--hub-port") {
    auto p = parse_int(name, value, 0, 65535);
    if (!p) return std::unexpected(p.error());
    o.hub_port = *p;
  } else if (name == "--printer") {
    o.printer = value;
  } else if (name == "--frames") {
    auto n = parse_int(name, value, 1, 1'000'000);
    if (!n) return std::unexpected(n.error());
    o.frames = *n;
  }
  return {};
}

}  // namespace

Result<KioskOptions> parse_options(int argc, const char* const* argv) {
  static constexpr std::string_view with_value[] = {
      "--role",         "--windowed", "--data",  "--lang",  "--screen",           "--screenshot",
      "--idle-timeout", "--frames",   "--hub",   "--device-token-file", "--hub-bind", "--hub-port", "--window", "--printer"};
  KioskOptions o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      o.help = true;
    } else if (arg == "--large-text") {
      o.large_text = true;
    } else if (arg == "--mute") {
      o.mute = true;
    } else if (arg == "--timings") {
      o.timings = true;
    } else if (std::find(std::begin(with_value), std::end(with_value), arg) != std::end(with_value)) {
      if (i + 1 >= argc) return fail(ErrorCode::invalid_input, std::string(arg) + ": needs a value (see --help)");
      if (auto r = apply(arg, argv[++i], o); !r) return std::unexpected(r.error());
    } else {
      return fail(ErrorCode::invalid_input, "unknown option \"" + std::string(arg) + "\" (see --help)");
    }
  }
  if (o.role == "counter") {
    if (o.window.empty()) {
      return fail(ErrorCode::invalid_input, "--role counter needs --window ID: the window this counter stands at (W3)");
    }
    if (o.screen == "home") o.screen = "sign-in";
    if (!known_counter_screen(o.screen)) {
      return fail(ErrorCode::invalid_input, "--screen: a counter shows sign-in, work or sample:<state>, got \"" +
                                                o.screen + "\"");
    }
    if (o.hub_url.empty()) o.hub_url = "http://127.0.0.1:8470";
  } else if (!o.window.empty()) {
    return fail(ErrorCode::invalid_input, "--window is for --role counter");
  } else if (o.screen == "sign-in" || o.screen == "work" || o.screen.starts_with("sample:")) {
    return fail(ErrorCode::invalid_input, "--screen " + o.screen + " is a counter's screen (--role counter)");
  }
  if (o.role == "kiosk" && !o.hub_url.empty() && o.device_token_file.empty()) {
    return fail(ErrorCode::invalid_input, "--hub needs --device-token-file (the kiosk's device token)");
  }
  if (!o.screenshot.empty() && o.frames > 0) {
    return fail(ErrorCode::invalid_input, "--screenshot and --frames do not go together");
  }
  return o;
}

}  // namespace hall::kiosk
