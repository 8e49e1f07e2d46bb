// SPDX-License-Identifier: Apache-2.0
#include "common/time_zone.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/rfc3339.h"
#include "common/working_calendar.h"

namespace hall {
namespace {

class ByteReader {
 public:
  explicit ByteReader(std::string_view b) : bytes_(b) {}
  bool has(std::size_t n) const { return pos_ + n <= bytes_.size(); }
  std::int64_t be(std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(bytes_[pos_ + i]);
    pos_ += n;
    if (n == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
    return static_cast<std::int64_t>(v);
  }
  void skip(std::size_t n) { pos_ += n; }
  std::size_t pos() const { return pos_; }
  std::string_view peek(std::size_t n) const { return bytes_.substr(pos_, n); }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

struct Header {
  std::int64_t isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
};

bool read_header(ByteReader& r, Header& h, char& version) {
  if (!r.has(44) || r.peek(4) != "TZif") return false;
  r.skip(4);
  version = r.peek(1)[0];
  r.skip(16);
  h = {r.be(4), r.be(4), r.be(4), r.be(4), r.be(4), r.be(4)};
  return h.typecnt > 0 && h.timecnt >= 0 && h.charcnt >= 0 && h.leapcnt >= 0;
}

std::size_t data_size(const Header& h, std::size_t time_size) {
  return static_cast<std::size_t>(h.timecnt) * (time_size + 1) + static_cast<std::size_t>(h.typecnt) * 6 +
         static_cast<std::size_t>(h.charcnt) + static_cast<std::size_t>(h.leapcnt) * (time_size + 4) +
         static_cast<std::size_t>(h.isstdcnt) + static_cast<std::size_t>(h.isutcnt);
}

}  // namespace

TimeZone TimeZone::fixed(std::string name, int offset_seconds) {
  TimeZone z;
  z.name_ = std::move(name);
  z.initial_offset_ = offset_seconds;
  return z;
}

Result<TimeZone> TimeZone::from_tzif(std::string name, std::string_view bytes) {
  const auto bad = [&] { return fail(ErrorCode::corrupt, "time zone " + name + ": not a valid TZif file"); };
  ByteReader r(bytes);
  Header h{};
  char version = 0;
  if (!read_header(r, h, version)) return bad();
  std::size_t time_size = 4;
  if (version >= '2') {  // skip the 32-bit block, use the 64-bit one
    if (!r.has(data_size(h, 4))) return bad();
    r.skip(data_size(h, 4));
    if (!read_header(r, h, version)) return bad();
    time_size = 8;
  }
  if (!r.has(data_size(h, time_size))) return bad();
  std::vector<std::int64_t> times;
  for (std::int64_t i = 0; i < h.timecnt; ++i) times.push_back(r.be(time_size));
  std::vector<int> type_index;
  for (std::int64_t i = 0; i < h.timecnt; ++i) type_index.push_back(static_cast<int>(r.be(1)));
  std::vector<int> type_offset;
  for (std::int64_t i = 0; i < h.typecnt; ++i) {
    type_offset.push_back(static_cast<int>(r.be(4)));
    r.skip(2);  // isdst, abbreviation index
  }
  TimeZone z;
  z.name_ = std::move(name);
  z.initial_offset_ = type_offset.front();
  for (std::size_t i = 0; i < times.size(); ++i) {
    if (type_index[i] < 0 || type_index[i] >= static_cast<int>(type_offset.size())) return bad();
    z.transitions_.push_back(times[i]);
    z.offsets_after_.push_back(type_offset[static_cast<std::size_t>(type_index[i])]);
  }
  return z;
}

Result<TimeZone> TimeZone::load(const std::string& name) {
  if (name.empty() || name.find("..") != std::string::npos || name.front() == '/') {
    return fail(ErrorCode::invalid_input, "time zone \"" + name + "\": not a zone name such as Asia/Shanghai");
  }
  const char* dir = std::getenv("TZDIR");
  const std::string path = std::string(dir && *dir ? dir : "/usr/share/zoneinfo") + "/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail(ErrorCode::not_found, "time zone " + name + ": " + path + " not found (install Debian's tzdata)");
  }
  std::ostringstream content;
  content << in.rdbuf();
  return from_tzif(name, content.str());
}

int TimeZone::offset_at(Instant t) const {
  const std::int64_t s = t.time_since_epoch().count();
  const auto it = std::upper_bound(transitions_.begin(), transitions_.end(), s);
  if (it == transitions_.begin()) return initial_offset_;
  return offsets_after_[static_cast<std::size_t>(it - transitions_.begin() - 1)];
}

std::string TimeZone::format_local(Instant t) const {
  return format_rfc3339(t, offset_at(t));
}

std::chrono::year_month_day TimeZone::local_date(Instant t) const {
  return date_at(t, offset_at(t));
}

Instant TimeZone::next_midnight(Instant t) const {
  using namespace std::chrono;
  const auto local = t + seconds(offset_at(t));
  const auto next = floor<days>(local) + days(1);
  // The offset in force at the new day; a change at that very moment moves it by the difference.
  const Instant guess = time_point_cast<seconds>(next) - seconds(offset_at(t));
  return time_point_cast<seconds>(next) - seconds(offset_at(guess));
}

}  // namespace hall
