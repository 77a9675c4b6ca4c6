package io.quarkiverse.reactors.redis;

import java.nio.charset.StandardCharsets;

import io.vertx.core.buffer.Buffer;

/**
 * RESP2 reply encoding into a Vert.x {@link Buffer}: simple strings, errors, integers, bulk strings, arrays.
 * <p>
 * Stateless; any thread may call it (each buffer is written by one thread at a time).
 */
final class Resp {

    private static final byte[] CRLF = { '\r', '\n' };
    private static final byte[] NULL_BULK = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);

    private Resp() {
    }

    static Buffer ok(Buffer out) {
        return out.appendBytes(OK);
    }

    static Buffer simple(Buffer out, String text) {
        return out.appendByte((byte) '+').appendString(oneLine(text), "UTF-8").appendBytes(CRLF);
    }

    /** @param message starting with the error code, for example {@code "ERR syntax error"} or {@code "MOVED ..."} */
    static Buffer error(Buffer out, String message) {
        return out.appendByte((byte) '-').appendString(oneLine(message), "UTF-8").appendBytes(CRLF);
    }

    static Buffer integer(Buffer out, long value) {
        return out.appendByte((byte) ':').appendString(Long.toString(value)).appendBytes(CRLF);
    }

    /** A bulk string, or the null bulk string when {@code value} is {@code null}. */
    static Buffer bulk(Buffer out, byte[] value) {
        if (value == null) {
            return out.appendBytes(NULL_BULK);
        }
        return out.appendByte((byte) '$').appendString(Integer.toString(value.length)).appendBytes(CRLF)
                .appendBytes(value).appendBytes(CRLF);
    }

    static Buffer bulk(Buffer out, String value) {
        return bulk(out, value.getBytes(StandardCharsets.UTF_8));
    }

    static Buffer array(Buffer out, int elements) {
        return out.appendByte((byte) '*').appendString(Integer.toString(elements)).appendBytes(CRLF);
    }

    /** A simple string or error must not contain CR or LF: they would end the reply early. */
    private static String oneLine(String text) {
        return text.indexOf('\r') < 0 && text.indexOf('\n') < 0 ? text : text.replace('\r', ' ').replace('\n', ' ');
    }
}
