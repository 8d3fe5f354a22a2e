#include "directory/routes.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <set>
#include <unordered_map>

#include "directory/catalog.h"
#include "directory/interchange.h"
#include "directory/public_routes.h"
#include "directory/storage.h"
#include "geo/municipalities.h"

namespace innet::directory {
namespace {

using nlohmann::json;

// HsdsService, HsdsServiceAtLocation, ...
std::string schema_name(std::string_view table_name) {
  std::string out = "Hsds";
  bool upper = true;
  for (char ch : table_name) {
    if (ch == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(ch))) : ch;
    upper = false;
  }
  return out;
}

// The JSON Schema of a table's objects in our OpenAPI document, from the same description as
// the answers (hsds.h): the fields (absent when they have no value, so never null) and the
// nested objects. Extra properties are allowed, as HSDS allows them.
json table_schema(const Table& t) {
  json properties = json::object();
  json required = json::array();
  for (const auto& f : t.fields) {
    json p = {{"type", f.kind == Kind::number ? "number" : "string"}};
    if (f.kind == Kind::uuid) p["format"] = "uuid";
    if (f.kind == Kind::date) p["format"] = "date";
    if (f.kind == Kind::datetime) p["format"] = "date-time";
    if (f.kind == Kind::email) p["format"] = "email";
    if (f.kind == Kind::uri) p["format"] = "uri";
    if (f.kind == Kind::choice)
      p["enum"] = json(std::vector<std::string>(f.choices.begin(), f.choices.end()));
    properties[std::string(f.name)] = std::move(p);
    if (f.required) required.push_back(f.name);
  }
  for (const auto& n : t.nested) {
    auto target = api::ref(schema_name(n.table));
    properties[std::string(n.key)] = n.many ? json{{"type", "array"}, {"items", target}} : target;
  }
  return {{"type", "object"},
          {"description", "HSDS 3.1 " + std::string(t.name)},
          {"required", required},
          {"properties", properties}};
}

json page_schema(const Table& t) {
  return {{"type", "object"},
          {"description", "An HSDS page of " + std::string(t.resource)},
          {"required",
           {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty",
            "contents"}},
          {"additionalProperties", false},
          {"properties",
           {{"total_items", {{"type", "integer"}}},
            {"total_pages", {{"type", "integer"}}},
            {"page_number", {{"type", "integer"}}},
            {"size", {{"type", "integer"}}},
            {"first_page", {{"type", "boolean"}}},
            {"last_page", {{"type", "boolean"}}},
            {"empty", {{"type", "boolean"}}},
            {"contents", {{"type", "array"}, {"items", api::ref(schema_name(t.name))}}}}}};
}

// The public never sees a confidential location's address or coordinates, however it reaches
// it (a service's places, an organisation's locations).
Result<Lookup> public_lookup(db::Connection& c) {
  INNET_ASSIGN_OR_RETURN(auto hidden, confidential_locations(c));
  auto confidential = std::make_shared<std::set<std::string>>(hidden.begin(), hidden.end());
  Lookup stored = database_lookup(c);
  return Lookup([stored, confidential](const Table& t, std::string_view field,
                                       const std::string& value) -> Result<std::vector<Record>> {
    INNET_ASSIGN_OR_RETURN(auto records, stored(t, field, value));
    if (confidential->empty()) return records;
    if (t.name == "location") {
      for (auto& r : records)
        if (confidential->contains(r.id())) {
          r.set("latitude", std::nullopt);
          r.set("longitude", std::nullopt);
        }
    } else if (t.name == "address") {
      std::erase_if(records, [&](const Record& r) {
        const auto& location = r.value("location_id");
        return location && confidential->contains(*location);
      });
    }
    return records;
  });
}

innet::Field uuid_parameter(const char* name, const char* description) {
  return {.name = name, .max_length = 36, .description = description};
}

// A uuid in the query: anything else is refused, naming the parameter.
Result<std::optional<std::string>> uuid_query(const api::Context& ctx, const char* name) {
  auto it = ctx.request.query.find(name);
  if (it == ctx.request.query.end() || it->second.empty()) return std::optional<std::string>();
  if (!is_uuid(it->second))
    return Error::field(ErrorKind::invalid_input, name, FieldError::wrong_type("uuid"));
  return std::optional<std::string>(it->second);
}

Result<http::Response> page_of(api::Context& ctx, const Table& t, const ListFilter& filter) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  INNET_ASSIGN_OR_RETURN(auto* conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto page, list(*conn, t, filter, paging));
  INNET_ASSIGN_OR_RETURN(auto lookup, public_lookup(*conn));
  json contents = json::array();
  for (const auto& r : page.items) {
    INNET_ASSIGN_OR_RETURN(auto j, nest(r, lookup, false));
    contents.push_back(std::move(j));
  }
  const std::int64_t pages = (page.total + paging.per_page - 1) / paging.per_page;
  return api::ok(json{{"total_items", page.total},
                      {"total_pages", pages},
                      {"page_number", paging.page},
                      {"size", contents.size()},
                      {"first_page", paging.page == 1},
                      {"last_page", paging.page >= pages},
                      {"empty", contents.empty()},
                      {"contents", std::move(contents)}});
}

