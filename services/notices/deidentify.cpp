// SPDX-License-Identifier: Apache-2.0
#include "notices/deidentify.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>

#include "common/ascii.h"
#include "common/utf8.h"
#include "common/working_calendar.h"

namespace hall::notices {
namespace {

bool is_alnum(char c) {
  return is_ascii_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_ascii_digit);
}

// An ASCII letters-and-digits run: a number glued to letters (an order code, a credit code) is not
// personal data on its own, and a run is never split, so a mobile inside a longer number is none.
struct Run {
  std::size_t begin, end;
};

std::vector<Run> alnum_runs(std::string_view t) {
  std::vector<Run> runs;
  for (std::size_t i = 0; i < t.size();) {
    if (!is_alnum(t[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < t.size() && is_alnum(t[j])) ++j;
    runs.push_back({i, j});
    i = j;
  }
  return runs;
}

bool mobile_digits(std::string_view d) {
  return d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9' && all_digits(d);
}

bool plausible_birth_date(std::string_view d8) {
  const std::string iso =
      std::string(d8.substr(0, 4)) + "-" + std::string(d8.substr(4, 2)) + "-" + std::string(d8.substr(6, 2));
  const auto date = parse_iso_date(iso);
  return date && static_cast<int>(date->year()) <= 2100;
}

// What one number (digits only, separators removed) is, if anything.
std::optional<HitKind> classify(std::string_view d) {
  if (d.size() == 18 && resident_id_valid(d)) return HitKind::resident_id;
  if (mobile_digits(d)) return HitKind::mobile;
  if (d.size() >= 16 && d.size() <= 19 && all_digits(d) && luhn_valid(d)) return HitKind::bank_card;
  return std::nullopt;
}

struct Found {
  HitKind kind;
  std::size_t begin, end;
};

// Numbers written in groups: 138 1234 5678, 138-1234-5678, 6222 0212 3456 7894, 370102 19900307 1238.
void grouped_numbers(std::string_view t, const std::vector<Run>& runs, std::vector<Found>& out) {
  static const std::vector<std::vector<std::size_t>> shapes = {
      {3, 4, 4}, {6, 8, 4}, {4, 4, 4, 4}, {4, 4, 4, 4, 1}, {4, 4, 4, 4, 2}, {4, 4, 4, 4, 3}, {6, 13}};
  const auto joined = [&](std::size_t i, char sep) {
    return i + 1 < runs.size() && runs[i + 1].begin == runs[i].end + 1 && t[runs[i].end] == sep;
  };
  for (const char sep : {' ', '-'}) {
    for (std::size_t i = 0; i < runs.size(); ++i) {
      if (i > 0 && joined(i - 1, sep)) continue;  // only whole groups: never start mid-way
      std::size_t n = 1;
      while (joined(i + n - 1, sep)) ++n;
      if (n < 2) continue;
      std::vector<std::size_t> sizes;
      std::string digits;
      for (std::size_t k = i; k < i + n; ++k) {
        sizes.push_back(runs[k].end - runs[k].begin);
        digits += t.substr(runs[k].begin, runs[k].end - runs[k].begin);
      }
      if (std::find(shapes.begin(), shapes.end(), sizes) == shapes.end()) continue;
      if (auto kind = classify(digits)) out.push_back({*kind, runs[i].begin, runs[i + n - 1].end});
    }
  }
}

void plain_numbers(std::string_view t, const std::vector<Run>& runs, std::vector<Found>& out) {
  for (const auto& r : runs) {
    const auto s = t.substr(r.begin, r.end - r.begin);
    if (auto kind = classify(s)) {
      out.push_back({*kind, r.begin, r.end});
    } else if (s.size() == 13 && s.substr(0, 2) == "86" && mobile_digits(s.substr(2))) {
      out.push_back({HitKind::mobile, r.begin + 2, r.end});  // +86 written without a space
    }
  }
}

bool email_local(char c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool email_domain(char c) {
  return is_alnum(c) || c == '.' || c == '-';
}

void emails(std::string_view t, std::vector<Found>& out) {
  for (std::size_t at = t.find('@'); at != std::string_view::npos; at = t.find('@', at + 1)) {
    std::size_t b = at;
    while (b > 0 && email_local(t[b - 1])) --b;
    while (b < at && t[b] == '.') ++b;
    std::size_t e = at + 1;
    while (e < t.size() && email_domain(t[e])) ++e;
    while (e > at + 1 && (t[e - 1] == '.' || t[e - 1] == '-')) --e;
    if (b == at || e == at + 1) continue;
    const auto domain = t.substr(at + 1, e - at - 1);
    const auto dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0) continue;
    const auto tld = domain.substr(dot + 1);
    if (tld.size() < 2 || !std::all_of(tld.begin(), tld.end(), [](char c) { return is_alnum(c) && !is_ascii_digit(c); }))
      continue;
    out.push_back({HitKind::email, b, e});
  }
}

void listed(std::string_view t, const std::vector<Representative>& reps, std::vector<Found>& out) {
  const auto each = [&](const std::string& needle, HitKind kind) {
    if (needle.empty()) return;
    for (auto at = t.find(needle); at != std::string_view::npos; at = t.find(needle, at + needle.size())) {
      out.push_back({kind, at, at + needle.size()});
    }
  };
  for (const auto& r : reps) {
    each(r.name, HitKind::representative_name);
    for (const auto& c : r.contacts) each(c, HitKind::representative_contact);
  }
}

int priority(HitKind k) {
  switch (k) {
    case HitKind::representative_contact:
      return 0;
    case HitKind::representative_name:
      return 1;
    case HitKind::resident_id:
      return 2;
    case HitKind::email:
      return 3;
    case HitKind::bank_card:
      return 4;
    case HitKind::mobile:
      return 5;
  }
  return 6;
}

std::string stars(std::size_t n) {
  return std::string(n, '*');
}

std::string keep_ends(std::string_view s, std::size_t head, std::size_t tail) {
  if (s.size() <= head + tail) return stars(s.size());
  return std::string(s.substr(0, head)) + stars(s.size() - head - tail) + std::string(s.substr(s.size() - tail));
}

std::string digits_of(std::string_view s) {
  std::string d;
  for (char c : s) {
    if (is_ascii_digit(c) || c == 'X' || c == 'x') d += c;
  }
  return d;
}

void walk(const Json& node, const std::string& path,
          const std::function<void(const std::string&, const std::string&)>& each) {
  if (node.is_string()) return each(path, node.get_ref<const std::string&>());
  if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) walk(node[i], path + "[" + std::to_string(i) + "]", each);
  } else if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      const auto child = path + "." + key;
      if (child == "$.proposal.representatives") continue;  // the list is what we look for, and never published
      walk(value, child, each);
    }
  }
}

