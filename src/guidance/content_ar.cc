#include "guidance/content.h"

namespace innet::guidance {

const std::vector<SeedPage>& pages_ar() {
  static const std::vector<SeedPage> pages = {};
  return pages;
}

}  // namespace innet::guidance
