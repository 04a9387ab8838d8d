package io.sagesync.application.console;

import io.sagesync.domain.BindingState;
import io.sagesync.port.BindingStore;
import java.util.Objects;
import java.util.function.Supplier;

/** The console's Connection area (read side): the Magento channel and the Sage connection as stored. */
public final class ConnectionStatus {

    /**
     * @param shopUrl     the shop paired (empty when not paired yet)
     * @param magento     {@code active}, {@code token_revoked} or {@code disconnected}
     * @param sage        {@code not_connected}, {@code active} or {@code needs_reauth}
     * @param sageBusiness the Sage business id the tokens are bound to (empty when not connected)
     * @param reason      the latest flag's explanation (no secrets)
     */
    public record Connection(String shopUrl, String magento, String sage, String sageBusiness, String reason) {
        public boolean paired() {
            return !shopUrl.isBlank();
        }
    }

    private final BindingStore binding;
    private final Supplier<String> shopUrl;
    private final Supplier<String> sageBusiness;

    public ConnectionStatus(BindingStore binding, Supplier<String> shopUrl, Supplier<String> sageBusiness) {
        this.binding = Objects.requireNonNull(binding, "binding");
        this.shopUrl = Objects.requireNonNull(shopUrl, "shopUrl");
        this.sageBusiness = Objects.requireNonNull(sageBusiness, "sageBusiness");
    }

    public Connection read() {
        BindingState state = binding.state();
        String shop = shopUrl.get();
        String business = sageBusiness.get();
        return new Connection(shop == null ? "" : shop, state.magentoConnection(), state.sageConnection(),
                business == null ? "" : business, state.reason());
    }
}
