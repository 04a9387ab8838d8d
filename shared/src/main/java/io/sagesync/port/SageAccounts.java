package io.sagesync.port;

import java.util.Map;

/**
 * What the admin reads from Sage's accounting API besides the sync's own calls. Both throw
 * {@link SageCallException}.
 */
public interface SageAccounts {
    /**
     * {@code GET /businesses} with a fresh access token (the one call that needs no {@code X-Business}).
     *
     * @return business id → display name, in Sage's order
     */
    Map<String, String> businesses(String accessToken);

    /** Tax rates, sales and purchase ledger accounts and bank accounts of the connected business. */
    SageReference fetchReference(String businessId);
}