// HSDS's `search` (full text, through the directory's search index) and `proximity` (metres
// from the centroid of `postcode`: the mean of the centroids of the municipalities that use the
// code, decision 0037). The index gives the matching services in its order (relevance, or
// distance without words); the other filters are applied by SQL on batches of them; the page is
// cut from what remains.
Result<http::Response> searched_page_of(api::Context& ctx, const Table& t, ListFilter filter,
                                        const std::optional<std::string>& text,
                                        const std::optional<std::string>& proximity) {
  search::Query q;
  q.text = text.value_or("");
  q.limit = std::numeric_limits<std::size_t>::max();
  if (proximity) {
    double metres = 0;
    auto [ptr, ec] =
        std::from_chars(proximity->data(), proximity->data() + proximity->size(), metres);
    if (ec != std::errc() || ptr != proximity->data() + proximity->size() || !(metres > 0) ||
        metres > 100000)
      return Error::field(ErrorKind::invalid_input, "proximity",
                          FieldError::out_of_range(0, 100000));
    if (!filter.postcode)
      return Error::field(ErrorKind::invalid_input, "proximity",
                          FieldError::both_or_neither("postcode"));
    auto places = geo::municipalities_with_postcode(*filter.postcode);
    if (places.empty())
      return Error::field(ErrorKind::invalid_input, "postcode",
                          FieldError::not_found("postal code of the Metropolitan City of Palermo"));
    double lat = 0, lon = 0;
    for (const auto* m : places) lat += m->latitude, lon += m->longitude;
    q.near = search::GeoPoint{lat / places.size(), lon / places.size()};
    q.within_km = metres / 1000;
    filter.postcode.reset();  // the distance replaces the code's own equality
  }
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  INNET_ASSIGN_OR_RETURN(auto* conn, ctx.db());
  INNET_TRY(catalog().refresh(*conn));
  const auto found = catalog().index().query(q);
  std::vector<Record> matching;
  constexpr std::size_t kBatch = 500;
  for (std::size_t from = 0; from < found.hits.size(); from += kBatch) {
    std::vector<std::string> ids;
    for (std::size_t i = from; i < std::min(found.hits.size(), from + kBatch); ++i)
      ids.push_back(found.hits[i].id);
    ListFilter batch = filter;
    batch.ids = ids;
    INNET_ASSIGN_OR_RETURN(auto rows, list(*conn, t, batch, Paging{1, kBatch}));
    std::unordered_map<std::string, Record> by_id;
    for (auto& r : rows.items) by_id.emplace(r.id(), std::move(r));
    for (const auto& id : ids)
      if (auto it = by_id.find(id); it != by_id.end()) matching.push_back(std::move(it->second));
  }
  INNET_ASSIGN_OR_RETURN(auto lookup, public_lookup(*conn));
  json contents = json::array();
  const auto first = static_cast<std::size_t>(paging.offset());
  for (std::size_t i = first; i < matching.size() && i < first + paging.per_page; ++i) {
    INNET_ASSIGN_OR_RETURN(auto j, nest(matching[i], lookup, false));
    contents.push_back(std::move(j));
  }
  const auto total = static_cast<std::int64_t>(matching.size());
  const std::int64_t pages = (total + paging.per_page - 1) / paging.per_page;
  return api::ok(json{{"total_items", total},
                      {"total_pages", pages},
                      {"page_number", paging.page},
                      {"size", contents.size()},
                      {"first_page", paging.page == 1},
                      {"last_page", paging.page >= pages},
                      {"empty", contents.empty()},
                      {"contents", std::move(contents)}});
}

Result<http::Response> one_of(api::Context& ctx, const Table& t) {
  const std::string id = ctx.param("id");
  if (!is_uuid(id)) return Error::not_found(std::string(t.name));
  INNET_ASSIGN_OR_RETURN(auto* conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto lookup, public_lookup(*conn));
  INNET_ASSIGN_OR_RETURN(auto found, lookup(t, "id", id));
  if (found.empty()) return Error::not_found(std::string(t.name));
  INNET_ASSIGN_OR_RETURN(auto j, nest(found.front(), lookup, true));
  return api::ok(j);
}

constexpr const char* kBase = "/api/v1/hsds";

}  // namespace

