#include "app/openapi.hpp"

#include <boost/json/parse.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace helpdesk::server {

namespace {

// Written as JSON so it reads like the API it describes.
constexpr const char* schemas_json = R"json({
  "Error": {"type": "object", "required": ["error", "detail"], "properties": {
    "error": {"type": "string", "example": "invalid_argument"},
    "detail": {"type": "string"},
    "field_errors": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}}},
  "Person": {"type": "object", "properties": {
    "id": {"type": "integer"}, "first_name": {"type": "string"}, "last_name": {"type": "string"},
    "email": {"type": "string"}, "role": {"type": "string"}}},
  "Account": {"type": "object", "properties": {
    "id": {"type": "integer"}, "email": {"type": "string"}, "first_name": {"type": "string"},
    "middle_name": {"type": "string", "nullable": true}, "last_name": {"type": "string"},
    "suffix": {"type": "string", "nullable": true}, "company_id": {"type": "string", "example": "MA0001"},
    "department": {"type": "string"}, "role": {"type": "string", "enum": ["Employee", "Ticket Coordinator", "System Admin"]},
    "status": {"type": "string", "enum": ["Pending", "Approved", "Rejected"]},
    "is_active": {"type": "boolean", "description": "false once deactivated: it can neither sign in nor act"},
    "date_created": {"type": "string", "format": "date-time"},
    "image_url": {"type": "string", "nullable": true, "description": "short-lived signed URL"}}},
  "AccountUpdate": {"type": "object", "additionalProperties": false, "properties": {
    "first_name": {"type": "string"}, "middle_name": {"type": "string", "nullable": true},
    "last_name": {"type": "string"}, "suffix": {"type": "string", "nullable": true,
    "description": "one of the catalogue's suffixes; null or blank clears it"},
    "department": {"type": "string", "description": "one of the catalogue's departments"}}},
  "RoleChange": {"type": "object", "required": ["role"], "properties": {
    "role": {"type": "string", "enum": ["Employee", "Ticket Coordinator", "System Admin"]}}},
  "AccountHistoryEntry": {"type": "object", "required": ["id", "account", "actor", "at", "field"], "properties": {
    "id": {"type": "integer"}, "account": {"type": "integer"}, "actor": {"type": "integer", "nullable": true},
    "at": {"type": "string", "format": "date-time"},
    "field": {"type": "string", "enum": ["role", "is_active", "first_name", "middle_name", "last_name", "suffix", "department"]},
    "old_value": {"type": "string", "nullable": true}, "new_value": {"type": "string", "nullable": true}}},
  "RejectedAccount": {"type": "object", "properties": {
    "id": {"type": "integer"}, "company_id": {"type": "string"}, "first_name": {"type": "string"},
    "middle_name": {"type": "string", "nullable": true}, "last_name": {"type": "string"}, "suffix": {"type": "string", "nullable": true},
    "email": {"type": "string"}, "department": {"type": "string"}, "reason": {"type": "string"},
    "rejected_by": {"type": "integer"}, "rejected_at": {"type": "string", "format": "date-time"}}},
  "OutboxEvent": {"type": "object", "properties": {
    "id": {"type": "integer"}, "event": {"type": "string", "example": "ticket.created"},
    "account": {"type": "integer", "nullable": true}, "ticket": {"type": "integer", "nullable": true},
    "payload": {"type": "object"}, "created_at": {"type": "string", "format": "date-time"},
    "state": {"type": "string", "enum": ["pending", "delivered", "dead"]}, "attempts": {"type": "integer"},
    "last_error": {"type": "string", "nullable": true}, "next_attempt_at": {"type": "string", "format": "date-time"},
    "delivered_to": {"type": "array", "items": {"type": "string"}, "description": "channels that already have it"}}},
  "Count": {"type": "object", "properties": {"count": {"type": "integer"}}},
  "Message": {"type": "object", "properties": {"detail": {"type": "string"}}},
  "PasswordCheck": {"type": "object", "properties": {"valid": {"type": "boolean"}}},
  "Health": {"type": "object", "properties": {"status": {"type": "string"}}},
  "TokenPair": {"type": "object", "required": ["access", "token_type", "expires_in", "id", "email", "role"], "properties": {
    "access": {"type": "string"},
    "refresh": {"type": "string", "description": "absent in cookie mode (the HttpOnly cookie carries it)"},
    "token_type": {"type": "string"},
    "expires_in": {"type": "integer", "description": "seconds the access token lives"}, "id": {"type": "integer"}, "email": {"type": "string"}, "role": {"type": "string"},
    "first_name": {"type": "string"}, "last_name": {"type": "string"}, "company_id": {"type": "string"}, "department": {"type": "string"}}},
  "SignUp": {"type": "object", "required": ["email", "first_name", "last_name", "department", "password", "confirm_password"], "properties": {
    "email": {"type": "string"}, "first_name": {"type": "string"}, "middle_name": {"type": "string"}, "last_name": {"type": "string"},
    "suffix": {"type": "string"}, "company_id": {"type": "string"}, "department": {"type": "string"},
    "password": {"type": "string"}, "confirm_password": {"type": "string"}}},
  "AdminCreateEmployee": {"type": "object", "required": ["email", "first_name", "last_name", "department"], "properties": {
    "email": {"type": "string"}, "first_name": {"type": "string"}, "middle_name": {"type": "string"}, "last_name": {"type": "string"},
    "suffix": {"type": "string"}, "department": {"type": "string"}, "role": {"type": "string"}}},
  "Login": {"type": "object", "required": ["email", "password"], "properties": {"email": {"type": "string"}, "password": {"type": "string"}}},
  "Refresh": {"type": "object", "properties": {"refresh": {"type": "string",
    "description": "required, except in cookie mode (X-Helpdesk-Session: cookie), where the cookie carries it"}}},
  "ProfileUpdate": {"type": "object", "additionalProperties": false, "properties": {
    "first_name": {"type": "string"}, "middle_name": {"type": "string", "nullable": true},
    "last_name": {"type": "string"}, "suffix": {"type": "string", "nullable": true,
    "description": "one of the catalogue's suffixes; null or blank clears it"}}},
  "ChangePassword": {"type": "object", "required": ["current_password", "new_password", "confirm_password"], "properties": {
    "current_password": {"type": "string"}, "new_password": {"type": "string"}, "confirm_password": {"type": "string"}}},
  "CheckPassword": {"type": "object", "required": ["password"], "properties": {"password": {"type": "string"}}},
  "ForgotPassword": {"type": "object", "required": ["email"], "properties": {"email": {"type": "string"}}},
  "ResetPassword": {"type": "object", "required": ["token", "new_password", "confirm_password"], "properties": {
    "token": {"type": "string"}, "new_password": {"type": "string"}, "confirm_password": {"type": "string"}}},
  "ImageUpload": {"type": "object", "required": ["image"], "properties": {"image": {"type": "string", "format": "binary"}}},
  "FileUpload": {"type": "object", "required": ["file"], "properties": {"file": {"type": "string", "format": "binary"}}},
  "Reason": {"type": "object", "required": ["reason"], "properties": {"reason": {"type": "string"}}},
  "Note": {"type": "object", "properties": {"comment": {"type": "string"}}},
  "NewComment": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}, "is_internal": {"type": "boolean"}}},
  "ApproveTicket": {"type": "object", "properties": {
    "priority": {"type": "string", "enum": ["Critical", "High", "Medium", "Low"]}, "department": {"type": "string"},
    "approval_notes": {"type": "string"},
    "assigned_to": {"type": "integer", "description": "an approved, active staff account; without it the department's assignment mode applies"}}},
  "Availability": {"type": "object", "required": ["account", "available", "chosen"], "properties": {
    "account": {"type": "integer"}, "available": {"type": "boolean"},
    "chosen": {"type": "boolean", "description": "false while the account never chose (its role decides)"}}},
  "AvailabilityChange": {"type": "object", "required": ["available"], "properties": {"available": {"type": "boolean"}}},
  "DepartmentAssignment": {"type": "object", "required": ["department", "mode", "last_assignee"], "properties": {
    "department": {"type": "string"}, "mode": {"type": "string", "enum": ["none", "round_robin", "least_open"]},
    "last_assignee": {"type": "integer", "nullable": true, "description": "the previous automatic assignee"}}},
  "AssignmentDepartments": {"type": "object", "required": ["departments"], "properties": {
    "departments": {"type": "array", "items": {"$ref": "#/components/schemas/DepartmentAssignment"}}}},
  "AssignmentModeChange": {"type": "object", "required": ["mode"], "properties": {
    "mode": {"type": "string", "enum": ["none", "round_robin", "least_open"]}}},
  "EditTicket": {"type": "object", "additionalProperties": false, "properties": {
    "priority": {"type": "string", "enum": ["Critical", "High", "Medium", "Low"]},
    "department": {"type": "string", "description": "one of the catalogue's departments"},
    "category": {"type": "string", "description": "one of the catalogue's categories"},
    "sub_category": {"type": "string", "description": "a sub-category of the new or kept category"},
    "assigned_to": {"type": "integer", "nullable": true,
      "description": "only null is taken: it unassigns the ticket (assigning has its own route)"}}},
  "AssignTicket": {"type": "object", "required": ["assigned_to"], "properties": {"assigned_to": {"type": "integer"}}},
  "UpdateStatus": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}, "comment": {"type": "string"}}},
  "WorkflowStatus": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}, "comment": {"type": "string"}}},
  "ApiKey": {"type": "object", "properties": {
    "id": {"type": "integer"}, "name": {"type": "string"},
    "prefix": {"type": "string", "example": "hdk_1a2b3c4d", "description": "the key's first 12 characters"},
    "created_at": {"type": "string", "format": "date-time"},
    "created_by": {"type": "integer", "nullable": true, "description": "the System Admin; null when made by the operator's command line"},
    "revoked_at": {"type": "string", "format": "date-time", "nullable": true},
    "last_used_at": {"type": "string", "format": "date-time", "nullable": true, "description": "to within a minute"}}},
  "NewApiKey": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "maxLength": 100}}},
  "CreatedApiKey": {"allOf": [{"$ref": "#/components/schemas/ApiKey"}, {"type": "object", "required": ["key"], "properties": {
    "key": {"type": "string", "example": "hdk_1a2b3c4d...", "description": "send as X-API-Key; shown this once, never again"}}}]},
  "CannedReply": {"type": "object", "required": ["id", "title", "body", "shared", "owner", "version"], "properties": {
    "id": {"type": "integer"}, "title": {"type": "string"},
    "body": {"type": "string", "description": "the text with its {{placeholders}}, as saved"},
    "shared": {"type": "boolean", "description": "every staff member's; changed by System Admins only"},
    "owner": {"type": "integer", "nullable": true, "description": "the staff member it belongs to; null when shared"},
    "created_at": {"type": "string", "format": "date-time"}, "created_by": {"type": "integer"},
    "updated_at": {"type": "string", "format": "date-time"},
    "version": {"type": "integer", "description": "sent back in If-Match"}}},
  "NewCannedReply": {"type": "object", "required": ["title", "body"], "properties": {
    "title": {"type": "string", "maxLength": 100}, "body": {"type": "string", "maxLength": 5000},
    "shared": {"type": "boolean", "default": false, "description": "System Admins only"}}},
  "CannedReplyChange": {"type": "object", "properties": {
    "title": {"type": "string", "maxLength": 100}, "body": {"type": "string", "maxLength": 5000}}},
  "RenderedReply": {"type": "object", "required": ["reply", "ticket", "text"], "properties": {
    "reply": {"type": "integer"}, "ticket": {"type": "integer"},
    "text": {"type": "string", "description": "the body with its placeholders filled for the ticket"}}},
  "CreateTicket": {"type": "object", "required": ["subject", "category", "sub_category", "description"], "properties": {
    "subject": {"type": "string"}, "category": {"type": "string"}, "sub_category": {"type": "string"},
    "description": {"type": "string"}, "scheduled_date": {"type": "string", "format": "date"},
    "attachments": {"type": "array", "items": {"type": "string", "format": "binary"}}}},
  "Attachment": {"type": "object", "properties": {
    "id": {"type": "integer"}, "ticket": {"type": "integer"}, "file_name": {"type": "string"}, "content_type": {"type": "string"},
    "size": {"type": "integer"}, "uploaded_by": {"type": "integer"}, "upload_date": {"type": "string", "format": "date-time"},
    "download_url": {"type": "string", "description": "short-lived signed URL"}}},
  "AttachmentList": {"type": "array", "items": {"$ref": "#/components/schemas/Attachment"}},
  "Comment": {"type": "object", "required": ["id", "author", "author_name", "author_role", "text", "is_internal", "created_at"], "properties": {
    "id": {"type": "integer"}, "ticket": {"type": "integer"}, "author": {"type": "integer", "nullable": true},
    "author_name": {"type": "string", "nullable": true, "description": "first and last name; null for the workflow system or a removed account"},
    "author_role": {"type": "string", "nullable": true, "enum": ["Employee", "Ticket Coordinator", "System Admin", null]},
    "text": {"type": "string"}, "is_internal": {"type": "boolean"}, "created_at": {"type": "string", "format": "date-time"}}},
  "CommentList": {"type": "array", "items": {"$ref": "#/components/schemas/Comment"}},
  "HistoryEvent": {"type": "object", "required": ["id", "actor", "actor_name", "at", "kind"], "properties": {
    "id": {"type": "integer"}, "ticket": {"type": "integer"}, "actor": {"type": "integer", "nullable": true},
    "actor_name": {"type": "string", "nullable": true, "description": "first and last name; null for the workflow system or a removed account"},
    "at": {"type": "string", "format": "date-time"}, "kind": {"type": "string"}, "old_value": {"type": "string", "nullable": true},
    "new_value": {"type": "string", "nullable": true}, "is_internal": {"type": "boolean"}}},
  "Ticket": {"type": "object", "required": ["id", "ticket_number", "status", "version", "actions", "status_targets"], "properties": {
    "id": {"type": "integer"}, "ticket_number": {"type": "string", "example": "TX0001"},
    "employee": {"$ref": "#/components/schemas/Person"}, "subject": {"type": "string"}, "category": {"type": "string"},
    "sub_category": {"type": "string"}, "description": {"type": "string"}, "scheduled_date": {"type": "string", "format": "date", "nullable": true},
    "priority": {"type": "string", "enum": ["Critical", "High", "Medium", "Low"]}, "department": {"type": "string"},
    "status": {"$ref": "#/components/schemas/TicketStatus"},
    "assigned_to": {"type": "object", "allOf": [{"$ref": "#/components/schemas/Person"}], "nullable": true},
    "submit_date": {"type": "string", "format": "date-time"}, "update_date": {"type": "string", "format": "date-time"},
    "response_time": {"type": "integer", "nullable": true, "description": "seconds"},
    "resolution_time": {"type": "integer", "nullable": true, "description": "seconds"},
    "time_closed": {"type": "string", "format": "date-time", "nullable": true},
    "rejection_reason": {"type": "string", "nullable": true}, "finalized": {"type": "boolean"}, "version": {"type": "integer"},
    "first_response_due": {"type": "string", "format": "date-time", "nullable": true,
      "description": "when the first-response target runs out (null while paused before running out, or not measured)"},
    "resolution_due": {"type": "string", "format": "date-time", "nullable": true,
      "description": "when the resolution target runs out (null while paused before running out, or not measured)"},
    "sla": {"type": "object", "nullable": true, "description": "null for a ticket never measured", "properties": {
      "state": {"$ref": "#/components/schemas/SlaState"},
      "first_response": {"$ref": "#/components/schemas/SlaState"},
      "resolution": {"$ref": "#/components/schemas/SlaState"},
      "policy_version": {"type": "integer"}}},
    "actions": {"type": "array", "items": {"$ref": "#/components/schemas/TicketAction"},
      "description": "what the caller may do to the ticket now (policy and lifecycle); offer only these"},
    "status_targets": {"type": "array", "items": {"$ref": "#/components/schemas/TicketStatus"},
      "description": "statuses update_status may move it to, for the caller; empty unless actions has update_status"},
    "attachments": {"allOf": [{"$ref": "#/components/schemas/AttachmentList"}], "description": "detail views and action results only"},
    "comments": {"allOf": [{"$ref": "#/components/schemas/CommentList"}], "description": "detail views and action results only"}}},
  "Catalog": {"type": "object",
    "required": ["departments", "categories", "priorities", "statuses", "roles", "suffixes", "attachments", "image", "password"],
    "properties": {
    "departments": {"type": "array", "items": {"type": "string"}},
    "categories": {"type": "array", "items": {"type": "object", "required": ["name", "sub_categories"], "properties": {
      "name": {"type": "string"}, "sub_categories": {"type": "array", "items": {"type": "string"}}}}},
    "priorities": {"type": "array", "description": "most urgent first",
      "items": {"type": "string", "enum": ["Critical", "High", "Medium", "Low"]}},
    "statuses": {"type": "array", "description": "in lifecycle order", "items": {"$ref": "#/components/schemas/TicketStatus"}},
    "roles": {"type": "array", "items": {"type": "string", "enum": ["Employee", "Ticket Coordinator", "System Admin"]}},
    "suffixes": {"type": "array", "items": {"type": "string"}},
    "attachments": {"type": "object", "required": ["max_file_bytes", "max_files", "types"], "properties": {
      "max_file_bytes": {"type": "integer"}, "max_files": {"type": "integer", "description": "per ticket"},
      "types": {"type": "array", "items": {"type": "object", "required": ["content_type", "extensions"], "properties": {
        "content_type": {"type": "string"},
        "extensions": {"type": "array", "items": {"type": "string", "example": ".png"}}}}}}},
    "image": {"type": "object", "required": ["max_bytes", "types"], "properties": {
      "max_bytes": {"type": "integer"}, "types": {"type": "array", "items": {"type": "string"}}}},
    "password": {"type": "object", "required": ["min_length", "rule"], "properties": {
      "min_length": {"type": "integer"}, "rule": {"type": "string"}}}}},
  "SlaState": {"type": "string", "enum": ["on_track", "at_risk", "breached", "met", "paused"]},
  "SlaSpan": {"type": "object", "required": ["amount", "unit"], "properties": {
    "amount": {"type": "integer", "minimum": 1}, "unit": {"type": "string", "enum": ["minutes", "hours", "days"]}}},
  "SlaTargets": {"type": "object", "properties": {
    "first_response": {"$ref": "#/components/schemas/SlaSpan"}, "resolution": {"$ref": "#/components/schemas/SlaSpan"},
    "around_the_clock": {"type": "boolean", "description": "count every hour, not the calendar's working hours"}}},
  "SlaPolicy": {"type": "object", "properties": {
    "version": {"type": "integer", "readOnly": true}, "created_at": {"type": "string", "format": "date-time", "nullable": true, "readOnly": true},
    "created_by": {"type": "integer", "nullable": true, "readOnly": true},
    "calendar": {"type": "object", "properties": {
      "time_zone": {"type": "string", "example": "Europe/Berlin"},
      "week": {"type": "object", "description": "working hours per week day (monday ... sunday), e.g. [{\"start\": \"09:00\", \"end\": \"17:00\"}]",
        "additionalProperties": {"type": "array", "items": {"type": "object", "required": ["start", "end"], "properties": {
          "start": {"type": "string", "example": "09:00"}, "end": {"type": "string", "example": "17:00"}}}}},
      "holidays": {"type": "array", "items": {"type": "string", "format": "date"}}}},
    "targets": {"type": "object", "description": "per priority (Critical, High, Medium, Low)",
      "additionalProperties": {"$ref": "#/components/schemas/SlaTargets"}},
    "overrides": {"type": "array", "items": {"type": "object", "required": ["department", "priority"], "allOf": [
      {"$ref": "#/components/schemas/SlaTargets"},
      {"type": "object", "properties": {"department": {"type": "string"}, "priority": {"type": "string"}}}]}},
    "at_risk_percent": {"type": "integer", "minimum": 1, "maximum": 99},
    "pausing_statuses": {"type": "array", "items": {"$ref": "#/components/schemas/TicketStatus"}}}},
  "TicketStatus": {"type": "string",
    "enum": ["New", "Open", "In Progress", "On Hold", "Pending", "Resolved", "Closed", "Rejected", "Withdrawn"]},
  "TicketAction": {"type": "string",
    "enum": ["approve", "reject", "claim", "assign", "update_status", "withdraw", "close", "reopen", "comment",
             "comment_internal", "attach", "finalize", "edit_ticket", "unassign"]},
  "TicketStats": {"type": "object", "properties": {
    "total": {"type": "integer"},
    "by_status": {"type": "object", "additionalProperties": {"type": "integer"}},
    "by_priority": {"type": "object", "additionalProperties": {"type": "integer"}},
    "by_department": {"type": "object", "additionalProperties": {"type": "integer"}},
    "mean_response_seconds": {"type": "number", "nullable": true},
    "mean_resolution_seconds": {"type": "number", "nullable": true},
    "sla": {"description": "SLA compliance of the measured tickets at the moment of the read", "allOf": [
      {"$ref": "#/components/schemas/SlaCompliance"},
      {"type": "object", "properties": {
        "by_priority": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/SlaCompliance"}},
        "by_department": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/SlaCompliance"}}}}]}}},
  "SlaTargetCompliance": {"type": "object", "required": ["met", "breached", "pending"], "properties": {
    "met": {"type": "integer", "description": "the clock stopped by its due date"},
    "breached": {"type": "integer", "description": "stopped after its due date, or not stopped and past it"},
    "pending": {"type": "integer", "description": "not stopped and not past its due date"}}},
  "SlaCompliance": {"type": "object", "properties": {
    "first_response": {"$ref": "#/components/schemas/SlaTargetCompliance"},
    "resolution": {"$ref": "#/components/schemas/SlaTargetCompliance"}}}
})json";

/// Each list's page schema and the schema of its rows.
constexpr std::pair<std::string_view, std::string_view> paged_items[] = {
    {"AccountPage", "Account"},         {"RejectedAccountPage", "RejectedAccount"}, {"OutboxEventPage", "OutboxEvent"},
    {"TicketPage", "Ticket"},           {"CommentPage", "Comment"},                 {"HistoryPage", "HistoryEvent"},
    {"ApiKeyPage", "ApiKey"},           {"AccountHistoryPage", "AccountHistoryEntry"},
    {"CannedReplyPage", "CannedReply"}};

/// The HTTP list envelope around rows of schema `item` (docs/product.md#lists-and-queues).
boost::json::object page_schema(std::string_view item) {
    const auto nullable = [](std::string_view type, std::string_view description) {
        return boost::json::object{{"type", type}, {"nullable", true}, {"description", description}};
    };
    boost::json::object properties{
        {"count", nullable("integer", "rows in all; null on cursor pages")},
        {"next", nullable("string", "the next page's link; null on the last page")},
        {"previous", nullable("string", "the previous page's link; null on the first page and on cursor pages")},
        {"results", boost::json::object{{"type", "array"},
                                        {"items", boost::json::object{{"$ref", "#/components/schemas/" +
                                                                                   std::string{item}}}}}}};
    return boost::json::object{{"type", "object"}, {"properties", std::move(properties)}};
}

} // namespace

const boost::json::object& openapi_schemas() {
    static const boost::json::object schemas = [] {
        auto all = boost::json::parse(schemas_json).as_object();
        for (const auto& [page, item] : paged_items) {
            all[page] = page_schema(item);
        }
        return all;
    }();
    return schemas;
}

} // namespace helpdesk::server
