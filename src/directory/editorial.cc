#include "directory/editorial.h"

#include <atomic>
#include <chrono>
#include <cstdio>

#include "core/crypto.h"
#include "core/json_optional.h"
#include "directory/editorial_storage.h"
#include "directory/hsds.h"
#include "directory/schedule.h"
#include "directory/storage.h"
#include "tasks/tasks.h"

namespace innet::directory {
namespace {

using nlohmann::json;

constexpr const char* kTextFields[] = {"name", "description", "eligibility_description",
                                       "application_process"};
// Languages a translation may be in (Italian is the HSDS base text itself).
const std::vector<std::string> kTranslationLanguages = {"en", "fr", "ar", "uk", "bn"};
const std::vector<std::string> kTranslatedFields = {"name", "description",
                                                    "eligibility_description"};
constexpr const char* kDays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

std::atomic<int> g_verify_months{6};

std::string new_uuid() {
  std::string h = crypto::random_hex(16);
  h[12] = '4';                                                  // version 4
  h[16] = "89ab"[std::stoi(h.substr(16, 1), nullptr, 16) & 3];  // RFC 4122 variant
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20, 12);
}

std::string hhmm(int minute) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60 % 24, minute % 60);
  return buf;
}

}  // namespace

const FieldSpec& change_fields() {
  static const FieldSpec spec = [] {
    const innet::Field text{.name = "text", .max_length = 4000, .multiline = true};
    FieldSpec s = {
        {.name = "name", .max_length = 300, .min_length = 1, .description = "the service's name"},
        {.name = "description", .nullable = true, .max_length = 4000, .multiline = true},
        {.name = "eligibility_description",
         .nullable = true,
         .max_length = 4000,
         .multiline = true},
        {.name = "application_process", .nullable = true, .max_length = 4000, .multiline = true},
        {.name = "phones",
         .type = FieldType::object_list,
         .max_items = 10,
         .items = {{.name = "number", .required = true, .max_length = 40, .min_length = 3},
                   {.name = "description", .nullable = true, .max_length = 200}}},
        {.name = "openings",
         .type = FieldType::object_list,
         .description = "weekly hours: weekday 1 (Monday) .. 7, opens_at and closes_at HH:MM",
         .max_items = 28,
         .items = {{.name = "weekday",
                    .type = FieldType::integer,
                    .required = true,
                    .min_value = 1,
                    .max_value = 7},
                   {.name = "opens_at", .required = true, .max_length = 5},
                   {.name = "closes_at", .required = true, .max_length = 5}}},
        {.name = "languages",
         .type = FieldType::string_list,
         .max_length = 3,
         .description = "ISO 639-1 codes of the languages spoken",
         .max_items = 30},
        {.name = "translations",
         .type = FieldType::object_list,
         .description = "texts in the portal's other languages; an empty text removes one",
         .max_items = 15,
         .items =
             {{.name = "language",
               .required = true,
               .max_length = 2,
               .allowed = kTranslationLanguages},
              {.name = "field", .required = true, .max_length = 40, .allowed = kTranslatedFields},
              text}},
    };
    return s;
  }();
  return spec;
}

const std::vector<std::string>& editable_fields() {
  static const std::vector<std::string> names = {"name",
                                                 "description",
                                                 "eligibility_description",
                                                 "application_process",
                                                 "phones",
                                                 "openings",
                                                 "languages",
                                                 "translations"};
  return names;
}

Result<json> editable_view(db::Connection& c, const std::string& service_id) {
  INNET_ASSIGN_OR_RETURN(auto found, find(c, *table("service"), service_id));
  if (!found) return Error::not_found("service");
  json out = json::object();
  for (const char* f : kTextFields) out[f] = value_or_null(found->value(f));
  json phones = json::array();
  INNET_ASSIGN_OR_RETURN(auto ph, load_where(c, *table("phone"), "service_id", service_id));
  for (const auto& p : ph)
    phones.push_back({{"number", value_or_null(p.value("number"))},
                      {"description", value_or_null(p.value("description"))}});
  out["phones"] = std::move(phones);
  INNET_ASSIGN_OR_RETURN(auto sched, load_where(c, *table("schedule"), "service_id", service_id));
  json openings = json::array();
  for (const auto& o : weekly_openings(sched))
    openings.push_back({{"weekday", o.weekday + 1},
                        {"opens_at", hhmm(o.opens_minute)},
                        {"closes_at", hhmm(o.closes_minute)}});
  out["openings"] = std::move(openings);
  INNET_ASSIGN_OR_RETURN(auto langs, load_where(c, *table("language"), "service_id", service_id));
  json codes = json::array();
  for (const auto& l : langs)
    if (l.value("code")) codes.push_back(*l.value("code"));
  out["languages"] = std::move(codes);
  INNET_ASSIGN_OR_RETURN(
      auto tr, load_translations(c, "service", std::vector<std::string>{std::string(service_id)}));
  json translations = json::array();
  for (const auto& t : tr)
    translations.push_back({{"language", t.language}, {"field", t.field}, {"text", t.text}});
  out["translations"] = std::move(translations);
  return out;
}

