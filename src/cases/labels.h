// The words of the case list's files (CSV, XLSX) in the six languages of the app: the headers and
// the vocabulary values, as the web app's locale files say them (glossary terms).
#pragma once

#include "reporting/language.h"

namespace innet::cases {

const reporting::Catalogue& catalogue();

}  // namespace innet::cases
