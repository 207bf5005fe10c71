#!/usr/bin/python3
"""The attack lab's DNS server on its gateway: answers A queries for the lab's few names, NXDOMAIN otherwise.

Standard library only; it binds to the one address it is given and never forwards a query anywhere.
"""
import argparse
import socket
import struct


def parse_question(message):
    """The first question's name (lower case), type and the offset after it; None when malformed."""
    labels, p = [], 12
    while p < len(message):
        n = message[p]
        if n == 0:
            p += 1
            if p + 4 > len(message):
                return None
            qtype, _ = struct.unpack("!HH", message[p:p + 4])
            return ".".join(labels).lower(), qtype, p + 4
        if n > 63 or p + 1 + n > len(message):
            return None
        labels.append(message[p + 1:p + 1 + n].decode("latin-1"))
        p += 1 + n
    return None


def answer(query, records):
    if len(query) < 12:
        return None
    ident, flags, qdcount = struct.unpack("!HHH", query[:6])
    if flags & 0x8000 or qdcount != 1:
        return None
    question = parse_question(query)
    if question is None:
        return None
    name, qtype, end = question
    address = records.get(name)
    found = address is not None and qtype == 1
    rcode = 0 if address is not None else 3
    header = struct.pack("!HHHHHH", ident, 0x8180 | (flags & 0x0100) | rcode, 1, 1 if found else 0, 0, 0)
    body = query[12:end]
    if found:
        body += struct.pack("!HHHIH", 0xC00C, 1, 1, 60, 4) + socket.inet_aton(address)
    return header + body


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--address", required=True)
    parser.add_argument("--port", type=int, default=53)
    parser.add_argument("--record", action="append", default=[], help="NAME=IPV4")
    args = parser.parse_args()
    records = dict(r.lower().split("=", 1) for r in args.record)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((args.address, args.port))
    print("dnsd listening on %s:%d with %d names" % (args.address, args.port, len(records)), flush=True)
    while True:
        query, peer = sock.recvfrom(4096)
        response = answer(query, records)
        if response is not None:
            sock.sendto(response, peer)


if __name__ == "__main__":
    main()
