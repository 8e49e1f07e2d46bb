// SPDX-License-Identifier: Apache-2.0
#include "search/pinyin_cache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace hall::search {
namespace {

// Bump when derive_pinyin_tables() reads differently: older caches are then ignored.
// 2: other readings, and every phrase that holds a polyphone, with its freq.
constexpr const char* derivation_version = "2";
constexpr char magic[8] = {'H', 'K', 'P', 'Y', 'v', '2', '\n', '\0'};

void put_u32(std::string& out, std::uint32_t v) {
  char b[4];
  std::memcpy(b, &v, 4);
  out.append(b, 4);
}

class Reader {
 public:
  explicit Reader(std::string bytes) : bytes_(std::move(bytes)) {}
  bool u32(std::uint32_t& v) {
    if (bytes_.size() - at_ < 4) return false;
    std::memcpy(&v, bytes_.data() + at_, 4);
    at_ += 4;
    return true;
  }
  bool text(std::string& s, std::size_t n) {
    if (bytes_.size() - at_ < n) return false;
    s.assign(bytes_, at_, n);
    at_ += n;
    return true;
  }
  bool u32s(std::vector<std::uint32_t>& v) {
    std::uint32_t n = 0;
    if (!u32(n) || (bytes_.size() - at_) / 4 < n) return false;
    v.resize(n);
    std::memcpy(v.data(), bytes_.data() + at_, std::size_t{n} * 4);
    at_ += std::size_t{n} * 4;
    return true;
  }
  bool at_end() const { return at_ == bytes_.size(); }

 private:
  std::string bytes_;
  std::size_t at_ = 0;
};

}  // namespace

std::string pinyin_cache_dir() {
  if (const char* d = std::getenv("HALL_PINYIN_CACHE"); d && *d) return d;
  if (const char* d = std::getenv("XDG_CACHE_HOME"); d && *d) return std::string(d) + "/hallkiosk";
  if (const char* d = std::getenv("HOME"); d && *d) return std::string(d) + "/.cache/hallkiosk";
  return {};
}

std::string pinyin_cache_file(const std::string& db_path, const std::string& cache_dir) {
  struct stat st {};
  if (cache_dir.empty() || ::stat(db_path.c_str(), &st) != 0) return {};
  const auto mtime_ns = std::int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec;
  return cache_dir + "/pinyin-" + derivation_version + "-" + std::to_string(st.st_size) + "-" +
         std::to_string(mtime_ns) + ".bin";
}

std::optional<PinyinTables> read_pinyin_cache(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  Reader r(std::string(std::istreambuf_iterator<char>(in), {}));
  std::string head;
  std::uint32_t names_size = 0;
  std::string names;
  PinyinTables t;
  if (!r.text(head, sizeof magic) || head != std::string(magic, sizeof magic) || !r.u32(names_size) ||
      !r.text(names, names_size) || !r.u32s(t.characters) || !r.u32s(t.alternates) || !r.u32s(t.phrases) ||
      !r.at_end()) {
    return std::nullopt;
  }
  for (std::size_t start = 0; start < names.size();) {
    const std::size_t end = std::min(names.find(' ', start), names.size());
    t.syllables.push_back(names.substr(start, end - start));
    start = end + 1;
  }
  return t;
}

bool write_pinyin_cache(const std::string& file, const PinyinTables& tables) {
  std::string names;
  for (const auto& s : tables.syllables) names += (names.empty() ? "" : " ") + s;
  std::string out(magic, sizeof magic);
  put_u32(out, static_cast<std::uint32_t>(names.size()));
  out += names;
  put_u32(out, static_cast<std::uint32_t>(tables.characters.size()));
  out.append(reinterpret_cast<const char*>(tables.characters.data()), tables.characters.size() * 4);
  put_u32(out, static_cast<std::uint32_t>(tables.alternates.size()));
  out.append(reinterpret_cast<const char*>(tables.alternates.data()), tables.alternates.size() * 4);
  put_u32(out, static_cast<std::uint32_t>(tables.phrases.size()));
  out.append(reinterpret_cast<const char*>(tables.phrases.data()), tables.phrases.size() * 4);

  std::error_code ec;
  const std::filesystem::path path(file);
  std::filesystem::create_directories(path.parent_path(), ec);
  const std::string tmp = file + "." + std::to_string(::getpid()) + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(out.data(), static_cast<std::streamsize>(out.size()));
    if (!f.flush()) {
      std::filesystem::remove(tmp, ec);
      return false;
    }
  }
  std::filesystem::rename(tmp, path, ec);
  if (!ec) return true;
  std::filesystem::remove(tmp, ec);
  return false;
}

}  // namespace hall::search
