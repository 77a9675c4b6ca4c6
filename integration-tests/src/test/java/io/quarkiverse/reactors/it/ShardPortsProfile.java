package io.quarkiverse.reactors.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Turns on the HTTP shard ports and the demo's TCP shard ports, on ports free when the tests start, chosen once
 * per JVM (in 28100..28199, this project's test range) and kept in system properties so every class loader that
 * reads the profile agrees. The range is below Linux's ephemeral range (32768..60999), where the tests' own
 * client connections take local ports and could hold a shard port between the check and the bind.
 */
public class ShardPortsProfile implements QuarkusTestProfile {

    static int httpBase() {
        return chosen("reactors.it.http-shard-base", 28100);
    }

    static int tcpBase() {
        return chosen("reactors.it.tcp-shard-base", httpBase() + reactorCount());
    }

    static int reactorCount() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.reactors.http.shard-port-base", String.valueOf(httpBase()),
                "demo.tcp.shard-port-base", String.valueOf(tcpBase()));
    }

    private static synchronized int chosen(String property, int from) {
        String chosen = System.getProperty(property);
        if (chosen != null) {
            return Integer.parseInt(chosen);
        }
        int n = reactorCount();
        for (int base = from; base + n - 1 <= 28199; base++) {
            if (allFree(base, n)) {
                System.setProperty(property, String.valueOf(base));
                return base;
            }
        }
        throw new IllegalStateException("No " + n + " consecutive free ports from " + from + " to 28199");
    }

    private static boolean allFree(int base, int n) {
        for (int port = base; port < base + n; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
