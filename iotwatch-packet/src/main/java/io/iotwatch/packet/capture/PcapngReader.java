package io.iotwatch.packet.capture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pcapng: sections, each a Section Header Block and the blocks after it. Interface Description
 * Blocks give the link type, snapshot length and timestamp unit of each interface; Enhanced and Simple
 * Packet Blocks give packets; every other block type is stepped over by its length.
 *
 * <p>Every block carries its length twice. A block whose lengths are inconsistent ends reading, since
 * the next block cannot be found; a block whose lengths agree but whose content is wrong is noted and
 * stepped over.
 */
final class PcapngReader extends BaseCaptureReader {

    static final int SECTION_HEADER = 0x0A0D0D0A;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int INTERFACE_DESCRIPTION = 1;
    static final int SIMPLE_PACKET = 3;
    static final int ENHANCED_PACKET = 6;
    private static final int MIN_BLOCK = 12;
    private static final int MIN_SECTION_HEADER = 28;
    private static final int MIN_INTERFACE_DESCRIPTION = 20;
    private static final int MIN_ENHANCED_PACKET = 32;
    private static final int MIN_SIMPLE_PACKET = 16;
    private static final int OPTION_END = 0;
    private static final int OPTION_TSRESOL = 9;
    private static final int OPTION_TSOFFSET = 14;

    private record Interface(int linkType, long snapLength, TimestampUnit unit) {}

    private final List<Interface> interfaces = new ArrayList<>();
    private Endian endian = Endian.LITTLE;
    private int previousBlock;

    PcapngReader(RecordInput input) {
        super(input);
    }

    @Override
    boolean readPacket() throws IOException {
        input.consume(previousBlock);
        previousBlock = 0;
        while (true) {
            long at = input.streamOffset();
            if (!requireRecord(8)) {
                return false;
            }
            // The section header's type reads the same in both byte orders; its byte order follows it.
            int type = endian.i32(input.buffer(), input.position());
            if (type == SECTION_HEADER && !startSection(at)) {
                return false;
            }
            long length = endian.u32(input.buffer(), input.position() + 4);
            if (length < MIN_BLOCK || length % 4 != 0) {
                return stop(at, "block at offset " + at + " has total length " + length
                        + ": not a multiple of 4 of at least " + MIN_BLOCK);
            }
            if (length > RecordInput.MAX_RECORD) {
                return stop(at, "block at offset " + at + " has total length " + length
                        + ", beyond the limit of " + RecordInput.MAX_RECORD + " bytes per record");
            }
            int blockLength = (int) length;
            if (!requireRecord(blockLength)) {
                return false;
            }
            byte[] b = input.buffer();
            int p = input.position();
            long trailing = endian.u32(b, p + blockLength - 4);
            if (trailing != length) {
                return stop(at, "block at offset " + at + " has trailing length " + trailing
                        + ", not its leading length " + length);
            }
            boolean packet = switch (type) {
                case SECTION_HEADER -> checkMinimum(at, "section header", blockLength, MIN_SECTION_HEADER);
                case INTERFACE_DESCRIPTION -> describeInterface(at, b, p, blockLength);
                case ENHANCED_PACKET -> enhancedPacket(at, b, p, blockLength);
                case SIMPLE_PACKET -> simplePacket(at, b, p, blockLength);
                default -> false;
            };
            if (packet) {
                previousBlock = blockLength;
                fileOffset = at;
                return true;
            }
            input.consume(blockLength);
        }
    }

    private boolean startSection(long at) throws IOException {
        if (!requireRecord(12)) {
            return false;
        }
        int magic = Endian.BIG.i32(input.buffer(), input.position() + 8);
        if (magic == BYTE_ORDER_MAGIC) {
            endian = Endian.BIG;
        } else if (magic == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
            endian = Endian.LITTLE;
        } else {
            return stop(at, "section header block at offset " + at + " has byte-order magic "
                    + String.format("%08x", magic) + ", not 1a2b3c4d in either byte order");
        }
        interfaces.clear();
        return true;
    }

    /** Always false: a block too short for its type is noted and stepped over, never read. */
    private boolean checkMinimum(long at, String kind, int length, int minimum) {
        if (length < minimum) {
            note(at, kind + " block at offset " + at + " is " + length + " bytes long, less than the "
                    + minimum + " its fields need");
        }
        return false;
    }

