#!/usr/bin/python3
"""Benign traffic of one lab device until it is stopped: the background the attacks stand out from.

Standard library only (MQTT goes through mosquitto_pub and mosquitto_sub). Devices keep a rhythm with a
little jitter; the phone's owner is a human: sessions of a few requests, then pauses of very different
lengths. Every address it talks to is given on the command line; names are resolved by asking the lab's
DNS server directly, never the system's resolver.
"""
import argparse
import http.client
import json
import random
import socket
import struct
import subprocess
import sys
import time


class Device:
    def __init__(self, args):
        self.args = args
        self.random = random.Random(args.seed)

    def log(self, what):
        print("%.3f %s %s" % (time.time(), self.args.role, what), flush=True)

    def resolve(self, name):
        query = struct.pack("!HHHHHH", self.random.randrange(65536), 0x0100, 1, 0, 0, 0)
        query += b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0" + struct.pack("!HH", 1, 1)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.settimeout(2)
            try:
                s.sendto(query, (self.args.dns, 53))
                s.recvfrom(512)
                self.log("dns %s" % name)
            except OSError as e:
                self.log("dns %s failed: %s" % (name, e))

    def http(self, method, host, path, body=None):
        try:
            conn = http.client.HTTPConnection(host, 80, timeout=5)
            headers = {"User-Agent": "%s/2.1" % self.args.role}
            if body is not None:
                headers["Content-Type"] = "application/json"
            conn.request(method, path, body=body, headers=headers)
            status = conn.getresponse().status
            conn.close()
            self.log("http %s %s%s %d" % (method, host, path, status))
        except OSError as e:
            self.log("http %s %s%s failed: %s" % (method, host, path, e))

    def mqtt_publish(self, topic, payload):
        self.run(["mosquitto_pub", "-h", self.args.hub, "-i", self.args.role, "-t", topic, "-m", payload])

    def run(self, command):
        try:
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10, check=False)
            self.log(" ".join(command[:1] + command[-2:]))
        except (OSError, subprocess.TimeoutExpired) as e:
            self.log("%s failed: %s" % (command[0], e))

    def every(self, seconds, jitter):
        return seconds * (1 + self.random.uniform(-jitter, jitter))


class Camera(Device):
    """Posts telemetry to the hub every few seconds; checks its vendor cloud for firmware now and then."""

    def loop(self):
        next_cloud = time.monotonic()
        while True:
            self.http("POST", self.args.hub, "/api/telemetry",
                      json.dumps({"motion": self.random.random() < 0.1, "fps": 15}))
            if time.monotonic() >= next_cloud:
                self.resolve("cloud.iot.example")
                self.http("GET", self.args.cloud, "/fw/check?model=cam")
                next_cloud = time.monotonic() + self.every(60, 0.2)
            time.sleep(self.every(6, 0.3))


class Plug(Device):
    """Publishes its power reading over MQTT; looks the broker up and calls its cloud once a minute or so."""

    def loop(self):
        next_cloud = time.monotonic()
        while True:
            self.mqtt_publish("home/plug/power", "%.1f" % self.random.uniform(3, 60))
            if time.monotonic() >= next_cloud:
                self.resolve("mqtt.iot.example")
                self.http("GET", self.args.cloud, "/fw/check?model=plug")
                next_cloud = time.monotonic() + self.every(75, 0.3)
            time.sleep(self.every(10, 0.3))


class Phone(Device):
    """A person with the hub's app: sessions of a few requests, pauses from seconds to a minute."""

    def loop(self):
        while True:
            self.resolve("app.iot.example")
            for _ in range(self.random.randint(2, 6)):
                path = self.random.choice(["/", "/status", "/search?q=cam", "/search?q=plug", "/hello?name=anna"])
                self.http("GET", self.args.hub, path)
                time.sleep(self.random.uniform(0.3, 3))
            if self.random.random() < 0.3:
                self.run(["mosquitto_sub", "-h", self.args.hub, "-i", "phone", "-t", "home/#", "-C", "2", "-W", "15"])
            time.sleep(min(90, self.random.lognormvariate(2.6, 0.8)))


ROLES = {"camera": Camera, "plug": Plug, "phone": Phone}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--role", choices=sorted(ROLES), required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hub", required=True)
    parser.add_argument("--dns", required=True)
    parser.add_argument("--cloud", required=True)
    args = parser.parse_args()
    device = ROLES[args.role](args)
    device.log("starting")
    device.loop()


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(0)
