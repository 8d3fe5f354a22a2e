#include "directory/routes.h"

namespace innet::directory {

void add_routes(api::Api&) {}

}  // namespace innet::directory