void add_routes(api::Api& api) {
  for (const auto& t : tables()) api.add_schema(schema_name(t.name), table_schema(t));
  api.add_schema("HsdsRoot", {{"type", "object"},
                              {"required", {"version", "profile", "openapi_url"}},
                              {"properties",
                               {{"version", {{"type", "string"}}},
                                {"profile", {{"type", "string"}, {"format", "uri"}}},
                                {"openapi_url", {{"type", "string"}, {"format", "uri"}}}}}});
  api.add({.method = "GET",
           .pattern = kBase,
           .action = std::string(auth::kPublic),
           .summary = "HSDS API: the version and profile of this directory",
           .tag = "hsds",
           .response_schema = "HsdsRoot",
           .handler = [](api::Context& ctx) -> Result<http::Response> {
             const auto& site = ctx.services.settings.public_url;
             return api::ok(json{
                 {"version", "3.1"},
                 {"profile", "urn:innet:hsds-profile:palermo"},
                 {"openapi_url", site.empty() ? "https://raw.githubusercontent.com/openreferral/"
                                                "specification/3.1/schema/openapi.json"
                                              : site + "/api/v1/openapi.json"}});
           }});

  const FieldSpec id_path = {{.name = "id", .max_length = 100, .description = "the record's uuid"}};
  const innet::Field page = {.name = "page", .type = FieldType::integer, .min_value = 1};
  const innet::Field per_page = {
      .name = "per_page", .type = FieldType::integer, .min_value = 1, .max_value = 100};
  const innet::Field organization =
      uuid_parameter("organization_id", "services of this organization");
  const innet::Field term = uuid_parameter("taxonomy_term_id", "services linked to this term");
  const innet::Field taxonomy = uuid_parameter("taxonomy_id", "services linked to a term of it");
  const innet::Field modified = {.name = "modified_after",
                                 .max_length = 40,
                                 .description = "services modified at or after this UTC timestamp"};
  const innet::Field postcode = {.name = "postcode",
                                 .max_length = 20,
                                 .description = "services at an address with this postal code"};

  struct Listed {
    const char* path;
    const char* table;
    FieldSpec query;
  };
  const std::vector<Listed> listed = {
      {"/services",
       "service",
       {page,
        per_page,
        organization,
        term,
        taxonomy,
        modified,
        postcode,
        {.name = "search",
         .max_length = 200,
         .description = "full text in any of the six languages (the portal's search)"},
        {.name = "proximity",
         .max_length = 10,
         .description = "with postcode: services within this many metres of its centroid"}}},
      {"/service_at_locations",
       "service_at_location",
       {page, per_page, organization, term, taxonomy, modified, postcode}},
      {"/organizations", "organization", {page, per_page}},
      {"/taxonomies", "taxonomy", {page, per_page}},
      {"/taxonomy_terms",
       "taxonomy_term",
       {page,
        per_page,
        taxonomy,
        uuid_parameter("parent_id", "the terms under this one"),
        {.name = "top_only", .type = FieldType::boolean, .description = "terms without a parent"}}},
  };
  for (const auto& l : listed) {
    const Table& t = *table(l.table);
    api.add_schema(schema_name(t.name) + "Page", page_schema(t));
    api.add({.method = "GET",
             .pattern = std::string(kBase) + l.path,
             .action = std::string(auth::kPublic),
             .summary = "HSDS API: a page of " + std::string(t.resource),
             .tag = "hsds",
             .query = l.query,
             .response_schema = schema_name(t.name) + "Page",
             .handler = [&t](api::Context& ctx) -> Result<http::Response> {
               ListFilter filter;
               INNET_ASSIGN_OR_RETURN(filter.organization_id, uuid_query(ctx, "organization_id"));
               INNET_ASSIGN_OR_RETURN(filter.taxonomy_term_id, uuid_query(ctx, "taxonomy_term_id"));
               INNET_ASSIGN_OR_RETURN(filter.taxonomy_id, uuid_query(ctx, "taxonomy_id"));
               INNET_ASSIGN_OR_RETURN(filter.parent_id, uuid_query(ctx, "parent_id"));
               const auto& q = ctx.request.query;
               if (auto it = q.find("modified_after"); it != q.end() && !it->second.empty()) {
                 if (!is_timestamp(it->second))
                   return Error::field(ErrorKind::invalid_input, "modified_after",
                                       FieldError::wrong_type("timestamp"));
                 filter.modified_after = it->second;
               }
               if (auto it = q.find("postcode"); it != q.end() && !it->second.empty())
                 filter.postcode = it->second;
               if (auto it = q.find("top_only"); it != q.end())
                 filter.top_only = it->second == "true";
               std::optional<std::string> text, proximity;
               if (auto it = q.find("search"); it != q.end() && !it->second.empty())
                 text = it->second;
               if (auto it = q.find("proximity"); it != q.end() && !it->second.empty())
                 proximity = it->second;
               if (t.name == "service" && (text || proximity))
                 return searched_page_of(ctx, t, filter, text, proximity);
               return page_of(ctx, t, filter);
             }});
    api.add(
        {.method = "GET",
         .pattern = std::string(kBase) + l.path + "/{id}",
         .action = std::string(auth::kPublic),
         .summary = "HSDS API: one of " + std::string(t.resource) + ", with its nested objects",
         .tag = "hsds",
         .path = id_path,
         .response_schema = schema_name(t.name),
         .handler = [&t](api::Context& ctx) -> Result<http::Response> { return one_of(ctx, t); }});
  }
}

}  // namespace innet::directory
