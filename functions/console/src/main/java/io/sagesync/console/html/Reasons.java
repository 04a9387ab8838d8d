package io.sagesync.console.html;

import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.SyncRun;

/** Error classes and skip reasons in plain words for the merchant, next to the recorded detail. */
final class Reasons {
    private Reasons() {
    }

    static String summary(SyncRun run) {
        if (run.errorClass() != null) {
            return plain(run.errorClass());
        }
        return run.reason() == null ? "" : skip(run.reason());
    }

    static String plain(ErrorClass errorClass) {
        return switch (errorClass) {
            case AUTH -> "Sage or Magento refused our credentials: reconnect Sage or pair the store again.";
            case NOT_FOUND -> "Something this sync needs was not found (in Magento or in Sage).";
            case VALIDATION -> "Sage refused the document as invalid; the detail below says which field.";
            case RATE_LIMITED -> "Sage asked us to slow down and the retries ran out; Retry usually succeeds.";
            case PROVIDER -> "Sage had a problem on its side; Retry once Sage is healthy again.";
            case HTTP -> "Magento or Sage could not be reached or answered unexpectedly.";
            case DATABASE -> "sagesync could not read or write its own records.";
            case SERDE -> "Magento sent data in a shape sagesync could not read.";
            case INTERNAL -> "An unexpected error in sagesync; the detail below helps support.";
        };
    }

    static String skip(String reason) {
        return switch (reason) {
            case "payment_method_not_mapped" -> "Skipped: the payment method has no Sage bank account in Settings.";
            case "outside_sync_since" -> "Skipped: created before the 'sync since' date in Settings.";
            case "zero_value_invoice" -> "Skipped: zero-value invoices are not synced (Settings).";
            case "unpaid_invoice_not_synced" -> "Skipped: unpaid invoices are not synced (Settings).";
            case "website_filtered", "store_filtered" -> "Skipped: the website or store is filtered out (Settings).";
            case "product_sync_disabled" -> "Skipped: product sync is off (Settings).";
            default -> "Skipped: " + reason;
        };
    }
}
