package io.quarkiverse.reactors.test.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/** Events from one sender run in the order sent, whether the sender is a reactor (itself included) or not. */
public class EventOrderingTest {

    static final int PER_SENDER = 20_000;

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2)
            .overrideRuntimeConfigKey("quarkus.reactors.batch-size", "64")
            // room for all 80 000 events even if reactor 1 drains nothing until its own loop is done
            .overrideRuntimeConfigKey("quarkus.reactors.queue-capacity", "131072");

    @Inject
    Reactors reactors;

    /** Touched only on reactor 1: no locks needed, which is the point. */
    final Map<String, List<Integer>> seen = new HashMap<>();

    static void record(Map<String, List<Integer>> seen, String sender, int seq) {
        seen.computeIfAbsent(sender, k -> new ArrayList<>()).add(seq);
    }

    static void recordFromReactor0(Map<String, List<Integer>> seen, Integer seq) {
        record(seen, "reactor-0", seq);
    }

    @Test
    void fifoPerSender() throws Exception {
        Reactor target = reactors.reactor(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            String sender = "thread-" + t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < PER_SENDER; i++) {
                    int seq = i;
                    sendUntilAccepted(target, () -> record(seen, sender, seq));
                }
            }, sender));
        }
        threads.forEach(Thread::start);
        // reactor 0 and reactor 1 itself send too; the two-argument form carries no capturing lambda
        reactors.reactor(0).send(() -> {
            for (int i = 0; i < PER_SENDER; i++) {
                target.send(EventOrderingTest::recordFromReactor0, seen, i);
            }
        });
        target.send(() -> {
            for (int i = 0; i < PER_SENDER; i++) {
                int seq = i;
                target.send(() -> record(seen, "reactor-1", seq));
            }
        });
        for (Thread thread : threads) {
            thread.join();
        }
        Map<String, List<Integer>> result = Await.result(awaitAll(target));
        assertEquals(4, result.size(), result.keySet().toString());
        for (Map.Entry<String, List<Integer>> entry : result.entrySet()) {
            List<Integer> order = entry.getValue();
            assertEquals(PER_SENDER, order.size(), entry.getKey());
            for (int i = 0; i < PER_SENDER; i++) {
                assertEquals(i, order.get(i), entry.getKey() + " ran out of order at " + i);
            }
        }
    }

    /** Polls reactor 1 until every sender's events arrived, then returns a copy made on reactor 1. */
    private CompletableFuture<Map<String, List<Integer>>> awaitAll(Reactor target) {
        CompletableFuture<Map<String, List<Integer>>> done = new CompletableFuture<>();
        Runnable check = new Runnable() {
            @Override
            public void run() {
                if (seen.size() == 4 && seen.values().stream().allMatch(l -> l.size() == PER_SENDER)) {
                    Map<String, List<Integer>> copy = new HashMap<>();
                    seen.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
                    done.complete(copy);
                } else {
                    target.context().owner().setTimer(5, id -> target.send(this));
                }
            }
        };
        target.send(check);
        return done;
    }

    /** A sender thread that outruns the reactor waits for room rather than fail. */
    private static void sendUntilAccepted(Reactor target, Runnable task) {
        while (!target.trySend(task)) {
            Thread.onSpinWait();
        }
    }
}
