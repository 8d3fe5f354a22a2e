// Finding and registering a person by identity only (decision 0043): for the staff who must name
// a person on a record of theirs but hold no persons.read, the SUI officer opening a procedure's
// file. A query needs a name and a birth date (the passport on the desk), and answers at most
// kIdentityLimit persons with their record number, names, birth date and nationality: never
// their placements, cases, documents, family or identifiers. The read log names every person
// shown (decision 0010). A registration takes the same few fields and is refused when someone of
// that name and birth date is already recorded (the officer picks that record instead).
#include "people/identity_routes.h"

#include "auth/person_identity.h"
#include "core/clock.h"
#include "people/codes.h"
#include "people/persons.h"
#include "people/routes.h"

namespace innet::people {
namespace {

constexpr std::int64_t kIdentityLimit = 10;

const api::ObjectType<Person>& identity_type() {
  static const auto type =
      api::ObjectType<Person>("PersonIdentity",
                              "a person's identity only: the fields that tell one person from "
                              "another, nothing of their story")
          .field("id", &Person::id, {.description = "the record number"})
          .field("family_name", &Person::family_name)
          .field("given_names", &Person::given_names)
          .field("birth_date", &Person::birth_date, {.format = "date"})
          .field("nationality", &Person::nationality);
  return type;
}

// The persons born that day, as a restriction of the name search (persons.h's `among`).
db::Subquery born_on(const std::string& day) {
  return {"SELECT id FROM persons WHERE birth_date = ?", {day}};
}

Result<http::Response> identify(api::Context& ctx) {
  auto& q = ctx.request.query;
  PersonFilter f{.query = q["name"], .among = born_on(q["birth_date"])};
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto page, list_persons(*conn, f, Paging{1, kIdentityLimit}));
  ctx.record_read(page.items, &Person::id);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : page.items) items.push_back(identity_type().to_json(p));
  return api::ok(
      nlohmann::json{{"items", std::move(items)},
                     {"more", page.total > static_cast<std::int64_t>(page.items.size())}});
}

Result<http::Response> register_identity(api::Context& ctx) {
  const auto& b = ctx.body;
  Person p{.family_name = b["family_name"].get<std::string>(),
           .given_names = b["given_names"].get<std::string>(),
           .sex = b["sex"].get<std::string>(),
           .birth_date = b["birth_date"].get<std::string>(),
           .nationality = b["nationality"].get<std::string>()};
  if (!is_country_code(p.nationality))
    return Error::field(ErrorKind::invalid_input, "nationality", FieldError::invalid_country());
  if (*p.birth_date > clock::today().to_string())
    return Error::rule(ErrorKind::unprocessable, "future_date", "birth_date",
                       FieldError::future_date());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  // Someone of these names born that day is most likely this person: one record per person.
  PersonFilter same{.query = p.family_name + " " + p.given_names, .among = born_on(*p.birth_date)};
  INNET_ASSIGN_OR_RETURN(auto found, list_persons(*conn, same, Paging{1, 1}));
  if (!found.items.empty())
    return Error::rule(ErrorKind::conflict, "already_registered", "family_name",
                       FieldError::taken());
  INNET_ASSIGN_OR_RETURN(auto created, create_person(*conn, p));
  INNET_TRY(ctx.commit(ctx.audit("persons.create", "person", std::to_string(created.id))));
  return api::created(identity_type().to_json(created));
}

}  // namespace

void add_identity_routes(api::Api& api) {
  api.add_schema(identity_type());
  static const auto list =
      api::ListType("PersonIdentityList", identity_type(), false)
          .with("more", {{"type", "boolean"},
                         {"description", "more than " + std::to_string(kIdentityLimit) +
                                             " persons match: the caller narrows the name"}});
  api.add_schema(list);
  const std::string path = "/api/v1/persons/identities";
  api.add({.method = "GET",
           .pattern = path,
           .action = std::string(auth::kIdentifyPersons),
           .summary = "Find a person by name and birth date: identity fields only, at most " +
                      std::to_string(kIdentityLimit),
           .tag = "people",
           .query = {{.name = "name",
                      .required = true,
                      .max_length = 100,
                      .min_length = 2,
                      .description = "words of the names, in any order"},
                     {.name = "birth_date", .type = FieldType::date, .required = true}},
           .response_schema = "PersonIdentityList",
           .reads_persons = true,
           .handler = identify});
  api.add({.method = "POST",
           .pattern = path,
           .action = std::string(auth::kRegisterPersons),
           .summary = "Register a person the identity search did not find: identity fields only",
           .tag = "people",
           .body = {{.name = "family_name", .required = true, .max_length = 100, .min_length = 1},
                    {.name = "given_names", .required = true, .max_length = 100, .min_length = 1},
                    {.name = "sex", .required = true, .max_length = 20, .allowed = sexes()},
                    {.name = "birth_date", .type = FieldType::date, .required = true},
                    {.name = "nationality",
                     .required = true,
                     .max_length = 2,
                     .min_length = 2,
                     .description = "ISO 3166-1 alpha-2; XX stateless, ZZ unknown"}},
           .response_schema = "PersonIdentity",
           .success_status = 201,
           .handler = register_identity});
}

}  // namespace innet::people
