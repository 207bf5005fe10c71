#!/usr/bin/python3
"""The attack lab's deliberately vulnerable web endpoint: an IoT hub's admin pages, for the lab only.

Standard library only. It binds to the one address it is given, inside the lab's network namespace.
- GET /search?q=...  looks devices up in an in-memory SQLite table with the query pasted into the SQL text:
                      really injectable (' OR '1'='1, UNION SELECT ... FROM users).
- GET /hello?name=.. reflects the name into the page without escaping (XSS).
- GET /ping?host=... a "network test" form whose command injection is simulated: it shows the shell command
                      it would run and never runs anything.
- POST /upload       saves a multipart upload into the upload folder given (a web shell lands there).
- GET /, /status, /api/telemetry (POST too): what the benign clients use.
"""
import argparse
import email.parser
import email.policy
import html
import json
import os
import sqlite3
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY = 1 << 20


def database():
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.executescript("""
        CREATE TABLE devices (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, room TEXT);
        CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, password TEXT);
        INSERT INTO devices (name, kind, room) VALUES
            ('cam-frontdoor', 'camera', 'hall'), ('plug-kitchen', 'plug', 'kitchen'),
            ('thermo-living', 'thermostat', 'living room'), ('lock-back', 'lock', 'garden');
        INSERT INTO users (name, password) VALUES ('admin', 'iotadmin-secret'), ('viewer', 'viewer2024');
    """)
    return db


class Handler(BaseHTTPRequestHandler):
    server_version = "IoTHub/1.4"
    sys_version = ""
    lock = threading.Lock()

    def log_message(self, fmt, *args):
        sys.stdout.write("%s %s\n" % (self.client_address[0], fmt % args))
        sys.stdout.flush()

    def send_page(self, status, body, content_type="text/html; charset=utf-8"):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        arg = lambda key: query.get(key, [""])[0]
        if url.path == "/":
            self.send_page(200, "<html><body><h1>IoT hub</h1><a href='/status'>status</a>"
                                "<form action='/search'><input name='q'></form></body></html>")
        elif url.path == "/status":
            self.send_page(200, json.dumps({"uptime": int(time.monotonic()), "devices": 4}), "application/json")
        elif url.path == "/search":
            self.search(arg("q"))
        elif url.path == "/hello":
            # Reflected as it came: the XSS.
            self.send_page(200, "<html><body><p>Hello, %s!</p></body></html>" % arg("name"))
        elif url.path == "/ping":
            host = arg("host")
            # Simulated: the vulnerable device would pass this to a shell; this one only says so.
            command = "ping -c 1 " + host
            self.send_page(200, "<html><body><pre>would run: %s</pre></body></html>" % html.escape(command))
        elif url.path.startswith("/uploads/"):
            self.send_page(200, "<html><body>uploaded file %s (not executed)</body></html>"
                           % html.escape(os.path.basename(url.path)))
        else:
            self.send_page(404, "not found")

    def search(self, text):
        sql = "SELECT name, kind, room FROM devices WHERE name LIKE '%" + text + "%'"
        try:
            with Handler.lock:
                rows = self.server.db.execute(sql).fetchall()
            body = "".join("<tr>%s</tr>" % "".join("<td>%s</td>" % html.escape(str(c)) for c in row) for row in rows)
            self.send_page(200, "<html><body><table>%s</table></body></html>" % body)
        except sqlite3.Error as e:
            self.send_page(500, "<html><body>database error: %s</body></html>" % html.escape(str(e)))

    def do_POST(self):
        length = min(int(self.headers.get("Content-Length") or 0), MAX_BODY)
        body = self.rfile.read(length)
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/upload":
            self.upload(body)
        elif url.path == "/api/telemetry":
            self.send_page(204, "")
        else:
            self.send_page(404, "not found")

    def upload(self, body):
        header = "Content-Type: %s\r\nMIME-Version: 1.0\r\n\r\n" % self.headers.get("Content-Type", "")
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(header.encode("latin-1") + body)
        saved = []
        for part in message.iter_parts() if message.is_multipart() else []:
            name = part.get_filename()
            if name:
                target = os.path.join(self.server.uploads, os.path.basename(name))
                with open(target, "wb") as out:
                    out.write(part.get_payload(decode=True) or b"")
                saved.append(os.path.basename(name))
        self.send_page(200 if saved else 400, "<html><body>saved: %s</body></html>" % html.escape(", ".join(saved)))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--address", required=True)
    parser.add_argument("--port", type=int, default=80)
    parser.add_argument("--uploads", required=True)
    args = parser.parse_args()
    os.makedirs(args.uploads, exist_ok=True)
    server = ThreadingHTTPServer((args.address, args.port), Handler)
    server.daemon_threads = True
    server.request_queue_size = 512
    server.db = database()
    server.uploads = args.uploads
    print("vulnweb listening on %s:%d" % (args.address, args.port), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
