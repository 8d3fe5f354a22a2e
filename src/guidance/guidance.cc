#include "guidance/guidance.h"

#include <algorithm>

#include "cases/cases.h"

namespace innet::guidance {

const std::vector<std::string>& languages() {
  static const std::vector<std::string> all = {"it", "en", "fr", "ar", "uk", "bn"};
  return all;
}

const std::vector<std::string>& section_names() {
  static const std::vector<std::string> all = {"look_for", "how_to_ask", "where_to_refer",
                                               "guarantees", "sources"};
  return all;
}

namespace {

// The members in the order of section_names(): one table serves both accessors.
constexpr std::string Sections::*kMembers[] = {&Sections::look_for, &Sections::how_to_ask,
                                               &Sections::where_to_refer, &Sections::guarantees,
                                               &Sections::sources};

std::size_t section_index(const std::string& name) {
  const auto& names = section_names();
  const auto at = std::find(names.begin(), names.end(), name);
  if (at == names.end()) throw std::out_of_range("no guidance section " + name);
  return static_cast<std::size_t>(at - names.begin());
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

const std::string& section(const Sections& s, const std::string& name) {
  return s.*kMembers[section_index(name)];
}

std::string& section(Sections& s, const std::string& name) {
  return s.*kMembers[section_index(name)];
}

FieldError GuidanceErrors::stale_version(std::int64_t current) {
  return {"stale_version",
          {{"current", current}},
          "the page was changed meanwhile (now version " + std::to_string(current) +
              "): start again from the current text"};
}

FieldError GuidanceErrors::unsafe_link(std::string target) {
  std::string message = "a link goes to an https:// address or a path of the app, not to " + target;
  return {"unsafe_link", {{"target", std::move(target)}}, std::move(message)};
}

bool is_safe_link_target(const std::string& target) {
  if (target.empty() || target.size() > 2000) return false;
  // No white space, quotes, angle brackets or backslashes in a target: none is needed by an
  // address, and each has been used to break out of an attribute or to confuse a URL parser.
  for (unsigned char c : target)
    if (c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == 0x7f)
      return false;
  if (target.rfind("https://", 0) == 0) return target.size() > 8;
  // An absolute path of the app, never "//host" (a protocol-relative address to anywhere).
  return target[0] == '/' && (target.size() == 1 || target[1] != '/');
}

std::optional<std::string> unsafe_link_in(const std::string& text) {
  // The renderer's rule, shared: "[label](target)" on one line, target up to the first ')'.
  std::size_t from = 0;
  while (true) {
    const auto mid = text.find("](", from);
    if (mid == std::string::npos) return std::nullopt;
    const auto open = text.rfind('[', mid);
    const auto line_start = text.rfind('\n', mid);
    const bool labelled =
        open != std::string::npos && (line_start == std::string::npos || open > line_start);
    const auto close = text.find(')', mid + 2);
    const auto line_end = text.find('\n', mid + 2);
    if (labelled && close != std::string::npos &&
        (line_end == std::string::npos || close < line_end)) {
      std::string target = text.substr(mid + 2, close - mid - 2);
      if (!is_safe_link_target(target)) return target;
    }
    from = mid + 2;
  }
}

bool is_category(const std::string& category) {
  return contains(cases::vulnerability_categories(), category);
}

bool is_language(const std::string& language) {
  return contains(languages(), language);
}

namespace {

constexpr const char* kColumns =
    "category, language, version, look_for, how_to_ask, where_to_refer, guarantees, sources, "
    "change_note, edited_by, edited_at";

Version version_from(const db::Row& r) {
  return {.category = r.text(0),
          .language = r.text(1),
          .version = r.integer(2),
          .sections = {r.text(3), r.text(4), r.text(5), r.text(6), r.text(7)},
          .change_note = r.text(8),
          .edited_by = r.integer(9),
          .edited_at = r.text(10)};
}

Error refused(const std::string& field, FieldError reason) {
  return Error::field(ErrorKind::unprocessable, field, std::move(reason));
}

Error stale(std::int64_t current) {
  return Error::rule(ErrorKind::conflict, "stale_version", "based_on",
                     GuidanceErrors::stale_version(current));
}

Status check_edit(const Edit& e) {
  for (const auto& name : section_names()) {
    const auto& text = section(e.sections, name);
    if (text.empty() && name != "sources") return refused(name, FieldError::required());
    if (auto target = unsafe_link_in(text))
      return refused(name, GuidanceErrors::unsafe_link(std::move(*target)));
  }
  if (e.change_note.empty()) return refused("change_note", FieldError::required());
  return Status::success();
}

}  // namespace

Result<Version> save_edit(db::Connection& conn, const Edit& e, const std::string& now) {
  if (!is_category(e.category)) return Error::not_found("guidance category");
  if (!is_language(e.language)) return Error::not_found("guidance language");
  INNET_TRY(check_edit(e));
  INNET_ASSIGN_OR_RETURN(auto current, current_version(conn, e.category, e.language));
  const std::int64_t latest = current ? current->version : 0;
  if (latest != e.based_on) return stale(latest);
  const auto& s = e.sections;
  // Two editors based on the same version both reach this insert; the unique key on (category,
  // language, version) lets the first commit and refuses the second, as stale.
  auto inserted = conn.execute(
      "INSERT INTO guidance_versions (category, language, version, look_for, how_to_ask, "
      "where_to_refer, guarantees, sources, change_note, edited_by, edited_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {e.category, e.language, latest + 1, s.look_for, s.how_to_ask, s.where_to_refer, s.guarantees,
       s.sources, e.change_note, e.edited_by, now});
  if (!inserted.ok()) {
    if (inserted.error().code == "unique_violation") return stale(latest + 1);
    return inserted.take_error();
  }
  return Version{.category = e.category,
                 .language = e.language,
                 .version = latest + 1,
                 .sections = s,
                 .change_note = e.change_note,
                 .edited_by = e.edited_by,
                 .edited_at = now};
}

Result<std::optional<Version>> current_version(db::Connection& conn, const std::string& category,
                                               const std::string& language) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string("SELECT ") + kColumns +
                                                   " FROM guidance_versions WHERE category = ? "
                                                   "AND language = ? ORDER BY version DESC LIMIT 1",
                                               {category, language}));
  if (rows.empty()) return std::optional<Version>();
  return std::optional<Version>(version_from(rows[0]));
}

