#pragma once

#include "api/module.h"

namespace innet::documents {

// Uploaded files and the hook by which the modules that attach them decide who reads them.
api::Module module();

}  // namespace innet::documents
