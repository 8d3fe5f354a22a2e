// The files' list as an office's file (decision 0021, 4): the words of its headers, sheet and
// clock states in the six languages, the texts of the web app's locale (procedures.*), so the
// file says what the page says.
#pragma once

#include "reporting/language.h"

namespace innet::procedures {

const reporting::Catalogue& file_export_words();

}  // namespace innet::procedures
