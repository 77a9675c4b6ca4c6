package io.quarkiverse.reactors.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

import io.quarkiverse.reactors.ReactorStats;
import io.vertx.core.buffer.Buffer;

/**
 * The keyless commands, answered by the reactor that serves the connection: connection handshake
 * ({@code PING}, {@code ECHO}, {@code CLIENT}, {@code SELECT}, {@code QUIT}), introspection
 * ({@code COMMAND}, {@code CONFIG GET}, {@code INFO}, {@code CLUSTER ...}) and the whole-keyspace commands
 * ({@code DBSIZE}, {@code FLUSHALL}), which on a cluster port cover that node only, as in Redis Cluster.
 * <p>
 * Stateless; called on the serving reactor.
 */
final class ServerCommands {

    static final String VERSION = "7.0.0";
    private static final String CLUSTER_DISABLED = "ERR This instance has cluster support disabled";
    /** What {@code CONFIG GET} answers: enough for redis-benchmark and clients that look before they start. */
    private static final String[][] CONFIG = {
            { "save", "" }, { "appendonly", "no" }, { "databases", "1" }, { "maxmemory", "0" },
            { "maxmemory-policy", "noeviction" }, { "cluster-enabled", null } };

    private ServerCommands() {
    }

    static CompletionStage<Buffer> run(CommandSpec c, byte[][] args, Buffer out, RedisConnection connection,
            Dispatcher d) {
        String sub = args.length > 1 ? Dispatcher.upper(args[1]) : "";
        switch (c) {
            case PING -> {
                if (args.length > 2) {
                    Resp.error(out, "ERR wrong number of arguments for 'ping' command");
                } else if (args.length == 2) {
                    Resp.bulk(out, args[1]);
                } else {
                    Resp.simple(out, "PONG");
                }
            }
            case ECHO -> Resp.bulk(out, args[1]);
            case QUIT -> connection.closeAfterReply(Resp.ok(Buffer.buffer()));
            case SELECT -> {
                if (Dispatcher.text(args[1]).equals("0")) {
                    Resp.ok(out);
                } else {
                    Resp.error(out, d.cluster() ? "ERR SELECT is not allowed in cluster mode"
                            : "ERR DB index is out of range (this server has database 0 only)");
                }
            }
            case READONLY, READWRITE -> {
                if (d.cluster()) {
                    Resp.ok(out);
                } else {
                    Resp.error(out, CLUSTER_DISABLED);
                }
            }
            case CLIENT -> client(sub, out, connection);
            case COMMAND -> command(sub, args, out);
            case CONFIG -> config(sub, args, out, d);
            case CLUSTER -> cluster(sub, args, out, d);
            case DBSIZE -> {
                return d.acrossShards(s -> (long) s.keyspace.size(), Long::sum)
                        .thenApply(n -> Resp.integer(Buffer.buffer(), n));
            }
            case FLUSHALL -> {
                if (args.length > 2 || (args.length == 2 && !sub.equals("SYNC") && !sub.equals("ASYNC"))) {
                    Resp.error(out, Commands.SYNTAX);
                    return null;
                }
                return d.acrossShards(s -> {
                    s.keyspace.clear();
                    return Boolean.TRUE;
                }, (a, b) -> a).thenApply(v -> Resp.ok(Buffer.buffer()));
            }
            case INFO -> {
                List<String> sections = new ArrayList<>();
                for (int i = 1; i < args.length; i++) {
                    sections.add(Dispatcher.text(args[i]).toLowerCase(Locale.ROOT));
                }
                return d.acrossShards(Shard::counts, Shard.Counts::plus)
                        .thenApply(counts -> Resp.bulk(Buffer.buffer(), info(sections, counts, connection, d)));
            }
            default -> throw new IllegalStateException("not a server command: " + c);
        }
        return null;
    }

    private static void client(String sub, Buffer out, RedisConnection connection) {
        switch (sub) {
            case "SETNAME", "SETINFO" -> Resp.ok(out);
            case "GETNAME" -> Resp.bulk(out, (byte[]) null);
            case "ID" -> Resp.integer(out, connection.id());
            default -> Resp.error(out, "ERR unknown subcommand '" + sub + "' of CLIENT; this server knows "
                    + "CLIENT SETNAME, SETINFO, GETNAME and ID");
        }
    }

    private static void command(String sub, byte[][] args, Buffer out) {
        switch (sub) {
            case "" -> {
                Resp.array(out, CommandSpec.values().length);
                for (CommandSpec c : CommandSpec.values()) {
                    describe(c, out);
                }
            }
            case "COUNT" -> Resp.integer(out, CommandSpec.values().length);
            case "INFO" -> {
                Resp.array(out, args.length - 2);
                for (int i = 2; i < args.length; i++) {
                    CommandSpec c = CommandSpec.lookup(args[i]);
                    if (c == null) {
                        Resp.array(out, -1);
                    } else {
                        describe(c, out);
                    }
                }
            }
            case "DOCS" -> Resp.array(out, 0);
            default -> Resp.error(out, "ERR unknown subcommand '" + sub + "' of COMMAND; this server knows "
                    + "COMMAND, COMMAND COUNT, COMMAND INFO and COMMAND DOCS");
        }
    }

