# SPDX-License-Identifier: Apache-2.0
# The slip model (services/slip): ticket slips and the 一次性告知单 laid out as data, the QR code
# from libqrencode, the Printer port and the print queue. No Cairo, no CUPS: platform/print renders
# and submits.
target_sources(hall_services PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/qr_block.cpp
  ${CMAKE_CURRENT_LIST_DIR}/slip_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/material_lines.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ticket_slip.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_slip.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sample_slips.cpp
  ${CMAKE_CURRENT_LIST_DIR}/printer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/print_queue.cpp)
target_link_libraries(hall_services PUBLIC PkgConfig::QRENCODE)
