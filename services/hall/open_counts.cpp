// SPDX-License-Identifier: Apache-2.0
#include "hall/open_counts.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

namespace hall {
namespace {

constexpr const char* format = "hallkiosk.open_counts/1";
constexpr std::size_t max_bytes = 4 * 1024 * 1024;  // ~100k guides; more is not a counts file

}  // namespace

Result<OpenCounts> read_open_counts(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return OpenCounts{};
  if (std::filesystem::file_size(path, ec) > max_bytes) {
    return fail(ErrorCode::invalid_input, path + ": larger than a counts file can be");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::io, path + ": cannot be opened for reading");
  std::ostringstream text;
  text << in.rdbuf();
  const auto json = nlohmann::json::parse(text.str(), nullptr, false);
  if (json.is_discarded() || !json.is_object() || json.value("format", "") != format || !json.contains("counts") ||
      !json["counts"].is_object()) {
    return fail(ErrorCode::corrupt, path + ": not a " + format + " file");
  }
  OpenCounts out;
  for (const auto& [id, n] : json["counts"].items()) {
    if (!n.is_number_unsigned()) return fail(ErrorCode::corrupt, path + ": $.counts." + id + ": expected a count");
    out[id] = n.get<std::int64_t>();
  }
  return out;
}

Result<void> write_open_counts(const std::string& path, const OpenCounts& counts) {
  nlohmann::json json{{"format", format}, {"counts", nlohmann::json::object()}};
  for (const auto& [id, n] : counts) json["counts"][id] = n;
  const std::string tmp = path + "." + std::to_string(::getpid()) + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << json.dump(1) << "\n";
    if (!out.flush()) {
      std::error_code ec;
      std::filesystem::remove(tmp, ec);
      return fail(ErrorCode::io, tmp + ": cannot be written");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return fail(ErrorCode::io, path + ": cannot be replaced: " + ec.message());
  }
  return {};
}

std::vector<std::size_t> common_order(const std::vector<std::string>& pinyin_ordered_ids,
                                      const std::vector<std::string>& common_services, const OpenCounts& counts) {
  std::unordered_map<std::string, std::size_t> listed;
  for (std::size_t i = 0; i < common_services.size(); ++i) listed.emplace(common_services[i], i);
  const auto count_of = [&](std::size_t i) {
    const auto it = counts.find(pinyin_ordered_ids[i]);
    return it == counts.end() ? std::int64_t{0} : it->second;
  };
  const auto place = [&](std::size_t i) {
    const auto it = listed.find(pinyin_ordered_ids[i]);
    return it == listed.end() ? common_services.size() : it->second;
  };
  std::vector<std::size_t> order(pinyin_ordered_ids.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (place(a) != place(b)) return place(a) < place(b);
    return count_of(a) > count_of(b);  // stable: equal counts keep pinyin order
  });
  return order;
}

}  // namespace hall
