package io.quarkiverse.reactors.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkiverse.reactors.runtime.devui.ReactorsJsonRpcService;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The Dev UI card at build level: the page points at the web component shipped in this module, the component
 * registers its element, and every JSON-RPC method it calls exists on the service. (Dev mode itself needs
 * {@code io.quarkus:quarkus-devui}, which the Maven repository used here does not serve for this Quarkus version.)
 */
public class DevUiCardTest {

    @Test
    void cardHasTheReactorsPage() {
        CardPageBuildItem card = new DevUiProcessor().card();
        assertEquals(1, card.getPages().size());
        Page page = card.getPages().get(0).build();
        assertEquals("Reactors", page.getTitle());
        assertEquals(DevUiProcessor.COMPONENT, page.getComponentLink());
    }

    @Test
    void webComponentCallsOnlyMethodsTheServiceHas() throws IOException {
        String js = component();
        assertTrue(js.contains("customElements.define('qwc-reactors-reactors'"), "registers its element");
        Set<String> called = new TreeSet<>();
        Matcher direct = Pattern.compile("this\\.jsonRpc\\.(\\w+)\\(").matcher(js);
        while (direct.find()) {
            called.add(direct.group(1));
        }
        Matcher byName = Pattern.compile("this\\._call\\('(\\w+)'").matcher(js);
        while (byName.find()) {
            called.add(byName.group(1));
        }
        assertEquals(Set.of("getPollers", "getReactors", "pause", "resume"), called);
        Set<String> offered = Arrays.stream(ReactorsJsonRpcService.class.getDeclaredMethods())
                .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers())).map(Method::getName)
                .collect(Collectors.toSet());
        assertTrue(offered.containsAll(called), "called " + called + ", offered " + offered);
        // pause and resume take the reactor id and the poller name, as the component passes them
        Method pause = Arrays.stream(ReactorsJsonRpcService.class.getMethods()).filter(m -> m.getName().equals("pause"))
                .findFirst().orElseThrow();
        assertEquals(Arrays.asList(int.class, String.class), Arrays.asList(pause.getParameterTypes()));
        assertTrue(js.contains("{ reactor: poller.reactor, name: poller.name }"));
        // both tables are rendered
        assertTrue(js.contains("<vaadin-grid id=\"reactors\""));
        assertTrue(js.contains("<vaadin-grid id=\"pollers\""));
        assertFalse(js.contains("console.log"));
    }

    private static String component() throws IOException {
        try (InputStream in = DevUiCardTest.class.getClassLoader()
                .getResourceAsStream("dev-ui/" + DevUiProcessor.COMPONENT)) {
            assertNotNull(in, "dev-ui/" + DevUiProcessor.COMPONENT + " is packaged");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
