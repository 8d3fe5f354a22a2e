#include "procedures/agreement_person_records.h"

#include "procedures/agreement_store.h"

namespace innet::procedures {

people::PersonRecords agreement_person_records() {
  return {.name = "integration_agreements",
          .conflict = [](db::Connection& conn, std::int64_t kept, std::int64_t merged) -> Status {
            INNET_ASSIGN_OR_RETURN(auto both, running_agreements(conn, {kept, merged}));
            if (both >= 2)
              return Error::rule(ErrorKind::conflict, "agreement_running", "merged_id",
                                 AgreementErrors::person_has_agreement());
            return Status::success();
          },
          .move = [](db::Connection& conn, std::int64_t kept, std::int64_t merged,
                     std::int64_t) -> Result<std::vector<people::MovedRecords>> {
            INNET_ASSIGN_OR_RETURN(auto ids, agreements_of(conn, merged));
            INNET_TRY(move_agreements(conn, ids, kept));
            return std::vector<people::MovedRecords>{{"integration_agreements", ids}};
          },
          .restore = [](db::Connection& conn, std::int64_t, std::int64_t merged,
                        const std::vector<people::MovedRecords>& moved, std::int64_t) -> Status {
            for (const auto& m : moved)
              if (m.kind == "integration_agreements")
                INNET_TRY(move_agreements(conn, m.ids, merged));
            return Status::success();
          }};
}

}  // namespace innet::procedures
