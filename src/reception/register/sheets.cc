// Signed presence sheets: documents linked to a register confirmation. Kept apart from
// register.cc, whose chain and digests they do not touch: a sheet is evidence beside the
// confirmation, not part of what the confirmation's hash covers.
#include "reception/register/sheets.h"

#include <map>

#include "centres/routes.h"
#include "core/clock.h"
#include "reception/register/register.h"

namespace innet::reception {
namespace {

struct ConfirmationRef {
  std::int64_t id = 0;
  std::int64_t centre_id = 0;
  std::string day;
  std::int64_t seq = 0;
};

Result<std::vector<ConfirmationRef>> confirmations_where(db::Connection& conn,
                                                         const std::string& where,
                                                         const db::Params& params) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT id, centre_id, day, seq FROM register_confirmations WHERE " +
                                where + " ORDER BY seq",
                            params));
  std::vector<ConfirmationRef> out;
  for (const auto& r : rows) out.push_back({r.integer(0), r.integer(1), r.text(2), r.integer(3)});
  return out;
}

// A sheet as the register lists it: the document and the confirmation it is attached to.
struct Sheet {
  const documents::Document& document;
  std::int64_t confirmation_id = 0;
  std::int64_t confirmation_seq = 0;
};

const api::ObjectType<Sheet>& sheet_type() {
  static const auto type =
      api::ObjectType<Sheet>("RegisterSheet")
          .include(documents::document_type(),
                   [](const Sheet& s) -> const documents::Document& { return s.document; })
          .field("confirmation_id", &Sheet::confirmation_id)
          .field("confirmation_seq", &Sheet::confirmation_seq);
  return type;
}

Result<documents::OwnerAccess> sheet_access(api::Context& ctx, std::int64_t confirmation_id) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto found, confirmations_where(*conn, "id = ?", {confirmation_id}));
  if (found.empty()) return documents::OwnerAccess{};
  auto centre = centres::visible_centre(ctx, found[0].centre_id, "register.read");
  if (!centre.ok()) {
    if (centre.error().kind == ErrorKind::not_found) return documents::OwnerAccess{};
    return centre.take_error();
  }
  // The sheet bears the names and signatures of the day's guests.
  INNET_ASSIGN_OR_RETURN(auto day, stored_day(found[0].day));
  INNET_ASSIGN_OR_RETURN(auto state, day_state(*conn, found[0].centre_id, day));
  documents::OwnerAccess access{.readable = true};
  for (const auto& g : state.guests) access.persons.push_back(g.placement.person_id);
  return access;
}

Result<http::Response> list_sheets(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto centre, centres::centre_in_scope(ctx, "register.read"));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto confirmations, confirmations_where(*conn, "centre_id = ? AND day = ?",
                                                                 {centre.id, ctx.param("day")}));
  std::vector<std::int64_t> ids;
  std::map<std::int64_t, std::int64_t> seq_of;
  for (const auto& c : confirmations) {
    ids.push_back(c.id);
    seq_of[c.id] = c.seq;
  }
  INNET_ASSIGN_OR_RETURN(auto docs, documents::documents_of(*conn, kSheetOwnerKind, ids));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : docs)
    items.push_back(sheet_type().to_json({d, *d.owner_id, seq_of[*d.owner_id]}));
  return api::ok({{"items", std::move(items)}});
}

Result<http::Response> attach_sheet(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto centre, centres::centre_in_scope(ctx, "register.record"));
  const std::string day = ctx.param("day");
  const std::int64_t document_id = ctx.body["document_id"];
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto confirmations,
                         confirmations_where(*conn, "centre_id = ? AND day = ?", {centre.id, day}));
  if (confirmations.empty())
    return Error::make(ErrorKind::conflict, "not_confirmed",
                       "confirm the day before attaching its signed sheet");
  const auto& latest = confirmations.back();
  INNET_ASSIGN_OR_RETURN(
      auto document, documents::link_document(ctx, *conn, document_id, kSheetOwnerKind, latest.id));
  auto audit = ctx.audit("register.sheet", "centre", std::to_string(centre.id));
  audit.details = nlohmann::json{{"day", day},
                                 {"confirmation_id", latest.id},
                                 {"document_id", document.id},
                                 {"sha256", document.sha256}}
                      .dump();
  INNET_TRY(ctx.commit(audit));
  return api::created(sheet_type().to_json({document, latest.id, latest.seq}));
}

}  // namespace

documents::Owner sheet_owner() {
  return {.kind = kSheetOwnerKind,
          .media_types = documents::accepted_media_type_names(),
          .access = sheet_access};
}

void add_sheet_routes(api::Api& api) {
  static const api::ListType sheet_list("RegisterSheets", sheet_type(), false);
  api.add_schema(sheet_type());
  api.add_schema(sheet_list);
  const std::string base = "/api/v1/centres/{id}/register/{day}/sheets";
  const FieldSpec day_path = {{.name = "day",
                               .type = FieldType::date,
                               .required = true,
                               .earliest_day = centres::kFirstReceptionDay,
                               .description = "the day of the register (YYYY-MM-DD)"}};
  api.add({.method = "GET",
           .pattern = base,
           .action = "register.read",
           .summary = "The signed presence sheets attached to the day's confirmations",
           .tag = "register",
           .path = day_path,
           .response_schema = "RegisterSheets",
           .handler = list_sheets});
  api.add({.method = "POST",
           .pattern = base,
           .action = "register.record",
           .summary = "Attach an uploaded document (the signed sheet) to the day's latest "
                      "confirmation",
           .tag = "register",
           .body = {{.name = "document_id",
                     .type = FieldType::integer,
                     .required = true,
                     .description = "a document the caller uploaded (POST /api/v1/documents)",
                     .min_value = 1}},
           .path = day_path,
           .response_schema = "RegisterSheet",
           .success_status = 201,
           .handler = attach_sheet});
}

}  // namespace innet::reception
