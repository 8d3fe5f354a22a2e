// Consecutive slices of a list: for statements that bind one value per item (an engine accepts a
// bounded number of them) and for steps that hold one slice's rows in memory at a time.
#pragma once

#include <algorithm>
#include <cstddef>
#include <span>
#include <vector>

#include "core/result.h"

namespace innet {

// Calls `each(std::span<const T>)` on items [0, size), [size, 2 size), ... in order, and stops at
// the first error.
template <class T, class Each>
Status for_each_slice(const std::vector<T>& items, std::size_t size, Each&& each) {
  for (std::size_t at = 0; at < items.size(); at += size) {
    INNET_TRY(each(std::span<const T>(items).subspan(at, std::min(size, items.size() - at))));
  }
  return Status::success();
}

}  // namespace innet