void walk_mut(Json& node, const std::string& path, const std::function<void(const std::string&, std::string&)>& each) {
  if (node.is_string()) return each(path, node.get_ref<std::string&>());
  if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) walk_mut(node[i], path + "[" + std::to_string(i) + "]", each);
  } else if (node.is_object()) {
    for (auto& [key, value] : node.items()) walk_mut(value, path + "." + key, each);
  }
}

std::string place(const Hit& h) {
  return h.path + " (byte " + std::to_string(h.offset) + "): " + term(h.kind).zh + " " + h.mask;
}

bool same_hit(const Hit& a, const Hit& b) {
  return a.kind == b.kind && a.path == b.path && a.offset == b.offset && a.found == b.found;
}

}  // namespace

const std::vector<Term<HitKind>>& hit_kinds() {
  static const std::vector<Term<HitKind>> t = {
      {HitKind::resident_id, "resident_id", "居民身份证号码", "Resident ID number"},
      {HitKind::mobile, "mobile", "手机号码", "Mobile number"},
      {HitKind::bank_card, "bank_card", "银行卡号", "Bank card number"},
      {HitKind::email, "email", "电子邮箱", "E-mail address"},
      {HitKind::representative_name, "representative_name", "代表委员姓名", "Name of a deputy or member"},
      {HitKind::representative_contact, "representative_contact", "代表委员联系方式", "Contact of a deputy or member"},
  };
  return t;
}

bool resident_id_valid(std::string_view id) {
  // GB 11643-1999: 17 digits, then the ISO 7064 MOD 11-2 check character; digits 7–14 a birth date.
  if (id.size() != 18 || !all_digits(id.substr(0, 17)) || id[0] == '0') return false;
  static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static const char checks[] = "10X98765432";
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (id[i] - '0') * weights[i];
  const char last = id[17] == 'x' ? 'X' : id[17];
  return last == checks[sum % 11] && plausible_birth_date(id.substr(6, 8));
}

