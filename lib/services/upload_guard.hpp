#pragma once

#include "services/service_support.hpp"

#include <helpdesk/engine.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace helpdesk::detail {

/// The blobs one call has written. Unless released, they are removed when the
/// guard goes (the transaction that was to refer to them did not commit).
class upload_guard {
public:
    /// Guards blobs written to `blobs`.
    explicit upload_guard(blob_store& blobs) noexcept : blobs_(blobs) {}
    /// Removes every blob put, unless released.
    ~upload_guard() { discard(); }
    upload_guard(const upload_guard&) = delete;
    upload_guard& operator=(const upload_guard&) = delete;

    /// Writes `bytes` under `key` and remembers the key.
    void put(const std::string& key, std::string_view bytes);
    /// Removes every blob put so far (a re-run of the transaction starts clean).
    void discard() noexcept;
    /// Keeps every blob put so far: the rows that refer to them are committed.
    void release() noexcept { keys_.clear(); }

private:
    blob_store& blobs_;
    std::vector<std::string> keys_;
};

/// Runs `work(tx, uploads)` in one write transaction (see
/// `in_write_transaction`); the blobs it puts are kept once the transaction
/// commits and removed otherwise. A store lost during COMMIT may still have
/// committed: the blobs then stay (an orphan costs disk; a missing file would
/// lose an attachment).
template <class Work>
auto in_upload_transaction(engine_context& context, Work&& work) {
    upload_guard uploads{context.blobs()};
    auto result = in_write_transaction(
        context,
        [&](transaction& tx) {
            uploads.discard(); // a re-run starts clean
            return work(tx, uploads);
        },
        [&](const error& e) {
            if (e.code() == errc::storage_unavailable) {
                uploads.release();
            }
        });
    uploads.release();
    return result;
}

} // namespace helpdesk::detail
