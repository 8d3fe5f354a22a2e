#include "people/visibility.h"

namespace innet::people {
namespace {

std::vector<PersonLink>& links() {
  static std::vector<PersonLink> registered;
  return registered;
}

}  // namespace

void add_person_link(PersonLink link) {
  links().push_back(std::move(link));
}

db::Subquery persons_linked_to(std::int64_t organization_id) {
  if (links().empty()) return {"SELECT 0 WHERE 1 = 0", {}};  // nobody
  db::Subquery all;
  for (const auto& link : links()) {
    auto ids = link.persons_of(organization_id);
    all.sql += (all.sql.empty() ? "" : " UNION ") + ids.sql;
    all.params.insert(all.params.end(), ids.params.begin(), ids.params.end());
  }
  return all;
}

Result<std::vector<CurrentPlace>> current_places_of(db::Connection& conn,
                                                    const std::vector<std::int64_t>& person_ids) {
  std::vector<CurrentPlace> all;
  if (person_ids.empty()) return all;
  for (const auto& link : links()) {
    if (!link.current_places) continue;
    INNET_ASSIGN_OR_RETURN(auto some, link.current_places(conn, person_ids));
    all.insert(all.end(), some.begin(), some.end());
  }
  return all;
}

Result<std::vector<std::int64_t>> organizations_linked_to(db::Connection& conn,
                                                          std::int64_t person_id) {
  std::vector<std::int64_t> all;
  for (const auto& link : links()) {
    INNET_ASSIGN_OR_RETURN(auto some, link.organizations_of(conn, person_id));
    all.insert(all.end(), some.begin(), some.end());
  }
  return all;
}

}  // namespace innet::people
