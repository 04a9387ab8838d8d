package io.sagesync.port;

import io.sagesync.domain.EntityType;
import io.sagesync.domain.SyncStateUpdate;

/**
 * sagesync's calls into the merchant's Magento (wire contract §d, §e), each authenticated with a freshly signed
 * inbound JWT. Every method throws {@link MagentoCallException} when Magento cannot be reached or answers with an
 * error; its {@link MagentoCallException.Kind} tells not-found, auth, rejected and transient failures apart.
 */
public interface MagentoGateway {

    /**
     * Fetches the canonical JSON of one entity ({@code GET /rest/V1/byte8/{type}/{id}}).
     *
     * @param type      invoice, creditmemo, customer or product
     * @param magentoId the entity id, positive (never 0: guests have no customer entity)
     * @return the raw JSON body exactly as Magento sent it
     */
    String fetchCanonical(EntityType type, long magentoId);

    /**
     * Fetches the canonical payment of an invoice ({@code GET /rest/V1/byte8/payment/{invoiceId}}).
     *
     * @param invoiceId the <b>invoice</b> entity id (the route is keyed by invoice, not by payment)
     * @return the raw JSON body; a missing payment row is {@link MagentoCallException.Kind#NOT_FOUND}
     */
    String fetchPayment(long invoiceId);

    /** Writes the sync-state mirror row ({@code POST /rest/V1/byte8/sync-state}); Magento overwrites the row. */
    void pushSyncState(SyncStateUpdate update);

    /** Checks Magento is reachable and accepts our token ({@code GET /rest/V1/byte8/ping}); any 200 is alive. */
    void ping();
}
