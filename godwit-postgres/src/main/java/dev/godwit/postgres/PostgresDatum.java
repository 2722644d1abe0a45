package dev.godwit.postgres;

import dev.godwit.postgres.PostgresNodeTree.Unreadable;
import java.nio.charset.StandardCharsets;

/**
 * A Const's datum as outDatum prints it in a node tree: its length and its bytes (for a by-value type, the whole
 * 8-byte Datum word), and the values PostgresCheckDeparser reads from it. The bytes are the server's memory, in its
 * byte order, which the tree does not state: each reader tells it from the datum itself, and refuses a datum it
 * cannot tell (the caller then asks the server).
 */
record PostgresDatum(int length, byte[] bytes) {

    /**
     * An int2 or int4 by-value datum: the whole 8-byte Datum word, the value sign-extended into it. Little-endian,
     * the value is in the first bytes; big-endian, in the last. Both readings agree for 0 and -1 only; a word that
     * reads validly both ways with different values, or neither way, is refused.
     */
    long integer(int size) throws Unreadable {
        byte[] b = word(size);
        Long little = signExtended(b, 0, size, true);
        Long big = signExtended(b, 8 - size, size, false);
        if (little != null && big != null && !little.equals(big)) {
            throw new Unreadable("a datum of either byte order");
        }
        if (little == null && big == null) {
            throw new Unreadable("a datum of neither byte order");
        }
        return little != null ? little : big;
    }

    /** The value in {@code size} bytes at {@code from}, or null when the other bytes are not its sign extension. */
    private static Long signExtended(byte[] b, int from, int size, boolean littleEndian) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            int index = littleEndian ? from + size - 1 - i : from + i;
            value = (value << 8) | (b[index] & 0xFF);
        }
        value = size == 2 ? (short) value : (int) value;
        byte fill = (byte) (value < 0 ? -1 : 0);
        for (int i = 0; i < 8; i++) {
            if ((i < from || i >= from + size) && b[i] != fill) {
                return null;
            }
        }
        return value;
    }

    /**
     * The bytes of a by-value datum of a type {@code typeLength} bytes long: outDatum prints the whole Datum word, 8 bytes
     * on a 64-bit server (a 32-bit one is left to the server).
     */
    private byte[] word(int typeLength) throws Unreadable {
        if (bytes.length != 8 || length != typeLength) {
            throw new Unreadable("not a 64-bit by-value datum");
        }
        return bytes;
    }

    /** An int8 datum reads differently in the two byte orders unless it is a palindrome (0 and -1 are). */
    long bigint() throws Unreadable {
        byte[] b = word(8);
        long little = 0;
        long big = 0;
        for (int i = 0; i < 8; i++) {
            little |= (long) (b[i] & 0xFF) << (8 * i);
            big = (big << 8) | (b[i] & 0xFF);
        }
        if (little != big) {
            throw new Unreadable("a bigint whose byte order is not known");
        }
        return little;
    }

    boolean bool() throws Unreadable {
        byte[] b = word(1);
        int set = 0;
        for (int i = 1; i < 7; i++) {
            set |= b[i];
        }
        if (set == 0 && (b[0] | b[7]) == 0) {
            return false;
        }
        if (set == 0 && ((b[0] == 1 && b[7] == 0) || (b[0] == 0 && b[7] == 1))) {
            return true;
        }
        throw new Unreadable("not a boolean datum");
    }

    /**
     * A text or varchar datum: a 4-byte length header (the length shifted left by 2 little-endian, or in the low 30
     * bits big-endian) and the bytes in the server's encoding. Only printable ASCII without a backslash is read, so
     * neither the encoding nor standard_conforming_strings matters.
     */
    String asciiText() throws Unreadable {
        byte[] b = bytes;
        if (b.length != length || length < 4) {
            throw new Unreadable("a text datum of the wrong length");
        }
        long header = (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
        long headerBig = (b[3] & 0xFFL) | (b[2] & 0xFFL) << 8 | (b[1] & 0xFFL) << 16 | (b[0] & 0xFFL) << 24;
        boolean little = (header & 3) == 0 && header >>> 2 == length;
        boolean big = headerBig >>> 30 == 0 && headerBig == length;
        if (!little && !big) {
            throw new Unreadable("not a plain 4-byte varlena");
        }
        for (int i = 4; i < length; i++) {
            if (b[i] < 0x20 || b[i] > 0x7E || b[i] == '\\') {
                throw new Unreadable("text that is not plain ASCII");
            }
        }
        return new String(b, 4, length - 4, StandardCharsets.US_ASCII);
    }
}
