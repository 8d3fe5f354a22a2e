#pragma once

#include "api/api.h"

namespace innet::procedures {

// /api/v1/procedures: the catalogue, read by staff, written by the admin (catalogue_routes.cc).
void add_catalogue_routes(api::Api& api);
// /api/v1/procedure-files: the files, managed by the SUI (file_routes.cc).
void add_file_routes(api::Api& api);
// /api/v1/public/procedures and the citizens' status lookup, no login (public_routes.cc).
void add_public_routes(api::Api& api);

inline void add_routes(api::Api& api) {
  add_catalogue_routes(api);
  add_file_routes(api);
  add_public_routes(api);
}

}  // namespace innet::procedures
