package io.quarkiverse.reactors.scenario;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * The processed records, one line each, written to {@code scenario.journal} by a plain thread so that reactors
 * never touch the file: they only add to a lock-free queue. Flushed every 20 ms, and at shutdown after the
 * consumer closed.
 */
@ApplicationScoped
public class Journal {

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    private Thread writer;
    private BufferedWriter out;

    @ConfigProperty(name = "scenario.journal")
    Path file;

    void start(@Observes StartupEvent event) throws IOException {
        out = Files.newBufferedWriter(file);
        writer = new Thread(this::write, "journal-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Any thread; never blocks. */
    void add(String line) {
        lines.add(line);
    }

    private void write() {
        while (running) {
            drain();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private synchronized void drain() {
        try {
            String line;
            while ((line = lines.poll()) != null) {
                out.write(line);
                out.newLine();
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void stop() throws IOException, InterruptedException {
        running = false;
        if (writer != null) {
            writer.join(1000);
            drain();
            out.close();
        }
    }
}
