// The words of the referral lists' files (CSV, XLSX) in the six languages of the app: the headers
// and the vocabulary values, as the web app's locale files say them.
#pragma once

#include "reporting/language.h"

namespace innet::referrals {

const reporting::Catalogue& catalogue();

}  // namespace innet::referrals
