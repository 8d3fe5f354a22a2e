// The temporary protection contribution over HTTP (OCDPC 881/2022; decision 0042): for a person
// and their family group, month by month, from the permit application (the person's latest file
// of the temporary_protection_ukraine procedure, or the day the caller gives), less the days each
// member spent in a reception placement (reception's person_placements; its tables are not read
// here). The SUI and the Prefettura read it; nobody else. Its dated settings (rates, months, the
// end of protection) are law: every staff role reads them, the admin adds a new act's setting or
// takes back one not yet in force, as it keeps the catalogue (procedures.edit).
#include "api/object_type.h"
#include "core/clock.h"
#include "people/routes.h"
#include "procedures/agreement_routes.h"
#include "procedures/catalogue.h"
#include "procedures/contribution_settings.h"
#include "procedures/files.h"
#include "reception/placements/placements.h"

namespace innet::procedures {
namespace {

constexpr const char* kRead = "temporary_protection_contribution.read";
constexpr const char* kProcedureCode = "temporary_protection_ukraine";
constexpr const char* kSettingsCreateAuditAction = "temporary_protection_settings.create";
constexpr const char* kSettingsDeleteAuditAction = "temporary_protection_settings.delete";

struct MemberView {
  std::int64_t id = 0;
  std::string family_name;
  std::string given_names;
  std::optional<std::string> birth_date;
  std::int64_t total_cents = 0;
};

struct ContributionView {
  std::int64_t person_id = 0;
  std::string application_date;
  std::string application_source;  // procedure_file or query
  std::optional<std::int64_t> procedure_file_id;
  ContributionResult result;
  std::vector<MemberView> members;
};

const api::ObjectType<MemberView>& member_type() {
  static const auto type = api::ObjectType<MemberView>("ContributionMember")
                               .field("id", &MemberView::id)
                               .field("family_name", &MemberView::family_name)
                               .field("given_names", &MemberView::given_names)
                               .field("birth_date", &MemberView::birth_date, {.format = "date"})
                               .field("total_cents", &MemberView::total_cents);
  return type;
}

const api::ObjectType<ContributionLine>& line_type() {
  static const auto type =
      api::ObjectType<ContributionLine>("ContributionLine")
          .field("person_id", &ContributionLine::person_id)
          .field("month", &ContributionLine::month)
          .field("from", [](const ContributionLine& l) { return l.from.to_string(); },
                 {.format = "date"})
          .field("to", [](const ContributionLine& l) { return l.to.to_string(); },
                 {.description = "inclusive", .format = "date"})
          .field("days_in_month", &ContributionLine::days_in_month)
          .field("adult_days", &ContributionLine::adult_days)
          .field("child_days", &ContributionLine::child_days)
          .field("reception_days", &ContributionLine::reception_days)
          .field("after_protection_days", &ContributionLine::after_protection_days)
          .field("amount_cents", &ContributionLine::amount_cents)
          .field("notes", &ContributionLine::notes,
                 {.description = "adult_rate, child_rate, turns_18, in_reception, "
                                 "partly_in_reception, after_protection_end, "
                                 "birth_date_unknown_adult_rate"});
  return type;
}

const api::ObjectType<ContributionView>& contribution_type() {
  static const auto type =
      api::ObjectType<ContributionView>("TemporaryProtectionContribution")
          .field("person_id", &ContributionView::person_id)
          .field("application_date", &ContributionView::application_date, {.format = "date"})
          .field("application_source", &ContributionView::application_source,
                 {.allowed = {"procedure_file", "query"}})
          .field("procedure_file_id", &ContributionView::procedure_file_id)
          .field("period_from",
                 [](const ContributionView& v) { return v.result.period_from.to_string(); },
                 {.format = "date"})
          .field("period_to",
                 [](const ContributionView& v) { return v.result.period_to.to_string(); },
                 {.description = "inclusive", .format = "date"})
          .field(
              "setting_applies_from",
              [](const ContributionView& v) { return v.result.setting.applies_from.to_string(); },
              {.format = "date"})
          .field("adult_cents_per_month",
                 [](const ContributionView& v) { return v.result.setting.adult_cents_per_month; })
          .field("child_cents_per_month",
                 [](const ContributionView& v) { return v.result.setting.child_cents_per_month; })
          .field("max_months",
                 [](const ContributionView& v) { return v.result.setting.max_months; })
          .field("protection_ends",
                 [](const ContributionView& v) {
                   return v.result.setting.protection_ends.to_string();
                 },
                 {.format = "date"})
          .field("members", &ContributionView::members, member_type())
          .field(
              "lines", [](const ContributionView& v) { return v.result.lines; }, line_type())
          .field("total_cents", [](const ContributionView& v) { return v.result.total_cents; });
  return type;
}

std::optional<CivilDay> day_of(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return CivilDay::parse(*text);
}

Result<http::Response> get_contribution(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto person, people::person_in_scope(ctx, kRead));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  ContributionView v{.person_id = person.id};
  // The application: the person's latest temporary protection file, else the query's day.
  INNET_ASSIGN_OR_RETURN(auto procedure, find_procedure_by_code(*conn, kProcedureCode));
  if (procedure) {
    FileFilter f{.procedure_id = procedure->id, .person_id = person.id};
    INNET_ASSIGN_OR_RETURN(auto files, list_files(*conn, f, clock::today(), Paging{1, 50}));
    for (const auto& file : files.items)
      if (v.application_date.empty() || file.filed_on > v.application_date) {
        v.application_date = file.filed_on;
        v.procedure_file_id = file.id;
        v.application_source = "procedure_file";
      }
  }
  const auto& asked = ctx.request.query["application_date"];
  if (!asked.empty()) {
    v.application_date = asked;
    v.procedure_file_id.reset();
    v.application_source = "query";
  }
  if (v.application_date.empty())
    return Error::field(ErrorKind::unprocessable, "application_date", FieldError::required());
  const auto application = CivilDay::parse(v.application_date);
  if (!application)
    return Error::field(ErrorKind::invalid_input, "application_date",
                        FieldError::wrong_type("date"));

