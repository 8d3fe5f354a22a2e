#include "directory/editorial_storage.h"

namespace innet::directory {

db::Migration editorial_migration() {
  // Changes keep the proposed values as a JSON object (only the fields the proposal touches) and
  // the InNet organisation that kept the service when it was proposed, which is what its
  // proposer may read. Suggestions keep the day only; feedback only counts per service and
  // language: the public leaves no trace of who wrote (decision 0038).
  return {3, "directory: proposed changes, the public's suggestions and feedback counts", R"sql(
CREATE TABLE directory_changes (
  id {{pk}},
  service_id TEXT NOT NULL,
  owner_id BIGINT REFERENCES organizations (id),
  proposed_by BIGINT NOT NULL REFERENCES users (id),
  proposed_at TEXT NOT NULL,
  fields TEXT NOT NULL,
  note TEXT,
  state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),
  decided_by BIGINT REFERENCES users (id),
  decided_at TEXT,
  reason TEXT,
  suggestion_id BIGINT
);
CREATE INDEX directory_changes_state ON directory_changes (state, id);
CREATE INDEX directory_changes_service ON directory_changes (service_id, id);
CREATE INDEX directory_changes_owner ON directory_changes (owner_id, id);
CREATE TABLE directory_suggestions (
  id {{pk}},
  service_id TEXT NOT NULL,
  field TEXT NOT NULL CHECK (field IN ('name', 'address', 'hours', 'phone', 'other')),
  text TEXT NOT NULL,
  received_on TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'handled', 'rejected')),
  decided_by BIGINT REFERENCES users (id),
  decided_at TEXT,
  note TEXT,
  change_id BIGINT REFERENCES directory_changes (id)
);
CREATE INDEX directory_suggestions_state ON directory_suggestions (state, id);
CREATE TABLE directory_feedback (
  service_id TEXT NOT NULL,
  language TEXT NOT NULL,
  answers BIGINT NOT NULL,
  helped BIGINT NOT NULL,
  rated BIGINT NOT NULL,
  quality_sum BIGINT NOT NULL,
  PRIMARY KEY (service_id, language)
);
CREATE INDEX directory_services_last_verified_on ON directory_services (last_verified_on);
)sql"};
}

namespace {

// The listing's columns, from services joined to their HSDS organisation.
constexpr const char* kListingColumns =
    "s.id, s.name, s.status, s.organization_id, o.name, o.innet_organization_id, "
    "s.last_modified, s.last_verified_on, s.verified_by, "
    "(SELECT COUNT(*) FROM directory_changes c WHERE c.service_id = s.id AND c.state = "
    "'pending')";
constexpr const char* kListingFrom =
    " FROM directory_services s LEFT JOIN directory_organizations o ON o.id = s.organization_id";

EditorialListing listing_of(const db::Row& r) {
  return {.id = r.text(0),
          .name = r.text(1),
          .status = r.text(2),
          .organization_id = r.opt_text(3),
          .organization_name = r.opt_text(4),
          .owner_id = r.opt_integer(5),
          .last_modified = r.opt_text(6),
          .last_verified_on = r.opt_text(7),
          .verified_by = r.opt_integer(8),
          .pending_changes = r.integer(9)};
}

constexpr const char* kChangeColumns =
    "c.id, c.service_id, c.owner_id, c.proposed_by, c.proposed_at, c.fields, c.note, c.state, "
    "c.decided_by, c.decided_at, c.reason, c.suggestion_id, s.name";
constexpr const char* kChangeFrom =
    " FROM directory_changes c LEFT JOIN directory_services s ON s.id = c.service_id";

Change change_of(const db::Row& r) {
  Change c;
  c.id = r.integer(0);
  c.service_id = r.text(1);
  c.owner_id = r.opt_integer(2);
  c.proposed_by = r.integer(3);
  c.proposed_at = r.text(4);
  c.fields = r.text(5);
  c.note = r.opt_text(6);
  c.state = r.text(7);
  c.decided_by = r.opt_integer(8);
  c.decided_at = r.opt_text(9);
  c.reason = r.opt_text(10);
  c.suggestion_id = r.opt_integer(11);
  c.service_name = r.text(12);
  return c;
}

constexpr const char* kSuggestionColumns =
    "g.id, g.service_id, s.name, g.field, g.text, g.received_on, g.state, g.decided_by, "
    "g.decided_at, g.note, g.change_id";
constexpr const char* kSuggestionFrom =
    " FROM directory_suggestions g LEFT JOIN directory_services s ON s.id = g.service_id";

Suggestion suggestion_of(const db::Row& r) {
  return {.id = r.integer(0),
          .service_id = r.text(1),
          .service_name = r.text(2),
          .field = r.text(3),
          .text = r.text(4),
          .received_on = r.text(5),
          .state = r.text(6),
          .decided_by = r.opt_integer(7),
          .decided_at = r.opt_text(8),
          .note = r.opt_text(9),
          .change_id = r.opt_integer(10)};
}

}  // namespace

