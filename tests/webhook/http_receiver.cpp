#include "http_receiver.hpp"

#include <boost/json.hpp>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace helpdesk::testing {
namespace {

// Reads the child's first stdout line, waiting at most `timeout_ms` overall.
std::string read_first_line(int fd, int timeout_ms) {
    std::string line;
    while (timeout_ms > 0) {
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, 100);
        timeout_ms -= 100;
        if (ready <= 0) {
            continue;
        }
        char c = 0;
        const auto n = ::read(fd, &c, 1);
        if (n <= 0) {
            break; // the child exited
        }
        if (c == '\n') {
            return line;
        }
        line.push_back(c);
    }
    return {};
}

} // namespace

std::optional<std::string> recorded_request::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (key.size() == name.size() && ::strncasecmp(key.c_str(), name.data(), name.size()) == 0) {
            return value;
        }
    }
    return std::nullopt;
}

http_receiver::http_receiver(receiver_script script) {
    char record_template[] = "/tmp/helpdesk-webhook-requests-XXXXXX";
    const int record_fd = ::mkstemp(record_template);
    if (record_fd < 0) {
        throw std::runtime_error("cannot create the receiver's record file");
    }
    ::close(record_fd);
    record_path_ = record_template;

    std::string statuses;
    for (const int s : script.statuses) {
        statuses += (statuses.empty() ? "" : ",") + std::to_string(s);
    }
    std::vector<std::string> args{HELPDESK_PYTHON, HELPDESK_HTTP_RECEIVER, std::to_string(script.port), record_path_, "--statuses", statuses,
                                  "--delay-ms", std::to_string(script.delay_ms)};
    if (script.hang) {
        args.emplace_back("--hang");
    }
    if (!script.tls_cert_file.empty()) {
        args.insert(args.end(), {"--tls", script.tls_cert_file, script.tls_key_file});
        tls_ = true;
    }
    // argv is built before fork: only async-signal-safe calls may run in the child.
    std::vector<char*> argv;
    for (auto& a : args) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);

    int out[2];
    if (::pipe(out) != 0) {
        throw std::runtime_error("pipe failed");
    }
    const pid_t parent = ::getpid();
    pid_ = ::fork();
    if (pid_ < 0) {
        throw std::runtime_error("fork failed");
    }
    if (pid_ == 0) {
        // Dies with the test process even if it crashes before the destructor runs.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent) {
            ::_exit(127);
        }
        ::dup2(out[1], STDOUT_FILENO);
        ::close(out[0]);
        ::close(out[1]);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(out[1]);
    const auto line = read_first_line(out[0], 10000);
    ::close(out[0]);
    try {
        port_ = std::stoi(line);
    } catch (const std::exception&) {
        stop();
        throw std::runtime_error("the HTTP receiver did not report its port (got \"" + line + "\")");
    }
}

http_receiver::~http_receiver() {
    stop();
    ::unlink(record_path_.c_str());
}

void http_receiver::stop() noexcept {
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        pid_ = -1;
    }
}

std::string http_receiver::url(std::string_view path) const {
    return (tls_ ? "https://127.0.0.1:" : "http://127.0.0.1:") + std::to_string(port_) + std::string{path};
}

std::vector<recorded_request> http_receiver::requests() const {
    std::vector<recorded_request> out;
    std::ifstream in(record_path_);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) {
            continue;
        }
        const auto v = boost::json::parse(line).as_object();
        recorded_request r;
        r.method = std::string{v.at("method").as_string()};
        r.path = std::string{v.at("path").as_string()};
        r.body = std::string{v.at("body").as_string()};
        r.received_at = v.at("received_at").to_number<double>();
        r.body_read_at = v.at("body_read_at").to_number<double>();
        for (const auto& h : v.at("headers").as_array()) {
            const auto& pair = h.as_array();
            r.headers.emplace_back(std::string{pair.at(0).as_string()}, std::string{pair.at(1).as_string()});
        }
        out.push_back(std::move(r));
    }
    return out;
}

int closed_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        throw std::runtime_error("socket failed");
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        ::close(fd);
        throw std::runtime_error("bind failed");
    }
    ::close(fd); // never listened: a connection to it is refused
    return ntohs(addr.sin_port);
}

} // namespace helpdesk::testing
