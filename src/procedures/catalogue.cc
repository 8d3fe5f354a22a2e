#include "procedures/catalogue.h"

#include <algorithm>
#include <map>
#include <set>

#include "db/query.h"

namespace innet::procedures {

const std::vector<std::string>& languages() {
  static const std::vector<std::string> all = {"it", "en", "fr", "ar", "uk", "bn"};
  return all;
}

LocalText name_in(const std::string& italian, const std::vector<Translation>& names,
                  const std::string& language) {
  for (const auto& n : names)
    if (n.language == language && !n.text.empty()) return {n.text, n.language};
  return {italian, "it"};
}

std::int64_t position_of(const Procedure& p, const std::string& step_code) {
  for (std::size_t i = 0; i < p.steps.size(); ++i)
    if (p.steps[i].code == step_code) return static_cast<std::int64_t>(i) + 1;
  return 0;
}

namespace {

Error refused(const std::string& field, FieldError reason) {
  return Error::field(ErrorKind::unprocessable, field, std::move(reason));
}

std::string at(const char* list, std::size_t i, const char* field) {
  return std::string(list) + "[" + std::to_string(i) + "]." + field;
}

// Translations: a language of the portal but Italian (the record's own name), once, not blank.
Status check_names(const std::vector<Translation>& names, const std::string& prefix) {
  static const std::vector<std::string> others(languages().begin() + 1, languages().end());
  std::set<std::string> seen;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string at = prefix + "names[" + std::to_string(i) + "].";
    if (std::find(others.begin(), others.end(), names[i].language) == others.end())
      return refused(at + "language", FieldError::not_in_list(others));
    if (!seen.insert(names[i].language).second)
      return refused(at + "language", FieldError::taken());
    if (names[i].text.find_first_not_of(" \t\n") == std::string::npos)
      return refused(at + "name", FieldError::required());
  }
  return Status::success();
}

}  // namespace

Status check(const Procedure& p) {
  if (p.steps.empty()) return refused("steps", FieldError::too_few_items(1));
  INNET_TRY(check_names(p.names, ""));
  for (std::size_t i = 0; i < p.steps.size(); ++i)
    INNET_TRY(check_names(p.steps[i].names, "steps[" + std::to_string(i) + "]."));
  for (std::size_t i = 0; i < p.documents.size(); ++i)
    INNET_TRY(check_names(p.documents[i].names, "documents[" + std::to_string(i) + "]."));
  std::set<std::string> seen;
  for (std::size_t i = 0; i < p.steps.size(); ++i)
    if (!seen.insert(p.steps[i].code).second)
      return refused(at("steps", i, "code"), FieldError::taken());
  seen.clear();
  for (std::size_t i = 0; i < p.documents.size(); ++i)
    if (!seen.insert(p.documents[i].code).second)
      return refused(at("documents", i, "code"), FieldError::taken());
  seen.clear();
  bool decision = false;
  std::vector<std::string> step_codes;
  for (const auto& s : p.steps) step_codes.push_back(s.code);
  for (std::size_t i = 0; i < p.terms.size(); ++i) {
    const auto& t = p.terms[i];
    if (!seen.insert(t.term + "@" + t.applies_from.to_string()).second)
      return refused(at("terms", i, "applies_from"), FieldError::taken());
    if (position_of(p, t.start_event) == 0)
      return refused(at("terms", i, "start_event"), FieldError::not_in_list(step_codes));
    decision = decision || t.term == p.clock_term;
  }
  if (!decision)
    return refused("clock_term", FieldError{"term_without_rule",
                                            {{"term", p.clock_term}},
                                            "no rule for the term " + p.clock_term});
  seen.clear();
  bool italian = false;
  for (std::size_t i = 0; i < p.guides.size(); ++i) {
    if (!seen.insert(p.guides[i].language).second)
      return refused(at("guides", i, "language"), FieldError::taken());
    italian = italian || p.guides[i].language == "it";
  }
  if (!italian && !p.guides.empty())
    return refused("guides", FieldError{"italian_missing", {}, "the Italian guide comes first"});
  return Status::success();
}