Result<db::Page<EditorialListing>> list_listings(db::Connection& c, const ListingFilter& f,
                                                 const Paging& paging) {
  db::Where where;
  if (f.owner_id) where.add("o.innet_organization_id = ?", *f.owner_id);
  if (!f.q.empty()) where.add("LOWER(s.name) LIKE ? ESCAPE '\\'", db::like_pattern(f.q));
  if (f.unverified_only)
    where.add("(s.last_verified_on IS NULL OR s.last_verified_on < ?)", f.stale_before);
  // Sort keys are chosen from this list, never taken from the request; id breaks ties.
  std::string order = "s.name";
  if (f.sort == "organization") order = "o.name";
  if (f.sort == "last_verified_on") order = "COALESCE(s.last_verified_on, '')";
  if (f.sort == "last_modified") order = "COALESCE(s.last_modified, '')";
  const std::string dir = f.descending ? " DESC" : " ASC";
  INNET_ASSIGN_OR_RETURN(
      auto total,
      c.query(std::string("SELECT COUNT(*)") + kListingFrom + where.sql(), where.params()));
  db::Params params = where.params();
  params.push_back(std::int64_t{paging.per_page});
  params.push_back(std::int64_t{(paging.page - 1) * paging.per_page});
  INNET_ASSIGN_OR_RETURN(
      auto rows, c.query(std::string("SELECT ") + kListingColumns + kListingFrom + where.sql() +
                             " ORDER BY " + order + dir + ", s.id" + dir + " LIMIT ? OFFSET ?",
                         params));
  db::Page<EditorialListing> page;
  page.total = total[0].integer(0);
  for (const auto& r : rows) page.items.push_back(listing_of(r));
  return page;
}

Result<std::optional<EditorialListing>> find_listing(db::Connection& c, const std::string& id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      c.query(std::string("SELECT ") + kListingColumns + kListingFrom + " WHERE s.id = ?", {id}));
  if (rows.empty()) return std::optional<EditorialListing>();
  return std::optional<EditorialListing>(listing_of(rows[0]));
}

Result<std::int64_t> count_stale(db::Connection& c, std::int64_t owner_id,
                                 const std::string& stale_before) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, c.query(std::string("SELECT COUNT(*)") + kListingFrom +
                             " WHERE o.innet_organization_id = ? AND s.status = 'active' AND "
                             "(s.last_verified_on IS NULL OR s.last_verified_on < ?)",
                         {owner_id, stale_before}));
  return rows[0].integer(0);
}

Result<std::vector<EditorialListing>> stale_listings(db::Connection& c, std::int64_t owner_id,
                                                     const std::string& stale_before,
                                                     std::int64_t limit) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, c.query(std::string("SELECT ") + kListingColumns + kListingFrom +
                             " WHERE o.innet_organization_id = ? AND s.status = 'active' AND "
                             "(s.last_verified_on IS NULL OR s.last_verified_on < ?) ORDER BY "
                             "COALESCE(s.last_verified_on, ''), s.name, s.id LIMIT ?",
                         {owner_id, stale_before, limit}));
  std::vector<EditorialListing> out;
  for (const auto& r : rows) out.push_back(listing_of(r));
  return out;
}

Status set_verified(db::Connection& c, const std::string& service_id, const std::string& day,
                    std::int64_t user_id) {
  return db::expect_one(
      c.execute("UPDATE directory_services SET last_verified_on = ?, verified_by = ? WHERE id = ?",
                {day, user_id, service_id}),
      "service");
}

Status set_owner(db::Connection& c, const std::string& organization_id,
                 std::optional<std::int64_t> owner_id) {
  return db::expect_one(
      c.execute("UPDATE directory_organizations SET innet_organization_id = ? WHERE id = ?",
                {db::optional_value(owner_id), organization_id}),
      "organization");
}

Status set_last_modified(db::Connection& c, const std::string& service_id,
                         const std::string& timestamp) {
  return db::expect_one(c.execute("UPDATE directory_services SET last_modified = ? WHERE id = ?",
                                  {timestamp, service_id}),
                        "service");
}

Status put_translation(db::Connection& c, const std::string& table, const std::string& record_id,
                       const std::string& field, const std::string& language,
                       const std::string& text) {
  INNET_TRY(
      c.execute("DELETE FROM directory_translations WHERE table_name = ? AND record_id = ? "
                "AND field = ? AND language = ?",
                {table, record_id, field, language}));
  if (text.empty()) return Status::success();
  INNET_TRY(
      c.execute("INSERT INTO directory_translations (table_name, record_id, field, "
                "language, text) VALUES (?, ?, ?, ?, ?)",
                {table, record_id, field, language, text}));
  return Status::success();
}

