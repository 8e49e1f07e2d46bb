// SPDX-License-Identifier: Apache-2.0
#pragma once
// One GLFW window with an OpenGL 3.3 core context and the Dear ImGui GLFW + OpenGL3 backends on
// it. The host owns one of these on the UI thread; nothing else touches GLFW, GL or ImGui's IO.
//
// Touch: X11 delivers a finger as pointer events, so a tap is a pointer press and release. After
// a release the pointer is parked off-screen until it moves again, or the last touched item would
// stay highlighted for the next visitor.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"

struct GLFWwindow;

namespace hall::platform {

struct WindowSpec {
  std::string title = "hallkiosk";
  bool full_screen = true;  // on the primary monitor, at its current mode
  int width = 0;            // windowed size when not full screen
  int height = 0;
  bool hide_cursor = true;  // full screen only: a touch kiosk shows no arrow
};

struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgb;  // rows top to bottom, 3 bytes a pixel
};

class GuiWindow {
 public:
  // Creates the window, the context, an ImGui context and both backends. ErrorCode::unavailable
  // when no display can be opened (DISPLAY unset, no X server, no GL): the message says why.
  static Result<std::unique_ptr<GuiWindow>> open(const WindowSpec& spec);
  ~GuiWindow();
  GuiWindow(const GuiWindow&) = delete;
  GuiWindow& operator=(const GuiWindow&) = delete;

  bool close_requested() const;
  // Handles pending events without waiting. True when any input or a redraw request came in.
  bool poll_events();
  // Sleeps until an event arrives, wake() is called or `timeout` passes (none: no limit), then
  // handles events as poll_events().
  bool wait_events(std::optional<std::chrono::duration<double>> timeout);
  // Ends a wait_events() now. Any thread may call it (a worker that posted a result).
  static void wake();

  // The backends' part of a frame, before ImGui::NewFrame().
  void begin_frame();
  // After ImGui::Render(): clears and draws ImGui's draw data into the back buffer.
  void render_draw_data();
  // The back buffer as drawn so far (call after render_draw_data(), before present()).
  RgbImage read_back_buffer() const;
  void present();

  // Re-creates the font texture from ImGui's atlas after the atlas was rebuilt: one channel of
  // coverage (a quarter of the backend's RGBA texture: 4 MB, not 16, for a 2048x2048 atlas).
  void upload_fonts();

  int framebuffer_width() const;
  int framebuffer_height() const;
  std::string gl_renderer() const;

 private:
  struct Input;
  GuiWindow(GLFWwindow* window, std::unique_ptr<Input> input);
  void install_input_callbacks();
  static Input& input_of(GLFWwindow* w);

  GLFWwindow* window_;
  std::unique_ptr<Input> input_;
  unsigned int font_texture_ = 0;  // ours, one channel (upload_fonts); not the backend's RGBA one
};

}  // namespace hall::platform
