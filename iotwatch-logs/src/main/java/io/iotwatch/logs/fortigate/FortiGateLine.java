package io.iotwatch.logs.fortigate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * A reusable, allocation-free view of one FortiGate log line: its framing, the offsets of its
 * key=value pairs and its parsed time. {@link #scan} fills it; the getters read it until the next scan.
 * Not thread-safe: one per thread.
 *
 * <h2>What is accepted</h2>
 * A line may be wrapped in any of the {@link Framing}s; the key=value payload follows the wrapper. Pairs
 * are {@code key=value} separated by blanks (any byte up to and including space); keys are ASCII letters,
 * digits, {@code _ - .}. A value is either unquoted (up to the next blank, possibly empty as in
 * {@code date= }) or in double quotes, where a backslash escapes the next byte, so {@code \"} does not end
 * it; an unterminated quote runs to the end of the line. Tokens that are not pairs (free text, binary
 * junk, trailing garbage) are skipped. A JSON object payload has its members as pairs: string values
 * without their quotes, numbers and literals as written, nested objects and arrays as their JSON text.
 * Nothing here throws on any input; bytes that are not UTF-8 are decoded to U+FFFD by the String getters.
 *
 * <p>A line is a FortiGate record when it has at least one pair and a non-empty {@code type} or
 * {@code logid}: every FortiOS log has both, and lines without either are other logs or debris. A line with
 * more than {@link #MAX_PAIRS} pairs is rejected rather than cut (its raw bytes are kept by the reject).
 *
 * <h2>Time</h2>
 * {@link #epochNanos()} takes, in order, the first of these that is present and valid:
 * {@code eventtime} (epoch time, UTC, in seconds, milliseconds, microseconds or nanoseconds told apart by
 * magnitude: below 10^11 seconds, below 10^14 milliseconds, below 10^17 microseconds, else nanoseconds),
 * {@code date} (YYYY-MM-DD) + {@code time} (HH:MM:SS) read in the offset of {@code tz}, and the time in
 * the syslog or ISO prefix. Otherwise it is {@link Long#MIN_VALUE}. {@code tz} may be {@code +HHMM},
 * {@code +HH:MM}, {@code +HH}, {@code Z}, {@code UTC} or {@code GMT}; any other or absent {@code tz} counts as
 * UTC. An RFC 3164 prefix has no year and no zone: it is read in {@code tz}, in the clock's current year,
 * or the previous year when that would put it more than a day in the future. Times that do not fit a long of
 * nanoseconds (before 1677 or after 2262) count as absent.
 */
public final class FortiGateLine {

    /** How the key=value payload was wrapped on the wire or on disk. */
    public enum Framing { BARE_KV, RFC3164, RFC5424, ISO_HOST, JSON }

    /** Most pairs a line may have; FortiOS logs have a few hundred at most. */
    public static final int MAX_PAIRS = 4096;

    private static final long NO_TIME = Long.MIN_VALUE;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MAX_SECONDS = Long.MAX_VALUE / NANOS_PER_SECOND - 1;
    private static final int NO_OFFSET = Integer.MIN_VALUE;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;
    private static final int INITIAL_PAIRS = 64;
    private static final int LOOKUP_PROBES = 8;
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    private static final boolean[] KEY_BYTE = new boolean[256];
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long ZEROS = ONES * '0';
    private static final long[] POWERS_OF_TEN = {
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
    };

    static {
        for (int c = 0; c < 128; c++) {
            KEY_BYTE[c] = Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
        }
    }

    private final Clock clock;

    private byte[] buf = new byte[0];
    private int lineOff;
    private int lineLen;
    private Framing framing = Framing.BARE_KV;
    private int priority;
    private int hostOff;
    private int hostLen;
    private long prefixNanos;
    private int prefixYear;
    private int prefixMonth;
    private int prefixDay;
    private int prefixSecondOfDay;
    private String rejectReason = "";

    private int size;
    private int[] keyOff = new int[INITIAL_PAIRS];
    private int[] keyLen = new int[INITIAL_PAIRS];
    private int[] valOff = new int[INITIAL_PAIRS];
    private int[] valLen = new int[INITIAL_PAIRS];
    private int[] keyHashes = new int[INITIAL_PAIRS];

    // Open-addressing index from key hash to first pair; a slot is live when its stamp is this scan's.
    private int[] slotPair = new int[2 * INITIAL_PAIRS];
    private int[] slotStamp = new int[2 * INITIAL_PAIRS];
    private int stamp;

    // Look-up keys by their text's identity, see lookupKey.
    private final LookupKey[] lookupKeys = new LookupKey[256];

    /** A line whose RFC 3164 prefix time gets its year from the system clock. */
    public FortiGateLine() {
        this(Clock.systemUTC());
    }

    /** A line whose RFC 3164 prefix time (which has no year) gets its year from this clock. */
    public FortiGateLine(Clock clock) {
        this.clock = clock;
    }

    /** Scans a line (without its terminator). False when it holds no FortiGate record; see {@link #rejectReason()}. */
    public boolean scan(byte[] buf, int off, int len) {
        reset(buf, off, len);
        int end = off + len;
        int p = skipBlanks(buf, skipBom(buf, skipBlanks(buf, off, end), end), end);
        if (p == end) {
            return reject("empty line");
        }
        boolean bareJson = buf[p] == '{';
        p = readPrefix(buf, p, end);
        boolean complete;
        if (p < end && buf[p] == '{') {
            if (bareJson) {
                framing = Framing.JSON;
            }
            complete = scanJson(buf, p + 1, end);
        } else {
            complete = scanPairs(buf, p, end);
        }
        if (!complete) {
            return reject("more than " + MAX_PAIRS + " key=value pairs; FortiGate logs have far fewer");
        }
        if (size == 0) {
            return reject("no key=value pairs: not a FortiGate log");
        }
        index();
        if (valueLength(indexOf("type")) <= 0 && valueLength(indexOf("logid")) <= 0) {
            return reject("not a FortiGate log: it has key=value pairs but no type or logid");
        }
        return true;
    }

    /** Why the last {@link #scan} returned false, or empty after a successful scan. */
    public String rejectReason() {
        return rejectReason;
    }

    public Framing framing() {
        return framing;
    }

    /** Syslog PRI, or -1 when the line had none. */
    public int priority() {
        return priority;
    }

    /** Host name from the syslog or ISO prefix, or empty. */
    public String syslogHost() {
        return text(hostOff, hostLen);
    }

    /** Number of key=value pairs. */
    public int size() {
        return size;
    }

    public String key(int i) {
        return text(keyOff[i], keyLen[i]);
    }

    /** The value as written in the line, surrounding quotes removed, escapes kept as written. */
    public String value(int i) {
        return text(valOff[i], valLen[i]);
    }

    /** The buffer last scanned; the offsets below index into it. */
    public byte[] buffer() {
        return buf;
    }

    public int keyOffset(int i) {
        return keyOff[i];
    }

    public int keyLength(int i) {
        return keyLen[i];
    }

    /** Offset in {@link #buffer()} of the value as {@link #value(int)} returns it. */
    public int valueOffset(int i) {
        return valOff[i];
    }

    /** Length in bytes of pair {@code i}'s value, or -1 when {@code i} is -1 (an absent key). */
    public int valueLength(int i) {
        return i < 0 ? -1 : valLen[i];
    }

    /** Index of the first pair with this key (ASCII), or -1. Allocates nothing. */
    public int indexOf(String key) {
        LookupKey k = lookupKey(key);
        int mask = slotPair.length - 1;
        for (int slot = spread(k.hash) & mask; slotStamp[slot] == stamp; slot = (slot + 1) & mask) {
            int i = slotPair[slot];
            if (keyHashes[i] == k.hash && keyLen[i] == k.length && k.matches(buf, keyOff[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The value of the key, or null when absent. */
    public String get(String key) {
        int i = indexOf(key);
        return i < 0 ? null : value(i);
    }

    /** Whether the key is present with exactly this value. Allocates nothing for ASCII values. */
    public boolean is(String key, String value) {
        return valueEquals(indexOf(key), value);
    }

    /** Whether pair {@code i} exists (is not -1) and has exactly this value. Allocates nothing for ASCII values. */
    public boolean valueEquals(int i, String value) {
        if (i < 0) {
            return false;
        }
        for (int c = 0; c < value.length(); c++) {
            if (value.charAt(c) >= 0x80) {
                return value.equals(value(i));
            }
        }
        return equalsAscii(valOff[i], valLen[i], value);
    }

    /** The value as a decimal long, or the fallback when absent or not a number. Allocates nothing. */
    public long getLong(String key, long fallback) {
        return longValue(indexOf(key), fallback);
    }

    /**
     * Pair {@code i}'s value as a decimal long, or the fallback when i is -1 or the value is not a number.
     * Allocates nothing.
     */
    public long longValue(int i, long fallback) {
        return i < 0 ? fallback : parseLong(valOff[i], valLen[i], fallback);
    }

    /**
     * Event time in nanoseconds since the epoch: {@code eventtime} if present, else date+time+tz, else the
     * prefix's time, else Long.MIN_VALUE (see the class comment).
     */
    public long epochNanos() {
        long nanos = eventTimeEpochNanos();
        if (nanos == NO_TIME) {
            nanos = dateTimeEpochNanos();
        }
        return nanos == NO_TIME ? prefixEpochNanos() : nanos;
    }

    /** Time from date+time+tz (second precision), or Long.MIN_VALUE when the line has none. */
    public long dateTimeEpochNanos() {
        int date = indexOf("date");
        int time = indexOf("time");
        if (date < 0 || time < 0 || valLen[date] != 10 || valLen[time] != 8) {
            return NO_TIME;
        }
        int d = valOff[date];
        int t = valOff[time];
        if (buf[d + 4] != '-' || buf[d + 7] != '-' || buf[t + 2] != ':' || buf[t + 5] != ':') {
            return NO_TIME;
        }
        return toNanos(digits(d, 4), digits(d + 5, 2), digits(d + 8, 2),
                secondOfDay(digits(t, 2), digits(t + 3, 2), digits(t + 6, 2)), 0, offsetSeconds());
    }

    /** Time from eventtime (unit told by magnitude), or Long.MIN_VALUE when absent. */
    public long eventTimeEpochNanos() {
        long value = getLong("eventtime", -1);
        if (value < 0) {
            return NO_TIME;
        }
        long factor = value < 100_000_000_000L ? NANOS_PER_SECOND
                : value < 100_000_000_000_000L ? 1_000_000L
                : value < 100_000_000_000_000_000L ? 1_000L
                : 1L;
        return value <= Long.MAX_VALUE / factor ? value * factor : NO_TIME;
    }

    /** Time from the syslog or ISO prefix, or Long.MIN_VALUE when the prefix had none. */
    public long prefixEpochNanos() {
        if (prefixNanos != NO_TIME || prefixMonth == 0) {
            return prefixNanos;
        }
        int offset = offsetSeconds();
        if (prefixYear != 0) {
            return toNanos(prefixYear, prefixMonth, prefixDay, prefixSecondOfDay, 0, offset);
        }
        Instant now = clock.instant();
        int year = LocalDate.ofInstant(now, ZoneOffset.UTC).getYear();
        long nanos = toNanos(year, prefixMonth, prefixDay, prefixSecondOfDay, 0, offset);
        if (nanos != NO_TIME && nanos / NANOS_PER_SECOND - now.getEpochSecond() > 86_400L) {
            nanos = toNanos(year - 1, prefixMonth, prefixDay, prefixSecondOfDay, 0, offset);
        }
        return nanos;
    }

    /** The log's own UTC offset from {@code tz}, or UTC when it has none. */
    public ZoneOffset offset() {
        return ZoneOffset.ofTotalSeconds(offsetSeconds());
    }

    /** The whole line, decoded leniently as UTF-8. */
    public String rawText() {
        return text(lineOff, lineLen);
    }

    /** A copy of the whole line's bytes, exactly as scanned. */
    public byte[] rawBytes() {
        return Arrays.copyOfRange(buf, lineOff, lineOff + lineLen);
    }

    // ---------------------------------------------------------------- scanning

    private void reset(byte[] buf, int off, int len) {
        this.buf = buf;
        lineOff = off;
        lineLen = len;
        framing = Framing.BARE_KV;
        priority = -1;
        hostOff = 0;
        hostLen = 0;
        prefixNanos = NO_TIME;
        prefixYear = 0;
        prefixMonth = 0;
        size = 0;
        rejectReason = "";
        forgetIndex();
    }

    private boolean reject(String reason) {
        rejectReason = reason;
        size = 0;
        forgetIndex();
        return false;
    }

    private void forgetIndex() {
        if (++stamp == 0) {
            Arrays.fill(slotStamp, 0);
            stamp = 1;
        }
    }

    /** Reads an optional syslog or ISO prefix; returns where the payload starts. */
    private int readPrefix(byte[] b, int p, int end) {
        int q = readPriority(b, p, end);
        boolean hasPriority = q > p;
        if (hasPriority) {
            framing = Framing.RFC3164;
            int afterVersion = rfc5424Version(b, q, end);
            if (afterVersion > 0) {
                framing = Framing.RFC5424;
                return readRfc5424(b, afterVersion, end);
            }
        }
        int t = readIsoTime(b, q, end);
        if (t > 0) {
            framing = Framing.ISO_HOST;
            return readHost(b, t, end);
        }
        t = readBsdTime(b, q, end);
        if (t > 0) {
            framing = Framing.RFC3164;
            return readHost(b, t, end);
        }
        return q;
    }

    private int readPriority(byte[] b, int p, int end) {
        if (b[p] != '<') {
            return p;
        }
        int q = p + 1;
        int value = 0;
        while (q < end && q - p <= 3 && isDigit(b[q])) {
            value = value * 10 + b[q] - '0';
            q++;
        }
        if (q == p + 1 || q >= end || b[q] != '>' || value > 191) {
            return p;
        }
        priority = value;
        return q + 1;
    }

    /** After "<PRI>": a 1-2 digit version, a space and a timestamp or "-" make RFC 5424. */
    private int rfc5424Version(byte[] b, int p, int end) {
        int q = p;
        while (q < end && q - p < 2 && isDigit(b[q])) {
            q++;
        }
        if (q == p || q + 1 >= end || b[q] != ' ' || b[p] == '0') {
            return -1;
        }
        q++;
        boolean nilTime = b[q] == '-' && (q + 1 == end || b[q + 1] == ' ');
        return nilTime || readIsoTime(b, q, end) > 0 ? q : -1;
    }

    /** TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA, stopping early at anything that is a pair. */
    private int readRfc5424(byte[] b, int p, int end) {
        int q = b[p] == '-' ? p + 1 : readIsoTime(b, p, end);
        q = skipBlanks(b, q, end);
        int hostEnd = tokenEnd(b, q, end);
        if (isPayload(b, q, hostEnd)) {
            return q;
        }
        if (hostEnd - q != 1 || b[q] != '-') {
            hostOff = q;
            hostLen = hostEnd - q;
        }
        q = skipBlanks(b, hostEnd, end);
        for (int field = 0; field < 3; field++) {
            int fieldEnd = tokenEnd(b, q, end);
            if (isPayload(b, q, fieldEnd)) {
                return q;
            }
            q = skipBlanks(b, fieldEnd, end);
        }
        if (q < end && b[q] == '-') {
            q++;
        } else {
            while (q < end && b[q] == '[') {
                q = skipStructuredElement(b, q, end);
            }
        }
        return skipBom(b, skipBlanks(b, q, end), end);
    }

    private static int skipStructuredElement(byte[] b, int p, int end) {
        boolean quoted = false;
        for (int q = p + 1; q < end; q++) {
            byte c = b[q];
            if (quoted && c == '\\') {
                q++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ']' && !quoted) {
                return q + 1;
            }
        }
        return end;
    }

    /** The token after a prefix's time is its host unless it already is payload. */
    private int readHost(byte[] b, int p, int end) {
        int q = skipBlanks(b, p, end);
        int tokenEnd = tokenEnd(b, q, end);
        if (isPayload(b, q, tokenEnd)) {
            return q;
        }
        hostOff = q;
        hostLen = tokenEnd - q;
        return skipBlanks(b, tokenEnd, end);
    }

    private static boolean isPayload(byte[] b, int from, int to) {
        if (from == to || b[from] == '{') {
            return true;
        }
        for (int i = from; i < to; i++) {
            if (b[i] == '=') {
                return true;
            }
        }
        return false;
    }

    /** YYYY-MM-DDTHH:MM:SS[.fraction][Z|+HH:MM|+HHMM] followed by a blank or the end; sets prefixNanos. */
    private int readIsoTime(byte[] b, int p, int end) {
        if (end - p < 19 || b[p + 4] != '-' || b[p + 7] != '-' || b[p + 10] != 'T'
                || b[p + 13] != ':' || b[p + 16] != ':') {
            return -1;
        }
        int year = digitsAt(b, p, 4);
        int month = digitsAt(b, p + 5, 2);
        int day = digitsAt(b, p + 8, 2);
        int second = secondOfDay(digitsAt(b, p + 11, 2), digitsAt(b, p + 14, 2), digitsAt(b, p + 17, 2));
        int q = p + 19;
        int nanos = 0;
        if (q < end && b[q] == '.') {
            int scale = 100_000_000;
            q++;
            while (q < end && isDigit(b[q])) {
                nanos += (b[q] - '0') * scale;
                scale /= 10;
                q++;
            }
        }
        int offset = 0;
        if (q < end && b[q] == 'Z') {
            q++;
        } else if (q < end && (b[q] == '+' || b[q] == '-')) {
            int zoneEnd = tokenEnd(b, q, end);
            offset = parseOffset(b, q, zoneEnd - q);
            q = zoneEnd;
        }
        if (offset == NO_OFFSET || (q < end && !isBlank(b[q]))) {
            return -1;
        }
        long result = toNanos(year, month, day, second, nanos, offset);
        if (result == NO_TIME) {
            return -1;
        }
        prefixNanos = result;
        return q;
    }

    /** [YYYY ]Mmm dd HH:MM:SS (day space-padded or not) followed by a blank or the end. */
    private int readBsdTime(byte[] b, int p, int end) {
        int q = p;
        int year = 0;
        if (end - q > 5 && isDigit(b[q]) && b[q + 4] == ' ') {
            year = digitsAt(b, q, 4);
            if (year < 0) {
                return -1;
            }
            q += 5;
        }
        int month = month(b, q, end);
        if (month == 0 || q + 4 >= end || b[q + 3] != ' ') {
            return -1;
        }
        q += 4;
        if (b[q] == ' ') {
            q++;
        }
        int day = 0;
        int dayStart = q;
        while (q < end && q - dayStart < 2 && isDigit(b[q])) {
            day = day * 10 + b[q] - '0';
            q++;
        }
        if (q == dayStart || end - q < 9 || b[q] != ' ' || b[q + 3] != ':' || b[q + 6] != ':') {
            return -1;
        }
        int second = secondOfDay(digitsAt(b, q + 1, 2), digitsAt(b, q + 4, 2), digitsAt(b, q + 7, 2));
        q += 9;
        if (second < 0 || day < 1 || day > daysInMonth(year == 0 ? 2000 : year, month)
                || (q < end && !isBlank(b[q]))) {
            return -1;
        }
        prefixYear = year;
        prefixMonth = month;
        prefixDay = day;
        prefixSecondOfDay = second;
        return q;
    }

    private static int month(byte[] b, int p, int end) {
        if (end - p < 3) {
            return 0;
        }
        for (int m = 0; m < MONTHS.length; m++) {
            String name = MONTHS[m];
            if (b[p] == name.charAt(0) && b[p + 1] == name.charAt(1) && b[p + 2] == name.charAt(2)) {
                return m + 1;
            }
        }
        return 0;
    }

    /** key=value pairs; false when there are more than MAX_PAIRS. */
    private boolean scanPairs(byte[] b, int p, int end) {
        while (true) {
            while (p < end && isBlank(b[p])) {
                p++;
            }
            if (p == end) {
                return true;
            }
            int keyStart = p;
            while (p < end && KEY_BYTE[b[p] & 0xff]) {
                p++;
            }
            if (p == end || b[p] != '=' || p == keyStart) {
                p = tokenEnd(b, p, end);
                continue;
            }
            int keyLength = p - keyStart;
            p++;
            int valueStart;
            int valueEnd;
            if (p < end && b[p] == '"') {
                valueStart = ++p;
                while ((p = quoteOrBackslash(b, p, end)) < end && b[p] == '\\') {
                    p += 2;
                }
                valueEnd = Math.min(p, end);
                p = valueEnd + 1;
            } else {
                valueStart = p;
                p = tokenEnd(b, p, end);
                valueEnd = p;
            }
            if (!add(keyStart, keyLength, valueStart, valueEnd - valueStart)) {
                return false;
            }
            if (p > end) {
                return true;
            }
        }
    }

    /** Members of a JSON object, p just past its '{'; stops quietly at the first thing that is not JSON. */
    private boolean scanJson(byte[] b, int p, int end) {
        while (true) {
            p = skipBlanks(b, p, end);
            if (p == end || b[p] != '"') {
                return true;
            }
            int keyStart = p + 1;
            int keyEnd = stringEnd(b, keyStart, end);
            p = skipBlanks(b, keyEnd + 1, end);
            if (p >= end || b[p] != ':') {
                return true;
            }
            p = skipBlanks(b, p + 1, end);
            if (p == end) {
                return true;
            }
            int valueStart;
            int valueEnd;
            byte c = b[p];
            if (c == '"') {
                valueStart = p + 1;
                valueEnd = stringEnd(b, valueStart, end);
                p = valueEnd + 1;
            } else if (c == '{' || c == '[') {
                valueStart = p;
                p = nestedEnd(b, p, end);
                valueEnd = p;
            } else {
                valueStart = p;
                while (p < end && (c = b[p]) != ',' && c != '}' && c != ']' && !isBlank(c)) {
                    p++;
                }
                valueEnd = p;
            }
            int keyLength = keyEnd - keyStart;
            if (!add(keyStart, keyLength, valueStart, valueEnd - valueStart)) {
                return false;
            }
            p = skipBlanks(b, p, end);
            if (p >= end || b[p] != ',') {
                return true;
            }
            p++;
        }
    }

    /** Index of the closing quote of a JSON string starting at p, or end when unterminated. */
    private static int stringEnd(byte[] b, int p, int end) {
        while (p < end) {
            byte c = b[p];
            if (c == '"') {
                return p;
            }
            p += c == '\\' ? 2 : 1;
        }
        return end;
    }

    /** Just past the bracket closing the object or array opened at p, or end when unbalanced. */
    private static int nestedEnd(byte[] b, int p, int end) {
        int depth = 0;
        while (p < end) {
            byte c = b[p];
            if (c == '"') {
                p = stringEnd(b, p + 1, end);
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return p + 1;
            }
            p++;
        }
        return end;
    }

    private boolean add(int keyStart, int keyLength, int valueStart, int valueLength) {
        if (size == keyOff.length) {
            if (size == MAX_PAIRS) {
                return false;
            }
            int capacity = Math.min(MAX_PAIRS, size * 2);
            keyOff = Arrays.copyOf(keyOff, capacity);
            keyLen = Arrays.copyOf(keyLen, capacity);
            valOff = Arrays.copyOf(valOff, capacity);
            valLen = Arrays.copyOf(valLen, capacity);
            keyHashes = Arrays.copyOf(keyHashes, capacity);
        }
        keyOff[size] = keyStart;
        keyLen[size] = keyLength;
        keyHashes[size] = keyHash(buf, keyStart, keyLength);
        valOff[size] = valueStart;
        valLen[size] = valueLength;
        size++;
        return true;
    }

    /** Indexes the pairs by key hash, keeping the first pair of each key. */
    private void index() {
        if (slotPair.length < 2 * size) {
            int slots = Integer.highestOneBit(2 * size - 1) << 1;
            slotPair = new int[slots];
            slotStamp = new int[slots];
            stamp = 1;
        }
        int mask = slotPair.length - 1;
        for (int i = 0; i < size; i++) {
            int hash = keyHashes[i];
            int slot = spread(hash) & mask;
            while (slotStamp[slot] == stamp && !sameKey(slotPair[slot], i)) {
                slot = (slot + 1) & mask;
            }
            if (slotStamp[slot] != stamp) {
                slotStamp[slot] = stamp;
                slotPair[slot] = i;
            }
        }
    }

    private boolean sameKey(int a, int b) {
        return keyHashes[a] == keyHashes[b]
                && Arrays.equals(buf, keyOff[a], keyOff[a] + keyLen[a], buf, keyOff[b], keyOff[b] + keyLen[b]);
    }

    // ---------------------------------------------------------------- values and time

    private boolean equalsAscii(int off, int len, String s) {
        if (len != s.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (buf[off + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private long parseLong(int off, int len, long fallback) {
        int p = off;
        int end = off + len;
        boolean negative = p < end && buf[p] == '-';
        if (negative) {
            p++;
        }
        if (p == end || end - p > 19) {
            return fallback;
        }
        if (end + Long.BYTES > buf.length) {
            return parseLongBytewise(p, end, negative, fallback);
        }
        // Eight digits at a time; the first chunk takes what is left over, so that every later one is full.
        int chunk = (end - p - 1) % Long.BYTES + 1;
        long value = 0;
        for (; p < end; p += chunk, chunk = Long.BYTES) {
            long digits = eightDigits(p, chunk);
            if (digits < 0) {
                return fallback;
            }
            value = value * POWERS_OF_TEN[chunk] + digits;
        }
        // Up to 18 digits cannot overflow; 19 digits beyond Long.MAX_VALUE always wrap to a negative value.
        if (value < 0) {
            return fallback;
        }
        return negative ? -value : value;
    }

    private long parseLongBytewise(int p, int end, boolean negative, long fallback) {
        long value = 0;
        for (; p < end; p++) {
            int digit = buf[p] - '0';
            if ((digit | (9 - digit)) < 0) {
                return fallback;
            }
            value = value * 10 + digit;
        }
        if (value < 0) {
            return fallback;
        }
        return negative ? -value : value;
    }

    /**
     * The decimal number of the {@code count} (1 to 8) bytes at p, or -1 when one is not a digit; reads the
     * eight bytes at p. The digits are moved to the top of a word, the rest filled with '0's, checked all at
     * once and combined pairwise by three multiplications (SWAR), not one multiplication per digit.
     */
    private long eightDigits(int p, int count) {
        long word = (long) LONGS.get(buf, p);
        if (count < Long.BYTES) {
            int unused = Byte.SIZE * (Long.BYTES - count);
            word = word << unused | ZEROS >>> (Long.SIZE - unused);
        }
        long notDigit = (word & 0xF0F0F0F0F0F0F0F0L) ^ ZEROS
                | ((word + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) ^ ZEROS;
        if (notDigit != 0) {
            return -1;
        }
        long v = word - ZEROS;
        v = v * 10 + (v >>> 8);
        return ((v & 0x000000FF000000FFL) * (100 + (1_000_000L << 32))
                + ((v >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32))) >>> 32;
    }

    /** The tz offset in seconds, 0 when absent or not understood. */
    private int offsetSeconds() {
        int i = indexOf("tz");
        if (i < 0) {
            return 0;
        }
        int offset = parseOffset(buf, valOff[i], valLen[i]);
        return offset == NO_OFFSET ? 0 : offset;
    }

    private static int parseOffset(byte[] b, int off, int len) {
        if (len == 1 && b[off] == 'Z') {
            return 0;
        }
        if (len == 3 && ((b[off] == 'U' && b[off + 1] == 'T' && b[off + 2] == 'C')
                || (b[off] == 'G' && b[off + 1] == 'M' && b[off + 2] == 'T'))) {
            return 0;
        }
        if (len < 3 || (b[off] != '+' && b[off] != '-')) {
            return NO_OFFSET;
        }
        int hours = digitsAt(b, off + 1, 2);
        int minutes = len == 3 ? 0
                : len == 5 ? digitsAt(b, off + 3, 2)
                : len == 6 && b[off + 3] == ':' ? digitsAt(b, off + 4, 2)
                : -1;
        if (hours < 0 || minutes < 0 || minutes > 59) {
            return NO_OFFSET;
        }
        int seconds = hours * 3600 + minutes * 60;
        if (seconds > MAX_OFFSET_SECONDS) {
            return NO_OFFSET;
        }
        return b[off] == '-' ? -seconds : seconds;
    }

    private int digits(int off, int count) {
        return digitsAt(buf, off, count);
    }

    /** The decimal number in b[off, off+count), or -1 when any byte is not a digit. */
    private static int digitsAt(byte[] b, int off, int count) {
        int value = 0;
        for (int i = off; i < off + count; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int secondOfDay(int hour, int minute, int second) {
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return -1;
        }
        return hour * 3600 + minute * 60 + second;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** UTC nanos for a local date and time at a UTC offset, or NO_TIME when invalid or out of range. */
    private static long toNanos(int year, int month, int day, int secondOfDay, int nanos, int offsetSeconds) {
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || secondOfDay < 0) {
            return NO_TIME;
        }
        long seconds = epochDay(year, month, day) * 86_400L + secondOfDay - offsetSeconds;
        if (seconds > MAX_SECONDS || seconds < -MAX_SECONDS) {
            return NO_TIME;
        }
        return seconds * NANOS_PER_SECOND + nanos;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    // ---------------------------------------------------------------- bytes

    private String text(int off, int len) {
        return new String(buf, off, len, StandardCharsets.UTF_8);
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /**
     * The hash of a key: its first and last eight bytes and its length, mixed by multiplication. Computed
     * from two word loads once the key's end is found, rather than byte by byte as it is read, which put a
     * multiplication's latency on every byte of the scan. Keys that agree in those bytes and length only
     * share a bucket; look-ups compare whole keys.
     */
    static int keyHash(byte[] b, int off, int len) {
        long first = keyWord(b, off, Math.min(len, Long.BYTES));
        long last = len > Long.BYTES ? keyWord(b, off + len - Long.BYTES, Long.BYTES) : 0;
        return mix(first, last, len);
    }

    /** The {@code len} (0 to 8) bytes at off as a little-endian word, zero above them. */
    private static long keyWord(byte[] b, int off, int len) {
        if (len == Long.BYTES) {
            return (long) LONGS.get(b, off);
        }
        if (len > 0 && off + Long.BYTES <= b.length) {
            return (long) LONGS.get(b, off) & (-1L >>> (Long.SIZE - Byte.SIZE * len));
        }
        long word = 0;
        for (int i = len - 1; i >= 0; i--) {
            word = word << Byte.SIZE | (b[off + i] & 0xff);
        }
        return word;
    }

    private static int mix(long first, long last, int len) {
        long h = (first * 0x9E3779B97F4A7C15L) ^ (last * 0xC2B2AE3D27D4EB4FL) ^ len;
        return (int) (h ^ (h >>> 32));
    }

    /**
     * A key to look up: its text, and the words, length and hash that a pair's key is compared with. Keys
     * are ASCII; other text gets length -1, which no pair has.
     */
    record LookupKey(String text, int length, long first, long last, int hash) {

        static LookupKey of(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            int length = bytes.length;
            long first = keyWord(bytes, 0, Math.min(length, Long.BYTES));
            long last = length > Long.BYTES ? keyWord(bytes, length - Long.BYTES, Long.BYTES) : 0;
            boolean ascii = text.chars().allMatch(c -> c < 0x80);
            return new LookupKey(text, ascii ? length : -1, first, last, mix(first, last, length));
        }

        /**
         * Whether the {@link #length} bytes at off are this key: two word compares up to 16 bytes (the
         * first and last eight cover it), byte by byte beyond.
         */
        boolean matches(byte[] b, int off) {
            if (length > 2 * Long.BYTES) {
                for (int i = 0; i < length; i++) {
                    if (b[off + i] != text.charAt(i)) {
                        return false;
                    }
                }
                return true;
            }
            return keyWord(b, off, Math.min(length, Long.BYTES)) == first
                    && (length <= Long.BYTES || keyWord(b, off + length - Long.BYTES, Long.BYTES) == last);
        }
    }

    /**
     * The look-up key of this text, remembered by identity in a small open-addressing table: callers look
     * up the same few dozen constants on every line, so this allocates only the first time, also for
     * constants whose hash codes share a slot. Text not found within {@link #LOOKUP_PROBES} slots replaces
     * the first of them, which keeps the table bounded when callers pass new Strings.
     */
    private LookupKey lookupKey(String key) {
        int mask = lookupKeys.length - 1;
        int first = key.hashCode() & mask;
        for (int probe = 0; probe < LOOKUP_PROBES; probe++) {
            int slot = (first + probe) & mask;
            LookupKey k = lookupKeys[slot];
            if (k == null || k.text == key) {
                return k != null ? k : remember(slot, key);
            }
        }
        return remember(first, key);
    }

    private LookupKey remember(int slot, String key) {
        LookupKey k = LookupKey.of(key);
        lookupKeys[slot] = k;
        return k;
    }

    private static boolean isBlank(byte c) {
        return c >= 0 && c <= ' ';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int skipBlanks(byte[] b, int p, int end) {
        while (p < end && isBlank(b[p])) {
            p++;
        }
        return p;
    }

    /** Index of the first blank at or after p, or end. */
    private static int tokenEnd(byte[] b, int p, int end) {
        while (p < end && !isBlank(b[p])) {
            p++;
        }
        return p;
    }

    /**
     * Index of the first '"' or '\\' at or after p, or end (or beyond, when p already is). Quoted values
     * can be long, so this looks at eight bytes at a time (SWAR): in each byte lane of the long, the bit
     * trick flags a byte equal to the one sought; only the lowest flag is exact, which is the one used.
     */
    private static int quoteOrBackslash(byte[] b, int p, int end) {
        for (; p + Long.BYTES <= end; p += Long.BYTES) {
            long word = (long) LONGS.get(b, p);
            long quotes = word ^ (ONES * '"');
            long backslashes = word ^ (ONES * '\\');
            long found = ((quotes - ONES) & ~quotes | (backslashes - ONES) & ~backslashes) & HIGHS;
            if (found != 0) {
                return p + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        while (p < end && b[p] != '"' && b[p] != '\\') {
            p++;
        }
        return p;
    }

    private static int skipBom(byte[] b, int p, int end) {
        boolean bom = end - p >= 3 && b[p] == (byte) 0xEF && b[p + 1] == (byte) 0xBB && b[p + 2] == (byte) 0xBF;
        return bom ? p + 3 : p;
    }
}
