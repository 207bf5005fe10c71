package io.iotwatch.packet.dns;

import io.iotwatch.packet.decode.PacketDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One DNS message (RFC 1035 section 4) parsed in place: a flyweight meant to be kept per packet thread and fed
 * every DNS payload. {@link #parse} and the accessors that return numbers allocate nothing, and no input bytes
 * make anything throw; only the methods returning a String allocate, and they are meant for making events.
 *
 * <p>Parsed: the header, every question (the first one's name, type and class are kept) and the answer section,
 * whose first {@link #MAX_ANSWERS} records are kept as type, class, TTL and where their data lies. The authority
 * and additional sections are not walked; their counts are only checked against the size of the message. A
 * message that breaks the format makes {@link #parse} return false with {@link #problem()} naming the first
 * break, one of the constants of this class. The header fields and, when {@link #hasQuestion()}, the first
 * question stay valid after such a failure, so a caller may still report the query of a response cut short.
 *
 * <p>Names are held to RFC 1035: labels of at most 63 bytes, at most 255 bytes on the wire. A compression
 * pointer must point before the part of the name it sits in (the name's start, or the previous pointer's
 * target) and after the header, so the parts of a name move strictly backwards: a name can neither loop nor
 * point forward, and following at most {@value #MAX_POINTERS} pointers bounds the work per name.
 *
 * <p>Names are shown in the presentation form of RFC 1035 section 5.1: labels joined by '.', no trailing dot,
 * the root as ".", letters in the case they were sent. Every byte outside printable ASCII 0x21 to 0x7E, and '.'
 * and '\' inside a label, is written as {@code \DDD} (three decimal digits): a hostile name cannot put control
 * characters, line breaks, spaces or fake label boundaries into logs or the dashboard, and two different names
 * on the wire never look alike. The longest possible form is {@value #MAX_NAME_TEXT} characters.
 *
 * <p>{@link #answerText} reads the message bytes again: call it before the packet's buffer is reused. The other
 * accessors describe the last parsed message from this object's own fields. Not thread-safe.
 */
public final class DnsMessage {

    public static final String BAD_RANGE = "offset and length outside the buffer";
    public static final String TOO_SHORT = "shorter than the 12-byte DNS header";
    public static final String COUNTS_BEYOND_MESSAGE = "section counts need more records than the message can hold";
    public static final String NAME_BEYOND_MESSAGE = "name runs past the end of the message";
    public static final String LABEL_TOO_LONG = "label longer than 63 bytes (length byte 64 to 191)";
    public static final String NAME_TOO_LONG = "name longer than 255 bytes";
    public static final String POINTER_NOT_BACKWARD =
            "compression pointer not before its name part: a loop, a forward pointer or one beyond the message";
    public static final String POINTER_INTO_HEADER = "compression pointer into the 12-byte header";
    public static final String TOO_MANY_POINTERS = "more than 127 compression pointers in one name";
    public static final String QUESTION_BEYOND_MESSAGE = "question type and class beyond the message";
    public static final String RECORD_BEYOND_MESSAGE = "record type, class, TTL and length beyond the message";
    public static final String RDATA_BEYOND_MESSAGE = "record data beyond the message";

    /** Answers kept per message; the rest are checked and counted in {@link #answersNotKept()}. */
    public static final int MAX_ANSWERS = 32;
    /** A name has at most 127 labels, and a compressor needs at most one pointer per label. */
    public static final int MAX_POINTERS = 127;
    /**
     * The longest presentation form: four labels of 63, 63, 63 and 61 bytes (255 bytes on the wire), every
     * byte escaped as 4 characters, and 3 dots.
     */
    public static final int MAX_NAME_TEXT = 1003;

    public static final int TYPE_A = 1;
    public static final int TYPE_NS = 2;
    public static final int TYPE_CNAME = 5;
    public static final int TYPE_NULL = 10;
    public static final int TYPE_PTR = 12;
    public static final int TYPE_MX = 15;
    public static final int TYPE_TXT = 16;
    public static final int TYPE_AAAA = 28;
    public static final int CLASS_IN = 1;

    private static final int HEADER = 12;
    private static final int MAX_LABEL = 63;
    private static final int MAX_NAME = 255;
    private static final int POINTER = 0xC0;
    /** Root name, type and class. */
    private static final int MIN_QUESTION = 5;
    /** Root name, type, class, TTL and data length. */
    private static final int MIN_RECORD = 11;
    private static final int RECORD_FIXED = 10;
    /** Record data longer than this is shown cut short in the generic form. */
    private static final int MAX_GENERIC_DATA_SHOWN = 64;

    private byte[] message;
    private int start;
    private int end;
    private String problem;

    private int id;
    private int flags;
    private int qdcount;
    private int ancount;
    private int nscount;
    private int arcount;

    private boolean hasQuestion;
    private int queryType;
    private int queryClass;
    private final byte[] queryName = new byte[MAX_NAME_TEXT];
    private int queryNameLength;

    private int answerCount;
    private int answersNotKept;
    private final int[] answerType = new int[MAX_ANSWERS];
    private final int[] answerClass = new int[MAX_ANSWERS];
    private final int[] answerTtl = new int[MAX_ANSWERS];
    private final int[] answerDataOffset = new int[MAX_ANSWERS];
    private final int[] answerDataLength = new int[MAX_ANSWERS];

    /** What the last {@link #readName} found: the length of the text written, or why the name is bad. */
    private int nameTextLength;
    private String nameProblem;

    /**
     * Parses the DNS message in {@code b[off, off + len)}: for UDP the whole payload, for TCP one message without
     * its length prefix (see {@link DnsTcpFrames}). Returns false, with {@link #problem()} saying why, when the
     * bytes are not a well-formed DNS message.
     */
    public boolean parse(byte[] b, int off, int len) {
        reset();
        if (b == null || off < 0 || len < 0 || off > b.length - len) {
            return fail(BAD_RANGE);
        }
        message = b;
        start = off;
        end = off + len;
        if (len < HEADER) {
            return fail(TOO_SHORT);
        }
        id = u16(off);
        flags = u16(off + 2);
        qdcount = u16(off + 4);
        ancount = u16(off + 6);
        nscount = u16(off + 8);
        arcount = u16(off + 10);
        int p = off + HEADER;
        if (qdcount > 0) {
            p = question(p, queryName);
            if (p < 0) {
                return false;
            }
            queryNameLength = nameTextLength;
            queryType = u16(p - 4);
            queryClass = u16(p - 2);
            hasQuestion = true;
        }
        // Cheap, and it turns away most non-DNS payloads on port 53 before the walk over the other records.
        int otherQuestions = Math.max(qdcount - 1, 0);
        if (otherQuestions * MIN_QUESTION + (ancount + nscount + arcount) * MIN_RECORD > end - p) {
            return fail(COUNTS_BEYOND_MESSAGE);
        }
        for (int q = 0; q < otherQuestions; q++) {
            p = question(p, null);
            if (p < 0) {
                return false;
            }
        }
        for (int a = 0; a < ancount; a++) {
            p = answer(p);
            if (p < 0) {
                return false;
            }
        }
        return true;
    }

    private void reset() {
        message = null;
        start = 0;
        end = 0;
        problem = null;
        id = 0;
        flags = 0;
        qdcount = 0;
        ancount = 0;
        nscount = 0;
        arcount = 0;
        hasQuestion = false;
        queryType = 0;
        queryClass = 0;
        queryNameLength = 0;
        answerCount = 0;
        answersNotKept = 0;
    }

    private boolean fail(String reason) {
        problem = reason;
        return false;
    }

    /** Reads one question from {@code p}; returns the position after it, or -1 with the problem set. */
    private int question(int p, byte[] nameText) {
        int q = readName(p, nameText);
        if (q < 0) {
            fail(nameProblem);
            return -1;
        }
        if (end - q < 4) {
            fail(QUESTION_BEYOND_MESSAGE);
            return -1;
        }
        return q + 4;
    }

    /** Reads one answer record from {@code p}; returns the position after it, or -1 with the problem set. */
    private int answer(int p) {
        int q = readName(p, null);
        if (q < 0) {
            fail(nameProblem);
            return -1;
        }
        if (end - q < RECORD_FIXED) {
            fail(RECORD_BEYOND_MESSAGE);
            return -1;
        }
        int dataLength = u16(q + 8);
        int data = q + RECORD_FIXED;
        if (dataLength > end - data) {
            fail(RDATA_BEYOND_MESSAGE);
            return -1;
        }
        if (answerCount == MAX_ANSWERS) {
            answersNotKept++;
        } else {
            answerType[answerCount] = u16(q);
            answerClass[answerCount] = u16(q + 2);
            answerTtl[answerCount] = i32(q + 4);
            answerDataOffset[answerCount] = data;
            answerDataLength[answerCount] = dataLength;
            answerCount++;
        }
        return data + dataLength;
    }

    /**
     * Reads the name at {@code p}, following compression pointers, and writes its presentation form into
     * {@code text} from index 0 when {@code text} is not null. Returns the position after the name where it
     * starts (after its first pointer, or after its root label when it has no pointer) with
     * {@link #nameTextLength} set, or -1 with {@link #nameProblem} set.
     */
    private int readName(int p, byte[] text) {
        int after = -1;
        int partStart = p;
        int wireLength = 1;
        int pointers = 0;
        int n = 0;
        while (true) {
            if (p >= end) {
                return badName(NAME_BEYOND_MESSAGE);
            }
            int length = message[p] & 0xFF;
            if (length == 0) {
                break;
            }
            if ((length & POINTER) == POINTER) {
                if (end - p < 2) {
                    return badName(NAME_BEYOND_MESSAGE);
                }
                int target = start + ((length & ~POINTER) << 8 | (message[p + 1] & 0xFF));
                if (target >= partStart) {
                    return badName(POINTER_NOT_BACKWARD);
                }
                if (target < start + HEADER) {
                    return badName(POINTER_INTO_HEADER);
                }
                if (++pointers > MAX_POINTERS) {
                    return badName(TOO_MANY_POINTERS);
                }
                if (after < 0) {
                    after = p + 2;
                }
                partStart = target;
                p = target;
            } else {
                // Length bytes 64 to 191 are the reserved and obsolete label types of RFC 6891 section 5.
                if (length > MAX_LABEL) {
                    return badName(LABEL_TOO_LONG);
                }
                wireLength += 1 + length;
                if (wireLength > MAX_NAME) {
                    return badName(NAME_TOO_LONG);
                }
                if (length >= end - p) {
                    return badName(NAME_BEYOND_MESSAGE);
                }
                if (text != null) {
                    n = appendLabel(text, n, p + 1, length);
                }
                p += 1 + length;
            }
        }
        if (text != null && n == 0) {
            text[n++] = '.';
        }
        nameTextLength = n;
        return after >= 0 ? after : p + 1;
    }

    private int badName(String reason) {
        nameProblem = reason;
        return -1;
    }

    private int appendLabel(byte[] text, int n, int p, int length) {
        if (n > 0) {
            text[n++] = '.';
        }
        for (int i = p; i < p + length; i++) {
            int c = message[i] & 0xFF;
            if (c > ' ' && c < 0x7F && c != '.' && c != '\\') {
                text[n++] = (byte) c;
            } else {
                n = appendEscape(text, n, c);
            }
        }
        return n;
    }

    /** Writes {@code c} as RFC 1035's {@code \DDD}. */
    private static int appendEscape(byte[] text, int n, int c) {
        text[n] = '\\';
        text[n + 1] = (byte) ('0' + c / 100);
        text[n + 2] = (byte) ('0' + c / 10 % 10);
        text[n + 3] = (byte) ('0' + c % 10);
        return n + 4;
    }

    private int u16(int p) {
        return (message[p] & 0xFF) << 8 | (message[p + 1] & 0xFF);
    }

    private int i32(int p) {
        return u16(p) << 16 | u16(p + 2);
    }

    private long i64(int p) {
        return (long) i32(p) << 32 | (i32(p + 4) & 0xFFFFFFFFL);
    }

    /** The first break in the format found by the last {@link #parse}, one of this class's constants, or null. */
    public String problem() {
        return problem;
    }

    public int id() {
        return id;
    }

    /** The QR bit: true for a response, false for a query. */
    public boolean response() {
        return (flags & 0x8000) != 0;
    }

    /** 0 QUERY, 1 IQUERY, 2 STATUS, 4 NOTIFY, 5 UPDATE, 6 DSO. */
    public int opcode() {
        return flags >>> 11 & 0xF;
    }

    /** The AA bit. */
    public boolean authoritative() {
        return (flags & 0x0400) != 0;
    }

    /** The TC bit: the response did not fit and was cut; the client should ask again over TCP. */
    public boolean truncated() {
        return (flags & 0x0200) != 0;
    }

    /** The 4-bit RCODE of the header (the extended bits of an EDNS OPT record are not read). */
    public int responseCode() {
        return flags & 0xF;
    }

    /** The question count, as stated in the header. */
    public int qdcount() {
        return qdcount;
    }

    /** The answer count, as stated in the header. */
    public int ancount() {
        return ancount;
    }

    /** The authority count, as stated in the header. */
    public int nscount() {
        return nscount;
    }

    /** The additional count, as stated in the header. */
    public int arcount() {
        return arcount;
    }

    /** True when the first question was read whole: its name, type and class are valid. */
    public boolean hasQuestion() {
        return hasQuestion;
    }

    /** The first question's name in presentation form (see the class comment), or null without a question. */
    public String queryName() {
        return hasQuestion ? new String(queryName, 0, queryNameLength, StandardCharsets.US_ASCII) : null;
    }

    /** The length of {@link #queryName()} in characters, 0 without a question. */
    public int queryNameLength() {
        return queryNameLength;
    }

    public int queryType() {
        return queryType;
    }

    public int queryClass() {
        return queryClass;
    }

    /** The first question's type as a mnemonic; see {@link #typeName(int)}. Null without a question. */
    public String queryTypeName() {
        return hasQuestion ? typeName(queryType) : null;
    }

    /**
     * The RCODE's mnemonic (NOERROR, FORMERR, SERVFAIL, NXDOMAIN, NOTIMP, REFUSED, YXDOMAIN, YXRRSET, NXRRSET,
     * NOTAUTH, NOTZONE, DSOTYPENI), or its number for the unassigned codes 12 to 15.
     */
    public String responseCodeName() {
        return switch (responseCode()) {
            case 0 -> "NOERROR";
            case 1 -> "FORMERR";
            case 2 -> "SERVFAIL";
            case 3 -> "NXDOMAIN";
            case 4 -> "NOTIMP";
            case 5 -> "REFUSED";
            case 6 -> "YXDOMAIN";
            case 7 -> "YXRRSET";
            case 8 -> "NXRRSET";
            case 9 -> "NOTAUTH";
            case 10 -> "NOTZONE";
            case 11 -> "DSOTYPENI";
            default -> Integer.toString(responseCode());
        };
    }

    /** The mnemonic of a record type in IANA's registry, or RFC 3597's {@code TYPE} and the number, e.g. TYPE65280. */
    public static String typeName(int type) {
        return switch (type) {
            case TYPE_A -> "A";
            case TYPE_NS -> "NS";
            case TYPE_CNAME -> "CNAME";
            case 6 -> "SOA";
            case TYPE_NULL -> "NULL";
            case 11 -> "WKS";
            case TYPE_PTR -> "PTR";
            case 13 -> "HINFO";
            case TYPE_MX -> "MX";
            case TYPE_TXT -> "TXT";
            case 17 -> "RP";
            case 18 -> "AFSDB";
            case 24 -> "SIG";
            case 25 -> "KEY";
            case TYPE_AAAA -> "AAAA";
            case 29 -> "LOC";
            case 33 -> "SRV";
            case 35 -> "NAPTR";
            case 39 -> "DNAME";
            case 41 -> "OPT";
            case 43 -> "DS";
            case 44 -> "SSHFP";
            case 46 -> "RRSIG";
            case 47 -> "NSEC";
            case 48 -> "DNSKEY";
            case 50 -> "NSEC3";
            case 51 -> "NSEC3PARAM";
            case 52 -> "TLSA";
            case 64 -> "SVCB";
            case 65 -> "HTTPS";
            case 99 -> "SPF";
            case 249 -> "TKEY";
            case 250 -> "TSIG";
            case 251 -> "IXFR";
            case 252 -> "AXFR";
            case 255 -> "ANY";
            case 256 -> "URI";
            case 257 -> "CAA";
            default -> "TYPE" + type;
        };
    }

    /** Answers parsed and kept, at most {@link #MAX_ANSWERS}; indexes 0 to this minus 1 are valid below. */
    public int answerCount() {
        return answerCount;
    }

    /** Answers parsed beyond the first {@link #MAX_ANSWERS}: checked, but not kept. */
    public int answersNotKept() {
        return answersNotKept;
    }

    public int answerType(int i) {
        return answerType[Objects.checkIndex(i, answerCount)];
    }

    public int answerClass(int i) {
        return answerClass[Objects.checkIndex(i, answerCount)];
    }

    /** The TTL in seconds, unsigned as on the wire. */
    public long answerTtl(int i) {
        return answerTtl[Objects.checkIndex(i, answerCount)] & 0xFFFFFFFFL;
    }

    /** Where the answer's data starts in the buffer given to {@link #parse}. */
    public int answerDataOffset(int i) {
        return answerDataOffset[Objects.checkIndex(i, answerCount)];
    }

    public int answerDataLength(int i) {
        return answerDataLength[Objects.checkIndex(i, answerCount)];
    }

    /**
     * The answer's data as text: A and AAAA (class IN) as addresses, CNAME, NS and PTR as names, MX as
     * "preference name", TXT as its quoted strings separated by spaces ({@code "v=spf1 -all" "x"}, with '"', '\'
     * and bytes outside 0x20 to 0x7E as {@code \DDD}). Other types, and data that does not fit its type, in
     * RFC 3597's generic form {@code \# length hex}, the hex cut after 64 bytes and then marked by "...".
     * Always printable ASCII. Reads the message bytes: call it before the buffer is reused.
     */
    public String answerText(int i) {
        int p = answerDataOffset[Objects.checkIndex(i, answerCount)];
        int length = answerDataLength[i];
        boolean internet = answerClass[i] == CLASS_IN;
        String text = switch (answerType[i]) {
            case TYPE_A -> internet && length == 4 ? PacketDecoder.ipv4ToString(i32(p)) : null;
            case TYPE_AAAA -> internet && length == 16 ? PacketDecoder.ipv6ToString(i64(p), i64(p + 8)) : null;
            case TYPE_CNAME, TYPE_NS, TYPE_PTR -> nameText(p, p + length);
            case TYPE_MX -> mailExchangeText(p, p + length);
            case TYPE_TXT -> characterStringsText(p, p + length);
            default -> null;
        };
        return text != null ? text : genericText(p, length);
    }

    /** The name filling {@code [p, limit)} exactly, or null when it does not. */
    private String nameText(int p, int limit) {
        byte[] text = new byte[MAX_NAME_TEXT];
        return readName(p, text) == limit ? new String(text, 0, nameTextLength, StandardCharsets.US_ASCII) : null;
    }

    private String mailExchangeText(int p, int limit) {
        String exchange = limit - p > 2 ? nameText(p + 2, limit) : null;
        return exchange != null ? u16(p) + " " + exchange : null;
    }

    /** One or more length-prefixed strings filling {@code [p, limit)} exactly, or null. */
    private String characterStringsText(int p, int limit) {
        if (p == limit) {
            return null;
        }
        // Each string costs at least its length byte and at most 3 characters besides its bytes' 4 each.
        byte[] text = new byte[4 * (limit - p)];
        int n = 0;
        while (p < limit) {
            int length = message[p] & 0xFF;
            if (length >= limit - p) {
                return null;
            }
            if (n > 0) {
                text[n++] = ' ';
            }
            text[n++] = '"';
            for (int i = p + 1; i <= p + length; i++) {
                int c = message[i] & 0xFF;
                if (c >= ' ' && c < 0x7F && c != '"' && c != '\\') {
                    text[n++] = (byte) c;
                } else {
                    n = appendEscape(text, n, c);
                }
            }
            text[n++] = '"';
            p += 1 + length;
        }
        return new String(text, 0, n, StandardCharsets.US_ASCII);
    }

    private String genericText(int p, int length) {
        StringBuilder text = new StringBuilder("\\# ").append(length);
        if (length > 0) {
            text.append(' ');
        }
        int shown = Math.min(length, MAX_GENERIC_DATA_SHOWN);
        for (int i = p; i < p + shown; i++) {
            text.append(Character.forDigit(message[i] >>> 4 & 0xF, 16)).append(Character.forDigit(message[i] & 0xF, 16));
        }
        if (shown < length) {
            text.append("...");
        }
        return text.toString();
    }
}
