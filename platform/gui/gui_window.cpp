// SPDX-License-Identifier: Apache-2.0
#include "gui/gui_window.h"

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <dlfcn.h>
#include <link.h>

#include <algorithm>
#include <cfloat>
#include <cstdint>
#include <cstring>

#include "backends/imgui_impl_glfw.h"
#include "backends/imgui_impl_opengl3.h"
#include "imgui.h"

namespace {
// GL 3.3 core names that <GL/gl.h> (GL 1.3) does not declare.
constexpr GLenum texture_swizzle_rgba = 0x8E46;  // GL_TEXTURE_SWIZZLE_RGBA
constexpr GLint texture_r8 = 0x8229;             // GL_R8
}  // namespace

namespace hall::platform {
namespace {

// GLFW reports errors through a callback; the last one becomes part of the message we return.
std::string& last_glfw_error() {
  static std::string text;
  return text;
}

void record_glfw_error(int code, const char* description) {
  last_glfw_error() =
      std::string(description ? description : "unknown error") + " (GLFW error " + std::to_string(code) + ")";
}

Error no_display(const std::string& what) {
  std::string message = what;
  if (!last_glfw_error().empty()) message += ": " + last_glfw_error();
  return Error{ErrorCode::unavailable, message};
}

#if defined(__SANITIZE_ADDRESS__)
// glfwTerminate() unloads the GL vendor library and Mesa's driver, and LeakSanitizer, which reports
// at exit, can then no longer name them: their one-off allocations show up as leaks in an
// "unknown module" that tests/lsan.supp cannot match. Sanitizer builds keep them loaded (glibc's
// RTLD_NOLOAD | RTLD_NODELETE on an object already loaded), so the suppressions can name them.
void keep_gl_drivers_loaded() {
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void*) {
        const std::string name = info->dlpi_name ? info->dlpi_name : "";
        const bool gl = name.find("/dri/") != std::string::npos || name.find("libGLX_mesa") != std::string::npos ||
                        name.find("libgallium") != std::string::npos || name.find("libLLVM") != std::string::npos;
        if (gl) dlopen(name.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
        return 0;
      },
      nullptr);
}
#else
void keep_gl_drivers_loaded() {}
#endif

}  // namespace

// What the input callbacks learnt since the host last asked, and the touch pointer's state.
struct GuiWindow::Input {
  bool event = false;     // any input or redraw request since the last poll/wait
  bool moved = false;     // the pointer moved since it was parked
  bool parked = false;    // after a release: keep the pointer off-screen until it moves
  bool was_down = false;  // a button was down in the previous frame
  GLFWcursorposfun prev_cursor_pos = nullptr;
  GLFWmousebuttonfun prev_mouse_button = nullptr;
  GLFWscrollfun prev_scroll = nullptr;
  GLFWkeyfun prev_key = nullptr;
  GLFWcharfun prev_char = nullptr;
  GLFWwindowfocusfun prev_focus = nullptr;
  GLFWcursorenterfun prev_enter = nullptr;
  GLFWwindowrefreshfun prev_refresh = nullptr;
  GLFWframebuffersizefun prev_size = nullptr;
};

Result<std::unique_ptr<GuiWindow>> GuiWindow::open(const WindowSpec& spec) {
  glfwSetErrorCallback(record_glfw_error);
  last_glfw_error().clear();
  if (!glfwInit()) return std::unexpected(no_display("cannot open the display"));

  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_DOUBLEBUFFER, GLFW_TRUE);

  GLFWmonitor* monitor = nullptr;
  int width = spec.width, height = spec.height;
  if (spec.full_screen) {
    monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (mode == nullptr) {
      glfwTerminate();
      return std::unexpected(no_display("the display has no monitor to go full screen on"));
    }
    width = mode->width;
    height = mode->height;
  } else {
    glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
  }
  GLFWwindow* window = glfwCreateWindow(width, height, spec.title.c_str(), monitor, nullptr);
  if (window == nullptr) {
    glfwTerminate();
    return std::unexpected(no_display("cannot create a " + std::to_string(width) + "x" + std::to_string(height) +
                                      " window with an OpenGL 3.3 context"));
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  if (spec.full_screen && spec.hide_cursor) glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
  io.LogFilename = nullptr;
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330");
  // Now, not lazily in the first frame: a later upload_fonts() then replaces this texture
  // instead of the first frame creating a second one.
  ImGui_ImplOpenGL3_CreateDeviceObjects();

  std::unique_ptr<GuiWindow> gui(new GuiWindow(window, std::make_unique<Input>()));
  gui->install_input_callbacks();
  return gui;
}

GuiWindow::GuiWindow(GLFWwindow* window, std::unique_ptr<Input> input) : window_(window), input_(std::move(input)) {}

GuiWindow::~GuiWindow() {
  if (font_texture_ != 0) glDeleteTextures(1, &font_texture_);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  keep_gl_drivers_loaded();
  glfwTerminate();
}

GuiWindow::Input& GuiWindow::input_of(GLFWwindow* w) {
  return *static_cast<Input*>(glfwGetWindowUserPointer(w));
}

