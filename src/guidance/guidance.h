// The guidance pages (issue 11, point 7; decision 0033): the operators' shared knowledge about
// each vulnerability category (what to look for, how to ask, where to refer in Palermo, the
// special guarantees), one page per category and language, written by the Prefettura's staff.
// Every edit is a new version (who, when, a change note) and names the version it was based on,
// so that two editors never overwrite each other silently. Model, rules and storage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/field_error.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"

namespace innet::guidance {

// The app's six languages, Italian first: Italian is the page shown when a language has no text.
const std::vector<std::string>& languages();
inline constexpr const char* kFallbackLanguage = "it";

// The sections of a page, in the order a reader meets them. All but `sources` are required.
const std::vector<std::string>& section_names();
inline constexpr std::size_t kSectionMaxLength = 4000;    // characters
inline constexpr std::size_t kChangeNoteMaxLength = 300;  // characters

struct Sections {
  std::string look_for;        // indicators, as in the IPSN's groups
  std::string how_to_ask;      // how to approach the person
  std::string where_to_refer;  // services in Palermo
  std::string guarantees;      // special guarantees and rights
  std::string sources;         // may be empty
};
// The section named by one of section_names().
const std::string& section(const Sections& s, const std::string& name);
std::string& section(Sections& s, const std::string& name);

// One version of one page: the current version is the highest of its category and language.
struct Version {
  std::string category;
  std::string language;
  std::int64_t version = 0;  // 1, 2, ... per category and language
  Sections sections;
  std::string change_note;
  std::int64_t edited_by = 0;
  std::string edited_at;
};

// What an editor sends: the text, and the version it started from (0: the language had none).
struct Edit {
  std::string category;
  std::string language;
  std::int64_t based_on = 0;
  Sections sections;
  std::string change_note;
  std::int64_t edited_by = 0;
};

// The refusals only guidance makes (core/field_error.h keeps the shared ones).
struct GuidanceErrors {
  // Someone saved version `current` since the editor's `based_on`: reload, merge, save again.
  static FieldError stale_version(std::int64_t current);
  // A link that is neither https:// nor a path of the app: the text is refused, not rewritten.
  static FieldError unsafe_link(std::string target);
};

// The formatting a section may use, checked here and rendered by the web app without HTML:
// paragraphs separated by a blank line, lines starting "- " as bullet lists, and links written
// [label](target) whose target is an https:// URL or an absolute path of the app ("/cases").
// Anything else (angle brackets included) is plain text. The first link target that is neither,
// if any.
std::optional<std::string> unsafe_link_in(const std::string& text);
bool is_safe_link_target(const std::string& target);

bool is_category(const std::string& category);  // one of cases::vulnerability_categories()
bool is_language(const std::string& language);

// Stores the edit as the next version after checking it: 422 for an empty required section or an
// unsafe link (naming the section), 409 stale_version (field `based_on`) when the page's current
// version is not `based_on`, also when another edit commits first meanwhile.
Result<Version> save_edit(db::Connection& conn, const Edit& edit, const std::string& now);
// The page's current version in that language, if it has any.
Result<std::optional<Version>> current_version(db::Connection& conn, const std::string& category,
                                               const std::string& language);
// What a reader of that language gets: its current version, or the Italian one while the
// language has none (the version's `language` says which); nothing when neither has text.
Result<std::optional<Version>> shown_version(db::Connection& conn, const std::string& category,
                                             const std::string& language);
// Every version of the page in that language, newest first.
Result<std::vector<Version>> versions(db::Connection& conn, const std::string& category,
                                      const std::string& language);
// The current version of every page that has one (sections left empty): the list's figures.
Result<std::vector<Version>> current_versions(db::Connection& conn);

std::vector<db::Migration> migrations(db::Engine engine);

}  // namespace innet::guidance
