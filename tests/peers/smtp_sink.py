#!/usr/bin/env python3
"""A real SMTP server for the helpdesk SMTP tests, on aiosmtpd.

Listens on 127.0.0.1, prints the port it listens on as the first line of
stdout, and stores every accepted message as <dir>/NNNNNN.json:

    {"mail_from": ..., "rcpt_tos": [...], "data": <raw message>,
     "tls": <bool: the session was encrypted>,
     "auth_login": <the user that authenticated, or null>,
     "parsed": {"subject", "from", "to", "message_id", "date", "defects",
                "parts": [{"type", "charset", "encoding", "content"}]}}

"parsed" is Python's own reading of the message (email package, default
policy): a second opinion next to the C++ test helpers.

Runs until SIGTERM or SIGINT.
"""

import argparse
import email
import email.policy
import json
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    """The handler: refuses the configured recipients, stores the rest."""

    def __init__(self, directory, rejects):
        self.directory = directory
        self.rejects = rejects
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        code = self.rejects.get(address.lower())
        if code is not None:
            return f"{code} {'5.1.1' if code.startswith('5') else '4.2.0'} refused for the test"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "data": raw.decode("utf-8", "replace"),
            "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
            "auth_login": session.auth_data if session.authenticated else None,
            "parsed": describe(raw),
        }
        with self.lock:
            self.count += 1
            name = os.path.join(self.directory, f"{self.count:06d}.json")
        # Written whole, then renamed: a reader never sees half a file.
        with open(name + ".tmp", "w", encoding="utf-8") as out:
            json.dump(record, out)
        os.replace(name + ".tmp", name)
        return "250 2.0.0 stored"


def describe(raw):
    message = email.message_from_bytes(raw, policy=email.policy.default)
    parts = []
    for part in message.walk():
        if part.is_multipart():
            continue
        parts.append({
            "type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "encoding": part.get("Content-Transfer-Encoding"),
            "content": part.get_content(),
        })
    defects = [type(d).__name__ for d in message.defects]
    for part in message.walk():
        defects += [type(d).__name__ for d in part.defects]
    return {
        "subject": str(message.get("Subject", "")),
        "from": str(message.get("From", "")),
        "to": str(message.get("To", "")),
        "message_id": str(message.get("Message-ID", "")),
        "date": str(message.get("Date", "")),
        "content_type": message.get_content_type(),
        "headers": [name for name, _ in message.items()],
        "defects": defects,
        "parts": parts,
    }


class LoopbackController(Controller):
    """Controller that may listen on port 0: it triggers the server on the
    port actually bound rather than on the one asked for."""

    def _trigger_server(self):
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--dir", required=True, help="where accepted messages are stored")
    parser.add_argument("--auth", help="USER:PASSWORD; AUTH (PLAIN, LOGIN) is then required")
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"), help="offer STARTTLS")
    parser.add_argument("--require-starttls", action="store_true", help="refuse mail before STARTTLS")
    parser.add_argument("--implicit-tls", nargs=2, metavar=("CERT", "KEY"), help="TLS from the start (smtps)")
    parser.add_argument("--reject", action="append", default=[], metavar="ADDRESS=CODE",
                        help="refuse RCPT TO this address with this reply code")
    args = parser.parse_args()

    rejects = {}
    for item in args.reject:
        address, _, code = item.rpartition("=")
        rejects[address.lower()] = code

    kwargs = {}
    if args.auth:
        user, _, password = args.auth.partition(":")

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
                  and auth_data.password.decode() == password)
            return AuthResult(success=ok, handled=False, auth_data=user if ok else None)

        kwargs.update(authenticator=authenticator, auth_required=True,
                      auth_require_tls=bool(args.require_starttls))
    if args.starttls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*args.starttls)
        kwargs.update(tls_context=context, require_starttls=args.require_starttls)
    if args.implicit_tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*args.implicit_tls)
        kwargs.update(ssl_context=context)

    controller = LoopbackController(Sink(args.dir, rejects), hostname="127.0.0.1", port=args.port,
                                    server_hostname="sink.test", **kwargs)
    controller.start()
    print(controller.server.sockets[0].getsockname()[1], flush=True)

    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    while not done.wait(1.0):
        pass
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
