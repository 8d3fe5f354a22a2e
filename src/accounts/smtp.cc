#include "accounts/smtp.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <boost/asio.hpp>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace innet::accounts {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;
using Clock = std::chrono::steady_clock;

std::string base64(const std::string& data) {
  std::string out(sodium_base64_encoded_len(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()),
                    data.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

// Base64 in lines of 76 characters (RFC 2045).
std::string base64_lines(const std::string& data) {
  const std::string all = base64(data);
  std::string out;
  for (std::size_t at = 0; at < all.size(); at += 76) out += all.substr(at, 76) + "\r\n";
  return out;
}

std::string rfc5322_date() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &utc);
  return buffer;
}

// Addresses come from validated user records; a CR or LF would still end a command early.
bool header_safe(const std::string& s) {
  return s.find_first_of("\r\n") == std::string::npos;
}

// One SMTP conversation, each step run on a private io_context until the deadline.
class Conversation {
 public:
  explicit Conversation(Clock::time_point deadline) : socket_(io_), deadline_(deadline) {}

  Status connect(const std::string& host, int port) {
    tcp::resolver resolver(io_);
    tcp::resolver::results_type endpoints;
    boost::system::error_code error;
    bool done = false;
    resolver.async_resolve(host, std::to_string(port),
                           [&](boost::system::error_code ec, tcp::resolver::results_type r) {
                             error = ec;
                             endpoints = std::move(r);
                             done = true;
                           });
    INNET_TRY(run(done, error, "resolve"));
    done = false;
    asio::async_connect(socket_, endpoints,
                        [&](boost::system::error_code ec, const tcp::endpoint&) {
                          error = ec;
                          done = true;
                        });
    return run(done, error, "connect");
  }

  // Reads one reply (every line of a multi-line one) and checks its code.
  Status expect(int code, const char* step) {
    for (;;) {
      boost::system::error_code error;
      bool done = false;
      asio::async_read_until(socket_, asio::dynamic_buffer(buffer_), "\r\n",
                             [&](boost::system::error_code ec, std::size_t) {
                               error = ec;
                               done = true;
                             });
      INNET_TRY(run(done, error, step));
      const auto end = buffer_.find("\r\n");
      const std::string line = buffer_.substr(0, end);
      buffer_.erase(0, end + 2);
      if (line.size() < 3 || std::atoi(line.substr(0, 3).c_str()) != code)
        return Error::make(ErrorKind::unavailable, "smtp_refused",
                           std::string("SMTP ") + step + ": " + line.substr(0, 200));
      if (line.size() == 3 || line[3] != '-') return Status::success();
    }
  }

  Status send(const std::string& text, const char* step) {
    boost::system::error_code error;
    bool done = false;
    asio::async_write(socket_, asio::buffer(text), [&](boost::system::error_code ec, std::size_t) {
      error = ec;
      done = true;
    });
    return run(done, error, step);
  }

 private:
  Status run(bool& done, boost::system::error_code& error, const char* step) {
    io_.restart();
    io_.run_until(deadline_);
    if (!done) {
      boost::system::error_code ignored;
      socket_.close(ignored);  // cancels the operation, whose handler then runs
      io_.restart();
      io_.run();
      return Error::make(ErrorKind::unavailable, "smtp_timeout",
                         std::string("SMTP ") + step + ": no answer in time");
    }
    if (error)
      return Error::make(ErrorKind::unavailable, "smtp_failed",
                         std::string("SMTP ") + step + ": " + error.message());
    return Status::success();
  }

  asio::io_context io_;
  tcp::socket socket_;
  Clock::time_point deadline_;
  std::string buffer_;
};

// The message as DATA sends it: headers, base64 body, dot-stuffing needless (base64 has no
// dots), and the final line with a single dot.
std::string message(const MailSettings& settings, const Mail& mail) {
  std::string m;
  m += "From: " + settings.from + "\r\n";
  m += "To: " + mail.to + "\r\n";
  m += "Subject: =?UTF-8?B?" + base64(mail.subject) + "?=\r\n";
  m += "Date: " + rfc5322_date() + "\r\n";
  m += "MIME-Version: 1.0\r\n";
  m += "Content-Type: text/plain; charset=UTF-8\r\n";
  m += "Content-Transfer-Encoding: base64\r\n";
  m += "Auto-Submitted: auto-generated\r\n";
  m += "\r\n";
  std::string body;  // CRLF line ends
  for (char c : mail.body) body += c == '\n' ? std::string("\r\n") : std::string(1, c);
  m += base64_lines(body);
  m += ".\r\n";
  return m;
}

class Outbox {
 public:
  static Outbox& instance() {
    static Outbox outbox;
    return outbox;
  }

  void add(MailSettings settings, Mail mail) {
    {
      std::lock_guard lock(mutex_);
      if (queue_.size() >= kMaxQueued) {
        spdlog::error("mail: outbox full, a mail is dropped");
        return;
      }
      queue_.emplace_back(std::move(settings), std::move(mail));
      if (!thread_.joinable()) thread_ = std::thread([this] { drain(); });
    }
    wake_.notify_one();
  }

  ~Outbox() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
  }

 private:
  static constexpr std::size_t kMaxQueued = 1000;

  void drain() {
    for (;;) {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      auto [settings, mail] = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      auto sent = send_mail(settings, mail);
      if (!sent.ok()) spdlog::error("mail: not sent: {}", sent.error().message);
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::pair<MailSettings, Mail>> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace

Status send_mail(const MailSettings& settings, const Mail& mail, std::chrono::milliseconds limit) {
  if (settings.host.empty())
    return Error::make(ErrorKind::unavailable, "smtp_unconfigured", "no smtp_host configured");
  if (!header_safe(settings.from) || !header_safe(mail.to))
    return Error::make(ErrorKind::invalid_input, "smtp_address", "an address holds a line break");
  Conversation c(Clock::now() + limit);
  INNET_TRY(c.connect(settings.host, settings.port));
  INNET_TRY(c.expect(220, "greeting"));
  INNET_TRY(c.send("EHLO innet\r\n", "EHLO"));
  INNET_TRY(c.expect(250, "EHLO"));
  INNET_TRY(c.send("MAIL FROM:<" + settings.from + ">\r\n", "MAIL FROM"));
  INNET_TRY(c.expect(250, "MAIL FROM"));
  INNET_TRY(c.send("RCPT TO:<" + mail.to + ">\r\n", "RCPT TO"));
  INNET_TRY(c.expect(250, "RCPT TO"));
  INNET_TRY(c.send("DATA\r\n", "DATA"));
  INNET_TRY(c.expect(354, "DATA"));
  INNET_TRY(c.send(message(settings, mail), "message"));
  INNET_TRY(c.expect(250, "message"));
  INNET_TRY(c.send("QUIT\r\n", "QUIT"));
  (void)c.expect(221, "QUIT");  // the mail is accepted already
  return Status::success();
}

void send_mail_later(MailSettings settings, Mail mail) {
  Outbox::instance().add(std::move(settings), std::move(mail));
}

}  // namespace innet::accounts
