package io.sagesync.simulator.sage;

import static io.sagesync.simulator.sage.SageNodes.requireLength;
import static io.sagesync.simulator.sage.SageNodes.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sage's address limits (Swagger {@code Address}: {@code address_line_1}, {@code address_line_2}, {@code city},
 * {@code region} and {@code name} at most 50 characters, {@code postal_code} at most 10). Sage answers 422 when a
 * field is longer, for contacts and for the address snapshots on sales documents alike.
 */
final class SageAddresses {
    static final int LINE_MAX = 50;
    static final int POSTCODE_MAX = 10;

    private SageAddresses() {
    }

    static void requireWithinLimits(String source, JsonNode address) {
        if (address == null || !address.isObject()) {
            return;
        }
        for (String field : new String[] {"address_line_1", "address_line_2", "city", "region", "name"}) {
            requireLength(source + "." + field, text(address, field), LINE_MAX);
        }
        requireLength(source + ".postal_code", text(address, "postal_code"), POSTCODE_MAX);
    }
}
