// SPDX-License-Identifier: Apache-2.0
#include "gui/png_image.h"

#include <png.h>

#include <cstdio>
#include <memory>

namespace hall::platform {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// libpng reports errors by longjmp; we turn them into a message and return through setjmp.
struct PngErrors {
  std::string message;
};

void on_png_error(png_structp png, png_const_charp text) {
  static_cast<PngErrors*>(png_get_error_ptr(png))->message = text ? text : "libpng error";
  png_longjmp(png, 1);
}

void on_png_warning(png_structp, png_const_charp) {}

}  // namespace

Result<void> write_png(const std::string& path, const RgbImage& image) {
  if (image.width <= 0 || image.height <= 0 ||
      image.rgb.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 3) {
    return fail(ErrorCode::invalid_input, path + ": the image to write has no pixels or the wrong size");
  }
  File file(std::fopen(path.c_str(), "wb"));
  if (!file) return fail(ErrorCode::io, path + ": cannot open for writing");
  PngErrors errors;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &errors, on_png_error, on_png_warning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (info == nullptr) {
    png_destroy_write_struct(&png, nullptr);
    return fail(ErrorCode::io, path + ": libpng could not start");
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return fail(ErrorCode::io, path + ": " + errors.message);
  }
  png_init_io(png, file.get());
  png_set_compression_level(png, 3);  // screenshots are written in tests: fast over small
  png_set_IHDR(png, info, static_cast<png_uint_32>(image.width), static_cast<png_uint_32>(image.height), 8,
               PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  const std::size_t row = static_cast<std::size_t>(image.width) * 3;
  for (int y = 0; y < image.height; ++y) {
    png_write_row(png, &image.rgb[static_cast<std::size_t>(y) * row]);
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  if (std::fflush(file.get()) != 0) return fail(ErrorCode::io, path + ": cannot write (disk full?)");
  return {};
}

Result<RgbImage> read_png(const std::string& path) {
  File file(std::fopen(path.c_str(), "rb"));
  if (!file) return fail(ErrorCode::not_found, path + ": cannot open");
  unsigned char signature[8] = {};
  if (std::fread(signature, 1, sizeof signature, file.get()) != sizeof signature || png_sig_cmp(signature, 0, 8)) {
    return fail(ErrorCode::corrupt, path + ": not a PNG file");
  }
  PngErrors errors;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &errors, on_png_error, on_png_warning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (info == nullptr) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    return fail(ErrorCode::io, path + ": libpng could not start");
  }
  RgbImage image;
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    return fail(ErrorCode::corrupt, path + ": " + errors.message);
  }
  png_init_io(png, file.get());
  png_set_sig_bytes(png, 8);
  png_read_info(png, info);
  png_set_expand(png);  // palette and low-bit grey to 8 bits
  png_set_strip_16(png);
  png_set_strip_alpha(png);
  png_set_gray_to_rgb(png);
  png_read_update_info(png, info);
  image.width = static_cast<int>(png_get_image_width(png, info));
  image.height = static_cast<int>(png_get_image_height(png, info));
  const std::size_t row = png_get_rowbytes(png, info);
  if (row != static_cast<std::size_t>(image.width) * 3) {
    png_destroy_read_struct(&png, &info, nullptr);
    return fail(ErrorCode::corrupt, path + ": unexpected pixel layout");
  }
  image.rgb.resize(row * static_cast<std::size_t>(image.height));
  for (int y = 0; y < image.height; ++y) png_read_row(png, &image.rgb[static_cast<std::size_t>(y) * row], nullptr);
  png_read_end(png, nullptr);
  png_destroy_read_struct(&png, &info, nullptr);
  return image;
}

}  // namespace hall::platform
