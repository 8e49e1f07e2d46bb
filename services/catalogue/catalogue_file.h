// SPDX-License-Identifier: Apache-2.0
#pragma once
// The file an administrator hands over: a catalogue ("hallkiosk.catalogue/1") or one guide
// ("hallkiosk.guide/1"). Untrusted bytes in, either every guide valid or every problem listed.
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/guide.h"
#include "common/error.h"

namespace hall::catalogue {

struct CatalogueFile {
  std::vector<Guide> guides;
};

// On failure the Error's message holds one problem per line, each naming the guide and JSON path.
Result<CatalogueFile> parse_catalogue(std::string_view bytes);

// Reads and parses a file; a file over the size limit is refused before it is read whole.
Result<CatalogueFile> load_catalogue_file(const std::string& path);

// Reports nesting deeper than max_nesting without building anything (protects the parser's stack).
bool nesting_exceeds(std::string_view json_bytes, int max_depth);

}  // namespace hall::catalogue
