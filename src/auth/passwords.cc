#include "auth/passwords.h"

#include <sodium.h>

#include <condition_variable>
#include <mutex>
#include <optional>

namespace innet::auth {
namespace {

// A counting semaphore whose bound can be set at start-up (std::counting_semaphore's cannot).
class Gate {
 public:
  void set_limit(int n) {
    std::lock_guard lock(mu_);
    limit_ = n < 1 ? 1 : n;
  }
  void enter() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return running_ < limit_; });
    ++running_;
  }
  void leave() {
    {
      std::lock_guard lock(mu_);
      --running_;
    }
    cv_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int limit_ = 2;
  int running_ = 0;
};

Gate& gate() {
  static Gate g;
  return g;
}

struct Pass {
  Pass() { gate().enter(); }
  ~Pass() { gate().leave(); }
};

Result<std::string> hash_with(std::string_view password, unsigned long long ops,
                              std::size_t memory) {
  Pass pass;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, memory,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Error::internal("password hashing ran out of memory");
  return std::string(out);
}

}  // namespace

void set_password_hash_concurrency(int n) {
  gate().set_limit(n);
}

Result<std::string> hash_password(std::string_view password) {
  return hash_with(password, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                   crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

Result<std::string> hash_published_password(std::string_view password) {
  return hash_with(password, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
}

bool verify_password(std::string_view hash, std::string_view password) {
  Pass pass;
  std::string h(hash);  // crypto_pwhash_str_verify needs a NUL-terminated string
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

void verify_against_dummy(std::string_view password) {
  static const std::string dummy = hash_password("not a real password").value();
  (void)verify_password(dummy, password);
}

std::optional<FieldError> password_problem(std::string_view password) {
  if (password.size() < 10) return FieldError::too_short(10);
  if (password.size() > 200) return FieldError::too_long(200);
  return std::nullopt;
}

}  // namespace innet::auth
