package io.quarkiverse.reactors.deployment;

import io.quarkiverse.reactors.runtime.devui.ReactorsJsonRpcService;
import io.quarkus.deployment.IsDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/** The Dev UI card: reactors and pollers with live numbers, and pause/resume for each poller. Dev mode only. */
class DevUiProcessor {

    /** The web component, under {@code src/main/resources/dev-ui/}. */
    static final String COMPONENT = "qwc-reactors-reactors.js";

    @BuildStep(onlyIf = IsDevelopment.class)
    CardPageBuildItem card() {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addPage(Page.webComponentPageBuilder()
                .title("Reactors")
                .icon("font-awesome-solid:microchip")
                .componentLink(COMPONENT));
        return card;
    }

    @BuildStep(onlyIf = IsDevelopment.class)
    JsonRPCProvidersBuildItem jsonRpc() {
        return new JsonRPCProvidersBuildItem(ReactorsJsonRpcService.class);
    }
}
