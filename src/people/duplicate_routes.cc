// /api/v1/persons/duplicates and /api/v1/person-merges (decision 0026).
#include "audit/audit_log.h"
#include "people/codes.h"
#include "people/duplicates.h"
#include "people/merges.h"
#include "people/pairs.h"
#include "people/person_records.h"
#include "people/routes.h"
#include "people/visibility.h"

namespace innet::people {
namespace {

const api::EnumType& reason_vocabulary() {
  static const api::EnumType type(
      "DuplicateReason",
      {"same_cui", "same_document", "name_equal", "name_phonetic", "name_transliterated",
       "name_reversed", "birth_date_equal", "birth_year_equal", "nationality_equal"},
      "why a person is a duplicate candidate (decision 0026)");
  return type;
}

const api::ObjectType<Candidate>& candidate_type() {
  static const auto type =
      api::ObjectType<Candidate>("DuplicateCandidate")
          .field("person", &Candidate::person, person_type())
          .field("score", &Candidate::score,
                 {.description = "0 to 100: identifiers weigh most, then name and birth date"})
          .field("reasons", &Candidate::reasons,
                 {.description = "codes of the DuplicateReason vocabulary",
                  .schema = {{"type", "array"},
                             {"items", {{"$ref", "#/components/schemas/DuplicateReason"}}}}});
  return type;
}

const std::vector<std::string>& criteria() {
  static const std::vector<std::string> all = {"family_name", "given_names",     "birth_date",
                                               "cui",         "document_number", "person_id"};
  return all;
}

Result<http::Response> duplicates(api::Context& ctx) {
  auto& q = ctx.request.query;
  DuplicateQuery d{q["family_name"], q["given_names"], std::nullopt,
                   q["nationality"], q["cui"],         q["document_number"]};
  if (!q["birth_date"].empty()) d.birth_date = q["birth_date"];
  if (!d.nationality.empty() && !is_country_code(d.nationality))
    return Error::field(ErrorKind::invalid_input, "nationality", FieldError::invalid_country());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  if (!q["person_id"].empty()) {
    // A recorded person's candidates: its own fields, where the query gives none.
    const std::int64_t id = parse_int(q["person_id"]).value_or(0);
    ctx.record_read(id);
    auto person = visible_person(ctx, *conn, id, "persons.read");
    if (!person.ok() && person.error().kind == ErrorKind::not_found)
      return Error::field(ErrorKind::unprocessable, "person_id", FieldError::not_found("person"));
    if (!person.ok()) return person.take_error();
    if (d.family_name.empty()) d.family_name = person->family_name;
    if (d.given_names.empty()) d.given_names = person->given_names;
    if (!d.birth_date) d.birth_date = person->birth_date;
    if (d.nationality.empty()) d.nationality = person->nationality;
    if (d.cui.empty()) d.cui = person->cui.value_or("");
    d.except_id = id;
  }
  if (!has_criterion(d))
    return Error::field(ErrorKind::invalid_input, "family_name", one_of_required(criteria()));
  if (ctx.scope != auth::Scope::all) d.among = persons_linked_to(ctx.actor->organization_id);
  INNET_ASSIGN_OR_RETURN(auto found, find_duplicates(*conn, d));
  std::vector<std::int64_t> ids;
  for (const auto& c : found) ids.push_back(c.person.id);
  ctx.record_read(ids);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : found) items.push_back(candidate_type().to_json(c));
  return api::ok({{"items", std::move(items)}});
}

// Both persons of a merge are reads, checked as for any id in a body: one the caller cannot see
// answers as if it did not exist.
Result<Person> named_person(api::Context& ctx, db::Connection& conn, const char* field) {
  const std::int64_t id = ctx.body[field];
  ctx.record_read(id);
  auto person = visible_person(ctx, conn, id, "persons.merge");
  if (!person.ok() && person.error().kind == ErrorKind::not_found)
    return Error::field(ErrorKind::unprocessable, field, FieldError::not_found("person"));
  return person;
}

// The merge, in the request's write transaction, not committed yet.
Result<PersonMerge> merge_in(api::Context& ctx, db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(auto kept, named_person(ctx, conn, "kept_id"));
  INNET_ASSIGN_OR_RETURN(auto merged, named_person(ctx, conn, "merged_id"));
  return merge_persons(conn, kept.id, merged.id, ctx.body["reason"], ctx.actor->user_id);
}

// What the merge would do, from the merge itself, rolled back (the transaction is never
// committed): the confirmation shows exactly what will happen, refusals included.
Result<http::Response> preview(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto done, merge_in(ctx, *conn));
  done.id = 0;
  return api::ok(person_merge_type().to_json(done));
}

Result<http::Response> merge(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto done, merge_in(ctx, *conn));
  const auto& kept = done.kept_id;
  auto entry = ctx.audit("persons.merge", "person", std::to_string(kept));
  entry.details = nlohmann::json{{"merge_id", done.id}, {"merged_id", done.merged_id}}.dump();
  INNET_TRY(ctx.commit(entry));
  return api::created(person_merge_type().to_json(done));
}

