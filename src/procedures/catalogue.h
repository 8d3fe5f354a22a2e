// The catalogue of procedures (issue 13; decision 0040): each procedure of the Prefettura and the
// SUI as data an admin edits: its steps with the office responsible, the documents it requires,
// its legal terms as dated rules (terms.h), its fee, legal references, how many suspensions for
// integration it allows, and a plain-language guide in the portal's six languages (stored now,
// published on the portal later). Model, checks and storage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/field_error.h"
#include "core/result.h"
#include "db/database.h"
#include "procedures/terms.h"

namespace innet::procedures {

const std::vector<std::string>& languages();  // it, en, fr, ar, uk, bn

// A name in another language than Italian (migration 6, `procedure_names`). The Italian name is
// the record's own `name`: the law's, required; a translation is optional, and where one is
// missing the Italian stands in (name_in).
struct Translation {
  std::string language;  // one of languages() but "it"
  std::string text;
};

// A text and the language it is in: the one asked, or Italian where no translation exists.
struct LocalText {
  std::string text;
  std::string lang;
};

// The name in `language` (a code of languages()), else the Italian one.
LocalText name_in(const std::string& italian, const std::vector<Translation>& names,
                  const std::string& language);

struct Step {
  std::string code;  // snake_case, unique in the procedure; a term may run from it (start_event)
  std::string name;  // Italian
  std::string office;
  std::vector<Translation> names;
};

struct RequiredDocument {
  std::string code;
  std::string name;
  bool required = true;  // false: asked only in some cases; a decision does not wait for it
  std::vector<Translation> names;
};

struct Guide {
  std::string language;
  std::string text;
};

struct Procedure {
  std::int64_t id = 0;
  std::string code;                // snake_case, unique: "family_reunification"
  std::string name;                // Italian
  std::vector<Translation> names;  // the other five languages, each at most once
  std::string description;
  std::string legal_basis;
  std::optional<std::int64_t> fee_cents;  // none: no fee, or one the catalogue does not state
  std::string fee_note;
  // L. 241/1990 art. 2 c.7: once, for at most 30 days, unless the procedure's rules allow more.
  std::int64_t max_suspensions = 1;
  std::int64_t max_suspension_days = 30;
  bool active = true;  // inactive: kept for its files, no new ones
  // The term a file's clock follows (terms.h): "decision" for most, "convocation" for the
  // Italian test, whose law sets the term to convene the applicant.
  std::string clock_term = kDecisionTerm;
  std::vector<Step> steps;
  std::vector<RequiredDocument> documents;
  std::vector<TermRule> terms;
  std::vector<Guide> guides;
  std::string updated_at;
};

// The position (1-based) of a step, 0 when the procedure has none of that code.
std::int64_t position_of(const Procedure& p, const std::string& step_code);

// Codes unique within their list, every term running from one of the procedure's steps, each
// term's applies_from once, a decision term, an Italian guide, each language once, names in the
// five other languages each once and not blank. 422 naming the field ("steps[1].code",
// "steps[0].names[2].language").
Status check(const Procedure& p);

// 409 unique_violation naming "code" when another procedure has the code.
Result<Procedure> create_procedure(db::Connection& conn, Procedure p, const std::string& now);
// Replaces the fields and every list.
Result<Procedure> update_procedure(db::Connection& conn, Procedure p, const std::string& now);
// 404 "procedure".
Result<Procedure> find_procedure(db::Connection& conn, std::int64_t id);
Result<std::optional<Procedure>> find_procedure_by_code(db::Connection& conn,
                                                        const std::string& code);
// Every procedure with its lists, by name.
Result<std::vector<Procedure>> list_procedures(db::Connection& conn);

// Migration 2's insert, from before the names in other languages existed (their table comes with
// migration 6): the procedure and its four lists, checked, without its translations. The id.
Result<std::int64_t> insert_without_names(db::Connection& conn, const Procedure& p,
                                          const std::string& now);
// Replaces the translations of a stored procedure, its steps and documents (by code).
Status save_names(db::Connection& conn, const Procedure& p);

}  // namespace innet::procedures