bool luhn_valid(std::string_view d) {
  if (!all_digits(d)) return false;
  int sum = 0;
  for (std::size_t i = 0; i < d.size(); ++i) {
    int v = d[d.size() - 1 - i] - '0';
    if (i % 2 == 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
  }
  return sum % 10 == 0;
}

std::string mask_for(HitKind kind, std::string_view found) {
  switch (kind) {
    case HitKind::representative_name: {
      const auto cps = utf8::decode(found);
      if (cps.empty()) return {};
      return utf8::encode(cps[0]) + stars(cps.size() - 1);
    }
    case HitKind::mobile:
      return keep_ends(digits_of(found), 3, 4);
    case HitKind::resident_id:
    case HitKind::bank_card:
      return keep_ends(digits_of(found), 4, 4);
    case HitKind::email: {
      const auto at = found.find('@');
      if (at == std::string_view::npos || at == 0) return stars(found.size());
      return std::string(found.substr(0, 1)) + "***" + std::string(found.substr(at));
    }
    case HitKind::representative_contact: {
      const auto d = digits_of(found);
      if (found.find('@') != std::string_view::npos) return mask_for(HitKind::email, found);
      if (d.size() >= 7) return keep_ends(d, 3, 4);
      return stars(utf8::length(found));
    }
  }
  return stars(found.size());
}

std::vector<Hit> scan_text(std::string_view text, const std::vector<Representative>& representatives,
                           const std::string& path) {
  std::vector<Found> found;
  const auto runs = alnum_runs(text);
  listed(text, representatives, found);
  plain_numbers(text, runs, found);
  grouped_numbers(text, runs, found);
  emails(text, found);
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return priority(a.kind) < priority(b.kind);
  });
  // Of overlapping finds the higher priority wins; among equals the earlier and longer.
  std::vector<Found> chosen;
  for (const auto& f : found) {
    bool beaten = false;
    for (auto it = chosen.begin(); it != chosen.end();) {
      const bool overlap = f.begin < it->end && it->begin < f.end;
      if (!overlap) {
        ++it;
      } else if (priority(f.kind) < priority(it->kind)) {
        it = chosen.erase(it);
      } else {
        beaten = true;
        break;
      }
    }
    if (!beaten) chosen.push_back(f);
  }
  std::sort(chosen.begin(), chosen.end(), [](const Found& a, const Found& b) { return a.begin < b.begin; });
  std::vector<Hit> hits;
  for (const auto& f : chosen) {
    const auto s = text.substr(f.begin, f.end - f.begin);
    hits.push_back(Hit{f.kind, path, f.begin, std::string(s), mask_for(f.kind, s)});
  }
  return hits;
}

std::vector<Hit> scan_notice(const Json& notice, const std::vector<Representative>& representatives) {
  std::vector<Hit> hits;
  walk(notice, "$", [&](const std::string& path, const std::string& value) {
    auto found = scan_text(value, representatives, path);
    hits.insert(hits.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  });
  return hits;
}

Result<Json> apply_review(const Json& notice, const std::vector<Representative>& representatives,
                          const std::vector<ReviewedHit>& review) {
  const auto hits = scan_notice(notice, representatives);
  std::string problems;
  const auto problem = [&](const std::string& p) { problems += (problems.empty() ? "" : "\n") + p; };
  std::map<std::string, std::vector<const Hit*>> to_mask;  // path -> hits, in offset order
  for (const auto& h : hits) {
    const auto it =
        std::find_if(review.begin(), review.end(), [&](const ReviewedHit& r) { return same_hit(r.hit, h); });
    if (it == review.end()) {
      problem(place(h) + ": no decision (mask it, or keep it with a reason)");
    } else if (it->decision.action == ReviewAction::keep && it->decision.reason.empty()) {
      problem(place(h) + ": kept without a reason");
    } else if (it->decision.action == ReviewAction::mask) {
      to_mask[h.path].push_back(&h);
    }
  }
  for (const auto& r : review) {
    const bool current = std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return same_hit(r.hit, h); });
    if (!current) problem(place(r.hit) + ": decided, but the scan no longer finds it (the text changed: review again)");
  }
  if (!problems.empty()) return fail(ErrorCode::conflict, problems);
  Json out = notice;
  walk_mut(out, "$", [&](const std::string& path, std::string& value) {
    const auto it = to_mask.find(path);
    if (it == to_mask.end()) return;
    for (auto h = it->second.rbegin(); h != it->second.rend(); ++h)
      value.replace((*h)->offset, (*h)->found.size(), (*h)->mask);
  });
  if (out.contains("proposal") && out["proposal"].is_object()) out["proposal"].erase("representatives");
  return out;
}

}  // namespace hall::notices
