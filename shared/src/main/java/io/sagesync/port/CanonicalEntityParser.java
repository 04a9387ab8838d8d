package io.sagesync.port;

import io.sagesync.domain.magento.CanonicalContact;
import io.sagesync.domain.magento.CanonicalCreditMemo;
import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.magento.CanonicalPayment;
import io.sagesync.domain.magento.CanonicalProduct;

/**
 * Reads the Byte8 canonical bodies (wire contract §d) Magento answers with. Every method throws
 * {@link io.sagesync.domain.magento.CanonicalParseException} when a required field is missing or malformed.
 */
public interface CanonicalEntityParser {
    CanonicalInvoice parseInvoice(String json);

    CanonicalPayment parsePayment(String json);

    CanonicalCreditMemo parseCreditMemo(String json);

    CanonicalContact parseContact(String json);

    CanonicalProduct parseProduct(String json);
}
