#include "smtp_sink.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace smtptest {
namespace {

namespace fs = std::filesystem;

std::string text_of(const boost::json::value& v) {
    return v.is_string() ? std::string{v.as_string()} : std::string{};
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

stored_message parse_record(const std::string& json) {
    const auto root = boost::json::parse(json).as_object();
    stored_message m;
    m.mail_from = text_of(root.at("mail_from"));
    for (const auto& r : root.at("rcpt_tos").as_array()) {
        m.rcpt_tos.push_back(text_of(r));
    }
    m.data = text_of(root.at("data"));
    m.tls = root.at("tls").as_bool();
    m.auth_login = text_of(root.at("auth_login"));
    const auto& parsed = root.at("parsed").as_object();
    m.py_subject = text_of(parsed.at("subject"));
    m.py_to = text_of(parsed.at("to"));
    m.py_from = text_of(parsed.at("from"));
    for (const auto& d : parsed.at("defects").as_array()) {
        m.py_defects.push_back(text_of(d));
    }
    for (const auto& p : parsed.at("parts").as_array()) {
        const auto& part = p.as_object();
        m.py_parts.push_back({text_of(part.at("type")), text_of(part.at("charset")), text_of(part.at("encoding")),
                              text_of(part.at("content"))});
    }
    return m;
}

// Reads one line from `fd`, waiting at most `limit`.
std::string read_line(int fd, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    std::string line;
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline -
                                                                                std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            throw std::runtime_error("the SMTP sink did not report its port in time");
        }
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) {
            continue;
        }
        char c = 0;
        const auto n = ::read(fd, &c, 1);
        if (n <= 0) {
            throw std::runtime_error("the SMTP sink exited before reporting its port");
        }
        if (c == '\n') {
            return line;
        }
        line += c;
    }
}

} // namespace

bool sink_available() {
    if (std::string_view{HELPDESK_TEST_PYTHON}.empty()) {
        const char* ci = std::getenv("CI");
        if (ci != nullptr && std::string_view{ci} == "true") {
            FAIL("no Python with aiosmtpd was found at configure time, and CI=true requires the SMTP server "
                 "tests to run (Debian: apt-get install python3-aiosmtpd; or set HELPDESK_TEST_PYTHON)");
        }
        MESSAGE("skipped: no Python with aiosmtpd (Debian: python3-aiosmtpd)");
        return false;
    }
    return true;
}

fs::path make_temp_dir(const std::string& prefix) {
    auto pattern = (fs::temp_directory_path() / (prefix + "XXXXXX")).string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("mkdtemp failed");
    }
    return pattern;
}

smtp_sink::smtp_sink(sink_config config) : config_(std::move(config)), dir_(make_temp_dir("hd-smtp-sink-")) {
    fs::create_directories(dir_ / "mail");
    port_ = config_.port;
    start();
}

smtp_sink::~smtp_sink() {
    stop();
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
}

void smtp_sink::start() {
    if (pid_ > 0) {
        return;
    }
    std::vector<std::string> args{HELPDESK_TEST_PYTHON, HELPDESK_SMTP_SINK_SCRIPT, "--port", std::to_string(port_),
                                  "--dir", (dir_ / "mail").string()};
    if (!config_.auth.empty()) {
        args.insert(args.end(), {"--auth", config_.auth});
    }
    if (config_.starttls) {
        args.insert(args.end(), {"--starttls", config_.cert.string(), config_.key.string()});
    }
    if (config_.require_starttls) {
        args.emplace_back("--require-starttls");
    }
    if (config_.implicit_tls) {
        args.insert(args.end(), {"--implicit-tls", config_.cert.string(), config_.key.string()});
    }
    for (const auto& [address, code] : config_.rejects) {
        args.insert(args.end(), {"--reject", address + "=" + std::to_string(code)});
    }
    std::vector<char*> argv;
    for (auto& a : args) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);

    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0) {
        throw std::runtime_error("pipe failed");
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    const auto log_path = (dir_ / "sink.log").string();
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                     0644);
    const int rc = ::posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    if (rc != 0) {
        ::close(out[0]);
        pid_ = -1;
        throw std::runtime_error("could not start the SMTP sink");
    }
    try {
        const auto line = read_line(out[0], std::chrono::seconds{20});
        port_ = std::stoi(line);
    } catch (...) {
        ::close(out[0]);
        stop();
        throw std::runtime_error("the SMTP sink did not start: " + log());
    }
    ::close(out[0]);
}

void smtp_sink::stop() {
    if (pid_ <= 0) {
        return;
    }
    ::kill(pid_, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{5};
    int status = 0;
    while (::waitpid(pid_, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds{20});
    }
    pid_ = -1;
}

std::string smtp_sink::url() const {
    return (config_.implicit_tls ? "smtps://127.0.0.1:" : "smtp://127.0.0.1:") + std::to_string(port_);
}

std::vector<stored_message> smtp_sink::messages() const {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir_ / "mail")) {
        if (entry.path().extension() == ".json") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<stored_message> out;
    for (const auto& f : files) {
        out.push_back(parse_record(read_file(f)));
    }
    return out;
}

std::string smtp_sink::log() const { return read_file(dir_ / "sink.log"); }

test_certificate::test_certificate() : dir(make_temp_dir("hd-smtp-cert-")), cert(dir / "cert.pem"), key(dir / "key.pem") {
    if (std::string_view{HELPDESK_TEST_OPENSSL}.empty()) {
        throw std::runtime_error("openssl was not found at configure time");
    }
    const auto command = std::string{HELPDESK_TEST_OPENSSL} +
                         " req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost"
                         " -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout '" +
                         key.string() + "' -out '" + cert.string() + "' 2>/dev/null";
    if (std::system(command.c_str()) != 0) {
        throw std::runtime_error("openssl could not make a test certificate");
    }
}

test_certificate::~test_certificate() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
}

} // namespace smtptest
