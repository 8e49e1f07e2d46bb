# SPDX-License-Identifier: Apache-2.0
# The board's voice and the kiosk's 朗读 (services/speech): what a call says and what of a guide is
# read, the queue of calls to speak, the chime, the Synthesizer and Speaker ports, and the
# Announcer's and GuideReader's threads. No espeak-ng, no ALSA: platform/audio implements the ports.
target_sources(hall_services PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/speech_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/guide_reading.cpp
  ${CMAKE_CURRENT_LIST_DIR}/speech_queue.cpp
  ${CMAKE_CURRENT_LIST_DIR}/chime.cpp
  ${CMAKE_CURRENT_LIST_DIR}/announcer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/guide_reader.cpp)
