package io.quarkiverse.reactors.redis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Incremental RESP2 request parser: bytes go in as they arrive ({@link #feed}), whole commands come out
 * ({@link #next}), so partial frames and pipelined commands are both handled. A request is either an array
 * of bulk strings ({@code *2\r\n$3\r\nGET\r\n$1\r\nk\r\n}, what every client library sends) or an inline
 * command ({@code PING\r\n}, what a person types into a terminal).
 * <p>
 * Memory is bounded: a bulk string longer than {@code maxBulkLength}, an array of more than {@code maxArgs}
 * elements, an inline line longer than {@code maxInlineLength} or an unfinished request holding more than
 * {@code maxRequestLength} bytes is refused with a {@link RespProtocolException} before it is buffered, so a
 * client announcing a 1 GB value costs nothing.
 * <p>
 * Not thread-safe: owned by one connection, used on the reactor that serves it.
 */
final class RespParser {

    private final int maxBulkLength;
    private final int maxArgs;
    private final int maxInlineLength;
    private final int maxRequestLength;

    private byte[] buf = new byte[0];
    private int start;
    private int end;
    /** The arguments of the array request being read, or {@code null} between requests. */
    private byte[][] args;
    private int argIndex;
    /** Bytes of the current array request already copied into {@link #args}: they count against the limit. */
    private long requestBytes;

    RespParser(int maxBulkLength, int maxArgs, int maxInlineLength, int maxRequestLength) {
        this.maxBulkLength = maxBulkLength;
        this.maxArgs = maxArgs;
        this.maxInlineLength = maxInlineLength;
        this.maxRequestLength = maxRequestLength;
    }

    /**
     * Adds received bytes. The parser takes ownership of {@code chunk} (it may keep it as its buffer).
     *
     * @throws RespProtocolException when the unfinished request and the chunk together exceed the request
     *         limit (the caller drains every complete command with {@link #next} before feeding more)
     */
    void feed(byte[] chunk) throws RespProtocolException {
        if (start == end) {
            // nothing pending: parse straight from the received array, no copy
            buf = chunk;
            start = 0;
            end = chunk.length;
        } else {
            int pending = end - start;
            if ((long) pending + chunk.length + requestBytes > maxRequestLength) {
                throw new RespProtocolException("request larger than " + maxRequestLength + " bytes");
            }
            if (end + chunk.length > buf.length) {
                byte[] grown = pending + chunk.length > buf.length
                        ? new byte[Math.max(pending + chunk.length, Math.min(2 * buf.length, maxRequestLength))]
                        : buf;
                System.arraycopy(buf, start, grown, 0, pending);
                buf = grown;
                start = 0;
                end = pending;
            }
            System.arraycopy(chunk, 0, buf, end, chunk.length);
            end += chunk.length;
        }
    }

    /**
     * @return the next complete command's arguments (at least one), or {@code null} when more bytes are needed
     * @throws RespProtocolException when the input is not RESP2 or breaks a limit; the parser is then unusable
     */
    byte[][] next() throws RespProtocolException {
        while (true) {
            if (args == null) {
                if (start == end) {
                    return null;
                }
                if (buf[start] != '*') {
                    byte[][] inline = inline();
                    if (inline == null || inline.length > 0) {
                        return inline;
                    }
                    continue; // an empty line: Redis ignores it
                }
                int eol = lineEnd(start + 1, "multibulk count");
                if (eol < 0) {
                    return null;
                }
                long count = number(start + 1, eol, "invalid multibulk length");
                if (count > maxArgs) {
                    throw new RespProtocolException("invalid multibulk length " + count + " (at most " + maxArgs + ")");
                }
                start = eol + 2;
                if (count <= 0) {
                    continue; // "*0" and "*-1" carry no command; Redis skips them too
                }
                args = new byte[(int) count][];
                argIndex = 0;
            }
            while (argIndex < args.length) {
                if (start == end) {
                    return null;
                }
                if (buf[start] != '$') {
                    throw new RespProtocolException("expected '$', got '" + printable(buf[start]) + "'");
                }
                int eol = lineEnd(start + 1, "bulk count");
                if (eol < 0) {
                    return null;
                }
                long length = number(start + 1, eol, "invalid bulk length");
                if (length < 0 || length > maxBulkLength) {
                    throw new RespProtocolException("invalid bulk length " + length + " (at most " + maxBulkLength + ")");
                }
                int body = eol + 2;
                if ((long) end - body < length + 2) {
                    // the header is read again with the rest of the body: cheap, and no state to keep
                    return null;
                }
                int bodyEnd = body + (int) length;
                if (buf[bodyEnd] != '\r' || buf[bodyEnd + 1] != '\n') {
                    throw new RespProtocolException("bulk string of length " + length + " not followed by CRLF");
                }
                requestBytes += length;
                if (requestBytes > maxRequestLength) {
                    throw new RespProtocolException("request larger than " + maxRequestLength + " bytes");
                }
                args[argIndex++] = Arrays.copyOfRange(buf, body, bodyEnd);
                start = bodyEnd + 2;
            }
            byte[][] command = args;
            args = null;
            requestBytes = 0;
            return command;
        }
    }

    /** @return the number of received bytes not yet returned as part of a command */
    int buffered() {
        return end - start;
    }

    /** An inline command: one line, arguments separated by blanks, optionally in double or single quotes. */
    private byte[][] inline() throws RespProtocolException {
        int nl = -1;
        for (int i = start; i < end; i++) {
            if (buf[i] == '\n') {
                nl = i;
                break;
            }
        }
        if (nl < 0) {
            if (end - start > maxInlineLength) {
                throw new RespProtocolException("too big inline request (more than " + maxInlineLength + " bytes)");
            }
            return null;
        }
        int lineEnd = nl > start && buf[nl - 1] == '\r' ? nl - 1 : nl;
        int from = start;
        start = nl + 1;
        if (lineEnd - from > maxInlineLength) {
            throw new RespProtocolException("too big inline request (more than " + maxInlineLength + " bytes)");
        }
        List<byte[]> words = new ArrayList<>();
        int i = from;
        while (i < lineEnd) {
            byte b = buf[i];
            if (b == ' ' || b == '\t') {
                i++;
            } else if (b == '"' || b == '\'') {
                int close = i + 1;
                while (close < lineEnd && buf[close] != b) {
                    close++;
                }
                if (close == lineEnd) {
                    throw new RespProtocolException("unbalanced quotes in request");
                }
                words.add(Arrays.copyOfRange(buf, i + 1, close));
                i = close + 1;
            } else {
                int wordEnd = i;
                while (wordEnd < lineEnd && buf[wordEnd] != ' ' && buf[wordEnd] != '\t') {
                    wordEnd++;
                }
                words.add(Arrays.copyOfRange(buf, i, wordEnd));
                i = wordEnd;
            }
            if (words.size() > maxArgs) {
                throw new RespProtocolException("too many arguments in inline request (at most " + maxArgs + ")");
            }
        }
        return words.toArray(new byte[0][]);
    }

    /** @return the index of the CR of the CRLF ending the line that starts before {@code from}, or -1 */
    private int lineEnd(int from, String what) throws RespProtocolException {
        for (int i = from; i < end - 1; i++) {
            if (buf[i] == '\r') {
                if (buf[i + 1] != '\n') {
                    throw new RespProtocolException(what + " line not ended by CRLF");
                }
                return i;
            }
        }
        if (end - from > 32) {
            // a count has at most 20 characters; more without CRLF is garbage, not a slow client
            throw new RespProtocolException("too big " + what + " string");
        }
        return -1;
    }

    private long number(int from, int to, String error) throws RespProtocolException {
        if (to == from || to - from > 19) {
            throw new RespProtocolException(error + " '" + text(from, to) + "'");
        }
        boolean negative = buf[from] == '-';
        int i = negative ? from + 1 : from;
        if (i == to) {
            throw new RespProtocolException(error + " '" + text(from, to) + "'");
        }
        long value = 0;
        for (; i < to; i++) {
            int digit = buf[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new RespProtocolException(error + " '" + text(from, to) + "'");
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    private String text(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < Math.min(to, from + 32); i++) {
            s.append(printable(buf[i]));
        }
        return s.toString();
    }

    private static String printable(byte b) {
        return b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff);
    }
}