    /** The classic six-element form: name, arity, flags, first key, last key, step. */
    private static void describe(CommandSpec c, Buffer out) {
        Resp.array(out, 6);
        Resp.bulk(out, c.lowerName);
        Resp.integer(out, c.arity);
        Resp.array(out, c.flags.size());
        for (String flag : c.flags) {
            Resp.simple(out, flag);
        }
        Resp.integer(out, c.firstKey);
        Resp.integer(out, c.lastKey);
        Resp.integer(out, c.step);
    }

    private static void config(String sub, byte[][] args, Buffer out, Dispatcher d) {
        if (!sub.equals("GET") || args.length < 3) {
            Resp.error(out, "ERR CONFIG " + sub + " is not supported by this server (only CONFIG GET parameter...)");
            return;
        }
        List<String> pairs = new ArrayList<>();
        for (String[] entry : CONFIG) {
            for (int i = 2; i < args.length; i++) {
                if (glob(Dispatcher.text(args[i])).matcher(entry[0]).matches()) {
                    pairs.add(entry[0]);
                    pairs.add(entry[1] != null ? entry[1] : d.cluster() ? "yes" : "no");
                    break;
                }
            }
        }
        Resp.array(out, pairs.size());
        pairs.forEach(p -> Resp.bulk(out, p));
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char ch : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            regex.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
        }
        return Pattern.compile(regex.toString());
    }

    private static void cluster(String sub, byte[][] args, Buffer out, Dispatcher d) {
        if (!d.cluster()) {
            Resp.error(out, CLUSTER_DISABLED);
            return;
        }
        ClusterTopology topology = d.server().topology();
        if (topology == null) {
            Resp.error(out, Dispatcher.STARTING);
            return;
        }
        int me = d.shard().reactor.id();
        switch (sub) {
            case "SLOTS" -> topology.slotsReply(out);
            case "SHARDS" -> topology.shardsReply(out);
            case "NODES" -> Resp.bulk(out, topology.nodes(me));
            case "INFO" -> Resp.bulk(out, topology.info(me));
            case "MYID" -> Resp.bulk(out, topology.id(me));
            case "KEYSLOT" -> {
                if (args.length != 3) {
                    Resp.error(out, "ERR wrong number of arguments for 'cluster|keyslot' command");
                } else {
                    Resp.integer(out, HashSlots.slot(args[2]));
                }
            }
            default -> Resp.error(out, "ERR unknown subcommand '" + sub + "' of CLUSTER; this server knows "
                    + "CLUSTER SLOTS, SHARDS, NODES, INFO, MYID and KEYSLOT");
        }
    }

    private static String info(List<String> sections, Shard.Counts counts, RedisConnection connection, Dispatcher d) {
        boolean all = sections.isEmpty() || sections.contains("all") || sections.contains("everything")
                || sections.contains("default");
        StringBuilder s = new StringBuilder();
        RedisServer server = d.server();
        int me = d.shard().reactor.id();
        if (all || sections.contains("server")) {
            s.append("# Server\r\n")
                    .append("redis_version:").append(VERSION).append("\r\n")
                    .append("server_name:quarkus-reactors-redis-demo\r\n")
                    .append("redis_mode:").append(d.cluster() ? "cluster" : "standalone").append("\r\n")
                    .append("process_id:").append(ProcessHandle.current().pid()).append("\r\n")
                    .append("tcp_port:").append(d.cluster() && server.topology() != null ? server.topology().port(me)
                            : server.plainPort())
                    .append("\r\n\r\n");
        }
        if (all || sections.contains("clients")) {
            s.append("# Clients\r\nconnected_clients:").append(counts.clients()).append("\r\n\r\n");
        }
        if (all || sections.contains("stats")) {
            s.append("# Stats\r\n")
                    .append("total_connections_received:").append(counts.connectionsReceived()).append("\r\n")
                    .append("total_commands_processed:").append(counts.commandsProcessed()).append("\r\n")
                    .append("total_protocol_errors:").append(counts.protocolErrors()).append("\r\n\r\n");
        }
        if (all || sections.contains("keyspace")) {
            s.append("# Keyspace\r\n");
            if (counts.keys() > 0) {
                s.append("db0:keys=").append(counts.keys()).append(",expires=").append(counts.expiring())
                        .append(",avg_ttl=0\r\n");
            }
            s.append("\r\n");
        }
        if (all || sections.contains("cluster")) {
            s.append("# Cluster\r\ncluster_enabled:").append(d.cluster() ? 1 : 0).append("\r\n\r\n");
        }
        if (all || sections.contains("reactors")) {
            s.append("# Reactors\r\n")
                    .append("reactors:").append(server.count()).append("\r\n")
                    .append("serving_reactor:").append(me).append("\r\n");
            for (int i = 0; i < server.count(); i++) {
                ReactorStats st = server.shard(i).reactor.stats();
                s.append("reactor").append(i).append(":events=").append(st.executed())
                        .append(",queue_depth=").append(st.queueDepth())
                        .append(",rejected=").append(st.rejected())
                        .append(",iterations=").append(st.iterations())
                        .append(",timers=").append(st.timers())
                        .append(",busy_ms=").append(st.busyNanos() / 1_000_000).append("\r\n");
            }
            s.append("\r\n");
        }
        return s.toString();
    }
}
