// SPDX-License-Identifier: Apache-2.0
#pragma once
// The derived pinyin tables kept on this machine, so only the first program that needs them pays
// for reading main.db. The file is named after the database's size and modification time and the
// derivation's version, so an upgraded package or a changed derivation is never read stale.
#include <optional>
#include <string>

#include "search/pinyin_db.h"

namespace hall::search {

// $HALL_PINYIN_CACHE, else $XDG_CACHE_HOME/hallkiosk, else $HOME/.cache/hallkiosk; empty: no cache.
std::string pinyin_cache_dir();
// The cache file for `db_path` as it is now; empty when the database or the folder is missing.
std::string pinyin_cache_file(const std::string& db_path, const std::string& cache_dir);

std::optional<PinyinTables> read_pinyin_cache(const std::string& file);  // nullopt: absent or damaged
// Written beside and renamed into place: readers never see half a file. False when it could not be.
bool write_pinyin_cache(const std::string& file, const PinyinTables& tables);

}  // namespace hall::search
