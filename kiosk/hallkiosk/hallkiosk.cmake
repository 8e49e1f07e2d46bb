# SPDX-License-Identifier: Apache-2.0
# hallkiosk: every GUI role (kiosk, board) in one host (GLFW + OpenGL3 + Dear ImGui). Included at the
# end of kiosk/CMakeLists.txt; needs hall_app, hall_ui, hall_platform_gui and hall_platform_files.

# The roles' ports to the hub, the printer and the voice (no window of their own): a library, since
# the tests and benchmarks drive the same desks headless and would otherwise compile each again.
add_library(hall_desks STATIC
  ${CMAKE_CURRENT_LIST_DIR}/hub_link.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ticket_desk.cpp
  ${CMAKE_CURRENT_LIST_DIR}/read_aloud_desk.cpp
  ${CMAKE_CURRENT_LIST_DIR}/slip_desk.cpp
  ${CMAKE_CURRENT_LIST_DIR}/hub_events.cpp
  ${CMAKE_CURRENT_LIST_DIR}/board_feed.cpp
  ${CMAKE_CURRENT_LIST_DIR}/counter_desk.cpp
  ${CMAKE_CURRENT_LIST_DIR}/counter_feed.cpp
  ${CMAKE_CURRENT_LIST_DIR}/counter_slips.cpp)
target_include_directories(hall_desks PUBLIC ${CMAKE_CURRENT_LIST_DIR}/..)
target_link_libraries(hall_desks PUBLIC hall_app hall_hub_host hall_ui hall_http hall_audio hall_print hall_cups
                                 PRIVATE hall_warnings)

add_executable(hallkiosk
  ${CMAKE_CURRENT_LIST_DIR}/main.cpp
  ${CMAKE_CURRENT_LIST_DIR}/options.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kiosk_host.cpp
  ${CMAKE_CURRENT_LIST_DIR}/host.cpp
  ${CMAKE_CURRENT_LIST_DIR}/stop_signals.cpp
  ${CMAKE_CURRENT_LIST_DIR}/timings.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kiosk_role.cpp
  ${CMAKE_CURRENT_LIST_DIR}/role_setup.cpp
  ${CMAKE_CURRENT_LIST_DIR}/catalogue_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/glyph_check.cpp
  ${CMAKE_CURRENT_LIST_DIR}/board_role.cpp
  ${CMAKE_CURRENT_LIST_DIR}/counter_role.cpp)
target_include_directories(hallkiosk PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
target_link_libraries(hallkiosk PRIVATE hall_desks hall_platform_gui hall_platform_files hall_warnings)
