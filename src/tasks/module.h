#pragma once

#include "api/module.h"

namespace innet::tasks {

// The tasks inbox: GET /api/v1/tasks and its count; the sources are the other modules'.
api::Module module();

}  // namespace innet::tasks
