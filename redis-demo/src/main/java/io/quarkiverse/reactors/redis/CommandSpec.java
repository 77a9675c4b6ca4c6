package io.quarkiverse.reactors.redis;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The commands this server knows, with the metadata Redis' {@code COMMAND} reports: arity (positive: exact
 * argument count including the name; negative: at least that many), flags, and where the keys are (first,
 * last, step; 0 when there are none). The same table checks arity, finds the keys a command must be routed
 * by and answers {@code COMMAND}.
 * <p>
 * {@code HELLO} is left out on purpose: this server speaks RESP2 only, and a client that opens with
 * {@code HELLO 3} falls back to RESP2 when the answer is Redis 5's "unknown command", while the Vert.x Redis
 * client 4.5 gives up on Redis 6's {@code NOPROTO} (checked by {@code VertxRedisClusterClientTest}).
 * <p>
 * Immutable; any thread may use it.
 */
enum CommandSpec {
    // keyed: run on the reactor that owns the key(s)
    GET(2, 1, 1, 1, "readonly", "fast"),
    SET(-3, 1, 1, 1, "write", "denyoom"),
    DEL(-2, 1, -1, 1, "write"),
    EXISTS(-2, 1, -1, 1, "readonly", "fast"),
    INCR(2, 1, 1, 1, "write", "denyoom", "fast"),
    INCRBY(3, 1, 1, 1, "write", "denyoom", "fast"),
    DECR(2, 1, 1, 1, "write", "denyoom", "fast"),
    DECRBY(3, 1, 1, 1, "write", "denyoom", "fast"),
    MGET(-2, 1, -1, 1, "readonly", "fast"),
    MSET(-3, 1, -1, 2, "write", "denyoom"),
    EXPIRE(-3, 1, 1, 1, "write", "fast"),
    PEXPIRE(-3, 1, 1, 1, "write", "fast"),
    TTL(2, 1, 1, 1, "readonly", "fast"),
    PTTL(2, 1, 1, 1, "readonly", "fast"),
    // keyless: answered by the reactor serving the connection
    PING(-1, 0, 0, 0, "fast"),
    ECHO(2, 0, 0, 0, "fast"),
    DBSIZE(1, 0, 0, 0, "readonly", "fast"),
    FLUSHALL(-1, 0, 0, 0, "write"),
    INFO(-1, 0, 0, 0, "loading", "stale"),
    COMMAND(-1, 0, 0, 0, "loading", "stale"),
    CLUSTER(-2, 0, 0, 0, "stale"),
    CONFIG(-2, 0, 0, 0, "admin", "loading", "stale"),
    CLIENT(-2, 0, 0, 0, "loading", "stale"),
    SELECT(2, 0, 0, 0, "loading", "stale", "fast"),
    READONLY(1, 0, 0, 0, "loading", "stale", "fast"),
    READWRITE(1, 0, 0, 0, "loading", "stale", "fast"),
    QUIT(-1, 0, 0, 0, "loading", "stale", "fast");

    private static final Map<String, CommandSpec> BY_NAME = new HashMap<>();

    static {
        for (CommandSpec c : values()) {
            BY_NAME.put(c.name(), c);
        }
    }

    final int arity;
    final int firstKey;
    final int lastKey;
    final int step;
    final List<String> flags;
    final String lowerName;

    CommandSpec(int arity, int firstKey, int lastKey, int step, String... flags) {
        this.arity = arity;
        this.firstKey = firstKey;
        this.lastKey = lastKey;
        this.step = step;
        this.flags = List.of(flags);
        this.lowerName = name().toLowerCase(Locale.ROOT);
    }

    /** @return the command named {@code name} (any case), or {@code null} */
    static CommandSpec lookup(byte[] name) {
        if (name.length > 16) {
            return null;
        }
        char[] upper = new char[name.length];
        for (int i = 0; i < name.length; i++) {
            int c = name[i] & 0xff;
            upper[i] = (char) (c >= 'a' && c <= 'z' ? c - 32 : c);
        }
        return BY_NAME.get(new String(upper));
    }

    boolean keyed() {
        return firstKey > 0;
    }

    /** @return whether {@code argc} arguments (the name included) fit this command's arity */
    boolean arityAccepts(int argc) {
        return arity > 0 ? argc == arity : argc >= -arity;
    }

    /** @return the index of the last key for a call with {@code argc} arguments */
    int lastKeyIndex(int argc) {
        return lastKey < 0 ? argc + lastKey : lastKey;
    }
}
