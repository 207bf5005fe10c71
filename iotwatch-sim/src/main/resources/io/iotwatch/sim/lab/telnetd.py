#!/usr/bin/python3
"""The attack lab's telnet login, as a BusyBox IoT device shows it, for the lab only.

Standard library only; it binds to the one address it is given. It asks for a login and a password, one try
per connection as many IoT telnet daemons allow, without option negotiation: hydra's telnet module waits 6 s
for more after a negotiation, and sends an empty login name to a second "login:" prompt on one connection.
On the right pair it shows a shell prompt that runs nothing: every command gets "sh: not found" and the
connection ends after a few. No system account is involved.
"""
import argparse
import socketserver
import sys

IAC = 255
MAX_LINE = 256


class Handler(socketserver.StreamRequestHandler):
    timeout = 30

    def say(self, text):
        self.wfile.write(text.encode("latin-1"))
        self.wfile.flush()

    def read_line(self):
        data = bytearray()
        while len(data) < MAX_LINE:
            b = self.rfile.read(1)
            if not b:
                return None
            c = b[0]
            if c == IAC:
                # A negotiation: its verb and option follow; nothing here depends on them.
                self.rfile.read(2)
                continue
            if c in (10, 13):
                if data:
                    break
                continue
            if c != 0:
                data.append(c)
        return data.decode("latin-1")

    def handle(self):
        server = self.server
        peer = self.client_address[0]
        try:
            self.say("\r\n%s login: " % server.hostname)
            user = self.read_line()
            if user is None:
                return
            self.say("Password: ")
            password = self.read_line()
            if password is None:
                return
            if user == server.user and password == server.password:
                print("%s login ok for %s" % (peer, user), flush=True)
                self.shell()
                return
            print("%s login failed for %s" % (peer, user), flush=True)
            self.say("\r\nLogin incorrect\r\n")
        except (ConnectionError, TimeoutError, OSError):
            return

    def shell(self):
        self.say("\r\n\r\nBusyBox v1.35.0 built-in shell (ash)\r\n\r\n# ")
        for _ in range(5):
            line = self.read_line()
            if line is None or line.strip() == "exit":
                return
            self.say("sh: %s: not found\r\n# " % line.split(" ")[0])


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--address", required=True)
    parser.add_argument("--port", type=int, default=23)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--hostname", default="iot-hub")
    args = parser.parse_args()
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    server = socketserver.ThreadingTCPServer((args.address, args.port), Handler)
    server.daemon_threads = True
    server.user, server.password, server.hostname = args.user, args.password, args.hostname
    print("telnetd listening on %s:%d" % (args.address, args.port), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
