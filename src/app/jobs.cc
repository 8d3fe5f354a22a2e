#include "app/jobs.h"

#include <spdlog/spdlog.h>

namespace innet::app {

Jobs::Jobs(api::Services& services, std::vector<api::Job> jobs, std::chrono::seconds interval)
    : services_(services), jobs_(std::move(jobs)), interval_(interval) {
  if (!jobs_.empty()) thread_ = std::thread([this] { loop(); });
}

Jobs::~Jobs() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Jobs::run_all() {
  for (const auto& job : jobs_) {
    // A failure (the database briefly unavailable, a mail relay down) waits for the next round.
    auto done = job.run(services_);
    if (!done.ok()) spdlog::warn("job {}: {}", job.name, done.error().message);
  }
}

void Jobs::loop() {
  for (const auto& job : jobs_) {
    if (!job.at_start) continue;
    auto done = job.run(services_);
    if (!done.ok()) spdlog::warn("job {}: {}", job.name, done.error().message);
  }
  std::unique_lock lock(mu_);
  while (!stopping_) {
    cv_.wait_for(lock, interval_, [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    run_all();
    lock.lock();
  }
}

}  // namespace innet::app
