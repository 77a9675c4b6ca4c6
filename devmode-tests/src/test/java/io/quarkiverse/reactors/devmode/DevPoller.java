package io.quarkiverse.reactors.devmode;

import io.quarkiverse.reactors.Poller;

public class DevPoller {

    @Poller(every = "10ms", cores = "main")
    void tick() {
    }
}
