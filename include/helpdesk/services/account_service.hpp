#pragma once

#include <helpdesk/domain/account.hpp>
#include <helpdesk/ports/queries.hpp>
#include <helpdesk/services/paging.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace helpdesk {

class engine_context;

/// A sign-up form (docs/product.md#sign-up, `create_employee/`). `role` and `status` exist only
/// so that a client which tries to set them is refused.
struct sign_up_request {
    std::string email{};
    std::string first_name{};
    std::optional<std::string> middle_name{};
    std::string last_name{};
    std::optional<std::string> suffix{};
    std::optional<std::string> company_id{};   ///< generated when absent
    std::string department{};
    std::string password{};
    std::string confirm_password{};
    std::optional<std::string> role{};         ///< refused when present
    std::optional<std::string> status{};       ///< refused when present
};

/// An admin's new account: approved at once, no password (a set-password
/// token is issued and mailed instead).
struct admin_create_request {
    std::string email{};
    std::string first_name{};
    std::optional<std::string> middle_name{};
    std::string last_name{};
    std::optional<std::string> suffix{};
    std::string department{};
    std::string role = "Employee";
};

/// An account created by an admin, with the single-use token of its
/// set-password link (the outbox event carries it to the mailer).
struct created_account {
    account created{};
    std::string set_password_token{};
};

/// Which login endpoint is being used: they admit different roles.
enum class login_kind {
    employee,  ///< employees only
    staff,     ///< coordinators and admins only
    any,       ///< every role (one sign-in page for everyone)
};

/// Changes to the caller's own name. An absent field stays as it is; for
/// `middle_name` and `suffix` a blank text clears the value.
struct profile_update {
    std::optional<std::string> first_name{};
    std::optional<std::string> middle_name{};
    std::optional<std::string> last_name{};
    std::optional<std::string> suffix{};   ///< one of `name_suffixes`, or blank
};

/// A profile picture: its type (`image/png` or `image/jpeg`, sniffed from the
/// bytes) and its bytes.
struct profile_image {
    std::string content_type{};
    std::string bytes{};

    /// Equal when both type and bytes are.
    bool operator==(const profile_image&) const = default;
};

/// A System Admin's changes to another account's names and department, with
/// the sign-up rules. An absent field stays as it is; for `middle_name` and
/// `suffix` a blank text clears the value.
struct account_update {
    std::optional<std::string> first_name{};
    std::optional<std::string> middle_name{};
    std::optional<std::string> last_name{};
    std::optional<std::string> suffix{};       ///< one of `name_suffixes`, or blank
    std::optional<std::string> department{};   ///< one of the configured departments
};

/// A page of the employee list: the filters (role, status, department) and
/// the page or cursor.
struct account_list_request : page_request {
    account_filter filter{};
};

/// Accounts, sign-up approval, credentials and password resets. Every call is
/// one store transaction. Thread-safe. Failures throw `helpdesk::error`.
class account_service {
public:
    /// Uses the context's store, blobs, clock and randomness; the context must outlive the service.
    explicit account_service(engine_context& context) : context_(context) {}

    /// Creates an `Employee`/`Pending` account. Throws invalid_argument with
    /// field errors (also for any attempt to set role or status), and
    /// conflict with field errors for a duplicate email or company id.
    account sign_up(const sign_up_request& request);

    /// Creates the first System Admin (approved) of an empty help desk, with
    /// the request's password; `role` and `status` must be absent. Throws
    /// conflict once any System Admin exists. Used by a server's first start
    /// and by embedders setting up a store.
    account bootstrap_admin(const sign_up_request& request);

    /// System Admin only: an approved account with a generated company id.
    created_account admin_create(account_id actor, const admin_create_request& request);

    /// System Admin only: Pending → Approved.
    account approve(account_id actor, account_id target);

    /// System Admin only: removes a pending account and writes its audit row
    /// (one transaction; the account's tickets, if any, are kept; its
    /// refresh-token sessions, if any, go with it). `reason` is required.
    rejected_account reject(account_id actor, account_id target, std::string_view reason);

