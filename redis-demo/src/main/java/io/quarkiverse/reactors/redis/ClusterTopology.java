package io.quarkiverse.reactors.redis;

import io.vertx.core.buffer.Buffer;

/**
 * What the cluster ports tell a cluster client: one master node per reactor, listening on its own port,
 * owning one contiguous slot range ({@link HashSlots}). No replicas and no cluster bus: the topology is fixed
 * for the life of the process, so the replies are computed once.
 * <p>
 * Immutable once built; any thread may call it.
 */
final class ClusterTopology {

    private final HashSlots slots;
    private final String host;
    private final int[] ports;
    private final String[] ids;

    ClusterTopology(HashSlots slots, String host, int[] ports) {
        this.slots = slots;
        this.host = host;
        this.ports = ports.clone();
        this.ids = new String[ports.length];
        for (int i = 0; i < ports.length; i++) {
            // 40 hex digits like a Redis node id; stable, so a restart keeps the ids
            ids[i] = String.format("%040x", i + 1);
        }
    }

    int port(int reactor) {
        return ports[reactor];
    }

    String id(int reactor) {
        return ids[reactor];
    }

    /** @return the {@code MOVED} error that sends a client to the owner of {@code slot} */
    String moved(int slot) {
        return "MOVED " + slot + " " + host + ":" + ports[slots.owner(slot)];
    }

    /** {@code CLUSTER SLOTS}: per range, start, end and the master as [host, port, id]. */
    void slotsReply(Buffer out) {
        Resp.array(out, ports.length);
        for (int i = 0; i < ports.length; i++) {
            Resp.array(out, 3);
            Resp.integer(out, slots.first(i));
            Resp.integer(out, slots.last(i));
            Resp.array(out, 3);
            Resp.bulk(out, host);
            Resp.integer(out, ports[i]);
            Resp.bulk(out, ids[i]);
        }
    }

    /** {@code CLUSTER SHARDS}: per shard, its slot ranges and its one node, as RESP2 flat maps. */
    void shardsReply(Buffer out) {
        Resp.array(out, ports.length);
        for (int i = 0; i < ports.length; i++) {
            Resp.array(out, 4);
            Resp.bulk(out, "slots");
            Resp.array(out, 2);
            Resp.integer(out, slots.first(i));
            Resp.integer(out, slots.last(i));
            Resp.bulk(out, "nodes");
            Resp.array(out, 1);
            Resp.array(out, 14);
            Resp.bulk(out, "id");
            Resp.bulk(out, ids[i]);
            Resp.bulk(out, "port");
            Resp.integer(out, ports[i]);
            Resp.bulk(out, "ip");
            Resp.bulk(out, host);
            Resp.bulk(out, "endpoint");
            Resp.bulk(out, host);
            Resp.bulk(out, "role");
            Resp.bulk(out, "master");
            Resp.bulk(out, "replication-offset");
            Resp.integer(out, 0);
            Resp.bulk(out, "health");
            Resp.bulk(out, "online");
        }
    }

    /**
     * {@code CLUSTER NODES} as seen from node {@code myself}: one line per node,
     * {@code id host:port@cport flags master ping-sent pong-recv epoch link-state slots}. There is no cluster
     * bus, so the bus port is reported as 0.
     */
    String nodes(int myself) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < ports.length; i++) {
            s.append(ids[i]).append(' ').append(host).append(':').append(ports[i]).append("@0 ")
                    .append(i == myself ? "myself,master" : "master").append(" - 0 0 ").append(i + 1)
                    .append(" connected ").append(slots.first(i)).append('-').append(slots.last(i)).append('\n');
        }
        return s.toString();
    }

    /** {@code CLUSTER INFO} as seen from node {@code myself}. */
    String info(int myself) {
        int n = ports.length;
        return "cluster_state:ok\r\n"
                + "cluster_slots_assigned:" + HashSlots.SLOTS + "\r\n"
                + "cluster_slots_ok:" + HashSlots.SLOTS + "\r\n"
                + "cluster_slots_pfail:0\r\n"
                + "cluster_slots_fail:0\r\n"
                + "cluster_known_nodes:" + n + "\r\n"
                + "cluster_size:" + n + "\r\n"
                + "cluster_current_epoch:" + n + "\r\n"
                + "cluster_my_epoch:" + (myself + 1) + "\r\n"
                + "cluster_stats_messages_sent:0\r\n"
                + "cluster_stats_messages_received:0\r\n"
                + "total_cluster_links_buffer_limit_exceeded:0\r\n";
    }
}