Status delete_where(db::Connection& c, const char* sql_table, const char* field,
                    const std::string& value) {
  // Both names are constants of the callers (hsds.h's table names), never input.
  INNET_TRY(
      c.execute(std::string("DELETE FROM ") + sql_table + " WHERE " + field + " = ?", {value}));
  return Status::success();
}

Result<std::int64_t> insert_change(db::Connection& c, const Change& ch) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      c.query("INSERT INTO directory_changes (service_id, owner_id, proposed_by, proposed_at, "
              "fields, note, state, decided_by, decided_at, reason, suggestion_id) VALUES (?, ?, "
              "?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {ch.service_id, db::optional_value(ch.owner_id), ch.proposed_by, ch.proposed_at,
               ch.fields, db::optional_value(ch.note), ch.state, db::optional_value(ch.decided_by),
               db::optional_value(ch.decided_at), db::optional_value(ch.reason),
               db::optional_value(ch.suggestion_id)}));
  return rows[0].integer(0);
}

Result<db::Page<Change>> list_changes(db::Connection& c, const ChangeFilter& f,
                                      const Paging& paging) {
  db::Where where;
  if (f.owner_id) where.add("c.owner_id = ?", *f.owner_id);
  if (f.service_id) where.add("c.service_id = ?", *f.service_id);
  if (!f.state.empty()) where.add("c.state = ?", f.state);
  INNET_ASSIGN_OR_RETURN(
      auto total, c.query(std::string("SELECT COUNT(*) FROM directory_changes c") + where.sql(),
                          where.params()));
  db::Params params = where.params();
  params.push_back(std::int64_t{paging.per_page});
  params.push_back(std::int64_t{(paging.page - 1) * paging.per_page});
  // Pending ones oldest first (a queue); decided ones newest first (a history).
  const std::string order = f.state == "pending" ? " ORDER BY c.id ASC" : " ORDER BY c.id DESC";
  INNET_ASSIGN_OR_RETURN(auto rows, c.query(std::string("SELECT ") + kChangeColumns + kChangeFrom +
                                                where.sql() + order + " LIMIT ? OFFSET ?",
                                            params));
  db::Page<Change> page;
  page.total = total[0].integer(0);
  for (const auto& r : rows) page.items.push_back(change_of(r));
  return page;
}

Result<std::optional<Change>> find_change(db::Connection& c, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      c.query(std::string("SELECT ") + kChangeColumns + kChangeFrom + " WHERE c.id = ?", {id}));
  if (rows.empty()) return std::optional<Change>();
  return std::optional<Change>(change_of(rows[0]));
}

Status decide_change(db::Connection& c, std::int64_t id, const std::string& state,
                     std::int64_t user_id, const std::string& at,
                     const std::optional<std::string>& reason) {
  // Conditional: of two moderators deciding at once, one wins and the other is told.
  INNET_ASSIGN_OR_RETURN(
      auto n, c.execute("UPDATE directory_changes SET state = ?, decided_by = ?, decided_at = ?, "
                        "reason = ? WHERE id = ? AND state = 'pending'",
                        {state, user_id, at, db::optional_value(reason), id}));
  if (n != 1)
    return Error::make(ErrorKind::conflict, "already_decided", "the change was already decided");
  return Status::success();
}

Status insert_suggestion(db::Connection& c, const std::string& service_id, const std::string& field,
                         const std::string& text, const std::string& day) {
  INNET_TRY(
      c.execute("INSERT INTO directory_suggestions (service_id, field, text, received_on, "
                "state) VALUES (?, ?, ?, ?, 'pending')",
                {service_id, field, text, day}));
  return Status::success();
}

Result<db::Page<Suggestion>> list_suggestions(db::Connection& c, const std::string& state,
                                              const Paging& paging) {
  db::Where where;
  if (!state.empty()) where.add("g.state = ?", state);
  INNET_ASSIGN_OR_RETURN(
      auto total, c.query(std::string("SELECT COUNT(*) FROM directory_suggestions g") + where.sql(),
                          where.params()));
  db::Params params = where.params();
  params.push_back(std::int64_t{paging.per_page});
  params.push_back(std::int64_t{(paging.page - 1) * paging.per_page});
  const std::string order = state == "pending" ? " ORDER BY g.id ASC" : " ORDER BY g.id DESC";
  INNET_ASSIGN_OR_RETURN(auto rows,
                         c.query(std::string("SELECT ") + kSuggestionColumns + kSuggestionFrom +
                                     where.sql() + order + " LIMIT ? OFFSET ?",
                                 params));
  db::Page<Suggestion> page;
  page.total = total[0].integer(0);
  for (const auto& r : rows) page.items.push_back(suggestion_of(r));
  return page;
}

