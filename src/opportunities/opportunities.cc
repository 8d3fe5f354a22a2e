#include "opportunities/opportunities.h"

#include <algorithm>
#include <set>

#include "directory/profile.h"
#include "geo/municipalities.h"
#include "search/analyzer.h"

namespace innet::opportunities {

const std::vector<std::string>& kinds() {
  static const std::vector<std::string> all = {"job", "training", "italian_course", "event",
                                               "call"};
  return all;
}

const std::vector<std::string>& statuses() {
  static const std::vector<std::string> all = {"draft", "published", "withdrawn"};
  return all;
}

const std::vector<std::string>& languages() {
  static const std::vector<std::string> all = {"it", "en", "fr", "ar", "uk", "bn"};
  return all;
}

const std::vector<std::string>& target_groups() {
  static const std::vector<std::string> all = [] {
    std::vector<std::string> codes;
    for (const auto& term : directory::profile::kTargetGroups) codes.emplace_back(term.code);
    return codes;
  }();
  return all;
}

const std::vector<std::string>& sorts() {
  static const std::vector<std::string> all = {"expires_on", "-updated_at", "title"};
  return all;
}

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

Error refused(const std::string& field, FieldError reason) {
  return Error::field(ErrorKind::unprocessable, field, std::move(reason));
}

}  // namespace

FieldError OpportunityErrors::not_https() {
  return {"not_https", {}, "a link starts with https://"};
}

FieldError OpportunityErrors::twice(std::string value) {
  std::string message = value + " is listed twice";
  return {"listed_twice", {{"value", std::move(value)}}, std::move(message)};
}

Texts texts_in(const Opportunity& o, const std::string& language) {
  for (const auto& t : o.translations)
    if (t.language == language)
      return t.how_to_apply.empty()
                 ? Texts{language, t.title, t.description, o.how_to_apply, "it"}
                 : Texts{language, t.title, t.description, t.how_to_apply, language};
  return {"it", o.title, o.description, o.how_to_apply, "it"};
}

bool is_current(const Opportunity& o, const std::string& today) {
  return o.status == "published" && o.expires_on >= today;
}

Status check(const Opportunity& o) {
  if (o.url && o.url->rfind("https://", 0) != 0)
    return refused("url", OpportunityErrors::not_https());
  if (o.municipality && !geo::find_municipality(*o.municipality))
    return refused("municipality", FieldError::not_found("municipality of the Metropolitan City"));
  if (o.starts_on && o.ends_on && *o.ends_on < *o.starts_on)
    return refused("ends_on", FieldError::before_other("starts_on"));
  std::set<std::string> groups;
  for (const auto& g : o.target_groups) {
    if (!contains(target_groups(), g))
      return refused("target_groups", FieldError::not_in_list(target_groups()));
    if (!groups.insert(g).second) return refused("target_groups", OpportunityErrors::twice(g));
  }
  std::set<std::string> translated;
  for (const auto& t : o.translations) {
    if (t.language == "it" || !contains(languages(), t.language))
      return refused("translations", FieldError::not_in_list({"en", "fr", "ar", "uk", "bn"}));
    if (!translated.insert(t.language).second)
      return refused("translations", OpportunityErrors::twice(t.language));
  }
  return Status::success();
}

