// Which persons an organisation's staff may see. The Prefettura sees everyone; anyone else sees
// the persons their organisation is linked to. People does not know why an organisation is
// linked to a person (a guest of its centres, today; a case it manages, with case management):
// each module that links persons to organisations registers a PersonLink at start-up, and this
// module asks all of them. So people reads no other module's tables, and the modules that link
// persons need not know each other.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "db/query.h"

namespace innet::people {

// Where a person stays now, as told by the module that places persons (reception).
struct CurrentPlace {
  std::int64_t person_id = 0;
  std::int64_t centre_id = 0;
  std::string centre_name;
  std::int64_t operator_id = 0;  // the organisation running the centre: who may see it
};

struct PersonLink {
  std::string name;  // what links them, e.g. "reception: guests of its centres, now or before"
  // The organisations linked to one person.
  std::function<Result<std::vector<std::int64_t>>(db::Connection&, std::int64_t person_id)>
      organizations_of;
  // The ids of the persons linked to one organisation, as the owning module's subquery.
  std::function<db::Subquery(std::int64_t organization_id)> persons_of;
  // Where these persons stay now (a page of search results), or nothing: a link that places
  // nobody leaves it empty.
  std::function<Result<std::vector<CurrentPlace>>(db::Connection&,
                                                  const std::vector<std::int64_t>& person_ids)>
      current_places = nullptr;
};

// Called while the application is assembled, before any request: the links are read without
// a lock afterwards.
void add_person_link(PersonLink link);

// Every person some link ties to the organisation (none when no module registered a link).
db::Subquery persons_linked_to(std::int64_t organization_id);
// Where these persons stay now, from every link that knows it; the caller checks whether it may
// see each centre (operator_id).
Result<std::vector<CurrentPlace>> current_places_of(db::Connection& conn,
                                                    const std::vector<std::int64_t>& person_ids);
// Every organisation some link ties to the person.
Result<std::vector<std::int64_t>> organizations_linked_to(db::Connection& conn,
                                                          std::int64_t person_id);

}  // namespace innet::people
