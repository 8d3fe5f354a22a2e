#pragma once

#include "api/api.h"
#include "documents/owners.h"
#include "monitoring/inspections.h"
#include "reporting/language.h"

namespace innet::monitoring {

// /api/v1/checklists: the checklist versions inspections are made with.
void add_routes(api::Api& api);
// /api/v1/inspections (inspection_routes.cc).
void add_inspection_routes(api::Api& api);
// /api/v1/inspection-risk, /api/v1/inspection-plan (risk_routes.cc).
void add_risk_routes(api::Api& api);
// GET /api/v1/inspections/{id}/report.pdf (report_pdf.cc).
void add_report_routes(api::Api& api);

// The inspection of the path's {id} when the caller may see it: the managers every one, an
// operator's staff the issued reports of the centres their organisation runs; 404 otherwise.
Result<Inspection> inspection_in_scope(api::Context& ctx, db::Connection& conn, const char* action);
// The same for an inspection named otherwise (a photo's), with the scope of `action`.
Result<Inspection> visible_inspection(api::Context& ctx, db::Connection& conn, std::int64_t id,
                                      const char* action);
// /api/v1/inspections/{id}/photos (photo_routes.cc).
void add_photo_routes(api::Api& api);
// The words of monitoring's files (inspections, findings) in the six languages of the app
// (decision 0021): the values say what the web's locale files say (finding_routes.cc).
const reporting::Catalogue& file_words();
// /api/v1/findings (finding_routes.cc).
void add_finding_routes(api::Api& api);
// /api/v1/sanctions and a contract's penalties (sanction_routes.cc).
void add_sanction_routes(api::Api& api);

// GET /api/v1/inspection-statistics: aggregates per quarter (statistics.cc).
void add_statistics_routes(api::Api& api);
// Registers monitoring's sources of the tasks inbox (finding_tasks.cc).
void add_task_sources();

// The owners of the documents attached to a finding's reply and to a sanction.
documents::Owner finding_owner();
documents::Owner sanction_owner();
// The owner of the photos attached to inspections: read by whoever reads the inspection.
documents::Owner photo_owner();

}  // namespace innet::monitoring
