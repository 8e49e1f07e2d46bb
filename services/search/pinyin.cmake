# SPDX-License-Identifier: Apache-2.0
# Pinyin readings for search. The data is Debian's pinyin-database (GPL-2.0-or-later), read at run
# time from the installed package (search/pinyin_db.h), never compiled into the binaries: only
# import and sync need it, and they read it where it is installed (apt-get install pinyin-database).
target_sources(hall_services PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/search/pinyin.cpp
                                     ${CMAKE_CURRENT_SOURCE_DIR}/search/pinyin_db.cpp
                                     ${CMAKE_CURRENT_SOURCE_DIR}/search/pinyin_cache.cpp)
