// /api/v1/documents: upload a file, read its metadata, download it.
#pragma once

#include "api/api.h"

namespace innet::documents {

void add_routes(api::Api& api);

}  // namespace innet::documents
