#include "directory/public_routes.h"

#include <charconv>
#include <ctime>
#include <map>

#include "directory/catalog.h"
#include "directory/profile.h"
#include "directory/storage.h"

namespace innet::directory {
namespace {

using nlohmann::json;

struct OrganizationRef {
  std::string id, name;
};
struct MunicipalityRef {
  std::string istat_code, name;
};
struct ServiceHit {
  std::string id, name, description, lang;
  OrganizationRef organization;
  std::vector<std::string> categories, target_groups;
  std::optional<MunicipalityRef> municipality;
  std::optional<std::string> address;
  std::optional<double> latitude, longitude;
  std::optional<bool> free;
  std::vector<std::string> languages;
  std::optional<bool> open_now;
  std::optional<double> distance_km;
  std::optional<std::string> last_verified_on;
};
struct PhoneOut {
  std::string number;
  std::optional<std::string> description;
};
struct OpeningOut {
  int weekday = 1;
  std::string opens_at, closes_at;
};
struct PlaceOut {
  std::optional<std::string> name, address;
  std::optional<double> latitude, longitude;
  bool confidential = false;
};
struct ServiceDetail {
  ServiceHit hit;
  std::optional<std::string> eligibility, application_process, fees_description, url, email,
      schedule_notes;
  std::vector<PhoneOut> phones;
  std::vector<OpeningOut> openings;
  std::vector<std::string> required_documents, permit_types;
  std::vector<PlaceOut> locations;
};
struct TermOut {
  std::string code, id, label;
  std::int64_t count = 0;
};
struct Suggestion {
  std::string text;
};

std::vector<std::string> language_list() {
  return {profile::kLabelLanguages.begin(), profile::kLabelLanguages.end()};
}

std::vector<std::string> codes_of(const std::span<const profile::TermId> terms) {
  std::vector<std::string> out;
  for (const auto& t : terms) out.emplace_back(t.code);
  return out;
}

const api::ObjectType<OrganizationRef>& organization_type() {
  static const auto t = api::ObjectType<OrganizationRef>("DirectoryOrganizationRef")
                            .field("id", &OrganizationRef::id, {.format = "uuid"})
                            .field("name", &OrganizationRef::name);
  return t;
}
const api::ObjectType<MunicipalityRef>& municipality_type() {
  static const auto t =
      api::ObjectType<MunicipalityRef>("DirectoryMunicipality")
          .field("istat_code", &MunicipalityRef::istat_code, {.description = "6 digits"})
          .field("name", &MunicipalityRef::name);
  return t;
}
const api::ObjectType<ServiceHit>& hit_type() {
  static const auto t =
      api::ObjectType<ServiceHit>("DirectoryServiceHit",
                                  "A service as a search lists it; a confidential place's "
                                  "address and coordinates are never given")
          .field("id", &ServiceHit::id, {.format = "uuid"})
          .field("name", &ServiceHit::name)
          .field("description", &ServiceHit::description,
                 {.description = "at most about 280 characters, cut at a word"})
          .field("lang", &ServiceHit::lang,
                 {.description = "the language of the texts: the one asked when translated, "
                                 "else it",
                  .allowed = language_list()})
          .field("organization", &ServiceHit::organization, organization_type())
          .field("categories", &ServiceHit::categories,
                 {.schema = {{"type", "array"},
                             {"items",
                              {{"type", "string"}, {"enum", codes_of(profile::kCategories)}}}}})
          .field("target_groups", &ServiceHit::target_groups,
                 {.schema = {{"type", "array"},
                             {"items",
                              {{"type", "string"}, {"enum", codes_of(profile::kTargetGroups)}}}}})
          .field("municipality", &ServiceHit::municipality, municipality_type())
          .field("address", &ServiceHit::address)
          .field("latitude", &ServiceHit::latitude)
          .field("longitude", &ServiceHit::longitude)
          .field("free", &ServiceHit::free,
                 {.description = "free of charge; null when its costs are not given"})
          .field("languages", &ServiceHit::languages, {.description = "ISO 639 codes spoken"})
          .field("open_now", &ServiceHit::open_now,
                 {.description = "null when its hours are not plain weekly hours"})
          .field("distance_km", &ServiceHit::distance_km,
                 {.description = "to its nearest public place, when near is given"})
          .field("last_verified_on", &ServiceHit::last_verified_on, {.format = "date"});
  return t;
}
const api::ObjectType<PhoneOut>& phone_type() {
  static const auto t = api::ObjectType<PhoneOut>("DirectoryPhone")
                            .field("number", &PhoneOut::number)
                            .field("description", &PhoneOut::description);
  return t;
}
const api::ObjectType<OpeningOut>& opening_type() {
  static const auto t =
      api::ObjectType<OpeningOut>("DirectoryOpening")
          .field("weekday", &OpeningOut::weekday, {.description = "1 = Monday .. 7 = Sunday"})
          .field("opens_at", &OpeningOut::opens_at, {.description = "HH:MM, local time"})
          .field("closes_at", &OpeningOut::closes_at, {.description = "HH:MM; 24:00 = midnight"});
  return t;
}
const api::ObjectType<PlaceOut>& place_type() {
  static const auto t =
      api::ObjectType<PlaceOut>("DirectoryPlace")
          .field("name", &PlaceOut::name)
          .field("address", &PlaceOut::address, {.description = "null for a confidential place"})
          .field("latitude", &PlaceOut::latitude)
          .field("longitude", &PlaceOut::longitude)
          .field("confidential", &PlaceOut::confidential);
  return t;
}
const api::ObjectType<ServiceDetail>& detail_type() {
  static const auto t =
      api::ObjectType<ServiceDetail>("DirectoryService", "One service with all it shows")
          .include(hit_type(), &ServiceDetail::hit)
          .field("eligibility", &ServiceDetail::eligibility)
          .field("application_process", &ServiceDetail::application_process)
          .field("fees_description", &ServiceDetail::fees_description)
          .field("url", &ServiceDetail::url)
          .field("email", &ServiceDetail::email)
          .field("schedule_notes", &ServiceDetail::schedule_notes)
          .field("phones", &ServiceDetail::phones, phone_type())
          .field("openings", &ServiceDetail::openings, opening_type())
          .field("required_documents", &ServiceDetail::required_documents)
          .field("permit_types", &ServiceDetail::permit_types,
                 {.schema = {{"type", "array"},
                             {"items",
                              {{"type", "string"}, {"enum", codes_of(profile::kPermitTypes)}}}}})
          .field("locations", &ServiceDetail::locations, place_type());
  return t;
}
const api::ObjectType<TermOut>& term_type() {
  static const auto t =
      api::ObjectType<TermOut>("DirectoryTerm")
          .field("code", &TermOut::code)
          .field("id", &TermOut::id, {.format = "uuid"})
          .field("label", &TermOut::label)
          .field("count", &TermOut::count, {.description = "active services with the term"});
  return t;
}
const api::ObjectType<Suggestion>& suggestion_type() {
  static const auto t =
      api::ObjectType<Suggestion>("DirectoryTypeaheadItem").field("text", &Suggestion::text);
  return t;
}

// --- Parameters -------------------------------------------------------------------------------

std::optional<std::string> query_value(const api::Context& ctx, const char* name) {
  auto it = ctx.request.query.find(name);
  if (it == ctx.request.query.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::string lang_of(const api::Context& ctx) {
  return query_value(ctx, "lang").value_or("it");  // checked against the six by the route
}

std::vector<std::string_view> split(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    auto comma = text.find(',');
    auto part = text.substr(0, comma);
    if (!part.empty()) out.push_back(part);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

// Codes of one taxonomy -> their term ids (every one must be a code of it).
Result<std::vector<std::string>> term_ids_of(const api::Context& ctx, const char* name,
                                             std::span<const profile::TermId> terms) {
  std::vector<std::string> out;
  auto value = query_value(ctx, name);
  if (!value) return out;
  for (auto code : split(*value)) {
    auto it = std::find_if(terms.begin(), terms.end(),
                           [&](const profile::TermId& t) { return t.code == code; });
    if (it == terms.end())
      return Error::field(ErrorKind::invalid_input, name, FieldError::not_in_list(codes_of(terms)));
    out.emplace_back(it->id);
  }
  return out;
}

std::optional<double> parse_double(std::string_view text) {
  double v = 0;
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

// Local day and minute now (the server runs in Europe/Rome: clock.h).
std::pair<CivilDay, int> local_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  const CivilDay day{std::chrono::year_month_day{std::chrono::year{tm.tm_year + 1900},
                                                 std::chrono::month{unsigned(tm.tm_mon + 1)},
                                                 std::chrono::day{unsigned(tm.tm_mday)}}};
  return {day, tm.tm_hour * 60 + tm.tm_min};
}

bool open_at(const Listing& l, std::pair<CivilDay, int> when) {
  const int weekday = static_cast<int>(when.first.weekday().iso_encoding()) - 1;
  for (const auto& o : l.openings)
    if (o.weekday == weekday && o.opens_minute <= when.second && when.second < o.closes_minute &&
        (!o.valid_from || *o.valid_from <= when.first) &&
        (!o.valid_to || when.first <= *o.valid_to))
      return true;
  return false;
}

ServiceHit hit_of(const Listing& l, const std::string& lang, std::optional<double> distance) {
  ServiceHit h;
  h.id = l.service.id();
  h.lang = l.language_of(lang);
  h.name = l.text("name", h.lang).value_or("");
  h.description = excerpt(l.text("description", h.lang).value_or(""), 280);
  if (l.organization) h.organization = {l.organization->id(), l.organization_name(h.lang)};
  for (const auto& id : l.term_ids) {
    const profile::Taxonomy* taxonomy = nullptr;
    const auto* term = profile::term_by_id(id, &taxonomy);
    if (!term) continue;
    if (taxonomy == &profile::kCategory) h.categories.emplace_back(term->code);
    if (taxonomy == &profile::kTargetGroup) h.target_groups.emplace_back(term->code);
  }
  if (const Place* p = l.first_place()) {
    if (p->municipality)
      h.municipality = MunicipalityRef{std::string(p->municipality->istat_code),
                                       std::string(p->municipality->name)};
    h.address = p->address;
    h.latitude = p->latitude;
    h.longitude = p->longitude;
  }
  h.free = l.free;
  h.languages = l.languages;
  if (!l.openings.empty()) h.open_now = open_at(l, local_now());
  h.distance_km = distance;
  h.last_verified_on = l.last_verified_on;
  return h;
}

std::string hhmm(int minute) {
  char out[16];
  std::snprintf(out, sizeof out, "%02d:%02d", minute / 60, minute % 60);
  return out;
}

// The texts of other records of the service (schedules, documents, phones) in `lang`.
Result<std::map<std::pair<std::string, std::string>, std::string>> texts_in(
    db::Connection& c, std::string_view table_name, const std::vector<std::string>& ids,
    const std::string& lang) {
  std::map<std::pair<std::string, std::string>, std::string> out;
  if (lang == "it" || ids.empty()) return out;
  INNET_ASSIGN_OR_RETURN(auto all, load_translations(c, table_name, ids));
  for (auto& t : all)
    if (t.language == lang) out[{t.record_id, t.field}] = std::move(t.text);
  return out;
}

Result<ServiceDetail> detail_of(db::Connection& c, const Listing& l, const std::string& lang) {
  ServiceDetail d;
  d.hit = hit_of(l, lang, std::nullopt);
  const std::string& in = d.hit.lang;
  d.eligibility = l.text("eligibility_description", in);
  d.application_process = l.text("application_process", in);
  d.fees_description = l.text("fees_description", in);
  d.url = l.service.value("url");
  d.email = l.service.value("email");
  for (const auto& id : l.term_ids) {
    const profile::Taxonomy* taxonomy = nullptr;
    const auto* term = profile::term_by_id(id, &taxonomy);
    if (term && taxonomy == &profile::kPermitType) d.permit_types.emplace_back(term->code);
  }
  for (const auto& o : l.openings)
    d.openings.push_back({o.weekday + 1, hhmm(o.opens_minute), hhmm(o.closes_minute)});
  std::vector<std::string> schedule_ids;
  for (const auto& s : l.schedules) schedule_ids.push_back(s.id());
  INNET_ASSIGN_OR_RETURN(auto schedule_texts, texts_in(c, "schedule", schedule_ids, in));
  for (const auto& s : l.schedules) {
    for (const char* field : {"notes", "description"}) {
      auto translated = schedule_texts.find({s.id(), field});
      std::optional<std::string> text =
          translated != schedule_texts.end() ? std::optional(translated->second) : s.value(field);
      if (text && !text->empty()) {
        d.schedule_notes = d.schedule_notes ? *d.schedule_notes + "\n" + *text : *text;
        break;
      }
    }
  }
  const std::vector<std::string> self{l.service.id()};
  INNET_ASSIGN_OR_RETURN(auto phones, load_in(c, *table("phone"), "service_id", self));
  std::vector<std::string> phone_ids;
  for (const auto& p : phones) phone_ids.push_back(p.id());
  INNET_ASSIGN_OR_RETURN(auto phone_texts, texts_in(c, "phone", phone_ids, in));
  for (const auto& p : phones) {
    auto translated = phone_texts.find({p.id(), "description"});
    d.phones.push_back({p.value("number").value_or(""), translated != phone_texts.end()
                                                            ? std::optional(translated->second)
                                                            : p.value("description")});
  }
  INNET_ASSIGN_OR_RETURN(auto documents,
                         load_in(c, *table("required_document"), "service_id", self));
  std::vector<std::string> document_ids;
  for (const auto& r : documents) document_ids.push_back(r.id());
  INNET_ASSIGN_OR_RETURN(auto document_texts, texts_in(c, "required_document", document_ids, in));
  for (const auto& r : documents) {
    auto translated = document_texts.find({r.id(), "document"});
    if (translated != document_texts.end())
      d.required_documents.push_back(translated->second);
    else if (const auto& text = r.value("document"))
      d.required_documents.push_back(*text);
  }
  std::vector<std::string> location_ids;
  for (const auto& p : l.places) location_ids.push_back(p.location_id);
  INNET_ASSIGN_OR_RETURN(auto location_texts, texts_in(c, "location", location_ids, in));
  for (const auto& p : l.places) {
    auto translated = location_texts.find({p.location_id, "name"});
    d.locations.push_back(
        {translated != location_texts.end() ? std::optional(translated->second) : p.name, p.address,
         p.latitude, p.longitude, p.confidential});
  }
  return d;
}

// The index, current: refreshed from the change counter before each answer (catalog.h).
Result<const search::Index*> current_index(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto* conn, ctx.db());
  INNET_TRY(catalog().refresh(*conn));
  return &catalog().index();
}

constexpr const char* kBase = "/api/v1/directory";

innet::Field lang_parameter() {
  return {.name = "lang",
          .max_length = 2,
          .allowed = language_list(),
          .description = "the reader's language (default it)"};
}

Result<http::Response> search_route(api::Context& ctx) {
  search::Query q;
  const std::string lang = lang_of(ctx);
  q.language = search::parse_language(lang);
  q.text = query_value(ctx, "q").value_or("");
  for (auto [name, terms] :
       {std::pair{"category", std::span<const profile::TermId>(profile::kCategories)},
        std::pair{"target_group", std::span<const profile::TermId>(profile::kTargetGroups)},
        std::pair{"permit_type", std::span<const profile::TermId>(profile::kPermitTypes)}}) {
    INNET_ASSIGN_OR_RETURN(auto ids, term_ids_of(ctx, name, terms));
    // Codes of one taxonomy: any of them; the taxonomies together: all.
    if (!ids.empty()) q.any_terms.push_back(std::move(ids));
  }
  if (auto m = query_value(ctx, "municipality")) q.any_municipality.push_back(*m);
  if (auto l = query_value(ctx, "language")) {
    if (l->size() != 2 ||
        !std::all_of(l->begin(), l->end(), [](char c) { return c >= 'a' && c <= 'z'; }))
      return Error::field(ErrorKind::invalid_input, "language", FieldError::invalid_language());
    q.language_spoken = *l;
  }
  q.free_only = query_value(ctx, "free") == std::optional<std::string>("true");
  if (query_value(ctx, "open_now") == std::optional<std::string>("true")) q.open_at = local_now();
  if (auto near = query_value(ctx, "near")) {
    q.near = parse_point(*near);
    if (!q.near)
      return Error::field(ErrorKind::invalid_input, "near", FieldError::wrong_type("lat,lon"));
    q.within_km = 10;
  }
  if (auto radius = query_value(ctx, "radius_km")) {
    auto r = parse_double(*radius);
    if (!r || *r <= 0 || *r > 100)
      return Error::field(ErrorKind::invalid_input, "radius_km", FieldError::out_of_range(0, 100));
    if (!q.near)
      return Error::field(ErrorKind::invalid_input, "radius_km",
                          FieldError::both_or_neither("near"));
    q.within_km = *r;
  }
  const auto sort = query_value(ctx, "sort").value_or("relevance");
  if (sort == "distance") {
    if (!q.near)
      return Error::field(ErrorKind::invalid_input, "sort", FieldError::both_or_neither("near"));
    q.nearest_first = true;
  }
  std::int64_t page = 1, per_page = 20;
  if (auto p = query_value(ctx, "page")) {
    auto n = parse_double(*p);
    if (!n || *n != std::floor(*n) || *n < 1 || *n > 10000)
      return Error::field(ErrorKind::invalid_input, "page", FieldError::out_of_range(1, 10000));
    page = static_cast<std::int64_t>(*n);
  }
  if (auto p = query_value(ctx, "per_page")) {
    auto n = parse_double(*p);
    if (!n || *n != std::floor(*n) || *n < 1 || *n > 50)
      return Error::field(ErrorKind::invalid_input, "per_page", FieldError::out_of_range(1, 50));
    per_page = static_cast<std::int64_t>(*n);
  }
  q.offset = static_cast<std::size_t>((page - 1) * per_page);
  q.limit = static_cast<std::size_t>(per_page);

  INNET_ASSIGN_OR_RETURN(const search::Index* index, current_index(ctx));
  const search::Page found = index->query(q);
  std::vector<std::string> ids;
  for (const auto& h : found.hits) ids.push_back(h.id);
  INNET_ASSIGN_OR_RETURN(auto* conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto listings, read_listings(*conn, ids));
  std::map<std::string, const Listing*> by_id;
  for (const auto& l : listings) by_id.emplace(l.service.id(), &l);
  json items = json::array();
  for (const auto& h : found.hits) {
    auto it = by_id.find(h.id);
    // The database is the truth: a service withdrawn since the index last heard is left out.
    if (it == by_id.end() || !it->second->active()) continue;
    std::optional<double> distance;
    if (h.distance_km) distance = std::round(*h.distance_km * 100) / 100;
    items.push_back(hit_type().to_json(hit_of(*it->second, lang, distance)));
  }
  return api::ok(json{{"items", std::move(items)},
                      {"total", found.total},
                      {"page", page},
                      {"per_page", per_page},
                      {"partial", found.partial}});
}

Result<http::Response> suggest_route(api::Context& ctx) {
  const std::string lang = lang_of(ctx);
  const std::string text = query_value(ctx, "q").value_or("");
  json items = json::array();
  if (search::fold(text).size() < 2) return api::ok(json{{"items", items}});
  std::vector<std::string> seen;
  auto add = [&](std::string s) {
    if (items.size() >= 8 || s.empty()) return;
    const auto key = search::fold(s);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) return;
    seen.push_back(key);
    items.push_back(suggestion_type().to_json({std::move(s)}));
  };
  // Labels of categories and target groups whose words start with what was typed.
  const auto typed = search::fold(text);
  for (const auto& t : profile::taxonomies()) {
    if (t.taxonomy == &profile::kPermitType) continue;
    for (const auto& term : t.terms) {
      const auto label = std::string(profile::label(*profile::labels(term.id), lang));
      const auto folded = " " + search::fold(label);
      if (folded.find(" " + typed) != std::string::npos) add(label);
    }
  }
  search::Query q;
  q.text = text;
  q.language = search::parse_language(lang);
  q.limit = 8;
  INNET_ASSIGN_OR_RETURN(const search::Index* index, current_index(ctx));
  const auto found = index->query(q);
  std::vector<std::string> ids;
  for (const auto& h : found.hits) ids.push_back(h.id);
  INNET_ASSIGN_OR_RETURN(auto* conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto listings, read_listings(*conn, ids));
  for (const auto& l : listings)
    if (l.active()) add(l.text("name", l.language_of(lang)).value_or(""));
  return api::ok(json{{"items", std::move(items)}});
}

Result<http::Response> service_route(api::Context& ctx) {
  const std::string id = ctx.param("id");
  if (!is_uuid(id)) return Error::not_found("service");
  INNET_ASSIGN_OR_RETURN(auto* conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto listings, read_listings(*conn, {id}));
  if (listings.empty() || !listings.front().active()) return Error::not_found("service");
  INNET_ASSIGN_OR_RETURN(auto detail, detail_of(*conn, listings.front(), lang_of(ctx)));
  return api::ok(detail_type(), detail);
}

Result<http::Response> terms_route(api::Context& ctx) {
  const std::string lang = lang_of(ctx);
  INNET_ASSIGN_OR_RETURN(const search::Index* index, current_index(ctx));
  json out = json::object();
  for (const auto& t : profile::taxonomies()) {
    json terms = json::array();
    for (const auto& term : t.terms) {
      search::Query q;
      q.all_terms = {std::string(term.id)};
      q.limit = 0;
      const auto count = static_cast<std::int64_t>(index->query(q).total);
      terms.push_back(term_type().to_json(
          {std::string(term.code), std::string(term.id),
           std::string(profile::label(*profile::labels(term.id), lang)), count}));
    }
    out[std::string(t.taxonomy->code)] = std::move(terms);
  }
  return api::ok(out);
}

}  // namespace

std::optional<search::GeoPoint> parse_point(std::string_view text) {
  const auto comma = text.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  auto lat = parse_double(text.substr(0, comma));
  auto lon = parse_double(text.substr(comma + 1));
  if (!lat || !lon || *lat < -90 || *lat > 90 || *lon < -180 || *lon > 180) return std::nullopt;
  return search::GeoPoint{*lat, *lon};
}

void add_public_routes(api::Api& api) {
  static const api::ListType search_page =
      api::ListType("DirectorySearchPage", hit_type(), true)
          .with("partial", {{"type", "boolean"},
                            {"description", "no service has every word: these have some"}});
  static const api::ListType suggestions("DirectoryTypeahead", suggestion_type(), false);
  api.add_schema(hit_type());
  api.add_schema(search_page);
  api.add_schema(detail_type());
  api.add_schema(suggestions);
  api.add_schema(term_type());
  json term_list = {{"type", "array"}, {"items", api::ref("DirectoryTerm")}};
  api.add_schema(
      "DirectoryTerms",
      {{"type", "object"},
       {"required", {"category", "target_group", "permit_type"}},
       {"additionalProperties", false},
       {"properties",
        {{"category", term_list}, {"target_group", term_list}, {"permit_type", term_list}}}});
  auto codes = [](const char* name, std::span<const profile::TermId> terms) {
    std::string all;
    for (const auto& t : terms) all += (all.empty() ? "" : ", ") + std::string(t.code);
    return innet::Field{.name = name, .max_length = 60, .description = "a code: " + all};
  };
  const FieldSpec search_query = {
      {.name = "q", .max_length = 200, .description = "words in any of the six languages"},
      lang_parameter(),
      codes("category", profile::kCategories),
      codes("target_group", profile::kTargetGroups),
      codes("permit_type", profile::kPermitTypes),
      {.name = "municipality",
       .max_length = 6,
       .description = "ISTAT code of a municipality",
       .digits_only = true,
       .exact_length = 6},
      {.name = "language", .max_length = 2, .description = "ISO 639-1 code of a language spoken"},
      {.name = "free", .type = FieldType::boolean, .description = "true: free of charge only"},
      {.name = "open_now",
       .type = FieldType::boolean,
       .description = "true: open now (Europe/Rome)"},
      {.name = "near", .max_length = 60, .description = "lat,lon (WGS84 degrees)"},
      {.name = "radius_km",
       .type = FieldType::number,
       .description = "with near: 0 < km <= 100, default 10"},
      {.name = "sort",
       .max_length = 20,
       .allowed = {"relevance", "distance"},
       .description = "distance needs near"},
      {.name = "page", .type = FieldType::integer, .min_value = 1, .max_value = 10000},
      {.name = "per_page",
       .type = FieldType::integer,
       .description = "default 20",
       .min_value = 1,
       .max_value = 50},
  };
  api.add(
      {.method = "GET",
       .pattern = std::string(kBase) + "/search",
       .action = std::string(auth::kPublic),
       .summary = "Public directory: search services (full text in six languages, filters, near)",
       .tag = "directory",
       .query = search_query,
       .response_schema = "DirectorySearchPage",
       .handler = search_route});
  api.add({.method = "GET",
           .pattern = std::string(kBase) + "/suggest",
           .action = std::string(auth::kPublic),
           .summary = "Public directory: up to 8 completions of what the visitor types",
           .tag = "directory",
           .query = {{.name = "q", .max_length = 100}, lang_parameter()},
           .response_schema = "DirectoryTypeahead",
           .handler = suggest_route});
  api.add({.method = "GET",
           .pattern = std::string(kBase) + "/services/{id}",
           .action = std::string(auth::kPublic),
           .summary = "Public directory: one active service",
           .tag = "directory",
           .query = {lang_parameter()},
           .path = {{.name = "id", .max_length = 100, .description = "the service's uuid"}},
           .response_schema = "DirectoryService",
           .handler = service_route});
  api.add(
      {.method = "GET",
       .pattern = std::string(kBase) + "/terms",
       .action = std::string(auth::kPublic),
       .summary = "Public directory: the categories, target groups and permit types, with counts",
       .tag = "directory",
       .query = {lang_parameter()},
       .response_schema = "DirectoryTerms",
       .handler = terms_route});
}

}  // namespace innet::directory
