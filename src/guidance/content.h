// The first text of the guidance pages (decision 0033): for each of the 13 categories, in the six
// languages, written in Italian first and translated faithfully. Services are named by kind, with
// the public numbers known for sure (anti-trafficking 800 290 290, anti-violence 1522); no
// address or other number is invented.
#pragma once

#include <vector>

namespace innet::guidance {

struct SeedPage {
  const char* category;
  const char* language;
  const char* look_for;
  const char* how_to_ask;
  const char* where_to_refer;
  const char* guarantees;
  const char* sources;
};

// One list per language (content_<language>.cc), each with the 13 categories.
const std::vector<SeedPage>& pages_it();
const std::vector<SeedPage>& pages_en();
const std::vector<SeedPage>& pages_fr();
const std::vector<SeedPage>& pages_ar();
const std::vector<SeedPage>& pages_uk();
const std::vector<SeedPage>& pages_bn();

}  // namespace innet::guidance
