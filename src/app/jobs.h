// The modules' periodic jobs (api::Job) on one thread of the server: every interval it runs each
// job in turn, each with a connection from the pool, as the audit Chainer links entries. A job
// that fails is logged and tried again at the next round.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "api/module.h"

namespace innet::app {

class Jobs {
 public:
  Jobs(api::Services& services, std::vector<api::Job> jobs, std::chrono::seconds interval);
  ~Jobs();  // stops after the job running, if any

  // Runs every job once now, on the caller's thread.
  void run_all();

 private:
  void loop();
  api::Services& services_;
  std::vector<api::Job> jobs_;
  std::chrono::seconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace innet::app