    /// Checks a login. Wrong email or password → unauthenticated (same
    /// message for both); pending or rejected → permission_denied "pending
    /// approval"; a role the endpoint does not admit → permission_denied
    /// (`login_kind::any` admits every role).
    /// Re-hashes the password when its iteration count is below the current.
    account authenticate(login_kind kind, std::string_view email, std::string_view password);

    /// Changes the actor's own names with the sign-up field rules (person
    /// names, suffix from `name_suffixes`); throws invalid_argument with field
    /// errors, permission_denied unless the actor is approved. Returns the
    /// stored account (unchanged when `changes` is empty).
    account update_profile(account_id actor, const profile_update& changes);

    /// The actor's own password check (no change); rate limiting is the caller's.
    [[nodiscard]] bool check_password(account_id actor, std::string_view password);

    /// Changes the actor's password after checking the current one and, in
    /// the same transaction, revokes every refresh-token session of the actor
    /// except `keep_session` (the session id the request came with, when given).
    void change_password(account_id actor, std::string_view current, std::string_view next,
                         std::string_view confirm, std::optional<std::string_view> keep_session = std::nullopt);

    /// Issues a single-use reset token (stored hashed, expiring) and records
    /// the mail in the outbox. Returns the token, or nullopt when no approved
    /// account has that email; callers must answer alike in both cases.
    std::optional<std::string> request_password_reset(std::string_view email);

    /// Sets a new password with a reset token; the token is spent and every
    /// refresh-token session of the account is revoked (same transaction).
    void reset_password(std::string_view token, std::string_view next, std::string_view confirm);

    /// System Admin only: changes an account's role (docs/product.md#account-administration).
    /// Refuses (conflict) to take the role from the last active System Admin.
    /// An account demoted to Employee gives its open tickets back to the
    /// queue. Writes the account history and `account.role_changed`; the
    /// same role again changes nothing.
    account change_role(account_id actor, account_id target, std::string_view new_role);

    /// System Admin only: deactivates an account, in one transaction: its
    /// refresh-token sessions are revoked, its open assignments go back to the
    /// queue (an In Progress ticket to Open, with a note in each ticket's
    /// thread), the history row and `account.deactivated` are written.
    /// Refuses (conflict) to deactivate the last active System Admin.
    /// Deactivating an inactive account changes nothing.
    account deactivate(account_id actor, account_id target);

    /// System Admin only: makes a deactivated account active again (history
    /// and `account.reactivated`); an active one is returned unchanged.
    account reactivate(account_id actor, account_id target);

    /// System Admin only: changes another account's names and department with
    /// the sign-up rules, one history row per changed field; invalid_argument
    /// with field errors otherwise.
    account update_account(account_id actor, account_id target, const account_update& changes);

    /// System Admin only: a page of the account's history, oldest first;
    /// not_found for an unknown account.
    [[nodiscard]] list_page<account_history_entry> history(account_id actor, account_id target,
                                                           const page_request& request = {});

    /// Stores a PNG or JPEG (checked by content, at most 2 MiB) as the
    /// actor's picture; the actor must be approved.
    account set_image(account_id actor, std::string_view bytes);

    /// The profile picture of `target`; nullopt when the account has none.
    /// Visible to the account itself and to staff; anyone else gets
    /// not_found, as for a missing account.
    [[nodiscard]] std::optional<profile_image> image(account_id actor, account_id target);

    /// The actor's own account, or any account for staff; the actor must be
    /// approved (permission_denied otherwise).
    [[nodiscard]] account get(account_id actor, account_id target);

    /// Staff only: a page of the accounts matching the request's filter, by id.
    [[nodiscard]] list_page<account> list(account_id actor, const account_list_request& request = {});

    /// System Admin only: a page of the rejection audit, newest first.
    [[nodiscard]] list_page<rejected_account> rejections(account_id actor, const page_request& request = {});

    /// System Admin only: number of rejection audit rows.
    [[nodiscard]] std::int64_t rejection_count(account_id actor);

private:
    account create_with_password(const sign_up_request& request, bool first_admin);
    engine_context& context_;
};

} // namespace helpdesk
