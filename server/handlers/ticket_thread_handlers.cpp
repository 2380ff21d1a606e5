#include "handlers/handlers.hpp"

#include "app/form.hpp"
#include "app/json_views.hpp"
#include "app/query.hpp"
#include "handlers/list_response.hpp"
#include "http/content_disposition.hpp"

#include <helpdesk/error.hpp>

#include <wire/list_queries.hpp>

namespace helpdesk::server::handlers {

response list_comments(call& c) {
    const auto asked = wire::read_page_query(url_query(c));
    const auto thread = c.desk().tickets().comment_page(c.actor(), c.id_param(0), asked);
    return list_response(c, thread, asked,
                         [&](const comment& note) { return wire::comment_json(note, thread.authors, {}); });
}

response add_comment(call& c) {
    const auto body = form::read(c, false);
    const auto text = body.text("text").value_or(body.text("comment").value_or(""));
    const auto internal = body.flag("is_internal").value_or(false);
    const auto added = c.desk().tickets().add_comment(c.actor(), c.id_param(0), text, internal);
    return json_response(wire::comment_json(added.item, {added.author}, {}), http::status::created);
}

response ticket_history(call& c) {
    const auto asked = wire::read_page_query(url_query(c));
    const auto timeline = c.desk().tickets().history_page(c.actor(), c.id_param(0), asked);
    return list_response(c, timeline, asked,
                         [&](const history_event& e) { return wire::history_json(e, timeline.actors, {}); });
}

response add_attachment(call& c) {
    const auto body = form::read(c, true);
    const auto files = body.files("file");
    // One file per request: the engine adds each file in its own transaction,
    // so a refused second file would leave the first stored behind a 400.
    if (files.size() != 1) {
        throw error(errc::invalid_argument, "Send exactly one file under `file`.",
                    {{"file", {files.empty() ? "This field is required." : "Send one file per request."}}});
    }
    const url_signer urls{c.shared, c.actor()};
    boost::json::array added;
    added.push_back(
        wire::attachment_json(c.desk().tickets().add_attachment(c.actor(), c.id_param(0), files.front()), http_view(urls)));
    return json_response(added, http::status::created);
}

response download_attachment(call& c) {
    auto [meta, bytes] = c.desk().tickets().download(c.actor(), c.id_param(0));
    const bool inline_display = meta.content_type.starts_with("image/") || meta.content_type == "application/pdf";
    response r;
    r.content_type = meta.content_type;
    r.body = std::move(bytes);
    r.headers.emplace_back("Content-Disposition", content_disposition(inline_display, meta.file_name));
    return r;
}

} // namespace helpdesk::server::handlers
