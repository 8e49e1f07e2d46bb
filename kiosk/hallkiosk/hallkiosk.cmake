# hallkiosk: the visitor kiosk (GLFW + OpenGL3 + Dear ImGui). Included at the end of
# kiosk/CMakeLists.txt; needs hall_app, hall_ui and hall_platform_gui.
add_executable(hallkiosk
  ${CMAKE_CURRENT_LIST_DIR}/main.cpp
  ${CMAKE_CURRENT_LIST_DIR}/options.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kiosk_host.cpp
  ${CMAKE_CURRENT_LIST_DIR}/catalogue_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/glyph_check.cpp)
target_include_directories(hallkiosk PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
target_link_libraries(hallkiosk PRIVATE hall_app hall_ui hall_platform_gui hall_warnings)