Result<std::optional<Suggestion>> find_suggestion(db::Connection& c, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(auto rows, c.query(std::string("SELECT ") + kSuggestionColumns +
                                                kSuggestionFrom + " WHERE g.id = ?",
                                            {id}));
  if (rows.empty()) return std::optional<Suggestion>();
  return std::optional<Suggestion>(suggestion_of(rows[0]));
}

Status decide_suggestion(db::Connection& c, std::int64_t id, const std::string& state,
                         std::int64_t user_id, const std::string& at,
                         const std::optional<std::string>& note,
                         std::optional<std::int64_t> change_id) {
  INNET_ASSIGN_OR_RETURN(
      auto n,
      c.execute("UPDATE directory_suggestions SET state = ?, decided_by = ?, decided_at = ?, "
                "note = ?, change_id = ? WHERE id = ? AND state = 'pending'",
                {state, user_id, at, db::optional_value(note), db::optional_value(change_id), id}));
  if (n != 1)
    return Error::make(ErrorKind::conflict, "already_decided",
                       "the suggestion was already decided");
  return Status::success();
}

Status add_feedback(db::Connection& c, const std::string& service_id, const std::string& language,
                    bool helped, std::optional<int> quality) {
  // One statement on both engines (SQLite 3.24+ and PostgreSQL share ON CONFLICT ... DO UPDATE):
  // parallel answers add up instead of racing on a read-then-write.
  const std::int64_t h = helped ? 1 : 0, rated = quality ? 1 : 0, sum = quality.value_or(0);
  INNET_TRY(c.execute(
      "INSERT INTO directory_feedback (service_id, language, answers, helped, rated, "
      "quality_sum) VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT (service_id, language) DO UPDATE SET "
      "answers = directory_feedback.answers + 1, helped = directory_feedback.helped + "
      "excluded.helped, rated = directory_feedback.rated + excluded.rated, quality_sum = "
      "directory_feedback.quality_sum + excluded.quality_sum",
      {service_id, language, h, rated, sum}));
  return Status::success();
}

Result<db::Page<ServiceFeedback>> list_feedback(db::Connection& c,
                                                const std::optional<std::string>& service_id,
                                                const std::optional<std::int64_t>& owner_id,
                                                const Paging& paging) {
  db::Where where;
  if (service_id) where.add("f.service_id = ?", *service_id);
  if (owner_id)
    where.add(
        "EXISTS (SELECT 1 FROM directory_services s JOIN directory_organizations o ON "
        "o.id = s.organization_id WHERE s.id = f.service_id AND o.innet_organization_id = "
        "?)",
        *owner_id);
  INNET_ASSIGN_OR_RETURN(
      auto total,
      c.query(std::string("SELECT COUNT(DISTINCT f.service_id) FROM directory_feedback f") +
                  where.sql(),
              where.params()));
  db::Params params = where.params();
  params.push_back(std::int64_t{paging.per_page});
  params.push_back(std::int64_t{(paging.page - 1) * paging.per_page});
  INNET_ASSIGN_OR_RETURN(
      auto ids, c.query(std::string("SELECT f.service_id, SUM(f.answers) FROM directory_feedback "
                                    "f") +
                            where.sql() +
                            " GROUP BY f.service_id ORDER BY SUM(f.answers) DESC, f.service_id "
                            "LIMIT ? OFFSET ?",
                        params));
  db::Page<ServiceFeedback> page;
  page.total = total[0].integer(0);
  for (const auto& id_row : ids) {
    ServiceFeedback s;
    s.service_id = id_row.text(0);
    INNET_ASSIGN_OR_RETURN(
        auto rows, c.query("SELECT f.language, f.answers, f.helped, f.rated, f.quality_sum, "
                           "s.name FROM directory_feedback f LEFT JOIN directory_services s ON "
                           "s.id = f.service_id WHERE f.service_id = ? ORDER BY f.answers DESC, "
                           "f.language",
                           {s.service_id}));
    for (const auto& r : rows) {
      FeedbackCounts n{r.text(0), r.integer(1), r.integer(2), r.integer(3), r.integer(4)};
      s.service_name = r.text(5);
      s.total.count += n.count;
      s.total.helped += n.helped;
      s.total.rated += n.rated;
      s.total.quality_sum += n.quality_sum;
      s.languages.push_back(std::move(n));
    }
    page.items.push_back(std::move(s));
  }
  return page;
}

Result<bool> is_active_service(db::Connection& c, const std::string& service_id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      c.query("SELECT 1 FROM directory_services WHERE id = ? AND status = 'active'", {service_id}));
  return !rows.empty();
}

}  // namespace innet::directory
