package io.quarkiverse.reactors.test.ingress;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * Finds consecutive free ports for shard-port tests, in this project's test range (28100..28199): below Linux's
 * ephemeral range (32768..60999), where the tests' own client connections take local ports and could hold a
 * port between the check and the bind.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * @param test the test's name: QuarkusUnitTest initialises a test class twice (before and after the application
     *        starts), and both must see the same ports, so the choice is kept in a system property
     * @return the first of {@code n} consecutive ports that could be bound when first asked, on the wildcard address
     */
    public static int consecutive(Class<?> test, int n) {
        String key = "reactors.test.shard-port-base." + test.getName();
        String chosen = System.getProperty(key);
        if (chosen != null) {
            return Integer.parseInt(chosen);
        }
        int base = find(n);
        System.setProperty(key, String.valueOf(base));
        return base;
    }

    private static int find(int n) {
        int start = 28100 + (int) (ProcessHandle.current().pid() % 50);
        for (int base = start; base + n - 1 <= 28199; base++) {
            if (allFree(base, n)) {
                return base;
            }
        }
        throw new IllegalStateException("No " + n + " consecutive free ports in " + start + "..28199");
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
