#include "guidance/content.h"

namespace innet::guidance {

const std::vector<SeedPage>& pages_bn() {
  static const std::vector<SeedPage> pages = {};
  return pages;
}

}  // namespace innet::guidance
