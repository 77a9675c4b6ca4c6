package io.quarkiverse.reactors.runtime.internal.ingress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.quarkus.vertx.http.runtime.VertxHttpBuildTimeConfig;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.quarkus.vertx.http.runtime.management.ManagementConfig;
import io.quarkus.vertx.http.runtime.management.ManagementInterfaceBuildTimeConfig;
import io.quarkus.vertx.http.runtime.options.HttpServerOptionsUtils;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.http.HttpServerOptions;

/**
 * The main HTTP server's options, rebuilt from {@code quarkus.http.*} with the same helpers Quarkus' own
 * {@code VertxHttpRecorder} uses ({@code HttpServerOptionsUtils.applyCommonOptions} and {@code createSslOptions}),
 * and the application's {@code HttpServerOptionsCustomizer} beans, so the shard ports get the main server's host,
 * limits, compression, HTTP/2, idle timeout and TLS; and the ports
 * the application already serves. Only loaded when {@code quarkus-vertx-http} is present; called on the startup
 * thread.
 */
final class MainServerOptions {

    private MainServerOptions() {
    }

    /** The options of the shard ports: the main TLS server's when TLS is configured, else the plain server's. */
    static HttpServerOptions template(LaunchMode mode) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        VertxHttpBuildTimeConfig buildTime = config.getConfigMapping(VertxHttpBuildTimeConfig.class);
        VertxHttpConfig http = config.getConfigMapping(VertxHttpConfig.class);
        TlsConfigurationRegistry registry = Arc.container().select(TlsConfigurationRegistry.class).get();
        HttpServerOptions tls;
        try {
            tls = HttpServerOptionsUtils.createSslOptions(buildTime, http, mode, List.of(), registry);
        } catch (IOException e) {
            throw new UncheckedIOException("The shard ports could not read the main server's TLS configuration", e);
        }
        // As VertxHttpRecorder: TLS options without a key or certificate mean "no TLS".
        if (tls != null && tls.getKeyCertOptions() != null) {
            for (HttpServerOptionsCustomizer customizer : customizers()) {
                customizer.customizeHttpsServer(tls);
            }
            return tls;
        }
        if (!http.hostEnabled()) {
            throw new IllegalStateException(ShardPortRange.PROPERTY + " is set but the main HTTP server has neither a"
                    + " plain port (quarkus.http.host-enabled=false) nor TLS: the shard ports copy its options. Enable"
                    + " one of them, or remove " + ShardPortRange.PROPERTY + ".");
        }
        HttpServerOptions plain = new HttpServerOptions();
        HttpServerOptionsUtils.applyCommonOptions(plain, buildTime, http, List.of());
        for (HttpServerOptionsCustomizer customizer : customizers()) {
            customizer.customizeHttpServer(plain);
        }
        return plain;
    }

    /** The application's {@link HttpServerOptionsCustomizer} beans, which Quarkus applies to the main server too. */
    private static List<HttpServerOptionsCustomizer> customizers() {
        List<HttpServerOptionsCustomizer> customizers = new ArrayList<>();
        for (InstanceHandle<HttpServerOptionsCustomizer> handle : Arc.container().listAll(HttpServerOptionsCustomizer.class)) {
            customizers.add(handle.get());
        }
        return customizers;
    }

    /** @return the ports the main and management servers listen on (0, a random port, left out), with their property */
    static Map<Integer, String> takenPorts(LaunchMode mode) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        VertxHttpConfig http = config.getConfigMapping(VertxHttpConfig.class);
        boolean test = mode == LaunchMode.TEST;
        Map<Integer, String> taken = new HashMap<>();
        taken.put(http.determinePort(mode), "the main HTTP port (" + (test ? "quarkus.http.test-port" : "quarkus.http.port")
                + ")");
        taken.put(http.determineSslPort(mode), "the main HTTPS port ("
                + (test ? "quarkus.http.test-ssl-port" : "quarkus.http.ssl-port") + ")");
        if (config.getConfigMapping(ManagementInterfaceBuildTimeConfig.class).enabled()) {
            taken.put(config.getConfigMapping(ManagementConfig.class).determinePort(mode), "the management port ("
                    + (test ? "quarkus.management.test-port" : "quarkus.management.port") + ")");
        }
        taken.remove(0);
        return taken;
    }
}
