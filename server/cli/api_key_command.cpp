#include "cli/api_key_command.hpp"

#include <helpdesk/error.hpp>
#include <helpdesk/time.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <vector>

namespace helpdesk::server {

namespace {

constexpr std::string_view usage =
    "  helpdesk-server api-key create NAME   make a key for the workflow system; prints it once\n"
    "  helpdesk-server api-key list          every key: id, prefix, times, who made it, name\n"
    "  helpdesk-server api-key revoke ID     the key stops working at once\n"
    "  (with the same --store flag or HELPDESK_STORE as the server; nothing is served)\n";

[[noreturn]] void usage_error(std::string sentence) {
    throw error(errc::invalid_argument, "api-key: " + sentence + "\nusage:\n" + std::string{usage});
}

// To the second, so the columns line up.
std::string shown(time_point t) { return to_rfc3339(std::chrono::floor<std::chrono::seconds>(t)); }

std::string when(const std::optional<time_point>& t) { return t ? shown(*t) : std::string{"-"}; }

std::string padded(std::string text, std::size_t width) {
    if (text.size() < width) {
        text.append(width - text.size(), ' ');
    }
    return text;
}

} // namespace

api_key_command parse_api_key_command(std::span<const std::string_view> words) {
    if (words.empty()) {
        usage_error("say what to do: create, list or revoke");
    }
    api_key_command command;
    const auto verb = words[0];
    const auto rest = words.subspan(1);
    if (verb == "create") {
        if (rest.size() != 1) {
            usage_error("create takes one NAME (quote a name with spaces)");
        }
        command.what = api_key_command::action::create;
        command.name = std::string{rest[0]};
    } else if (verb == "list") {
        if (!rest.empty()) {
            usage_error("list takes no arguments");
        }
        command.what = api_key_command::action::list;
    } else if (verb == "revoke") {
        if (rest.size() != 1) {
            usage_error("revoke takes one ID (see api-key list)");
        }
        const auto text = rest[0];
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), command.id);
        if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || command.id <= 0) {
            usage_error("the ID must be a positive whole number, got \"" + std::string{text} + "\"");
        }
        command.what = api_key_command::action::revoke;
    } else {
        usage_error("unknown action \"" + std::string{verb} + "\"");
    }
    return command;
}

void run_api_key_command(const api_key_command& command, engine& desk, std::ostream& out, std::ostream& note) {
    auto& keys = desk.api_keys();
    switch (command.what) {
    case api_key_command::action::create: {
        const auto made = keys.create_for_operator(command.name);
        out << made.key << "\n";
        note << "helpdesk-server: API key " << made.record.id << " (" << made.record.name
             << ") created; send it as X-API-Key. It is shown this once.\n";
        return;
    }
    case api_key_command::action::list: {
        const auto all = keys.list_for_operator();
        std::size_t id_width = 2;
        for (const auto& k : all) {
            id_width = std::max(id_width, std::to_string(k.id).size());
        }
        constexpr std::size_t time_width = 20; // 2026-01-02T03:04:05Z
        auto row = [&](std::string id, std::string prefix, std::string created, std::string used,
                       std::string revoked, std::string by, const std::string& name) {
            out << padded(std::move(id), id_width) << "  " << padded(std::move(prefix), 12) << "  "
                << padded(std::move(created), time_width) << "  " << padded(std::move(used), time_width) << "  "
                << padded(std::move(revoked), time_width) << "  " << padded(std::move(by), 10) << "  " << name << "\n";
        };
        row("ID", "PREFIX", "CREATED", "LAST USED", "REVOKED", "BY", "NAME");
        for (const auto& k : all) {
            row(std::to_string(k.id), k.prefix, shown(k.created_at), when(k.last_used_at), when(k.revoked_at),
                k.created_by ? "account " + std::to_string(*k.created_by) : std::string{"operator"}, k.name);
        }
        return;
    }
    case api_key_command::action::revoke: {
        const auto revoked = keys.revoke_for_operator(command.id);
        note << "helpdesk-server: API key " << revoked.id << " (" << revoked.name << ") is revoked since "
             << when(revoked.revoked_at) << ".\n";
        return;
    }
    }
}

std::string_view api_key_command_usage() noexcept { return usage; }

} // namespace helpdesk::server
