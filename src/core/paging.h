// A page of a list: which page, and how many items per page.
#pragma once

#include <cstdint>

namespace innet {

// page >= 1, 1 <= per_page <= 100 (default 25); parse_paging (core/json_input.h) checks them.
struct Paging {
  std::int64_t page = 1;
  std::int64_t per_page = 25;
  std::int64_t offset() const { return (page - 1) * per_page; }
};

}  // namespace innet