Result<http::Response> unmerge(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto m, find_merge(*conn, id));
  ctx.record_read(std::vector<std::int64_t>{m.kept_id, m.merged_id});
  INNET_ASSIGN_OR_RETURN(auto done,
                         unmerge_persons(*conn, id, ctx.body["reason"], ctx.actor->user_id));
  auto entry = ctx.audit("persons.unmerge", "person", std::to_string(m.kept_id));
  entry.details = nlohmann::json{{"merge_id", id}, {"merged_id", m.merged_id}}.dump();
  INNET_TRY(ctx.commit(entry));
  return api::ok(person_merge_type().to_json(done));
}

Result<http::Response> list(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  std::optional<std::int64_t> person_id;
  if (!ctx.request.query["person_id"].empty())
    person_id = parse_int(ctx.request.query["person_id"]);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto page, list_merges(*conn, person_id, paging));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& m : page.items) {
    ctx.record_read(std::vector<std::int64_t>{m.kept_id, m.merged_id});
    items.push_back(person_merge_type().to_json(m));
  }
  return api::ok(list_envelope(std::move(items), page.total, paging));
}

Result<http::Response> get(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto m, find_merge(*conn, id));
  ctx.record_read(std::vector<std::int64_t>{m.kept_id, m.merged_id});
  return api::ok(person_merge_type().to_json(m));
}

// The queue: the pairs among the persons the caller may read, best first. Both persons of each
// are reads.
Result<http::Response> pairs(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  std::optional<db::Subquery> among;
  if (ctx.scope != auth::Scope::all) among = persons_linked_to(ctx.actor->organization_id);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto page, list_pairs(*conn, among, paging));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : page.items) {
    ctx.record_read(std::vector<std::int64_t>{p.first.id, p.second.id});
    items.push_back(duplicate_pair_type().to_json(p));
  }
  auto body = list_envelope(std::move(items), page.total, paging);
  body["total_capped"] = page.total_capped;
  return api::ok(body);
}

Result<http::Response> dismiss(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto person, named_person(ctx, *conn, "person_id"));
  INNET_ASSIGN_OR_RETURN(auto other, named_person(ctx, *conn, "other_id"));
  INNET_ASSIGN_OR_RETURN(
      auto done, dismiss_pair(*conn, person.id, other.id, ctx.body["reason"], ctx.actor->user_id));
  auto entry = ctx.audit("persons.pair_dismiss", "person", std::to_string(done.first.id));
  entry.details = nlohmann::json{{"dismissal_id", done.id}, {"other_id", done.second.id}}.dump();
  INNET_TRY(ctx.commit(entry));
  return api::created(pair_dismissal_type().to_json(done));
}

Result<http::Response> undo_dismiss(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto d, find_dismissal(*conn, id));
  ctx.record_read(std::vector<std::int64_t>{d.first.id, d.second.id});
  INNET_ASSIGN_OR_RETURN(auto done,
                         undo_dismissal(*conn, id, ctx.body["reason"], ctx.actor->user_id));
  auto entry = ctx.audit("persons.pair_undismiss", "person", std::to_string(done.first.id));
  entry.details = nlohmann::json{{"dismissal_id", id}, {"other_id", done.second.id}}.dump();
  INNET_TRY(ctx.commit(entry));
  return api::ok(pair_dismissal_type().to_json(done));
}

Result<http::Response> dismissals(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  const bool active = ctx.request.query["active"] == "true";
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto page, list_dismissals(*conn, active, paging));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : page.items) {
    ctx.record_read(std::vector<std::int64_t>{d.first.id, d.second.id});
    items.push_back(pair_dismissal_type().to_json(d));
  }
  return api::ok(list_envelope(std::move(items), page.total, paging));
}