json differences(const json& current, const json& change) {
  json out = json::array();
  for (const auto& name : editable_fields()) {
    if (!change.contains(name)) continue;
    json now = current.value(name, json(nullptr));
    json proposed = change[name];
    if (name == "translations") {
      // Only the translations the change names: [{language, field, text}] now and proposed.
      json before = json::array();
      for (const auto& p : proposed) {
        std::string text;
        for (const auto& t : now)
          if (t["language"] == p["language"] && t["field"] == p["field"]) text = t["text"];
        before.push_back({{"language", p["language"]}, {"field", p["field"]}, {"text", text}});
      }
      now = std::move(before);
    }
    if (name == "phones")  // a phone without a description is the same as one with null
      for (auto& p : proposed)
        if (!p.contains("description")) p["description"] = nullptr;
    if (now != proposed) out.push_back({{"field", name}, {"current", now}, {"proposed", proposed}});
  }
  return out;
}

Status apply_change(db::Connection& c, const std::string& service_id, const json& change,
                    const std::string& now) {
  const Table& services = *table("service");
  INNET_ASSIGN_OR_RETURN(auto found, find(c, services, service_id));
  if (!found) return Error::not_found("service");
  Record service = *found;
  for (const char* f : kTextFields)
    if (change.contains(f))
      service.set(f, change[f].is_null() || change[f].get<std::string>().empty()
                         ? std::nullopt
                         : std::optional<std::string>(change[f].get<std::string>()));
  service.set("last_modified", now);
  std::vector<Record> records{service};

  if (change.contains("phones")) {
    INNET_TRY(delete_where(c, "directory_phones", "service_id", service_id));
    for (const auto& p : change["phones"]) {
      Record r(*table("phone"));
      r.set("id", new_uuid());
      r.set("service_id", service_id);
      r.set("number", p["number"].get<std::string>());
      if (p.contains("description") && p["description"].is_string() &&
          !p["description"].get<std::string>().empty())
        r.set("description", p["description"].get<std::string>());
      records.push_back(std::move(r));
    }
  }
  if (change.contains("openings")) {
    // The service's own schedules are replaced by one weekly rule per interval; the places'
    // schedules (service_at_location) are left as they are.
    INNET_TRY(delete_where(c, "directory_schedules", "service_id", service_id));
    for (const auto& o : change["openings"]) {
      Record r(*table("schedule"));
      r.set("id", new_uuid());
      r.set("service_id", service_id);
      r.set("freq", "WEEKLY");
      r.set("byday", kDays[o["weekday"].get<int>() - 1]);
      r.set("opens_at", o["opens_at"].get<std::string>());
      r.set("closes_at", o["closes_at"].get<std::string>());
      records.push_back(std::move(r));
    }
  }
  if (change.contains("languages")) {
    INNET_TRY(delete_where(c, "directory_languages", "service_id", service_id));
    for (const auto& code : change["languages"]) {
      Record r(*table("language"));
      r.set("id", new_uuid());
      r.set("service_id", service_id);
      r.set("code", code.get<std::string>());
      r.set("name", code.get<std::string>());
      records.push_back(std::move(r));
    }
  }
  INNET_ASSIGN_OR_RETURN(auto saved, save(c, records));
  (void)saved;
  if (change.contains("translations"))
    for (const auto& t : change["translations"])
      INNET_TRY(put_translation(c, "service", service_id, t["field"].get<std::string>(),
                                t["language"].get<std::string>(), t.value("text", std::string())));
  return Status::success();
}

void set_verify_months(int months) {
  g_verify_months = months;
}

int verify_months() {
  return g_verify_months;
}

std::string stale_before(CivilDay today) {
  using namespace std::chrono;
  auto ymd = today.year_month_day();
  year_month_day back = ymd.year() / ymd.month() / ymd.day() - months(verify_months());
  if (!back.ok()) back = year_month_day_last(back.year(), month_day_last(back.month()));
  return CivilDay(back).to_string();
}

void add_task_sources() {
  // A listing is its owner's task: the users of the InNet organisation that keeps it, whatever
  // the scope of their verify action (a moderator's inbox does not fill with every listing).
  tasks::add_source(
      {.kind = "listing_unverified",
       .action = "directory.listings.verify",
       .count = [](api::Context& ctx, db::Connection& conn,
                   CivilDay today) -> Result<tasks::Count> {
         INNET_ASSIGN_OR_RETURN(auto n,
                                count_stale(conn, ctx.actor->organization_id, stale_before(today)));
         return tasks::Count{n, n};
       },
       .list = [](api::Context& ctx, db::Connection& conn, CivilDay today,
                  std::int64_t limit) -> Result<std::vector<tasks::Task>> {
         INNET_ASSIGN_OR_RETURN(auto rows, stale_listings(conn, ctx.actor->organization_id,
                                                          stale_before(today), limit));
         std::vector<tasks::Task> out;
         for (const auto& l : rows)
           out.push_back(
               {.kind = "listing_unverified",
                .params = {{"service", l.name}, {"verified_on", l.last_verified_on.value_or("")}},
                .due = std::nullopt,
                .overdue = true,
                .link = "/directory/services/" + l.id});
         return out;
       }});
}

}  // namespace innet::directory
