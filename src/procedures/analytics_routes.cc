// GET /api/v1/procedure-files/analytics (decision 0044): the bottleneck figures of analytics.h as
// JSON, CSV (the steps) or XLSX (the steps and the trend), headers in the caller's language.
// Under procedure-files, not procedures: the figures are made of the files (personal data, read
// by the SUI, the Prefettura and, as aggregates, the analysts), whereas /procedures is the
// catalogue, public law that every staff role reads; the path says whose data it is.
#include "procedures/analytics_routes.h"

#include "api/object_type.h"
#include "core/clock.h"
#include "procedures/analytics.h"
#include "procedures/catalogue.h"
#include "procedures/legal_clock.h"
#include "reporting/files.h"
#include "reporting/language.h"

namespace innet::procedures {
namespace {

constexpr const char* kRead = "procedure_analytics.read";
constexpr const char* kSmallGroups = "procedure_analytics.small_groups";
// The longest period asked at once: three years of monthly points.
constexpr std::int64_t kMaxMonths = 36;

const api::ObjectType<StepFigures>& step_type() {
  static const auto type =
      api::ObjectType<StepFigures>("ProcedureStepFigures")
          .field("position", &StepFigures::position)
          .field("code", &StepFigures::code)
          .field("name", &StepFigures::name)
          .field("office", &StepFigures::office)
          .field("entered", &StepFigures::entered,
                 {.description = "files that entered the step in the period; null: fewer than "
                                 "min_group, hidden"})
          .field("stays", &StepFigures::stays,
                 {.description = "stays in the step that ended in the period (the day the file "
                                 "entered its next step, or was decided on this step, falls in "
                                 "the period), files opened before the period included; the "
                                 "durations are theirs. null: hidden"})
          .field("median_days", &StepFigures::median_days,
                 {.description = "calendar days of those stays, suspensions included: "
                                 "nearest-rank median (of an even count, the lower middle "
                                 "stay); null: no stay, or fewer than min_group"})
          .field("p90_days", &StepFigures::p90_days,
                 {.description = "nearest-rank 90th percentile of the same stays"})
          .field("backlog", &StepFigures::backlog,
                 {.description = "open files whose current step this is, today; null: hidden"})
          .field("past_deadline", &StepFigures::past_deadline,
                 {.description = "of the backlog, files past their legal term today and not "
                                 "held by a suspension; null: hidden"});
  return type;
}

const api::ObjectType<TrendPoint>& point_type() {
  static const auto type =
      api::ObjectType<TrendPoint>("ProcedureTrendPoint")
          .field("on", &TrendPoint::on,
                 {.description = "the month's last day; in the period's last month, its end",
                  .format = "date"})
          .field("open", &TrendPoint::open,
                 {.description = "files filed by that day and not decided by then; null: hidden"})
          .field("past_deadline", &TrendPoint::past_deadline,
                 {.description = "of those, past their legal term that day by the clock on the "
                                 "history as it stood then; null: hidden"});
  return type;
}

const api::ObjectType<ProcedureFigures>& procedure_type() {
  static const auto type = api::ObjectType<ProcedureFigures>("ProcedureFigures")
                               .field("id", &ProcedureFigures::id)
                               .field("code", &ProcedureFigures::code)
                               .field("name", &ProcedureFigures::name)
                               .field("steps", &ProcedureFigures::steps, step_type())
                               .field("trend", &ProcedureFigures::trend, point_type());
  return type;
}

const api::ObjectType<Analytics>& analytics_type() {
  static const auto type =
      api::ObjectType<Analytics>("ProcedureAnalytics",
                                 "aggregates only: no name, no protocol number, no file")
          .field("from", &Analytics::from, {.format = "date"})
          .field("to", &Analytics::to, {.format = "date"})
          .field(
              "today", &Analytics::today,
              {.description = "the day of the backlog and past-deadline counts", .format = "date"})
          .field("min_group", &Analytics::min_group,
                 {.description = "counts from 1 to min_group - 1 are null (null: none is)"})
          .field("procedures", &Analytics::procedures, procedure_type());
  return type;
}

const reporting::Catalogue& labels() {
  // In the order it, en, fr, ar, uk, bn.
  static const reporting::Catalogue words = {
      {"sheet.steps", {"Fasi", "Steps", "Étapes", "المراحل", "Етапи", "ধাপ"}},
      {"sheet.trend", {"Andamento", "Trend", "Évolution", "الاتجاه", "Динаміка", "প্রবণতা"}},
      {"column.procedure",
       {"Procedimento", "Procedure", "Procédure", "الإجراء", "Процедура", "প্রক্রিয়া"}},
      {"column.step", {"Fase", "Step", "Étape", "المرحلة", "Етап", "ধাপ"}},
      {"column.office", {"Ufficio", "Office", "Bureau", "المكتب", "Відомство", "দপ্তর"}},
      {"column.entered",
       {"Pratiche entrate", "Files entered", "Dossiers entrés", "الملفات الداخلة", "Справ надійшло",
        "প্রবেশ করা ফাইল"}},
      {"column.stays",
       {"Permanenze concluse", "Stays ended", "Séjours terminés", "الإقامات المنتهية",
        "Завершених перебувань", "শেষ হওয়া অবস্থান"}},
      {"column.median_days",
       {"Giorni (mediana)", "Days (median)", "Jours (médiane)", "الأيام (الوسيط)", "Днів (медіана)",
        "দিন (মধ্যমা)"}},
      {"column.p90_days",
       {"Giorni (90° percentile)", "Days (90th percentile)", "Jours (90e centile)",
        "الأيام (المئين 90)", "Днів (90-й процентиль)", "দিন (৯০তম শতমক)"}},
      {"column.backlog",
       {"Pratiche in corso", "Backlog", "Dossiers en cours", "الملفات المتراكمة", "Справ у роботі",
        "জমে থাকা ফাইল"}},
      {"column.past_deadline",
       {"Oltre il termine", "Past deadline", "Hors délai", "تجاوزت المهلة", "Прострочено",
        "সময়সীমা পেরিয়েছে"}},
      {"column.on", {"Al giorno", "On", "Au", "في يوم", "На дату", "তারিখ"}},
      {"column.open",
       {"Pratiche aperte", "Open files", "Dossiers ouverts", "الملفات المفتوحة", "Відкритих справ",
        "খোলা ফাইল"}},
  };
  return words;
}

reporting::Cell count_cell(const std::optional<std::int64_t>& n) {
  return n ? reporting::Cell::of(*n) : reporting::Cell{};
}

std::vector<reporting::Table> tables(const Analytics& a, const reporting::Labels& l) {
  using reporting::Cell;
  reporting::Table steps{.name = l("sheet.steps"),
                         .columns = {{"procedure", l("column.procedure")},
                                     {"step", l("column.step")},
                                     {"office", l("column.office")},
                                     {"entered", l("column.entered")},
                                     {"stays", l("column.stays")},
                                     {"median_days", l("column.median_days")},
                                     {"p90_days", l("column.p90_days")},
                                     {"backlog", l("column.backlog")},
                                     {"past_deadline", l("column.past_deadline")}}};
  reporting::Table trend{.name = l("sheet.trend"),
                         .columns = {{"procedure", l("column.procedure")},
                                     {"on", l("column.on")},
                                     {"open", l("column.open")},
                                     {"past_deadline", l("column.past_deadline")}}};
  for (const auto& p : a.procedures) {
    for (const auto& s : p.steps)
      steps.rows.push_back({Cell::of(p.name), Cell::of(s.name), Cell::of(s.office),
                            count_cell(s.entered), count_cell(s.stays), count_cell(s.median_days),
                            count_cell(s.p90_days), count_cell(s.backlog),
                            count_cell(s.past_deadline)});
    for (const auto& t : p.trend)
      trend.rows.push_back(
          {Cell::of(p.name), Cell::date(t.on), count_cell(t.open), count_cell(t.past_deadline)});
  }
  return {std::move(steps), std::move(trend)};
}

// The period asked: by default the twelve months up to today; `to` not after today and not
// before `from`, at most kMaxMonths long. 400 naming the field.
Result<AnalyticsQuery> period(api::Context& ctx, CivilDay today) {
  const auto& q = ctx.request.query;
  const auto to = accepted_day(q, "to").value_or(today);
  if (to > today) return Error::field(ErrorKind::invalid_input, "to", FieldError::future_date());
  const auto from = accepted_day(q, "from").value_or(add_months(to, -12).plus_days(1));
  if (to < from)
    return Error::field(ErrorKind::invalid_input, "to", FieldError::before_other("from"));
  const auto latest = std::min(today, add_months(from, kMaxMonths).plus_days(-1));
  if (to > latest)
    return Error::field(ErrorKind::invalid_input, "to",
                        FieldError::date_out_of_range(from.to_string(), latest.to_string()));
  return AnalyticsQuery{.from = from, .to = to};
}

Result<http::Response> analytics(api::Context& ctx) {
  const auto today = clock::today();
  INNET_ASSIGN_OR_RETURN(auto query, period(ctx, today));
  auto& q = ctx.request.query;
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  if (!q["procedure_id"].empty()) {
    query.procedure_id = parse_int(q["procedure_id"]);
    // Every reader of the figures reads the whole catalogue: a procedure not in it is missing.
    if (!find_procedure(*conn, *query.procedure_id).ok())
      return Error::field(ErrorKind::unprocessable, "procedure_id",
                          FieldError::not_found("procedure"));
  }
  INNET_ASSIGN_OR_RETURN(auto figures, compute_analytics(*conn, query, today));
  // Small groups are for the SUI and the Prefettura, who read every file anyway; analysts never.
  if (!ctx.services.policy.allows(*ctx.actor, kSmallGroups))
    suppress_small_groups(figures, kAnalyticsMinGroup);
  const std::string format = q["format"].empty() ? "json" : q["format"];
  if (format == "json") return api::ok(analytics_type().to_json(figures));
  const reporting::Labels words(labels(), reporting::language_of(ctx.request));
  return reporting::tables_response(format, tables(figures, words), 0,
                                    "procedure-analytics-" + figures.from + "-" + figures.to,
                                    reporting::CsvStyle::office);
}

}  // namespace

void add_analytics_routes(api::Api& api) {
  api.add_schema(analytics_type());
  api.add({.method = "GET",
           .pattern = "/api/v1/procedure-files/analytics",
           .action = kRead,
           .summary = "Bottlenecks of the procedures in a period: per step, files entered, "
                      "days spent (median, p90), backlog and files past their term; per "
                      "procedure, the monthly trend. Aggregates only; CSV (steps) or XLSX",
           .tag = "procedures",
           .query = {{.name = "from",
                      .type = FieldType::date,
                      .description = "default: twelve months before `to`"},
                     {.name = "to",
                      .type = FieldType::date,
                      .description = "default today; not after today, at most 36 months after "
                                     "`from`"},
                     {.name = "procedure_id", .type = FieldType::integer, .min_value = 1},
                     {.name = "format",
                      .max_length = 4,
                      .allowed = {"json", "csv", "xlsx"},
                      .description = "json (default), csv (the steps) or xlsx (steps and trend)"},
                     reporting::lang_field()},
           .response_schema = "ProcedureAnalytics",
           .other_content_types = {"text/csv", reporting::kXlsxType},
           .handler = analytics});
}

}  // namespace innet::procedures