namespace {

constexpr const char* kColumns =
    "id, kind, status, title, description, how_to_apply, url, place, municipality, starts_on, "
    "ends_on, expires_on, free, publisher_organization_id, updated_by, created_at, updated_at";

Opportunity from_row(const db::Row& r) {
  return {.id = r.integer(0),
          .kind = r.text(1),
          .status = r.text(2),
          .title = r.text(3),
          .description = r.text(4),
          .how_to_apply = r.text(5),
          .url = r.opt_text(6),
          .place = r.opt_text(7),
          .municipality = r.opt_text(8),
          .starts_on = r.opt_text(9),
          .ends_on = r.opt_text(10),
          .expires_on = r.text(11),
          .free = r.integer(12) != 0,
          .publisher_organization_id = r.integer(13),
          .updated_by = r.integer(14),
          .created_at = r.text(15),
          .updated_at = r.text(16)};
}

// The target groups and translations of these opportunities, two statements for any number.
Status load_children(db::Connection& conn, std::vector<Opportunity>& items) {
  if (items.empty()) return Status::success();
  std::string marks;
  db::Params ids;
  for (const auto& o : items) {
    marks += marks.empty() ? "?" : ", ?";
    ids.push_back(o.id);
  }
  auto at = [&](std::int64_t id) -> Opportunity& {
    return *std::find_if(items.begin(), items.end(), [&](const auto& o) { return o.id == id; });
  };
  INNET_ASSIGN_OR_RETURN(auto groups, conn.query("SELECT opportunity_id, target_group FROM "
                                                 "opportunity_target_groups WHERE opportunity_id "
                                                 "IN (" +
                                                     marks + ") ORDER BY target_group",
                                                 ids));
  for (const auto& r : groups) at(r.integer(0)).target_groups.push_back(r.text(1));
  INNET_ASSIGN_OR_RETURN(auto texts,
                         conn.query("SELECT opportunity_id, language, title, description, "
                                    "how_to_apply FROM opportunity_translations WHERE "
                                    "opportunity_id IN (" +
                                        marks + ") ORDER BY language",
                                    ids));
  for (const auto& r : texts)
    at(r.integer(0)).translations.push_back({r.text(1), r.text(2), r.text(3), r.text(4)});
  return Status::success();
}

Status save_children(db::Connection& conn, const Opportunity& o) {
  INNET_TRY(conn.execute("DELETE FROM opportunity_target_groups WHERE opportunity_id = ?", {o.id}));
  INNET_TRY(conn.execute("DELETE FROM opportunity_translations WHERE opportunity_id = ?", {o.id}));
  for (const auto& g : o.target_groups)
    INNET_TRY(conn.execute(
        "INSERT INTO opportunity_target_groups (opportunity_id, target_group) VALUES (?, ?)",
        {o.id, g}));
  for (const auto& t : o.translations)
    INNET_TRY(
        conn.execute("INSERT INTO opportunity_translations (opportunity_id, language, "
                     "title, description, how_to_apply) VALUES (?, ?, ?, ?, ?)",
                     {o.id, t.language, t.title, t.description, t.how_to_apply}));
  return Status::success();
}

// Every title and description, Italian and translated, folded as the directory's search folds
// them (case, accents, scripts): SQLite's LOWER and LIKE know only ASCII letters.
std::string search_text_of(const Opportunity& o) {
  std::string text = search::fold(o.title) + " | " + search::fold(o.description);
  for (const auto& t : o.translations)
    text += " | " + search::fold(t.title) + " | " + search::fold(t.description);
  return text;
}

db::Params fields_of(const Opportunity& o) {
  return {o.kind,
          o.status,
          o.title,
          o.description,
          o.how_to_apply,
          db::optional_value(o.url),
          db::optional_value(o.place),
          db::optional_value(o.municipality),
          db::optional_value(o.starts_on),
          db::optional_value(o.ends_on),
          o.expires_on,
          std::int64_t{o.free ? 1 : 0},
          search_text_of(o),
          o.updated_by};
}

}  // namespace

Result<Opportunity> create(db::Connection& conn, Opportunity o, const std::string& now) {
  INNET_TRY(check(o));
  o.created_at = o.updated_at = now;
  auto params = fields_of(o);
  params.push_back(o.publisher_organization_id);
  params.push_back(now);
  params.push_back(now);
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO opportunities (kind, status, title, description, "
                 "how_to_apply, url, place, municipality, starts_on, ends_on, "
                 "expires_on, free, search_text, updated_by, publisher_organization_id, "
                 "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                 "?, ?, ?, ?) "
                 "RETURNING id",
                 params));
  o.id = rows[0].integer(0);
  INNET_TRY(save_children(conn, o));
  return o;
}

Result<Opportunity> update(db::Connection& conn, Opportunity o, const std::string& now) {
  INNET_TRY(check(o));
  o.updated_at = now;
  auto params = fields_of(o);
  params.push_back(now);
  params.push_back(o.id);
  INNET_TRY(
      conn.execute("UPDATE opportunities SET kind = ?, status = ?, title = ?, "
                   "description = ?, how_to_apply = ?, url = ?, place = ?, municipality = ?, "
                   "starts_on = ?, ends_on = ?, expires_on = ?, free = ?, search_text = ?, "
                   "updated_by = ?, "
                   "updated_at = ? WHERE id = ?",
                   params));
  INNET_TRY(save_children(conn, o));
  return o;
}

Result<std::optional<Opportunity>> find(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kColumns + " FROM opportunities WHERE id = ?", {id}));
  if (rows.empty()) return std::optional<Opportunity>();
  std::vector<Opportunity> one = {from_row(rows[0])};
  INNET_TRY(load_children(conn, one));
  return std::optional<Opportunity>(std::move(one[0]));
}

