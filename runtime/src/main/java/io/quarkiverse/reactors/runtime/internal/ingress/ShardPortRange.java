package io.quarkiverse.reactors.runtime.internal.ingress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shard ports {@code base .. base+count-1}, one per reactor, checked when the configuration is read.
 * Immutable and thread-safe.
 */
public final class ShardPortRange {

    static final String PROPERTY = "quarkus.reactors.http.shard-port-base";

    private final int base;
    private final int count;

    private ShardPortRange(int base, int count) {
        this.base = base;
        this.count = count;
    }

    /**
     * @throws IllegalArgumentException when a port of the range falls outside {@code 1..65535}; the message names
     *         the property, the value and the bases that would work
     */
    public static ShardPortRange of(int base, int count) {
        int last = base + count - 1;
        if (base < 1 || last > 65535) {
            throw new IllegalArgumentException(PROPERTY + "=" + base + " is invalid: with " + count
                    + " reactors the shard ports would be " + base + ".." + last + ", but ports must be in 1..65535. Set "
                    + PROPERTY + " to a value in 1.." + (65536 - count) + ", or remove it to serve HTTP on the main"
                    + " port alone.");
        }
        return new ShardPortRange(base, count);
    }

    /** @return the port of reactor {@code reactor} */
    public int port(int reactor) {
        return base + reactor;
    }

    /** @return the ports, by reactor id */
    public List<Integer> ports() {
        List<Integer> ports = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ports.add(base + i);
        }
        return ports;
    }

    /**
     * Vert.x shares one listening socket among servers of the same Vert.x instance bound to the same host and
     * port, round-robin over their event loops: a shard port equal to the main port would silently join the main
     * server instead of failing to bind, so overlaps are refused here.
     *
     * @param taken ports the application already serves, each with the property that sets it
     * @throws IllegalArgumentException naming the reactor, the port and the property it collides with
     */
    public void checkDisjointFrom(Map<Integer, String> taken) {
        for (int i = 0; i < count; i++) {
            String owner = taken.get(base + i);
            if (owner != null) {
                throw new IllegalArgumentException(PROPERTY + "=" + base + " puts reactor " + i + " on port " + (base + i)
                        + ", which is already " + owner + ". Choose a base whose " + count + " ports " + base + ".."
                        + (base + count - 1) + " are all free.");
            }
        }
    }

    @Override
    public String toString() {
        return base + ".." + (base + count - 1);
    }
}