void add_pair_routes(api::Api& api) {
  static const auto pair_list =
      api::ListType("DuplicatePairList", duplicate_pair_type(), true)
          .with("total_capped",
                {{"type", "boolean"},
                 {"description", "the count stops at " + std::to_string(kPairCountLimit) +
                                     "; true when more are queued (total is then that number)"}});
  static const auto dismissal_list =
      api::ListType("PairDismissalList", pair_dismissal_type(), true);
  api.add_schema(duplicate_pair_type());
  api.add_schema(pair_list);
  api.add_schema(pair_dismissal_type());
  api.add_schema(dismissal_list);
  api.add({.method = "GET",
           .pattern = "/api/v1/persons/duplicate-pairs",
           .action = "persons.read",
           .summary = "Pairs of records that may be one person, best first, those marked as two "
                      "persons left out (an operator: pairs of persons its centres host or hosted)",
           .tag = "people",
           .paged = true,
           .response_schema = "DuplicatePairList",
           .reads_persons = true,
           .handler = pairs});
  // Marking a pair as two persons changes what everyone's queue shows: the Prefettura's, which
  // decides merges.
  api.add(
      {.method = "POST",
       .pattern = "/api/v1/person-pair-dismissals",
       .action = "persons.merge",
       .summary = "Mark two records as two different persons: the pair leaves the queue",
       .tag = "people",
       .body = {{.name = "person_id", .type = FieldType::integer, .required = true, .min_value = 1},
                {.name = "other_id", .type = FieldType::integer, .required = true, .min_value = 1},
                {.name = "reason", .required = true, .max_length = 500, .min_length = 3}},
       .response_schema = "PairDismissal",
       .success_status = 201,
       .reads_persons = true,
       .handler = dismiss});
  api.add({.method = "GET",
           .pattern = "/api/v1/person-pair-dismissals",
           .action = "persons.merge",
           .summary = "Pairs marked as two different persons, newest first",
           .tag = "people",
           .query = {{.name = "active",
                      .type = FieldType::boolean,
                      .description = "true: only those not undone"}},
           .paged = true,
           .response_schema = "PairDismissalList",
           .reads_persons = true,
           .handler = dismissals});
  api.add({.method = "POST",
           .pattern = "/api/v1/person-pair-dismissals/{id}/undo",
           .action = "persons.merge",
           .summary = "Undo a \"not the same person\": the pair is queued again",
           .tag = "people",
           .body = {{.name = "reason", .required = true, .max_length = 500, .min_length = 3}},
           .response_schema = "PairDismissal",
           .reads_persons = true,
           .handler = undo_dismiss});
}

}  // namespace

void add_duplicate_routes(api::Api& api) {
  static const auto candidates = api::ListType("DuplicateCandidateList", candidate_type(), false);
  static const auto merges = api::ListType("PersonMergeList", person_merge_type(), true);
  api.add_schema(reason_vocabulary());
  api.add_schema(candidate_type());
  api.add_schema(candidates);
  api.add_schema(person_merge_type());
  api.add_schema(merges);
  add_pair_routes(api);
  api.add({.method = "GET",
           .pattern = "/api/v1/persons/duplicates",
           .action = "persons.read",
           .summary = "Persons who may be the one described, best first (an operator: among "
                      "those its centres host or hosted)",
           .tag = "people",
           .query = {{.name = "family_name", .max_length = 100},
                     {.name = "given_names", .max_length = 100},
                     {.name = "birth_date", .type = FieldType::date},
                     {.name = "nationality", .max_length = 2},
                     {.name = "cui", .max_length = 20},
                     {.name = "document_number", .max_length = 40},
                     {.name = "person_id",
                      .type = FieldType::integer,
                      .description = "a recorded person's candidates: its fields (and its "
                                     "documents' numbers) fill those not given, and it is left "
                                     "out"}},
           .response_schema = "DuplicateCandidateList",
           .reads_persons = true,
           .handler = duplicates});
  const FieldSpec merge_body = {
      {.name = "kept_id", .type = FieldType::integer, .required = true, .min_value = 1},
      {.name = "merged_id", .type = FieldType::integer, .required = true, .min_value = 1},
      {.name = "reason", .required = true, .max_length = 500, .min_length = 3}};
  api.add({.method = "POST",
           .pattern = "/api/v1/person-merges",
           .action = "persons.merge",
           .summary = "Merge a duplicate record into the one kept",
           .tag = "people",
           .body = merge_body,
           .response_schema = "PersonMerge",
           .success_status = 201,
           .reads_persons = true,
           .handler = merge});
  api.add({.method = "POST",
           .pattern = "/api/v1/person-merges/preview",
           .action = "persons.merge",
           .summary = "What a merge would do (id 0), or why it is refused; changes nothing",
           .tag = "people",
           .body = merge_body,
           .response_schema = "PersonMerge",
           .reads_persons = true,
           .handler = preview});
  api.add({.method = "GET",
           .pattern = "/api/v1/person-merges",
           .action = "persons.merge",
           .summary = "Merges, newest first",
           .tag = "people",
           .query = {{.name = "person_id", .type = FieldType::integer}},
           .paged = true,
           .response_schema = "PersonMergeList",
           .reads_persons = true,
           .handler = list});
  api.add({.method = "GET",
           .pattern = "/api/v1/person-merges/{id}",
           .action = "persons.merge",
           .summary = "One merge",
           .tag = "people",
           .response_schema = "PersonMerge",
           .reads_persons = true,
           .handler = get});
  api.add({.method = "POST",
           .pattern = "/api/v1/person-merges/{id}/unmerge",
           .action = "persons.merge",
           .summary = "Undo a merge: both records as they were, each with what was its own",
           .tag = "people",
           .body = {{.name = "reason", .required = true, .max_length = 500, .min_length = 3}},
           .response_schema = "PersonMerge",
           .reads_persons = true,
           .handler = unmerge});
}

}  // namespace innet::people
