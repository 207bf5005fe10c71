package io.iotwatch.packet.dns;

import static io.iotwatch.packet.dns.DnsMessage.TYPE_A;
import static io.iotwatch.packet.dns.DnsMessage.TYPE_AAAA;
import static io.iotwatch.packet.dns.DnsMessage.TYPE_CNAME;
import static io.iotwatch.packet.dns.DnsMessage.TYPE_MX;
import static io.iotwatch.packet.dns.DnsMessage.TYPE_NS;
import static io.iotwatch.packet.dns.DnsMessage.TYPE_NULL;
import static io.iotwatch.packet.dns.DnsMessage.TYPE_PTR;
import static io.iotwatch.packet.dns.DnsMessage.TYPE_TXT;
import static io.iotwatch.packet.testing.DnsWire.QUERY;
import static io.iotwatch.packet.testing.DnsWire.RESPONSE;
import static io.iotwatch.packet.testing.DnsWire.fragment;
import static io.iotwatch.packet.testing.DnsWire.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.packet.testing.DnsWire;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DnsMessageTest {

    /** Where "example.com" starts inside "www.example.com" written at offset 12. */
    private static final int EXAMPLE_COM = 16;
    /** The first byte after the question "www.example.com" with its type and class. */
    private static final int AFTER_QUESTION = 33;
    private static final byte[] IPV4 = {(byte) 192, 0, 2, 1};
    private static final byte[] IPV6 = {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    private final DnsMessage dns = new DnsMessage();

    private boolean parse(byte[] message) {
        return dns.parse(message, 0, message.length);
    }

    private void assertProblem(byte[] message, String reason) {
        assertThat(parse(message)).as("parse").isFalse();
        assertThat(dns.problem()).isEqualTo(reason);
    }

    private static byte[] repeat(int b, int n) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, (byte) b);
        return bytes;
    }

    @Test
    void readsAQuery() {
        byte[] query = header(0x1234, QUERY, 1, 0, 0, 0).question("www.example.com", TYPE_AAAA).build();

        assertThat(parse(query)).isTrue();
        assertThat(dns.problem()).isNull();
        assertThat(dns.id()).isEqualTo(0x1234);
        assertThat(dns.response()).isFalse();
        assertThat(dns.opcode()).isZero();
        assertThat(dns.qdcount()).isEqualTo(1);
        assertThat(dns.hasQuestion()).isTrue();
        assertThat(dns.queryName()).isEqualTo("www.example.com");
        assertThat(dns.queryNameLength()).isEqualTo(15);
        assertThat(dns.queryType()).isEqualTo(TYPE_AAAA);
        assertThat(dns.queryTypeName()).isEqualTo("AAAA");
        assertThat(dns.queryClass()).isEqualTo(DnsMessage.CLASS_IN);
        assertThat(dns.answerCount()).isZero();
    }

    @Test
    void readsTheHeaderFlagsAndCounts() {
        // QR, opcode 5 (UPDATE), AA, TC, RCODE 3
        byte[] message = header(0xFFFF, 0x8000 | 5 << 11 | 0x0400 | 0x0200 | 3, 0, 0, 0, 0).build();

        assertThat(parse(message)).isTrue();
        assertThat(dns.id()).isEqualTo(0xFFFF);
        assertThat(dns.response()).isTrue();
        assertThat(dns.opcode()).isEqualTo(5);
        assertThat(dns.authoritative()).isTrue();
        assertThat(dns.truncated()).isTrue();
        assertThat(dns.responseCode()).isEqualTo(3);
        assertThat(dns.responseCodeName()).isEqualTo("NXDOMAIN");
        assertThat(dns.hasQuestion()).isFalse();
        assertThat(dns.queryName()).isNull();
        assertThat(dns.queryTypeName()).isNull();

        byte[] plain = header(1, 0, 0, 0, 0, 0).build();
        assertThat(parse(plain)).isTrue();
        assertThat(dns.response()).isFalse();
        assertThat(dns.authoritative()).isFalse();
        assertThat(dns.truncated()).isFalse();
        assertThat(dns.responseCodeName()).isEqualTo("NOERROR");
    }

    @Test
    void keepsTheStatedCountsOfTheOtherSections() {
        byte[] message = header(1, RESPONSE, 1, 0, 1, 1).question("example.com", TYPE_A)
                .pointer(12).record(TYPE_NS, fragment().label("ns").pointer(12).build())
                .root().record(41, new byte[0])
                .build();

        assertThat(parse(message)).isTrue();
        assertThat(dns.ancount()).isZero();
        assertThat(dns.nscount()).isEqualTo(1);
        assertThat(dns.arcount()).isEqualTo(1);
        assertThat(dns.answerCount()).isZero();
    }

    @Test
    void namesEveryResponseCode() {
        String[] names = {"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED", "YXDOMAIN", "YXRRSET",
                "NXRRSET", "NOTAUTH", "NOTZONE", "DSOTYPENI", "12", "13", "14", "15"};
        for (int rcode = 0; rcode < 16; rcode++) {
            assertThat(parse(header(1, 0x8000 | rcode, 0, 0, 0, 0).build())).isTrue();
            assertThat(dns.responseCodeName()).isEqualTo(names[rcode]);
        }
    }

    @Test
    void namesTypesOrFallsBackToTheGenericForm() {
        assertThat(DnsMessage.typeName(1)).isEqualTo("A");
        assertThat(DnsMessage.typeName(10)).isEqualTo("NULL");
        assertThat(DnsMessage.typeName(16)).isEqualTo("TXT");
        assertThat(DnsMessage.typeName(28)).isEqualTo("AAAA");
        assertThat(DnsMessage.typeName(41)).isEqualTo("OPT");
        assertThat(DnsMessage.typeName(65)).isEqualTo("HTTPS");
        assertThat(DnsMessage.typeName(255)).isEqualTo("ANY");
        assertThat(DnsMessage.typeName(257)).isEqualTo("CAA");
        assertThat(DnsMessage.typeName(0)).isEqualTo("TYPE0");
        assertThat(DnsMessage.typeName(65280)).isEqualTo("TYPE65280");
    }

    @Test
    void readsEveryKindOfAnswer() {
        DnsWire m = header(0xBEEF, RESPONSE, 1, 9, 0, 0).question("www.example.com", TYPE_A);
        int cnameOwner = m.position();
        m.pointer(12).record(TYPE_CNAME, fragment().label("cdn").pointer(EXAMPLE_COM).build());
        int cnameData = cnameOwner + 2 + 10;
        int aOwner = m.position();
        m.pointer(12).record(TYPE_A, IPV4);
        m.pointer(12).record(TYPE_AAAA, IPV6);
        m.pointer(12).record(TYPE_MX, fragment().u16(10).label("mail").pointer(EXAMPLE_COM).build());
        m.pointer(12).record(TYPE_TXT, fragment().label("v=spf1 -all")
                .label(new byte[] {'a', '"', 'b', '\\', 'c', '\n', (byte) 0xFF}).build());
        m.pointer(12).record(TYPE_NULL, new byte[] {1, 2, 3, (byte) 0xAB});
        // A name whose later part holds a pointer, and a pointer to a pointer.
        m.pointer(12).record(TYPE_PTR, fragment().label("x").pointer(cnameData).build());
        m.pointer(12).record(TYPE_NS, fragment().pointer(aOwner).build());
        m.pointer(12).u16(TYPE_A).u16(DnsMessage.CLASS_IN).u32(0xFFFFFFFF).u16(4).bytes(IPV4);
        byte[] message = m.build();

        assertThat(parse(message)).as(dns.problem()).isTrue();
        assertThat(dns.response()).isTrue();
        assertThat(dns.ancount()).isEqualTo(9);
        assertThat(dns.answerCount()).isEqualTo(9);
        assertThat(dns.answersNotKept()).isZero();
        String[] texts = new String[dns.answerCount()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = DnsMessage.typeName(dns.answerType(i)) + " " + dns.answerText(i);
        }
        assertThat(texts).containsExactly(
                "CNAME cdn.example.com",
                "A 192.0.2.1",
                "AAAA 2001:db8::1",
                "MX 10 mail.example.com",
                "TXT \"v=spf1 -all\" \"a\\034b\\092c\\010\\255\"",
                "NULL \\# 4 010203ab",
                "PTR x.cdn.example.com",
                "NS www.example.com",
                "A 192.0.2.1");
        assertThat(dns.answerClass(1)).isEqualTo(DnsMessage.CLASS_IN);
        assertThat(dns.answerTtl(1)).isEqualTo(DnsWire.TTL);
        assertThat(dns.answerTtl(8)).isEqualTo(0xFFFFFFFFL);
        assertThat(dns.answerDataOffset(1)).isEqualTo(aOwner + 2 + 10);
        assertThat(dns.answerDataLength(1)).isEqualTo(4);
        assertThat(Arrays.copyOfRange(message, dns.answerDataOffset(1), dns.answerDataOffset(1) + 4)).isEqualTo(IPV4);
    }

    @Test
    void showsDataThatDoesNotFitItsTypeInTheGenericForm() {
        byte[] message = header(1, RESPONSE, 1, 8, 0, 0).question("example.com", TYPE_A)
                .pointer(12).record(TYPE_A, new byte[] {1, 2, 3})
                .pointer(12).record(TYPE_A, 3, IPV4) // class CH: not an Internet address
                .pointer(12).record(TYPE_AAAA, IPV4)
                .pointer(12).record(TYPE_CNAME, fragment().name("a.example").u8(7).build()) // a byte after the name
                .pointer(12).record(TYPE_CNAME, fragment().label("a").build()) // no end inside the data
                .pointer(12).record(TYPE_MX, fragment().u16(5).build())
                .pointer(12).record(TYPE_TXT, new byte[] {5, 'a'})
                .pointer(12).record(TYPE_TXT, new byte[0])
                .build();

        assertThat(parse(message)).as(dns.problem()).isTrue();
        assertThat(dns.answerText(0)).isEqualTo("\\# 3 010203");
        assertThat(dns.answerText(1)).isEqualTo("\\# 4 c0000201");
        assertThat(dns.answerText(2)).isEqualTo("\\# 4 c0000201");
        assertThat(dns.answerText(3)).isEqualTo("\\# 12 0161076578616d706c650007");
        assertThat(dns.answerText(4)).isEqualTo("\\# 2 0161");
        assertThat(dns.answerText(5)).isEqualTo("\\# 2 0005");
        assertThat(dns.answerText(6)).isEqualTo("\\# 2 0561");
        assertThat(dns.answerText(7)).isEqualTo("\\# 0");
    }

    @Test
    void cutsLongGenericDataShort() {
        byte[] data = new byte[65];
        byte[] message = header(1, RESPONSE, 1, 1, 0, 0).question("example.com", TYPE_NULL)
                .pointer(12).record(TYPE_NULL, data).build();

        assertThat(parse(message)).isTrue();
        assertThat(dns.answerText(0)).isEqualTo("\\# 65 " + "00".repeat(64) + "...");
    }

    @Test
    void rejectsAnswerNamesThatLoopOrPointForward() {
        DnsWire m = header(1, RESPONSE, 1, 2, 0, 0).question("example.com", TYPE_CNAME);
        int first = m.position();
        m.pointer(12).record(TYPE_CNAME, fragment().pointer(first + 12).build()); // points at itself
        m.pointer(12).record(TYPE_CNAME, fragment().label("a").pointer(first + 30).build()); // points forward
        byte[] message = m.build();

        assertThat(parse(message)).isTrue();
        assertThat(dns.answerText(0)).isEqualTo("\\# 2 c029");
        assertThat(dns.answerText(1)).startsWith("\\# 4 0161");
    }

    @Test
    void keepsTheFirst32Answers() {
        DnsWire m = header(1, RESPONSE, 1, 40, 0, 0).question("example.com", TYPE_A);
        for (int i = 0; i < 40; i++) {
            m.pointer(12).record(TYPE_A, new byte[] {10, 0, 0, (byte) i});
        }

        assertThat(parse(m.build())).isTrue();
        assertThat(dns.answerCount()).isEqualTo(DnsMessage.MAX_ANSWERS);
        assertThat(dns.answersNotKept()).isEqualTo(8);
        assertThat(dns.answerText(31)).isEqualTo("10.0.0.31");
        assertThatThrownBy(() -> dns.answerText(32)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> dns.answerType(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void forgetsThePreviousMessage() {
        parse(header(7, RESPONSE, 1, 1, 0, 0).question("example.com", TYPE_A).pointer(12).record(TYPE_A, IPV4).build());
        assertThat(dns.answerCount()).isEqualTo(1);

        assertThat(parse(header(8, QUERY, 0, 0, 0, 0).build())).isTrue();
        assertThat(dns.answerCount()).isZero();
        assertThat(dns.hasQuestion()).isFalse();
        assertThat(dns.queryNameLength()).isZero();
        assertThat(dns.id()).isEqualTo(8);

        assertProblem(new byte[3], DnsMessage.TOO_SHORT);
        assertThat(dns.id()).isZero();
    }

    @Test
    void readsAMessageInsideALargerBuffer() {
        byte[] message = header(9, RESPONSE, 1, 1, 0, 0).question("www.example.com", TYPE_CNAME)
                .pointer(12).record(TYPE_CNAME, fragment().label("alias").pointer(EXAMPLE_COM).build()).build();
        byte[] buffer = new byte[message.length + 40];
        Arrays.fill(buffer, (byte) 0xC0);
        System.arraycopy(message, 0, buffer, 25, message.length);

        assertThat(dns.parse(buffer, 25, message.length)).isTrue();
        assertThat(dns.queryName()).isEqualTo("www.example.com");
        assertThat(dns.answerText(0)).isEqualTo("alias.example.com");
        assertThat(dns.answerDataOffset(0)).isEqualTo(25 + AFTER_QUESTION + 12);
    }

    @Test
    void showsTheRootAsADot() {
        assertThat(parse(header(1, QUERY, 1, 0, 0, 0).question(".", 2).build())).isTrue();
        assertThat(dns.queryName()).isEqualTo(".");
        assertThat(dns.queryTypeName()).isEqualTo("NS");
    }

    @Test
    void escapesHostileBytesInLabels() {
        byte[] hostile = {'a', '\n', 'b', 0, '.', '\\', (byte) 0xFF, ' ', 0x7F, '~', '!'};
        byte[] query = header(1, QUERY, 1, 0, 0, 0).label(hostile).label("evil").root().u16(TYPE_TXT).u16(1).build();

        assertThat(parse(query)).isTrue();
        assertThat(dns.queryName()).isEqualTo("a\\010b\\000\\046\\092\\255\\032\\127~!.evil");
    }

    @Test
    void keepsLettersInTheirCase() {
        assertThat(parse(header(1, QUERY, 1, 0, 0, 0).question("wWw.ExAmPlE.cOm", TYPE_A).build())).isTrue();
        assertThat(dns.queryName()).isEqualTo("wWw.ExAmPlE.cOm");
    }

    @Test
    void acceptsLabelsOf63BytesAndNamesOf255() {
        String label63 = "a".repeat(63);
        assertThat(parse(header(1, QUERY, 1, 0, 0, 0).question(label63 + ".com", TYPE_A).build())).isTrue();
        assertThat(dns.queryName()).isEqualTo(label63 + ".com");

        // 64 + 64 + 64 + 62 + the root = 255 bytes on the wire.
        String longest = label63 + "." + label63 + "." + label63 + "." + "b".repeat(61);
        assertThat(parse(header(1, QUERY, 1, 0, 0, 0).question(longest, TYPE_A).build())).isTrue();
        assertThat(dns.queryName()).isEqualTo(longest).hasSize(253);
    }

    @Test
    void rejectsLabelsOf64BytesAndNamesOf256() {
        assertProblem(header(1, QUERY, 1, 0, 0, 0).question("a".repeat(64) + ".com", TYPE_A).build(),
                DnsMessage.LABEL_TOO_LONG);
        String label63 = "a".repeat(63);
        String tooLong = label63 + "." + label63 + "." + label63 + "." + "b".repeat(62);
        assertProblem(header(1, QUERY, 1, 0, 0, 0).question(tooLong, TYPE_A).build(), DnsMessage.NAME_TOO_LONG);
    }

    @Test
    void rejectsTheReservedLabelTypes() {
        for (int lengthByte : new int[] {0x40, 0x41, 0x80, 0xBF}) {
            byte[] query = header(1, QUERY, 1, 0, 0, 0).u8(lengthByte).bytes(new byte[80]).build();
            assertProblem(query, DnsMessage.LABEL_TOO_LONG);
        }
    }

    @Test
    void writesTheLongestNameInFull() {
        byte[] query = header(1, QUERY, 1, 0, 0, 0)
                .label(repeat(0xFF, 63)).label(repeat(0xFF, 63)).label(repeat(0xFF, 63)).label(repeat(0xFF, 61)).root()
                .u16(TYPE_A).u16(1).build();

        assertThat(parse(query)).isTrue();
        assertThat(dns.queryNameLength()).isEqualTo(DnsMessage.MAX_NAME_TEXT);
        assertThat(dns.queryName()).startsWith("\\255\\255").endsWith("\\255").hasSize(DnsMessage.MAX_NAME_TEXT);
    }

    @Test
    void rejectsBadRanges() {
        byte[] query = header(1, QUERY, 1, 0, 0, 0).question("example.com", TYPE_A).build();
        assertThat(dns.parse(null, 0, 0)).isFalse();
        assertThat(dns.problem()).isEqualTo(DnsMessage.BAD_RANGE);
        assertThat(dns.parse(query, -1, 5)).isFalse();
        assertThat(dns.parse(query, 0, -1)).isFalse();
        assertThat(dns.parse(query, 1, query.length)).isFalse();
        assertThat(dns.parse(query, Integer.MAX_VALUE, 2)).isFalse();
        assertThat(dns.problem()).isEqualTo(DnsMessage.BAD_RANGE);
    }

    @Test
    void rejectsMessagesShorterThanTheHeader() {
        assertProblem(new byte[0], DnsMessage.TOO_SHORT);
        assertProblem(new byte[11], DnsMessage.TOO_SHORT);
        assertThat(parse(new byte[12])).isTrue();
    }

    @Test
    void rejectsCountsTheMessageCannotHold() {
        assertProblem(header(1, RESPONSE, 0, 1, 0, 0).build(), DnsMessage.COUNTS_BEYOND_MESSAGE);
        assertProblem(header(1, RESPONSE, 0, 0, 0, 0xFFFF).build(), DnsMessage.COUNTS_BEYOND_MESSAGE);
        assertProblem(header(1, QUERY, 2, 0, 0, 0).question("example.com", TYPE_A).build(),
                DnsMessage.COUNTS_BEYOND_MESSAGE);
        assertThat(dns.hasQuestion()).as("the first question was read before").isTrue();
        assertThat(dns.queryName()).isEqualTo("example.com");
    }

    @Test
    void rejectsNamesCutByTheEndOfTheMessage() {
        assertProblem(header(1, QUERY, 1, 0, 0, 0).u8(7).bytes(new byte[] {'e', 'x'}).build(),
                DnsMessage.NAME_BEYOND_MESSAGE);
        assertProblem(header(1, QUERY, 1, 0, 0, 0).label("example").build(), DnsMessage.NAME_BEYOND_MESSAGE);
        // Half a pointer as the last byte, after enough labels for the counts to fit.
        assertProblem(header(1, RESPONSE, 1, 1, 0, 0).question("example.com", TYPE_A)
                .label("a").label("b").label("c").label("d").label("e").u8(0xC0).build(),
                DnsMessage.NAME_BEYOND_MESSAGE);
    }

    @Test
    void rejectsQuestionsWithoutTypeAndClass() {
        assertProblem(header(1, QUERY, 1, 0, 0, 0).name("example.com").u16(1).u8(0).build(),
                DnsMessage.QUESTION_BEYOND_MESSAGE);
        assertThat(dns.hasQuestion()).isFalse();
    }

    @Test
    void rejectsRecordsCutByTheEndOfTheMessage() {
        assertProblem(header(1, RESPONSE, 1, 1, 0, 0).question("example.com", TYPE_A)
                .u8(1).u8('a').pointer(12).u16(TYPE_A).u16(1).u32(0).build(), DnsMessage.RECORD_BEYOND_MESSAGE);
        assertProblem(header(1, RESPONSE, 1, 1, 0, 0).question("example.com", TYPE_A)
                .pointer(12).u16(TYPE_A).u16(1).u32(0).u16(10).bytes(IPV4).build(), DnsMessage.RDATA_BEYOND_MESSAGE);
        assertThat(dns.hasQuestion()).isTrue();
        assertThat(dns.queryName()).isEqualTo("example.com");
        assertThat(dns.answerCount()).isZero();
    }

    @Test
    void rejectsAPointerToItself() {
        DnsWire m = header(1, RESPONSE, 1, 1, 0, 0).question("example.com", TYPE_A);
        int owner = m.position();
        assertProblem(m.pointer(owner).record(TYPE_A, IPV4).build(), DnsMessage.POINTER_NOT_BACKWARD);
    }

    @Test
    void rejectsATwoPointerCycle() {
        // The first answer's data, never read as a name, holds a pointer to the second answer's owner, which
        // points back to it.
        DnsWire m = header(1, RESPONSE, 1, 2, 0, 0).question("example.com", TYPE_A);
        int firstData = m.position() + 2 + 10;
        int secondOwner = firstData + 2;
        m.pointer(12).record(TYPE_NULL, fragment().pointer(secondOwner).build());
        m.pointer(firstData).record(TYPE_A, IPV4);

        assertProblem(m.build(), DnsMessage.POINTER_NOT_BACKWARD);
        assertThat(dns.answerCount()).isEqualTo(1);
    }

    @Test
    void rejectsForwardPointersAndPointersBeyondTheMessage() {
        DnsWire m = header(1, RESPONSE, 1, 1, 0, 0).question("example.com", TYPE_A);
        int owner = m.position();
        assertProblem(m.pointer(owner + 2).root().record(TYPE_A, IPV4).build(), DnsMessage.POINTER_NOT_BACKWARD);
        assertProblem(header(1, RESPONSE, 1, 1, 0, 0).question("example.com", TYPE_A)
                .pointer(0x3FFF).record(TYPE_A, IPV4).build(), DnsMessage.POINTER_NOT_BACKWARD);
        // In the first question nothing lies before the name but the header.
        assertProblem(header(1, QUERY, 1, 0, 0, 0).pointer(12).u16(1).u16(1).build(), DnsMessage.POINTER_NOT_BACKWARD);
    }

    @Test
    void rejectsPointersIntoTheHeader() {
        assertProblem(header(1, RESPONSE, 1, 1, 0, 0).question("example.com", TYPE_A)
                .pointer(4).record(TYPE_A, IPV4).build(), DnsMessage.POINTER_INTO_HEADER);
        assertProblem(header(1, QUERY, 1, 0, 0, 0).pointer(0).u16(1).u16(1).build(), DnsMessage.POINTER_INTO_HEADER);
    }

    @Test
    void followsAtMost127Pointers() {
        assertThat(parse(pointerChain(DnsMessage.MAX_POINTERS))).as(dns.problem()).isTrue();
        assertProblem(pointerChain(DnsMessage.MAX_POINTERS + 1), DnsMessage.TOO_MANY_POINTERS);
    }

    /** A message whose second answer's owner name takes {@code pointers} pointers to reach the question's name. */
    private static byte[] pointerChain(int pointers) {
        DnsWire m = header(1, RESPONSE, 1, 2, 0, 0).question("example.com", TYPE_A);
        int chain = m.position() + 2 + 10;
        DnsWire links = fragment().pointer(12);
        for (int i = 1; i < pointers - 1; i++) {
            links.pointer(chain + 2 * (i - 1));
        }
        byte[] data = links.build();
        m.pointer(12).record(TYPE_NULL, data);
        m.pointer(chain + data.length - 2).record(TYPE_A, IPV4);
        return m.build();
    }

    @Test
    void parsesWithoutAllocating() {
        DnsWire m = header(0xBEEF, RESPONSE, 1, 3, 0, 0).question("www.example.com", TYPE_A)
                .pointer(12).record(TYPE_CNAME, fragment().label("cdn").pointer(EXAMPLE_COM).build())
                .pointer(12).record(TYPE_A, IPV4)
                .pointer(12).record(TYPE_AAAA, IPV6);
        byte[] message = m.build();
        long sum = parseMany(message);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        sum += parseMany(message);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(sum).isPositive();
        // Nothing in proportion to the 100,000 messages.
        assertThat(allocated).isLessThan(10_000);
    }

    private long parseMany(byte[] message) {
        long sum = 0;
        for (int i = 0; i < 100_000; i++) {
            if (dns.parse(message, 0, message.length)) {
                sum += dns.queryNameLength() + dns.answerCount() + dns.answerType(2) + dns.answerDataLength(1)
                        + dns.answerTtl(0) + dns.queryType() + dns.responseCode();
            }
        }
        return sum;
    }
}
