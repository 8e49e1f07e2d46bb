// SPDX-License-Identifier: Apache-2.0
#include "i18n/strings.h"

#include <tuple>

#include <nlohmann/json.hpp>

namespace hall::ui {
namespace {

// Parses one language file; returns a problem message or an empty string.
std::string parse_into(std::string_view json_text, std::string_view name,
                       std::map<std::string, std::string, std::less<>>& out) {
  const auto doc = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return std::string(name) + ": not a JSON object of \"key\": \"text\"";
  std::string problem;
  for (const auto& [key, value] : doc.items()) {
    if (!value.is_string()) {
      problem += std::string(name) + ": $." + key + ": expected a string\n";
      continue;
    }
    out.emplace(key, value.get<std::string>());
  }
  return problem;
}

}  // namespace

Strings::Strings(std::string_view zh_cn_json, std::string_view en_json) {
  for (auto [text, name, tbl] : {std::tuple{zh_cn_json, "zh-CN.json", &zh_}, std::tuple{en_json, "en.json", &en_}}) {
    auto problem = parse_into(text, name, *tbl);
    if (!problem.empty()) problems_.push_back(std::move(problem));
  }
}

void Strings::set_language(std::string_view language) {
  language_ = language == "en" ? "en" : "zh-CN";
}

const Strings::Table* Strings::table(std::string_view language) const {
  return language == "en" ? &en_ : &zh_;
}

const std::string& Strings::tr(std::string_view key) const {
  for (const Table* t : {table(language_), &zh_}) {
    if (auto it = t->find(key); it != t->end()) return it->second;
  }
  // Not in any file: remember the key so the reference stays valid and the gap is visible.
  static thread_local std::map<std::string, std::string, std::less<>> missing;
  return missing.try_emplace(std::string(key), std::string(key)).first->second;
}

std::string Strings::trf(std::string_view key, Args args) const {
  return substitute(tr(key), args);
}

std::vector<std::string> Strings::keys(std::string_view language) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : *table(language)) out.push_back(k);
  return out;
}

std::string Strings::all_text() const {
  std::string out;
  for (const Table* t : {&zh_, &en_}) {
    for (const auto& [k, v] : *t) out += v;
  }
  return out;
}

std::string substitute(std::string_view text, Strings::Args args) {
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '{') {
      const auto close = text.find('}', i);
      if (close != std::string_view::npos) {
        const auto name = text.substr(i + 1, close - i - 1);
        bool replaced = false;
        for (const auto& [n, v] : args) {
          if (n == name) {
            out += v;
            replaced = true;
            break;
          }
        }
        if (replaced) {
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace hall::ui
