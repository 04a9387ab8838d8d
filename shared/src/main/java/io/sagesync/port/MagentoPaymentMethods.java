package io.sagesync.port;

import io.sagesync.domain.MagentoPaymentMethod;
import java.util.List;

/** The shop's payment methods, for the Settings payment-method map. */
public interface MagentoPaymentMethods {
    /**
     * @return every installed method; empty when the module is too old to have the route (404)
     * @throws MagentoCallException when Magento cannot be asked right now (the page then says so)
     */
    List<MagentoPaymentMethod> list();
}