Result<db::Page<Opportunity>> list(db::Connection& conn, const Filter& f, const Paging& paging) {
  db::Where where;
  if (!f.kind.empty()) where.add("kind = ?", f.kind);
  if (!f.status.empty()) where.add("status = ?", f.status);
  if (!f.municipality.empty()) where.add("municipality = ?", f.municipality);
  if (f.current_only) {
    where.add("status = 'published'");
    where.add("expires_on >= ?", f.today);
  }
  if (f.drafts_of)
    where.add("(status = 'published' OR publisher_organization_id = ?)", *f.drafts_of);
  if (!f.target_group.empty())
    where.add("id IN (SELECT opportunity_id FROM opportunity_target_groups WHERE target_group = ?)",
              f.target_group);
  // Every word, in any order, as in the directory's search.
  for (const auto& word : search::fold_words(f.words))
    where.add("search_text LIKE ? ESCAPE '\\'", db::like_pattern(search::to_utf8(word)));
  // Fixed texts chosen by name: the sort never comes from the request as SQL.
  std::string order = "expires_on, id";
  if (f.sort == "-updated_at") order = "updated_at DESC, id DESC";
  if (f.sort == "title") order = "LOWER(title), id";
  INNET_ASSIGN_OR_RETURN(auto page, db::page_query<Opportunity>(conn, kColumns, "opportunities",
                                                                where, order, paging, from_row));
  INNET_TRY(load_children(conn, page.items));
  return page;
}

Result<Recommendation> recommend(db::Connection& conn, Recommendation r) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query("INSERT INTO opportunity_recommendations (opportunity_id, "
                                    "case_id, note, recommended_by, recommended_at) VALUES (?, ?, "
                                    "?, ?, ?) RETURNING id",
                                    {r.opportunity_id, r.case_id, db::optional_value(r.note),
                                     r.recommended_by, r.recommended_at}));
  r.id = rows[0].integer(0);
  return r;
}

Result<std::vector<Recommendation>> recommendations_of(db::Connection& conn, std::int64_t case_id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT id, opportunity_id, case_id, note, recommended_by, "
                            "recommended_at FROM opportunity_recommendations WHERE case_id = ? "
                            "ORDER BY recommended_at DESC, id DESC",
                            {case_id}));
  std::vector<Recommendation> out;
  for (const auto& r : rows)
    out.push_back(
        {r.integer(0), r.integer(1), r.integer(2), r.opt_text(3), r.integer(4), r.text(5)});
  return out;
}

std::vector<db::Migration> migrations(db::Engine) {
  // Vocabularies (kind, status, languages, target groups) are checked by the model, so that the
  // directory's profile may grow without a migration here. The case of a recommendation is the
  // cases module's: named by id, never joined (decision 0014).
  return {{1, "opportunities: opportunities, their target groups, translations, recommendations",
           R"sql(
CREATE TABLE opportunities (
  id {{pk}},
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  how_to_apply TEXT NOT NULL,
  url TEXT,
  place TEXT,
  municipality TEXT,
  starts_on TEXT,
  ends_on TEXT,
  expires_on TEXT NOT NULL,
  free INTEGER NOT NULL CHECK (free IN (0, 1)),
  search_text TEXT NOT NULL,
  publisher_organization_id BIGINT NOT NULL REFERENCES organizations (id),
  updated_by BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX opportunities_public ON opportunities (status, expires_on);
CREATE TABLE opportunity_target_groups (
  opportunity_id BIGINT NOT NULL REFERENCES opportunities (id),
  target_group TEXT NOT NULL,
  PRIMARY KEY (opportunity_id, target_group)
);
CREATE TABLE opportunity_translations (
  opportunity_id BIGINT NOT NULL REFERENCES opportunities (id),
  language TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  how_to_apply TEXT NOT NULL,
  PRIMARY KEY (opportunity_id, language)
);
CREATE TABLE opportunity_recommendations (
  id {{pk}},
  opportunity_id BIGINT NOT NULL REFERENCES opportunities (id),
  case_id BIGINT NOT NULL,
  note TEXT,
  recommended_by BIGINT NOT NULL REFERENCES users (id),
  recommended_at TEXT NOT NULL
);
CREATE INDEX opportunity_recommendations_case ON opportunity_recommendations (case_id);
)sql"}};
}

}  // namespace innet::opportunities