namespace {

constexpr const char* kColumns =
    "id, code, name, description, legal_basis, fee_cents, fee_note, max_suspensions, "
    "max_suspension_days, active, updated_at, clock_term";

Procedure from_row(const db::Row& r) {
  return {.id = r.integer(0),
          .code = r.text(1),
          .name = r.text(2),
          .description = r.text(3),
          .legal_basis = r.text(4),
          .fee_cents = r.opt_integer(5),
          .fee_note = r.text(6),
          .max_suspensions = r.integer(7),
          .max_suspension_days = r.integer(8),
          .active = r.integer(9) != 0,
          .clock_term = r.text(11),
          .updated_at = r.text(10)};
}

Result<CivilDay> stored_day_of(const std::string& text) {
  auto day = CivilDay::parse(text);
  if (!day) return Error::internal("a stored day is not a day: " + text);
  return *day;
}

// Every list of these procedures and their translations: five statements for any number of
// procedures.
Status load_lists(db::Connection& conn, std::vector<Procedure>& items) {
  if (items.empty()) return Status::success();
  db::Params ids;
  std::map<std::int64_t, Procedure*> by_id;
  for (auto& p : items) {
    ids.push_back(p.id);
    by_id[p.id] = &p;
  }
  const std::string in = " WHERE procedure_id IN (" + db::placeholders(ids.size()) + ")";
  INNET_ASSIGN_OR_RETURN(
      auto steps, conn.query("SELECT procedure_id, code, name, office FROM procedure_steps" + in +
                                 " ORDER BY procedure_id, position",
                             ids));
  for (const auto& r : steps)
    by_id[r.integer(0)]->steps.push_back({r.text(1), r.text(2), r.text(3)});
  INNET_ASSIGN_OR_RETURN(
      auto documents,
      conn.query("SELECT procedure_id, code, name, required FROM procedure_documents" + in +
                     " ORDER BY procedure_id, position",
                 ids));
  for (const auto& r : documents)
    by_id[r.integer(0)]->documents.push_back({r.text(1), r.text(2), r.integer(3) != 0});
  INNET_ASSIGN_OR_RETURN(
      auto terms, conn.query("SELECT procedure_id, term, applies_from, amount, counting, saturday, "
                             "start_event, silent_consent, legal_reference FROM procedure_terms" +
                                 in + " ORDER BY procedure_id, term, applies_from DESC",
                             ids));
  for (const auto& r : terms) {
    INNET_ASSIGN_OR_RETURN(auto from, stored_day_of(r.text(2)));
    auto counting = parse_counting(r.text(4));
    auto saturday = parse_saturday(r.text(5));
    if (!counting || !saturday) return Error::internal("a stored term rule is damaged");
    by_id[r.integer(0)]->terms.push_back({.term = r.text(1),
                                          .applies_from = from,
                                          .amount = r.integer(3),
                                          .counting = *counting,
                                          .saturday = *saturday,
                                          .start_event = r.text(6),
                                          .silent_consent = r.integer(7) != 0,
                                          .legal_reference = r.text(8)});
  }
  INNET_ASSIGN_OR_RETURN(
      auto guides, conn.query("SELECT procedure_id, language, text FROM procedure_guides" + in +
                                  " ORDER BY procedure_id, language",
                              ids));
  for (const auto& r : guides) by_id[r.integer(0)]->guides.push_back({r.text(1), r.text(2)});
  INNET_ASSIGN_OR_RETURN(auto names,
                         conn.query("SELECT procedure_id, subject, code, language, name FROM "
                                    "procedure_names" +
                                        in + " ORDER BY procedure_id, subject, code, language",
                                    ids));
  for (const auto& r : names) {
    Procedure& p = *by_id[r.integer(0)];
    const std::string subject = r.text(1), code = r.text(2);
    Translation t{r.text(3), r.text(4)};
    if (subject == "procedure") p.names.push_back(std::move(t));
    for (auto& step : p.steps)
      if (subject == "step" && step.code == code) step.names.push_back(t);
    for (auto& d : p.documents)
      if (subject == "document" && d.code == code) d.names.push_back(t);
  }
  // The guides and names in the portal's order, Italian first.
  const auto rank = [](const std::string& language) {
    const auto& all = languages();
    return std::find(all.begin(), all.end(), language) - all.begin();
  };
  const auto by_language = [&](auto& list) {
    std::stable_sort(list.begin(), list.end(), [&](const auto& a, const auto& b) {
      return rank(a.language) < rank(b.language);
    });
  };
  for (auto& p : items) {
    by_language(p.guides);
    by_language(p.names);
    for (auto& step : p.steps) by_language(step.names);
    for (auto& d : p.documents) by_language(d.names);
  }
  return Status::success();
}

Status save_lists(db::Connection& conn, const Procedure& p) {
  for (const char* table :
       {"procedure_steps", "procedure_documents", "procedure_terms", "procedure_guides"})
    INNET_TRY(
        conn.execute(std::string("DELETE FROM ") + table + " WHERE procedure_id = ?", {p.id}));
  for (std::size_t i = 0; i < p.steps.size(); ++i)
    INNET_TRY(
        conn.execute("INSERT INTO procedure_steps (procedure_id, position, code, name, "
                     "office) VALUES (?, ?, ?, ?, ?)",
                     {p.id, static_cast<std::int64_t>(i + 1), p.steps[i].code, p.steps[i].name,
                      p.steps[i].office}));
  for (std::size_t i = 0; i < p.documents.size(); ++i)
    INNET_TRY(
        conn.execute("INSERT INTO procedure_documents (procedure_id, position, code, name, "
                     "required) VALUES (?, ?, ?, ?, ?)",
                     {p.id, static_cast<std::int64_t>(i + 1), p.documents[i].code,
                      p.documents[i].name, std::int64_t{p.documents[i].required ? 1 : 0}}));
  for (const auto& t : p.terms)
    INNET_TRY(conn.execute(
        "INSERT INTO procedure_terms (procedure_id, term, applies_from, amount, counting, "
        "saturday, start_event, silent_consent, legal_reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
        "?)",
        {p.id, t.term, t.applies_from.to_string(), t.amount, to_string(t.counting),
         to_string(t.saturday), t.start_event, std::int64_t{t.silent_consent ? 1 : 0},
         t.legal_reference}));
  for (const auto& g : p.guides)
    INNET_TRY(
        conn.execute("INSERT INTO procedure_guides (procedure_id, language, text) VALUES (?, ?, ?)",
                     {p.id, g.language, g.text}));
  return Status::success();
}

db::Params fields_of(const Procedure& p) {
  return {p.code,
          p.name,
          p.description,
          p.legal_basis,
          db::optional_value(p.fee_cents),
          p.fee_note,
          p.max_suspensions,
          p.max_suspension_days,
          std::int64_t{p.active ? 1 : 0},
          p.updated_at,
          p.clock_term};
}

// A code another procedure holds: 409 naming it, before the statement that would fail on the
// unique index (PostgreSQL would abort the transaction).
Status code_free(db::Connection& conn, const Procedure& p) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT id FROM procedures WHERE code = ? AND id <> ?", {p.code, p.id}));
  if (!rows.empty())
    return Error::rule(ErrorKind::conflict, "unique_violation", "code", FieldError::taken());
  return Status::success();
}

}  // namespace

