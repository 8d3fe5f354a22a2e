// The database every benchmark reads: INNET_BENCH_DB, a database seeded with
// `innet seed --scale national` (bench/reception.sh and bench/person_search.sh pass it).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "db/database.h"

namespace innet::bench {

inline db::Pool& pool() {
  static std::unique_ptr<db::Pool> p = [] {
    const char* url = std::getenv("INNET_BENCH_DB");
    if (url == nullptr) {
      std::fprintf(stderr, "set INNET_BENCH_DB to a database seeded with --scale national\n");
      std::exit(2);
    }
    auto opened = db::Pool::open(url, 2);
    if (!opened.ok()) {
      std::fprintf(stderr, "%s\n", opened.error().message.c_str());
      std::exit(2);
    }
    return std::move(opened).value();
  }();
  return *p;
}

}  // namespace innet::bench
