# Pinyin readings for search. A host tool turns Debian's pinyin-database (58 MB of SQLite) into
# constant tables at build time, so the kiosk ships neither the database nor queries it at run time.
set(HALL_PINYIN_DB "/usr/share/pinyin-database/main.db" CACHE FILEPATH
    "Debian's pinyin-database, read at build time (apt-get install pinyin-database)")

add_executable(pinyin_table_gen ${CMAKE_CURRENT_SOURCE_DIR}/search/tools/pinyin_table_gen.cpp
                                ${CMAKE_CURRENT_SOURCE_DIR}/common/utf8.cpp)
target_include_directories(pinyin_table_gen PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(pinyin_table_gen PRIVATE PkgConfig::SQLITE3 hall_warnings)

set(pinyin_table_dir ${CMAKE_CURRENT_BINARY_DIR}/search)
set(pinyin_table_h ${pinyin_table_dir}/pinyin_table.h)
set(pinyin_table_cpp ${pinyin_table_dir}/pinyin_table.cpp)

# Depend on the database only when it is there: a missing one then reaches the generator, whose
# error says what to install, instead of make's "No rule to make target".
if(EXISTS ${HALL_PINYIN_DB})
  set(pinyin_db_dependency ${HALL_PINYIN_DB})
else()
  message(WARNING "${HALL_PINYIN_DB} not found: install Debian's pinyin-database, or the build will fail")
endif()

add_custom_command(
  OUTPUT ${pinyin_table_h} ${pinyin_table_cpp}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${pinyin_table_dir}
  COMMAND pinyin_table_gen ${HALL_PINYIN_DB} ${pinyin_table_h} ${pinyin_table_cpp}
  DEPENDS pinyin_table_gen ${pinyin_db_dependency}
  COMMENT "Generating pinyin tables from ${HALL_PINYIN_DB}"
  VERBATIM)

target_sources(hall_services PRIVATE ${pinyin_table_h} ${pinyin_table_cpp}
                                     ${CMAKE_CURRENT_SOURCE_DIR}/search/pinyin.cpp)
# search/pinyin.cpp includes the generated "search/pinyin_table.h".
target_include_directories(hall_services PRIVATE ${CMAKE_CURRENT_BINARY_DIR})
