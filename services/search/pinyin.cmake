target_sources(hall_services PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/search/pinyin.cpp)
