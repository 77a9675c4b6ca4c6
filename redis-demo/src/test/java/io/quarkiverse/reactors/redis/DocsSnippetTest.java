package io.quarkiverse.reactors.redis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The code the Redis demo page shows is the code that runs: the tagged region of {@link RedisServer}. */
class DocsSnippetTest {

    @Test
    void theListenSnippetMatchesRedisServer() throws Exception {
        String source = Files.readString(Path.of("src/main/java/io/quarkiverse/reactors/redis/RedisServer.java"));
        String tagged = source.substring(source.indexOf("// tag::listen[]\n") + "// tag::listen[]\n".length(),
                source.indexOf("// end::listen[]"));
        String page = Files.readString(Path.of("../docs/modules/ROOT/pages/redis-demo.adoc"));
        String snippet = tagged.stripIndent().strip();
        assertTrue(page.contains(snippet), "docs/modules/ROOT/pages/redis-demo.adoc must show, verbatim, the "
                + "tagged 'listen' region of RedisServer.java:\n" + snippet);
    }
}
