// SPDX-License-Identifier: Apache-2.0
#include "catalogue/guide_rows.h"

#include "catalogue/guide_search_terms.h"
#include "search/search_terms.h"

namespace hall::catalogue {

namespace {

constexpr std::string_view material_sql = "INSERT INTO guide_materials VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
constexpr std::string_view term_sql = "INSERT INTO search_terms VALUES (?1, ?2, ?3, ?4, ?5)";

}  // namespace

Result<GuideRowStatements> GuideRowStatements::prepare(storage::Database& db) {
  auto material = db.prepare(material_sql);
  if (!material) return std::unexpected(material.error());
  auto term = db.prepare(term_sql);
  if (!term) return std::unexpected(term.error());
  return GuideRowStatements{std::move(*material), std::move(*term)};
}

Result<void> insert_material_rows(storage::Database& db, const Guide& g) {
  auto material = db.prepare(material_sql);
  if (!material) return std::unexpected(material.error());
  return insert_material_rows(*material, g);
}

Result<void> insert_search_term_rows(storage::Database& db, const Guide& g) {
  auto term = db.prepare(term_sql);
  if (!term) return std::unexpected(term.error());
  return insert_search_term_rows(*term, g, search_terms_for(g));
}

Result<void> insert_material_rows(storage::Statement& material, const Guide& g) {
  for (std::size_t i = 0; i < g.materials.size(); ++i) {
    const auto& m = g.materials[i];
    material.reset();
    material.bind(1, g.id).bind(2, g.version).bind(3, static_cast<int>(i)).bind(4, m.name);
    material.bind(5, to_string(m.necessity)).bind(6, to_string(m.form));
    material.bind(7, m.originals ? std::optional<std::int64_t>(*m.originals) : std::nullopt);
    material.bind(8, m.copies ? std::optional<std::int64_t>(*m.copies) : std::nullopt);
    material.bind(9, to_string(m.source)).bind(10, m.certificate ? 1 : 0);
    if (auto r = material.run(); !r) return r;
  }
  return {};
}

Result<void> insert_search_term_rows(storage::Statement& term, const Guide& g,
                                     const std::vector<search::SearchTerm>& terms) {
  for (std::size_t i = 0; i < terms.size(); ++i) {
    term.reset();
    term.bind(1, g.id).bind(2, g.version).bind(3, static_cast<int>(i));
    term.bind(4, static_cast<int>(terms[i].kind)).bind(5, terms[i].text);
    if (auto r = term.run(); !r) return r;
  }
  return {};
}

}  // namespace hall::catalogue