Status save_names(db::Connection& conn, const Procedure& p) {
  INNET_TRY(conn.execute("DELETE FROM procedure_names WHERE procedure_id = ?", {p.id}));
  const auto insert = [&](const char* subject, const std::string& code,
                          const std::vector<Translation>& names) -> Status {
    for (const auto& n : names)
      INNET_TRY(conn.execute(
          "INSERT INTO procedure_names (procedure_id, subject, code, language, name) VALUES "
          "(?, ?, ?, ?, ?)",
          {p.id, std::string(subject), code, n.language, n.text}));
    return Status::success();
  };
  INNET_TRY(insert("procedure", "", p.names));
  for (const auto& s : p.steps) INNET_TRY(insert("step", s.code, s.names));
  for (const auto& d : p.documents) INNET_TRY(insert("document", d.code, d.names));
  return Status::success();
}

Result<std::int64_t> insert_without_names(db::Connection& conn, const Procedure& given,
                                          const std::string& now) {
  Procedure p = given;
  INNET_TRY(check(p));
  INNET_TRY(code_free(conn, p));
  p.updated_at = now;
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO procedures (code, name, description, legal_basis, fee_cents, "
                 "fee_note, max_suspensions, max_suspension_days, active, updated_at, clock_term) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 fields_of(p)));
  p.id = rows[0].integer(0);
  INNET_TRY(save_lists(conn, p));
  return p.id;
}

Result<Procedure> create_procedure(db::Connection& conn, Procedure p, const std::string& now) {
  INNET_ASSIGN_OR_RETURN(p.id, insert_without_names(conn, p, now));
  INNET_TRY(save_names(conn, p));
  return find_procedure(conn, p.id);
}

Result<Procedure> update_procedure(db::Connection& conn, Procedure p, const std::string& now) {
  INNET_TRY(check(p));
  INNET_TRY(code_free(conn, p));
  p.updated_at = now;
  auto params = fields_of(p);
  params.push_back(p.id);
  INNET_TRY(db::expect_one(
      conn.execute("UPDATE procedures SET code = ?, name = ?, description = ?, legal_basis = ?, "
                   "fee_cents = ?, fee_note = ?, max_suspensions = ?, max_suspension_days = ?, "
                   "active = ?, updated_at = ?, clock_term = ? WHERE id = ?",
                   params),
      "procedure"));
  INNET_TRY(save_lists(conn, p));
  INNET_TRY(save_names(conn, p));
  return find_procedure(conn, p.id);
}

Result<Procedure> find_procedure(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kColumns + " FROM procedures WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("procedure");
  std::vector<Procedure> one = {from_row(rows[0])};
  INNET_TRY(load_lists(conn, one));
  return std::move(one[0]);
}

Result<std::optional<Procedure>> find_procedure_by_code(db::Connection& conn,
                                                        const std::string& code) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query("SELECT id FROM procedures WHERE code = ?", {code}));
  if (rows.empty()) return std::optional<Procedure>();
  INNET_ASSIGN_OR_RETURN(auto p, find_procedure(conn, rows[0].integer(0)));
  return std::optional<Procedure>(std::move(p));
}

Result<std::vector<Procedure>> list_procedures(db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kColumns + " FROM procedures ORDER BY name, id", {}));
  std::vector<Procedure> out;
  for (const auto& r : rows) out.push_back(from_row(r));
  INNET_TRY(load_lists(conn, out));
  return out;
}

}  // namespace innet::procedures
