package io.quarkiverse.reactors.redis;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.vertx.core.buffer.Buffer;

/**
 * The key commands, run against one reactor's {@link Keyspace} with every key of the call owned by it; the
 * reply is written into a buffer, so a command that hopped to its owner comes back as ready-made bytes.
 * <p>
 * Stateless; called on the reactor that owns the keyspace.
 */
final class Commands {

    static final String NOT_AN_INTEGER = "ERR value is not an integer or out of range";
    static final String SYNTAX = "ERR syntax error";

    private Commands() {
    }

    /** Runs keyed command {@code c}; arity was checked by the caller. */
    static void execute(CommandSpec c, byte[][] args, Keyspace ks, Buffer out) {
        try {
            switch (c) {
                case GET -> Resp.bulk(out, ks.get(args[1]));
                case SET -> set(args, ks, out);
                case DEL -> {
                    long n = 0;
                    for (int i = 1; i < args.length; i++) {
                        n += ks.delete(args[i]) ? 1 : 0;
                    }
                    Resp.integer(out, n);
                }
                case EXISTS -> {
                    long n = 0;
                    for (int i = 1; i < args.length; i++) {
                        n += ks.exists(args[i]) ? 1 : 0;
                    }
                    Resp.integer(out, n);
                }
                case INCR -> Resp.integer(out, ks.incrBy(args[1], 1));
                case DECR -> Resp.integer(out, ks.incrBy(args[1], -1));
                case INCRBY -> Resp.integer(out, ks.incrBy(args[1], parseLong(args[2], NOT_AN_INTEGER)));
                case DECRBY -> {
                    long delta = parseLong(args[2], NOT_AN_INTEGER);
                    if (delta == Long.MIN_VALUE) {
                        throw new IllegalArgumentException("ERR decrement would overflow");
                    }
                    Resp.integer(out, ks.incrBy(args[1], -delta));
                }
                case MGET -> {
                    Resp.array(out, args.length - 1);
                    for (int i = 1; i < args.length; i++) {
                        Resp.bulk(out, ks.get(args[i]));
                    }
                }
                case MSET -> {
                    for (int i = 1; i < args.length; i += 2) {
                        ks.set(args[i], args[i + 1], 0);
                    }
                    Resp.ok(out);
                }
                case EXPIRE, PEXPIRE -> {
                    long amount = parseLong(args[2], NOT_AN_INTEGER);
                    if (args.length > 3) {
                        throw new IllegalArgumentException("ERR options of " + c.lowerName
                                + " (NX, XX, GT, LT) are not supported by this server");
                    }
                    long millis = c == CommandSpec.EXPIRE ? multiplyExact(amount, c) : amount;
                    Resp.integer(out, ks.expire(args[1], millis) ? 1 : 0);
                }
                case TTL -> {
                    long ttl = ks.ttlMillis(args[1]);
                    Resp.integer(out, ttl < 0 ? ttl : (ttl + 500) / 1000);
                }
                case PTTL -> Resp.integer(out, ks.ttlMillis(args[1]));
                default -> throw new IllegalStateException("not a key command: " + c);
            }
        } catch (IllegalArgumentException e) {
            Resp.error(out, e.getMessage());
        }
    }

    /** SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | KEEPTTL] */
    private static void set(byte[][] args, Keyspace ks, Buffer out) {
        boolean nx = false;
        boolean xx = false;
        boolean get = false;
        long ttl = 0;
        boolean ttlGiven = false;
        for (int i = 3; i < args.length; i++) {
            String option = new String(args[i], StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
            switch (option) {
                case "NX" -> nx = true;
                case "XX" -> xx = true;
                case "GET" -> get = true;
                case "KEEPTTL" -> {
                    if (ttlGiven) {
                        throw new IllegalArgumentException(SYNTAX);
                    }
                    ttlGiven = true;
                    ttl = -1;
                }
                case "EX", "PX" -> {
                    if (ttlGiven || i + 1 == args.length) {
                        throw new IllegalArgumentException(SYNTAX);
                    }
                    ttlGiven = true;
                    long amount = parseLong(args[++i], NOT_AN_INTEGER);
                    if (amount <= 0) {
                        throw new IllegalArgumentException("ERR invalid expire time in 'set' command");
                    }
                    ttl = option.equals("EX") ? multiplyExact(amount, CommandSpec.SET) : amount;
                }
                default -> throw new IllegalArgumentException(SYNTAX);
            }
        }
        if (nx && xx) {
            throw new IllegalArgumentException(SYNTAX);
        }
        byte[] old = nx || xx || get ? ks.get(args[1]) : null;
        boolean write = !(nx && old != null) && !(xx && old == null);
        if (write) {
            ks.set(args[1], args[2], ttl);
        }
        if (get) {
            Resp.bulk(out, old);
        } else if (write) {
            Resp.ok(out);
        } else {
            Resp.bulk(out, (byte[]) null);
        }
    }

    private static long multiplyExact(long seconds, CommandSpec c) {
        if (seconds > Long.MAX_VALUE / 1000 || seconds < Long.MIN_VALUE / 1000) {
            throw new IllegalArgumentException("ERR invalid expire time in '" + c.lowerName + "' command");
        }
        return seconds * 1000;
    }

    /**
     * Parses a decimal {@code long} the way Redis does: optional minus sign, digits, no spaces or plus sign.
     *
     * @throws IllegalArgumentException with {@code error} as its message otherwise
     */
    static long parseLong(byte[] text, String error) {
        if (text.length == 0 || text.length > 20) {
            throw new IllegalArgumentException(error);
        }
        boolean negative = text[0] == '-';
        int i = negative ? 1 : 0;
        if (i == text.length) {
            throw new IllegalArgumentException(error);
        }
        long value = 0;
        for (; i < text.length; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException(error);
            }
            // accumulate negatively so that Long.MIN_VALUE parses too
            if (value < (Long.MIN_VALUE + digit) / 10) {
                throw new IllegalArgumentException(error);
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                throw new IllegalArgumentException(error);
            }
            return -value;
        }
        return value;
    }
}
