#!/usr/bin/python3
"""Writes what tshark sees in the DNS packets of the shared captures, one tab-separated line per UDP port 53 packet.

Columns: file, frame, id, qr, opcode, aa, tc, rcode, qdcount, ancount, nscount, arcount, qname, qtype, qclass,
answers. qname is rendered from tshark's raw name bytes (dns.qry.name_raw) in RFC 1035 presentation form: bytes
outside 0x21..0x7E and '.' and '\\' inside a label as \\DDD. answers: the answer section, ' | ' between records,
each "TYPE text": A/AAAA the address, CNAME/NS/PTR the name, MX "preference name", NULL as RFC 3597's "\\# length hex".
Usage: tshark-dns.py DIR FILE...
"""
import json, subprocess, sys, os

def presentation(raw_hex):
    b = bytes.fromhex(raw_hex)
    labels, p = [], 0
    while b[p] != 0:
        n = b[p]
        assert n < 64, "compressed names in questions are not expected"
        label = ''.join(chr(c) if 0x21 <= c <= 0x7E and c not in (0x2E, 0x5C) else '\\%03d' % c for c in b[p + 1:p + 1 + n])
        labels.append(label)
        p += 1 + n
    return '.'.join(labels) if labels else '.'

def first(v):
    return v[0] if isinstance(v, list) else v

def walk(obj, key):
    for k, v in obj:
        if k == key:
            return v
    return None

def answer_text(rr):
    t = int(walk(rr, 'dns.resp.type'))
    get = lambda k: walk(rr, k)
    if t == 1: return 'A ' + get('dns.a')
    if t == 28: return 'AAAA ' + get('dns.aaaa')
    if t == 5: return 'CNAME ' + get('dns.cname')
    if t == 2: return 'NS ' + get('dns.ns')
    if t == 12: return 'PTR ' + get('dns.ptr.domain_name')
    if t == 15: return 'MX ' + get('dns.mx.preference') + ' ' + get('dns.mx.mail_exchange')
    if t == 16:
        strings = [s for k, s in rr if k == 'dns.txt']
        assert all(c.isprintable() and c not in '"\\' for s in strings for c in s)
        return 'TXT ' + ' '.join('"%s"' % s for s in strings)
    if t == 10: return 'NULL \\# %s %s' % (get('dns.resp.len'), first(get('dns.null_raw')))
    raise ValueError('no expectation written for type %d' % t)

def main():
    folder = sys.argv[1]
    for name in sys.argv[2:]:
        out = subprocess.run(['tshark', '-r', os.path.join(folder, name), '-Y', 'udp.port == 53', '-T', 'json', '-x'],
                             capture_output=True, check=True).stdout
        # pairs, not dicts: an answer section may repeat a key
        for packet in json.loads(out, object_pairs_hook=list):
            layers = walk(walk(packet, '_source'), 'layers')
            frame = walk(walk(layers, 'frame'), 'frame.number')
            dns = walk(layers, 'dns')
            flags = walk(dns, 'dns.flags_tree')
            f = lambda k: walk(flags, k) or '0'
            queries = walk(dns, 'Queries') or []
            qname, qtype, qclass = '-', '-', '-'
            if queries:
                q = queries[0][1]
                qname = presentation(first(walk(q, 'dns.qry.name_raw')))
                qtype = walk(q, 'dns.qry.type')
                qclass = str(int(walk(q, 'dns.qry.class'), 16))
            answers = [answer_text(rr) for _, rr in (walk(dns, 'Answers') or [])]
            print('\t'.join([name, frame, str(int(walk(dns, 'dns.id'), 16)), f('dns.flags.response'), f('dns.flags.opcode'),
                             f('dns.flags.authoritative'), f('dns.flags.truncated'), f('dns.flags.rcode'),
                             walk(dns, 'dns.count.queries'), walk(dns, 'dns.count.answers'), walk(dns, 'dns.count.auth_rr'),
                             walk(dns, 'dns.count.add_rr'), qname, qtype, qclass, ' | '.join(answers) or '-']))

main()