  // The family: the person's group, else the person alone. Every member is a read.
  std::vector<people::Person> members = {person};
  if (person.family_group_id) {
    people::PersonFilter pf{.family_group_id = person.family_group_id};
    INNET_ASSIGN_OR_RETURN(auto page, people::list_persons(*conn, pf, Paging{1, 50}));
    members = std::move(page.items);
  }
  std::vector<FamilyMember> family;
  for (const auto& m : members) {
    ctx.record_read(m.id);
    FamilyMember fm{.person_id = m.id, .birth_date = day_of(m.birth_date)};
    INNET_ASSIGN_OR_RETURN(auto placements, reception::person_placements(*conn, m.id));
    for (const auto& p : placements) {
      auto start = CivilDay::parse(p.start_date);
      if (!start) continue;
      fm.placements.push_back({*start, day_of(p.end_date)});
    }
    family.push_back(std::move(fm));
    v.members.push_back({m.id, m.family_name, m.given_names, m.birth_date, 0});
  }
  INNET_ASSIGN_OR_RETURN(auto settings, contribution_settings(*conn));
  auto result = temporary_protection_contribution(family, *application, settings);
  if (!result)
    return Error::field(ErrorKind::unprocessable, "application_date",
                        FieldError::date_out_of_range(
                            settings.empty() ? "" : settings.front().applies_from.to_string(),
                            kLatestDay.to_string()));
  for (auto& m : v.members)
    for (const auto& l : result->lines)
      if (l.person_id == m.id) m.total_cents += l.amount_cents;
  v.result = std::move(*result);
  return api::ok(contribution_type().to_json(v));
}

const api::ObjectType<ContributionSetting>& setting_type() {
  using S = ContributionSetting;
  static const auto type =
      api::ObjectType<S>("TemporaryProtectionSetting")
          .field("applies_from", [](const S& s) { return s.applies_from.to_string(); },
                 {.description = "applications filed on or after this day follow the setting",
                  .format = "date"})
          .field("adult_cents_per_month", &S::adult_cents_per_month)
          .field("child_cents_per_month", &S::child_cents_per_month)
          .field("max_months", &S::max_months)
          .field("protection_ends", [](const S& s) { return s.protection_ends.to_string(); },
                 {.description = "the last day of temporary protection", .format = "date"})
          .field("legal_reference", &S::legal_reference)
          .field("in_force", [](const S& s) { return s.applies_from <= clock::today(); },
                 {.description = "false: it starts later and can still be taken back"});
  return type;
}

Result<http::Response> list_settings(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto settings, contribution_settings(*conn));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : settings) items.push_back(setting_type().to_json(s));
  return api::ok(nlohmann::json{{"items", std::move(items)}});
}

