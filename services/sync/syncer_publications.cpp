// SPDX-License-Identifier: Apache-2.0
// The 政务公开 half of a sync: the notices and the working-day calendar the manifest names, each
// checked against the signed manifest before it is parsed, applied in the guides' one transaction.
#include <nlohmann/json.hpp>

#include "notices/calendar_file.h"
#include "notices/calendar_store.h"
#include "notices/notice_file.h"
#include "notices/notice_store.h"
#include "sync/syncer.h"

namespace hall::sync {

SyncResult<notices::Notice> Syncer::fetch_notice(const NoticeEntry& e, SyncReport& report) {
  const std::string name = "objects/" + e.hash + ".json (notice " + e.id + ")";
  auto object = fetch("objects/" + e.hash + ".json", e.length, options_.object_timeout, {}, report);
  if (!object) return std::unexpected(object.error());
  if (object->status != 200) return refuse(Refusal::http_status, name + ": HTTP " + std::to_string(object->status));
  ++report.objects_fetched;
  if (auto v = verify_document({e.hash, e.length}, object->body, name); !v) return std::unexpected(v.error());
  auto file = notices::parse_notice_file(object->body, notices::Destination::published);
  if (!file) return refuse(Refusal::invalid_notice, name + ": " + file.error().message);
  if (file->notices.size() != 1) return refuse(Refusal::invalid_notice, name + ": expected one notice");
  auto& n = file->notices.front();
  if (n.id != e.id || n.version != e.version) {
    return refuse(Refusal::guide_mismatch, name + ": holds notice " + n.id + " version " + std::to_string(n.version) +
                                               ", the index names version " + std::to_string(e.version));
  }
  return std::move(n);
}

SyncResult<Syncer::Publications> Syncer::fetch_publications(const Manifest& m,
                                                            const std::optional<std::string>& held_index,
                                                            std::map<std::string, std::string>& bins,
                                                            SyncReport& report) {
  Publications out;
  if (m.notices) {
    out.notices_named = true;
    const std::string file = "bins/" + m.notices->hash + ".json";
    const std::string name = file + " (notice index)";
    std::string index;
    if (held_index) {
      index = *held_index;
    } else {
      auto got = fetch(file, m.notices->length, options_.object_timeout, {}, report);
      if (!got) return std::unexpected(got.error());
      if (got->status != 200) return refuse(Refusal::http_status, name + ": HTTP " + std::to_string(got->status));
      ++report.bins_fetched;
      if (auto v = verify_document(*m.notices, got->body, name); !v) return std::unexpected(v.error());
      index = std::move(got->body);
    }
    auto entries = parse_notice_index(index, name);
    if (!entries) return std::unexpected(entries.error());
    auto have = notices::stored_notice_versions(store_->database());
    if (!have) return refuse(Refusal::storage, have.error());
    std::vector<const NoticeEntry*> missing;
    std::uint64_t missing_bytes = 0;
    for (const auto& e : *entries) {
      out.notices_wanted.emplace(e.id, e.version);
      if (!have->contains({e.id, e.version})) {
        missing.push_back(&e);
        missing_bytes += e.length;
      }
    }
    const std::chrono::seconds extra{missing_bytes / std::max<std::size_t>(options_.deadline_rate, 1)};
    budget_ += extra;
    deadline_ += extra;
    std::vector<std::optional<notices::Notice>> slots(missing.size());
    auto fetched = for_each_fetch(
        missing.size(),
        [&](std::size_t i, SyncReport& r) -> SyncResult<void> {
          auto one = fetch_notice(*missing[i], r);
          if (!one) return std::unexpected(one.error());
          slots[i] = std::move(*one);
          return {};
        },
        report);
    if (!fetched) return std::unexpected(fetched.error());
    for (auto& s : slots) out.notices_fresh.push_back(std::move(*s));
    bins.emplace(m.notices->hash, std::move(index));  // trusted with the manifest that names it
  }
  if (m.workdays) {
    auto stored = notices::CalendarStore::stored_hash(store_->database());
    if (!stored) return refuse(Refusal::storage, stored.error());
    if (*stored != m.workdays->hash) {
      const std::string file = "objects/" + m.workdays->hash + ".json";
      const std::string name = file + " (working-day calendar)";
      auto got = fetch(file, m.workdays->length, options_.object_timeout, {}, report);
      if (!got) return std::unexpected(got.error());
      if (got->status != 200) return refuse(Refusal::http_status, name + ": HTTP " + std::to_string(got->status));
      ++report.objects_fetched;
      if (auto v = verify_document(*m.workdays, got->body, name); !v) return std::unexpected(v.error());
      if (auto c = notices::parse_calendar_file(got->body); !c) {
        return refuse(Refusal::invalid_notice, name + ": " + c.error().message);
      }
      out.workdays = std::move(got->body);
    }
  }
  return out;
}

Result<void> Syncer::apply_publications(storage::Database& db, const Publications& p, SyncReport& report) {
  if (p.notices_named) {
    auto counts = notices::replace_notices(db, p.notices_wanted, p.notices_fresh, clock_->now());
    if (!counts) return std::unexpected(counts.error());
    report.notices_inserted = counts->first;
    report.notices_removed = counts->second;
  }
  if (p.workdays) {
    if (auto r = notices::CalendarStore::write(db, *p.workdays, clock_->now()); !r) return r;
    report.workdays_updated = true;
  }
  return {};
}

}  // namespace hall::sync