Result<std::optional<Version>> shown_version(db::Connection& conn, const std::string& category,
                                             const std::string& language) {
  INNET_ASSIGN_OR_RETURN(auto own, current_version(conn, category, language));
  if (own || language == kFallbackLanguage) return own;
  return current_version(conn, category, kFallbackLanguage);
}

Result<std::vector<Version>> versions(db::Connection& conn, const std::string& category,
                                      const std::string& language) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string("SELECT ") + kColumns +
                                                   " FROM guidance_versions WHERE category = ? "
                                                   "AND language = ? ORDER BY version DESC",
                                               {category, language}));
  std::vector<Version> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(version_from(r));
  return out;
}

Result<std::vector<Version>> current_versions(db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT category, language, version, change_note, edited_by, edited_at "
                 "FROM guidance_versions g WHERE version = (SELECT MAX(version) FROM "
                 "guidance_versions h WHERE h.category = g.category AND h.language = g.language) "
                 "ORDER BY category, language",
                 {}));
  std::vector<Version> out;
  out.reserve(rows.size());
  for (const auto& r : rows)
    out.push_back({.category = r.text(0),
                   .language = r.text(1),
                   .version = r.integer(2),
                   .change_note = r.text(3),
                   .edited_by = r.integer(4),
                   .edited_at = r.text(5)});
  return out;
}

std::vector<db::Migration> migrations(db::Engine) {
  // One row per version: the current page is the highest version of its category and language,
  // so that an edit never rewrites what was published before it. Categories and languages are
  // checked by the model (cases' vocabulary may grow without a migration here).
  return {{1, "guidance: versions of the guidance pages", R"sql(
CREATE TABLE guidance_versions (
  id {{pk}},
  category TEXT NOT NULL,
  language TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  look_for TEXT NOT NULL,
  how_to_ask TEXT NOT NULL,
  where_to_refer TEXT NOT NULL,
  guarantees TEXT NOT NULL,
  sources TEXT NOT NULL,
  change_note TEXT NOT NULL,
  edited_by BIGINT NOT NULL REFERENCES users (id),
  edited_at TEXT NOT NULL,
  UNIQUE (category, language, version)
);
)sql"}};
}

}  // namespace innet::guidance