Result<http::Response> add_setting(api::Context& ctx) {
  const auto& b = ctx.body;
  ContributionSetting s{
      .applies_from = CivilDay::parse(b["applies_from"].get<std::string>()).value_or(kEarliestDay),
      .adult_cents_per_month = b["adult_cents_per_month"].get<std::int64_t>(),
      .child_cents_per_month = b["child_cents_per_month"].get<std::int64_t>(),
      .max_months = b["max_months"].get<std::int64_t>(),
      .protection_ends =
          CivilDay::parse(b["protection_ends"].get<std::string>()).value_or(kEarliestDay),
      .legal_reference = b["legal_reference"].get<std::string>()};
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_TRY(add_contribution_setting(*conn, s));
  auto entry = ctx.audit(kSettingsCreateAuditAction, "temporary_protection_setting",
                         s.applies_from.to_string());
  entry.details = setting_type().to_json(s).dump();
  INNET_TRY(ctx.commit(entry));
  return api::created(setting_type().to_json(s));
}

Result<http::Response> remove_setting(api::Context& ctx) {
  // The route's path field is a date: checked (400 naming applies_from) before the handler.
  const auto day = CivilDay::parse(ctx.param("applies_from")).value_or(kEarliestDay);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_TRY(remove_contribution_setting(*conn, day, clock::today()));
  auto entry =
      ctx.audit(kSettingsDeleteAuditAction, "temporary_protection_setting", day.to_string());
  entry.details = nlohmann::json{{"reason", ctx.body["reason"].get<std::string>()}}.dump();
  INNET_TRY(ctx.commit(entry));
  return http::Response::no_content();
}

}  // namespace

void add_contribution_routes(api::Api& api) {
  api.add_schema(contribution_type());
  api.add({.method = "GET",
           .pattern = "/api/v1/persons/{id}/temporary-protection-contribution",
           .action = kRead,
           .summary = "The temporary protection contribution of a person's family, month by month "
                      "(OCDPC 881/2022)",
           .tag = "procedures",
           .query = {{.name = "application_date",
                      .type = FieldType::date,
                      .description = "the permit application's day; default: the person's latest "
                                     "temporary_protection_ukraine file's filing day"}},
           .response_schema = "TemporaryProtectionContribution",
           .reads_persons = true,
           .handler = get_contribution});
  static const api::ListType settings("TemporaryProtectionSettingList", setting_type(), false);
  api.add_schema(setting_type());
  api.add_schema(settings);
  const std::string base = "/api/v1/temporary-protection/settings";
  api.add({.method = "GET",
           .pattern = base,
           .action = "procedures.read",
           .summary = "The contribution's dated settings (rates, months, end of protection), the "
                      "earliest first",
           .tag = "procedures",
           .response_schema = "TemporaryProtectionSettingList",
           .handler = list_settings});
  const auto cents = [](const char* name) {
    return Field{.name = name,
                 .type = FieldType::integer,
                 .required = true,
                 .description = "euro cents per month",
                 .min_value = 0,
                 .max_value = 1'000'000};
  };
  api.add({.method = "POST",
           .pattern = base,
           .action = "procedures.edit",
           .summary = "Add a new act's setting from its day (after every stored one's)",
           .tag = "procedures",
           .body = {{.name = "applies_from", .type = FieldType::date, .required = true},
                    cents("adult_cents_per_month"),
                    cents("child_cents_per_month"),
                    {.name = "max_months",
                     .type = FieldType::integer,
                     .required = true,
                     .min_value = 1,
                     .max_value = 36},
                    {.name = "protection_ends",
                     .type = FieldType::date,
                     .required = true,
                     .description = "the last day of temporary protection"},
                    {.name = "legal_reference",
                     .required = true,
                     .max_length = 300,
                     .min_length = 1,
                     .description = "the act (an ordinance, a decision)"}},
           .response_schema = "TemporaryProtectionSetting",
           .success_status = 201,
           .handler = add_setting});
  api.add({.method = "POST",
           .pattern = base + "/{applies_from}/withdrawal",
           .action = "procedures.edit",
           .summary = "Take back a setting that is not in force yet (a mistake), with the reason",
           .tag = "procedures",
           .body = {{.name = "reason",
                     .required = true,
                     .max_length = 500,
                     .min_length = 1,
                     .multiline = true,
                     .description = "why, for the record"}},
           .path = {{.name = "applies_from",
                     .type = FieldType::date,
                     .description = "the setting's first day"}},
           .success_status = 204,
           .handler = remove_setting});
}

}  // namespace innet::procedures
