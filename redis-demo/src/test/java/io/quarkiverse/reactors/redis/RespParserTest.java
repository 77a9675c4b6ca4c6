package io.quarkiverse.reactors.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The RESP2 request parser: partial frames, pipelining, inline commands, malformed input and limits. */
class RespParserTest {

    private static RespParser parser() {
        return new RespParser(1024, 16, 256, 4096);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String> words(byte[][] args) {
        List<String> out = new ArrayList<>();
        for (byte[] a : args) {
            out.add(new String(a, StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    private static List<List<String>> all(RespParser p) throws RespProtocolException {
        List<List<String>> out = new ArrayList<>();
        byte[][] args;
        while ((args = p.next()) != null) {
            out.add(words(args));
        }
        return out;
    }

    @Test
    void parsesAnArrayOfBulkStrings() throws Exception {
        RespParser p = parser();
        p.feed(b("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nv\r\nx!\r\n"));
        assertEquals(List.of(List.of("SET", "k", "v\r\nx!")), all(p));
        assertEquals(0, p.buffered());
    }

    @Test
    void binaryAndEmptyBulkStrings() throws Exception {
        RespParser p = parser();
        p.feed(new byte[] { '*', '2', '\r', '\n', '$', '0', '\r', '\n', '\r', '\n', '$', '2', '\r', '\n', 0, (byte) 0xff,
                '\r', '\n' });
        byte[][] args = p.next();
        assertEquals(2, args.length);
        assertArrayEquals(new byte[0], args[0]);
        assertArrayEquals(new byte[] { 0, (byte) 0xff }, args[1]);
    }

    @Test
    void aFrameFedOneByteAtATimeComesOutOnceComplete() throws Exception {
        RespParser p = parser();
        byte[] frame = b("*2\r\n$4\r\nECHO\r\n$11\r\nhello world\r\n");
        for (int i = 0; i < frame.length - 1; i++) {
            p.feed(new byte[] { frame[i] });
            assertNull(p.next(), "complete after byte " + i + "?");
        }
        p.feed(new byte[] { frame[frame.length - 1] });
        assertEquals(List.of("ECHO", "hello world"), words(p.next()));
        assertNull(p.next());
    }

    @Test
    void pipelinedCommandsSplitAcrossChunksComeOutInOrder() throws Exception {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            s.append("*2\r\n$3\r\nGET\r\n$").append(String.valueOf(i).length()).append("\r\n").append(i).append("\r\n");
        }
        byte[] all = b(s.toString());
        RespParser p = parser();
        List<List<String>> got = new ArrayList<>();
        for (int from = 0; from < all.length; from += 7) {
            byte[] chunk = java.util.Arrays.copyOfRange(all, from, Math.min(all.length, from + 7));
            p.feed(chunk);
            got.addAll(all(p));
        }
        assertEquals(100, got.size());
        for (int i = 0; i < 100; i++) {
            assertEquals(List.of("GET", String.valueOf(i)), got.get(i));
        }
    }

    @Test
    void inlineCommandsWithQuotesAndBlankLines() throws Exception {
        RespParser p = parser();
        p.feed(b("PING\r\n\r\nSET k \"two words\"\n  ECHO  'x'  \r\n"));
        assertEquals(List.of(List.of("PING"), List.of("SET", "k", "two words"), List.of("ECHO", "x")), all(p));
    }

    @Test
    void emptyArraysCarryNoCommand() throws Exception {
        RespParser p = parser();
        p.feed(b("*0\r\n*-1\r\n*1\r\n$4\r\nPING\r\n"));
        assertEquals(List.of(List.of("PING")), all(p));
    }

    @Test
    void aHugeBulkLengthIsRefusedBeforeAnythingIsBuffered() throws Exception {
        RespParser p = parser();
        p.feed(b("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1073741824\r\n"));
        RespProtocolException e = assertThrows(RespProtocolException.class, p::next);
        assertEquals("Protocol error: invalid bulk length 1073741824 (at most 1024)", e.getMessage());
    }

    @Test
    void malformedInputIsNamed() {
        assertEquals("Protocol error: invalid multibulk length 'x'", error("*x\r\n"));
        assertEquals("Protocol error: invalid multibulk length 17 (at most 16)", error("*17\r\n"));
        assertEquals("Protocol error: expected '$', got ':'", error("*1\r\n:5\r\n"));
        assertEquals("Protocol error: invalid bulk length '-'", error("*1\r\n$-\r\n"));
        assertEquals("Protocol error: invalid bulk length -5 (at most 1024)", error("*1\r\n$-5\r\n"));
        assertEquals("Protocol error: bulk string of length 1 not followed by CRLF", error("*1\r\n$1\r\nab\r\n"));
        assertEquals("Protocol error: multibulk count line not ended by CRLF", error("*1\rx"));
        assertEquals("Protocol error: unbalanced quotes in request", error("SET \"k v\r\n"));
        assertEquals("Protocol error: expected '$', got '\\x00'", error("*1\r\n\u0000"));
    }

    @Test
    void garbageWithoutLineEndsIsRefusedOnceItPassesTheLimits() throws Exception {
        RespParser p = parser();
        p.feed(b("*" + "9".repeat(40)));
        assertEquals("Protocol error: too big multibulk count string",
                assertThrows(RespProtocolException.class, p::next).getMessage());

        RespParser inline = parser();
        inline.feed(new byte[300]);
        assertEquals("Protocol error: too big inline request (more than 256 bytes)",
                assertThrows(RespProtocolException.class, inline::next).getMessage());
    }

    @Test
    void anUnfinishedRequestCannotGrowPastTheRequestLimit() throws Exception {
        RespParser p = parser();
        String arg = "$1000\r\n" + "x".repeat(1000) + "\r\n";
        p.feed(b("*16\r\n$3\r\nSET\r\n"));
        assertNull(p.next());
        RespProtocolException e = assertThrows(RespProtocolException.class, () -> {
            for (int i = 0; i < 5; i++) {
                p.feed(b(arg));
                assertNull(p.next());
            }
        });
        assertEquals("Protocol error: request larger than 4096 bytes", e.getMessage());
    }

    private static String error(String input) {
        RespParser p = parser();
        return assertThrows(RespProtocolException.class, () -> {
            p.feed(b(input));
            while (p.next() != null) {
                // drain
            }
        }).getMessage();
    }
}
