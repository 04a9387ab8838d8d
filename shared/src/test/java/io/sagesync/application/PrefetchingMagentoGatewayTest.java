package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagesync.domain.EntityType;
import io.sagesync.domain.EventName;
import io.sagesync.domain.SyncJob;
import io.sagesync.port.MagentoCallException;
import io.sagesync.testkit.fakes.InMemoryMagentoGateway;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrefetchingMagentoGatewayTest {
    private final InMemoryMagentoGateway magento = new InMemoryMagentoGateway();
    private final ExecutorService pool = SyncBatch.Pipeline.threads("prefetch-test", 2);
    private final PrefetchingMagentoGateway gateway = new PrefetchingMagentoGateway(magento, pool);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aPrefetchedBody_isHandedOutOnce_thenTheNextAskGoesToMagento() {
        magento.entities.put("invoice/1", "{\"v\":1}");
        gateway.prefetch(List.of(job(EventName.INVOICE_CREATED, 1)));

        assertThat(gateway.fetchCanonical(EntityType.INVOICE, 1)).isEqualTo("{\"v\":1}");
        assertThat(magento.calls).isEqualTo(1);

        magento.entities.put("invoice/1", "{\"v\":2}");
        assertThat(gateway.fetchCanonical(EntityType.INVOICE, 1)).isEqualTo("{\"v\":2}");
        assertThat(magento.calls).isEqualTo(2);
    }

    @Test
    void eachEventPrefetchesWhatItsUseCaseAsksFirst() {
        magento.entities.put("creditmemo/3", "memo");
        magento.entities.put("customer/4", "customer");
        magento.entities.put("product/5", "product");
        magento.payment = "payment";
        gateway.prefetch(List.of(job(EventName.INVOICE_PAID, 2), job(EventName.CREDITMEMO_CREATED, 3),
                job(EventName.CUSTOMER_UPSERTED, 4), job(EventName.PRODUCT_UPSERTED, 5)));

        assertThat(gateway.fetchPayment(2)).isEqualTo("payment");
        assertThat(gateway.fetchCanonical(EntityType.CREDITMEMO, 3)).isEqualTo("memo");
        assertThat(gateway.fetchCanonical(EntityType.CUSTOMER, 4)).isEqualTo("customer");
        assertThat(gateway.fetchCanonical(EntityType.PRODUCT, 5)).isEqualTo("product");
        assertThat(magento.calls).isEqualTo(4);
    }

    @Test
    void aFailedPrefetch_reachesItsJob_asTheSameFailureADirectCallGives() {
        magento.failures.add(new MagentoCallException(MagentoCallException.Kind.NOT_FOUND, 404, "missing"));
        gateway.prefetch(List.of(job(EventName.INVOICE_CREATED, 1)));

        assertThatThrownBy(() -> gateway.fetchCanonical(EntityType.INVOICE, 1))
                .isInstanceOfSatisfying(MagentoCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(MagentoCallException.Kind.NOT_FOUND));
    }

    @Test
    void forget_dropsWhatTheBatchDidNotUse() {
        magento.entities.put("invoice/1", "old");
        gateway.prefetch(List.of(job(EventName.INVOICE_CREATED, 1)));
        gateway.forget();
        magento.entities.put("invoice/1", "new");

        assertThat(gateway.fetchCanonical(EntityType.INVOICE, 1)).isEqualTo("new");
    }

    private static SyncJob job(EventName event, long id) {
        return new SyncJob("run-" + id, "tenant-1", event, id, 1, 1, 1);
    }
}
