#!/usr/bin/env python3
"""The whole help desk in one process, from Python: open a SQLite file, sign
up an employee, approve them, and walk a ticket from New to Closed, with its
SLA due date, a canned reply and a scheduler pass on the way.

    python3 examples/python_quickstart.py [path/to/helpdesk.db]

Needs the helpdesk package (``pip install bindings/python``, or
``PYTHONPATH=bindings/python``) and its C library, libhelpdesk-c (installed,
next to the package, or named by ``HELPDESK_C_LIBRARY``).
"""

from __future__ import annotations

import os
import sys
from typing import Dict, List

import helpdesk

PASSWORD = "Quick-Start-1"


def person(email: str, first_name: str, last_name: str) -> Dict[str, str]:
    return {
        "email": email,
        "first_name": first_name,
        "last_name": last_name,
        "department": "IT Department",
        "password": PASSWORD,
    }


def step(what: str, t: helpdesk.Ticket) -> None:
    print(f"  {what}: {t['ticket_number']} is {t['status']} (version {t['version']})")


def main(argv: List[str]) -> int:
    path = os.path.abspath(argv[1] if len(argv) > 1 else "quickstart.db")
    # A fresh file each run keeps the walkthrough repeatable.
    for suffix in ("", "-wal", "-shm"):
        try:
            os.remove(path + suffix)
        except FileNotFoundError:
            pass

    with helpdesk.Engine.open("sqlite://" + path) as desk:
        print(f"helpdesk quickstart (Python, library {helpdesk.library_version()}) on {path}")

        admin = desk.accounts.bootstrap_admin(**person("admin@example.com", "Ada", "Admin"))
        print(f"  first System Admin: {admin['email']} ({admin['company_id']})")

        erin = desk.accounts.sign_up(**person("erin@example.com", "Erin", "Employee"))
        print(f"  signed up: {erin['email']} is {erin['status']}")
        erin = desk.accounts.approve(admin, erin)
        print(f"  approved: {erin['email']} is {erin['status']}")
        erin_id = desk.accounts.login("erin@example.com", PASSWORD)
        erin = desk.accounts.get(erin_id, erin_id)
        print(f"  logged in as {erin['first_name']} {erin['last_name']}")

        t = desk.tickets.create(
            erin,
            subject="VPN drops every hour",
            category="IT Category",
            sub_category="Network & Security Administration",
            description="The VPN disconnects about once an hour since Monday.",
        )
        step("created", t)

        t = desk.tickets.approve(admin, t, priority=helpdesk.Priority.HIGH, department="IT Department",
                                 approval_notes="Known issue with the old client.")
        step("approved", t)
        sla = t["sla"]
        print(f"  SLA: resolution due {t['resolution_due']}, {sla['state'] if sla else 'not measured'}")
        t = desk.tickets.claim(admin, t, expected_version=t["version"])
        step("claimed", t)
        body = "Hello {{employee.first_name}}, {{agent.full_name}} has {{ticket.number}}."
        reply = desk.canned_replies.create(admin, title="Looking into it", body=body)
        text = desk.canned_replies.render(admin, t, reply)["text"]
        desk.tickets.comment(admin, t, text)
        print(f"  canned reply sent: {text}")
        t = desk.tickets.get(admin, t)
        t = desk.tickets.update_status(admin, t, helpdesk.Status.RESOLVED, "Updated the VPN client to 5.2.",
                                       expected_version=t["version"])
        step("resolved", t)
        t = desk.tickets.close(erin, t, "Works now, thanks!", expected_version=t["version"])
        step("closed", t)

        try:
            desk.tickets.reopen(erin, t, "Actually...")
        except helpdesk.InvalidState as refused:
            print(f"  reopen refused as expected: {refused}")

        print(f"history of {t['ticket_number']} as its owner sees it:")
        for e in desk.tickets.iterate_history(erin, t):
            line = f"  {e['at']}  {e['kind']}"
            if e["old_value"] is not None or e["new_value"] is not None:
                line += f"  {e['old_value'] or '-'} -> {e['new_value'] or '-'}"
            print(line)
        stats = desk.tickets.stats(admin)
        print(f"tickets by status: {stats['by_status']}")
        print(f"first responses in time: {stats['sla']['first_response']['met']}")
        print(f"scheduler pass: {desk.scheduler.run_once()}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except helpdesk.HelpdeskError as e:
        print(f"error ({e.name}): {e}", file=sys.stderr)
        sys.exit(1)
