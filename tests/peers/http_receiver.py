#!/usr/bin/env python3
"""A real HTTP receiver for webhook tests (Python standard library only).

Listens on 127.0.0.1, records every request as one JSON line in a file, and
answers from a script:

    http_receiver.py PORT RECORD_FILE [--statuses 500,200] [--delay-ms N] [--hang]
                     [--tls CERT_PEM KEY_PEM]

PORT 0 picks a free port. Either way the port is printed on stdout as the
first line (flushed) once the socket listens, so a harness can wait for it.

Each record: {"method", "path", "headers": [[name, value], ...], "body",
"received_at", "body_read_at"} (times in Unix seconds, float). A record is
written and flushed before the answer goes out, so a client that has its
answer can read its record.

--statuses answers in order, the last one repeating (default 200); a 3xx
answer carries `Location: /moved`. --delay-ms sleeps before each answer.
--hang reads the request, records it, and never answers. --tls serves HTTPS
with that certificate and key.
"""

import argparse
import http.server
import json
import ssl
import sys
import threading
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("port", type=int)
    parser.add_argument("record_file")
    parser.add_argument("--statuses", default="200")
    parser.add_argument("--delay-ms", type=int, default=0)
    parser.add_argument("--hang", action="store_true")
    parser.add_argument("--tls", nargs=2, metavar=("CERT_PEM", "KEY_PEM"))
    args = parser.parse_args()

    statuses = [int(s) for s in args.statuses.split(",") if s.strip()]
    if not statuses:
        parser.error("--statuses needs at least one status")
    lock = threading.Lock()
    answered = [0]
    record_file = open(args.record_file, "a", encoding="utf-8")
    # Set by the main thread on shutdown, so hanging handlers can end.
    stopping = threading.Event()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):  # noqa: A002 - quiet: the records are the log
            pass

        def _handle(self):
            received_at = time.time()
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length > 0 else b""
            record = {
                "method": self.command,
                "path": self.path,
                "headers": [[name, value] for name, value in self.headers.items()],
                "body": body.decode("utf-8", errors="replace"),
                "received_at": received_at,
                "body_read_at": time.time(),
            }
            with lock:
                record_file.write(json.dumps(record) + "\n")
                record_file.flush()
                index = answered[0]
                answered[0] += 1
            if args.hang:
                stopping.wait()
                return
            if args.delay_ms > 0:
                time.sleep(args.delay_ms / 1000.0)
            status = statuses[min(index, len(statuses) - 1)]
            reply = json.dumps({"status": status}).encode()
            self.send_response(status)
            if 300 <= status < 400:
                self.send_header("Location", "/moved")
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        do_POST = _handle
        do_GET = _handle
        do_PUT = _handle

    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    if args.tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls[0], args.tls[1])
        # A client that refuses the certificate fails the handshake in accept();
        # socketserver drops that connection (SSLError is an OSError) and goes on.
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stopping.set()
        server.server_close()
        record_file.close()


if __name__ == "__main__":
    sys.exit(main())