    private boolean describeInterface(long at, byte[] b, int p, int length) {
        if (length < MIN_INTERFACE_DESCRIPTION) {
            return checkMinimum(at, "interface description", length, MIN_INTERFACE_DESCRIPTION);
        }
        int linkType = endian.u16(b, p + 8);
        long snapLength = endian.u32(b, p + 12);
        int tsresol = TimestampUnit.DEFAULT_RESOLUTION;
        long tsoffset = 0;
        int end = p + length - 4;
        int option = p + 16;
        while (option + 4 <= end) {
            int code = endian.u16(b, option);
            int valueLength = endian.u16(b, option + 2);
            int value = option + 4;
            if (code == OPTION_END) {
                break;
            }
            if (value + valueLength > end) {
                note(at, "interface description block at offset " + at + " has option " + code
                        + " of " + valueLength + " bytes running past the block end");
                break;
            }
            if (code == OPTION_TSRESOL && valueLength >= 1) {
                tsresol = b[value] & 0xFF;
            } else if (code == OPTION_TSOFFSET && valueLength >= 8) {
                tsoffset = endian.i64(b, value);
            }
            option = value + (valueLength + 3 & ~3);
        }
        interfaces.add(new Interface(linkType, snapLength, new TimestampUnit(tsresol, tsoffset)));
        return false;
    }

    private boolean enhancedPacket(long at, byte[] b, int p, int length) {
        if (length < MIN_ENHANCED_PACKET) {
            return checkMinimum(at, "enhanced packet", length, MIN_ENHANCED_PACKET);
        }
        long id = endian.u32(b, p + 8);
        Interface in = packetInterface(at, "enhanced packet", id);
        if (in == null) {
            return false;
        }
        long ticks = endian.u32(b, p + 12) << 32 | endian.u32(b, p + 16);
        long captured = endian.u32(b, p + 20);
        long original = endian.u32(b, p + 24);
        int room = length - MIN_ENHANCED_PACKET;
        if (captured > room) {
            note(at, "captured length " + captured + " of the enhanced packet block at offset " + at
                    + " is greater than the " + room + " bytes the block allows");
            return false;
        }
        checkCapturedLength(at, "enhanced packet", captured, original, in.snapLength());
        setPacket(in, (int) id, p + 28, (int) captured, original, in.unit().toNanos(ticks));
        return true;
    }

    private boolean simplePacket(long at, byte[] b, int p, int length) {
        if (length < MIN_SIMPLE_PACKET) {
            return checkMinimum(at, "simple packet", length, MIN_SIMPLE_PACKET);
        }
        Interface in = packetInterface(at, "simple packet", 0);
        if (in == null) {
            return false;
        }
        long original = endian.u32(b, p + 8);
        long captured = Math.min(original, length - MIN_SIMPLE_PACKET);
        if (in.snapLength() > 0) {
            captured = Math.min(captured, in.snapLength());
        }
        // A simple packet block carries no timestamp.
        setPacket(in, 0, p + 12, (int) captured, original, 0);
        return true;
    }

    private Interface packetInterface(long at, String kind, long id) {
        if (id < interfaces.size()) {
            return interfaces.get((int) id);
        }
        note(at, kind + " block at offset " + at + " names interface " + id + ", but its section describes "
                + interfaces.size());
        return null;
    }

    private void checkCapturedLength(long at, String kind, long captured, long original, long snapLength) {
        if (captured > original) {
            note(at, "captured length " + captured + " of the " + kind + " block at offset " + at
                    + " is greater than its original length " + original);
        }
        if (snapLength > 0 && captured > snapLength) {
            note(at, "captured length " + captured + " of the " + kind + " block at offset " + at
                    + " is greater than the snapshot length " + snapLength + " of its interface");
        }
    }

    private void setPacket(Interface in, int id, int dataOffset, int captured, long original, long nanos) {
        offset = dataOffset;
        capturedLength = captured;
        originalLength = (int) Math.min(original, Integer.MAX_VALUE);
        timestampNanos = nanos;
        linkType = in.linkType();
        interfaceId = id;
    }
}