// Ours go in after ImGui's backend installed its own, and call whatever was there before.
void GuiWindow::install_input_callbacks() {
  glfwSetWindowUserPointer(window_, input_.get());
  Input& in = *input_;
  in.prev_cursor_pos = glfwSetCursorPosCallback(window_, [](GLFWwindow* w, double x, double y) {
    Input& i = input_of(w);
    i.event = i.moved = true;
    if (i.prev_cursor_pos) i.prev_cursor_pos(w, x, y);
  });
  in.prev_mouse_button = glfwSetMouseButtonCallback(window_, [](GLFWwindow* w, int button, int action, int mods) {
    Input& i = input_of(w);
    i.event = true;
    if (i.prev_mouse_button) i.prev_mouse_button(w, button, action, mods);
  });
  in.prev_scroll = glfwSetScrollCallback(window_, [](GLFWwindow* w, double dx, double dy) {
    Input& i = input_of(w);
    i.event = i.moved = true;
    if (i.prev_scroll) i.prev_scroll(w, dx, dy);
  });
  in.prev_key = glfwSetKeyCallback(window_, [](GLFWwindow* w, int key, int scancode, int action, int mods) {
    Input& i = input_of(w);
    i.event = true;
    if (i.prev_key) i.prev_key(w, key, scancode, action, mods);
  });
  in.prev_char = glfwSetCharCallback(window_, [](GLFWwindow* w, unsigned int c) {
    Input& i = input_of(w);
    i.event = true;
    if (i.prev_char) i.prev_char(w, c);
  });
  in.prev_focus = glfwSetWindowFocusCallback(window_, [](GLFWwindow* w, int focused) {
    Input& i = input_of(w);
    i.event = true;
    if (i.prev_focus) i.prev_focus(w, focused);
  });
  in.prev_enter = glfwSetCursorEnterCallback(window_, [](GLFWwindow* w, int entered) {
    Input& i = input_of(w);
    i.event = true;
    if (i.prev_enter) i.prev_enter(w, entered);
  });
  in.prev_refresh = glfwSetWindowRefreshCallback(window_, [](GLFWwindow* w) {
    Input& i = input_of(w);
    i.event = true;
    if (i.prev_refresh) i.prev_refresh(w);
  });
  in.prev_size = glfwSetFramebufferSizeCallback(window_, [](GLFWwindow* w, int width, int height) {
    Input& i = input_of(w);
    i.event = true;
    if (i.prev_size) i.prev_size(w, width, height);
  });
}

bool GuiWindow::close_requested() const {
  return glfwWindowShouldClose(window_) != 0;
}

bool GuiWindow::poll_events() {
  glfwPollEvents();
  return std::exchange(input_->event, false);
}

bool GuiWindow::wait_events(std::optional<std::chrono::duration<double>> timeout) {
  if (!timeout) {
    glfwWaitEvents();
  } else if (timeout->count() <= 0.0) {
    return poll_events();
  } else {
    glfwWaitEventsTimeout(timeout->count());
  }
  return std::exchange(input_->event, false);
}

void GuiWindow::wake() {
  glfwPostEmptyEvent();
}

void GuiWindow::begin_frame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  const bool down = std::any_of(std::begin(io.MouseDown), std::end(io.MouseDown), [](bool b) { return b; });
  Input& in = *input_;
  if (down) {
    in.parked = false;
  } else if (in.was_down) {
    // The release frame keeps the real position (the button under the finger sees its release);
    // from the next frame on the pointer is parked until it moves again.
    in.parked = true;
    in.moved = false;
  } else if (in.moved) {
    in.parked = false;
  }
  if (in.parked && !in.was_down) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  in.was_down = down;
}

void GuiWindow::render_draw_data() {
  int width = 0, height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  glViewport(0, 0, width, height);
  glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

RgbImage GuiWindow::read_back_buffer() const {
  RgbImage image;
  glfwGetFramebufferSize(window_, &image.width, &image.height);
  const auto w = static_cast<std::size_t>(image.width), h = static_cast<std::size_t>(image.height);
  std::vector<std::uint8_t> bottom_up(w * h * 3);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, image.width, image.height, GL_RGB, GL_UNSIGNED_BYTE, bottom_up.data());
  // GL's rows start at the bottom; PNG's at the top.
  image.rgb.resize(bottom_up.size());
  const std::size_t row = w * 3;
  for (std::size_t y = 0; y < h; ++y) std::memcpy(&image.rgb[y * row], &bottom_up[(h - 1 - y) * row], row);
  return image;
}

void GuiWindow::present() {
  glfwSwapBuffers(window_);
}

void GuiWindow::upload_fonts() {
  // The backend's own texture is RGBA, white with the coverage in alpha: the same picture as one
  // red channel swizzled to (1, 1, 1, r), which the backend's shader samples alike.
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
  GLint bound = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
  if (font_texture_ != 0) glDeleteTextures(1, &font_texture_);
  glGenTextures(1, &font_texture_);
  glBindTexture(GL_TEXTURE_2D, font_texture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
  glTexParameteriv(GL_TEXTURE_2D, texture_swizzle_rgba, swizzle);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, texture_r8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(font_texture_)));
  // The pixels now live on the GPU; the CPU copy can go.
  io.Fonts->ClearTexData();
}

int GuiWindow::framebuffer_width() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  return w;
}

int GuiWindow::framebuffer_height() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  return h;
}

std::string GuiWindow::gl_renderer() const {
  const auto* text = glGetString(GL_RENDERER);
  return text ? reinterpret_cast<const char*>(text) : "unknown";
}

}  // namespace hall::platform
