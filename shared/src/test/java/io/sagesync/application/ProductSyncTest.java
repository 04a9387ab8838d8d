package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.adapter.magento.CanonicalJsonParser;
import io.sagesync.adapter.policy.SyncPolicyJson;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.domain.SyncStateUpdate;
import io.sagesync.domain.sage.CatalogItemKind;
import io.sagesync.domain.sage.SageCatalogItem;
import io.sagesync.domain.sage.SageInvoiceLine;
import io.sagesync.port.SageCallException;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.simulator.magento.CanonicalProducts;
import io.sagesync.testkit.fakes.InMemoryBindingStore;
import io.sagesync.testkit.fakes.InMemoryMagentoGateway;
import io.sagesync.testkit.fakes.InMemoryPushQueue;
import io.sagesync.testkit.fakes.InMemoryRetryScheduler;
import io.sagesync.testkit.fakes.InMemorySageCatalog;
import io.sagesync.testkit.fakes.InMemorySageGateway;
import io.sagesync.testkit.fakes.InMemorySyncQueue;
import io.sagesync.testkit.fakes.InMemorySyncRunStore;
import io.sagesync.testkit.fakes.InMemoryXrefStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code product.upserted} on in-memory fakes: policy, kinds, coalescing, stock movements, exactly once, links. */
class ProductSyncTest {
    private static final String TENANT = "t1";
    private static final Instant NOW = Instant.parse("2026-05-03T10:00:00Z");
    private static final String PRODUCTS_ON = "{\"sync_products\":true,"
            + "\"default_purchase_ledger_account_id\":\"L5000\"";

    private final InMemorySyncRunStore runs = new InMemorySyncRunStore();
    private final InMemoryXrefStore xrefs = new InMemoryXrefStore();
    private final InMemoryBindingStore bindings = new InMemoryBindingStore();
    private final InMemoryPushQueue pushes = new InMemoryPushQueue();
    private final InMemoryRetryScheduler retries = new InMemoryRetryScheduler();
    private final InMemoryMagentoGateway magento = new InMemoryMagentoGateway();
    private final InMemorySageGateway sage = new InMemorySageGateway();
    private final InMemorySageCatalog catalog = sage.catalog;
    private final ProcessSyncJob useCase = new ProcessSyncJob(TENANT, runs,
            new ProcessSyncJob.Source(magento, new CanonicalJsonParser()),
            new ProcessSyncJob.Ledger(bindings, sage, xrefs),
            new ProcessSyncJob.Queues(pushes, retries, new InMemorySyncQueue()),
            SyncWorkerSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    private int runCounter;

    @Test
    void withSyncProductsOff_theDocumentedDefault_productsAreSkipped_andSageIsNotCalled() {
        magento.body = CanonicalProducts.joustDuffleBag(301).toJson();

        SyncRun run = productEvent(301);

        assertThat(run.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(run.reason()).isEqualTo("product_sync_disabled");
        assertThat(catalog.itemWrites).isEmpty();
        assertThat(catalog.priceTypeReads).isZero();
        assertThat(pushes.jobs()).singleElement().satisfies(p -> {
            assertThat(p.update().entityType().wireName()).isEqualTo("product");
            assertThat(p.update().syncStatus()).isEqualTo(SyncStateUpdate.SyncStatus.SKIPPED);
        });
    }

    @Test
    void aSimpleProduct_isCreatedOnce_andRepeatedEventsWithNothingNewCostNoSageCall() {
        policy("}");
        magento.body = CanonicalProducts.joustDuffleBag(301).toJson();

        SyncRun first = productEvent(301);
        SyncRun second = productEvent(301);
        SyncRun third = productEvent(301);

        assertThat(catalog.itemWrites).singleElement().satisfies(w -> {
            assertThat(w.create()).isTrue();
            assertThat(w.item().kind()).isEqualTo(CatalogItemKind.PRODUCT);
            assertThat(w.item().itemCode()).isEqualTo("24-MB01");
            assertThat(w.item().price()).isEqualByComparingTo("34.00");
            assertThat(w.item().purchaseLedgerAccountId()).isEqualTo("L5000");
            assertThat(w.idempotencyId()).matches("[0-9a-f]{32}");
        });
        assertThat(List.of(first, second, third)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(r.sageId()).isEqualTo(catalog.itemWrites.get(0).sageId());
            assertThat(r.sageReference()).isEqualTo("24-MB01");
        });
        assertThat(catalog.codeLookups).as("looked up once, before the create").isEqualTo(1);
        assertThat(catalog.priceTypeReads).as("price bands cached").isEqualTo(1);
        assertThat(xrefs.find("sku:24-MB01")).hasValueSatisfying(x -> assertThat(x.syncedState())
                .isEqualTo("product:301"));
        assertThat(pushes.jobs()).hasSize(3).allSatisfy(p -> assertThat(p.update().syncStatus())
                .isEqualTo(SyncStateUpdate.SyncStatus.SYNCED));
    }

    @Test
    void aChangedNameOrPrice_isOneUpdate_andTheSameChangeAgainIsNone() {
        policy("}");
        CanonicalProducts.Product bag = CanonicalProducts.joustDuffleBag(301);
        magento.body = bag.toJson();
        productEvent(301);
        magento.body = bag.withNameAndPrice("Joust Duffle Bag &amp; Strap", "36.5").toJson();

        productEvent(301);
        productEvent(301);

        assertThat(catalog.itemWrites).hasSize(2);
        InMemorySageCatalog.ItemWrite update = catalog.itemWrites.get(1);
        assertThat(update.create()).isFalse();
        assertThat(update.sageId()).isEqualTo(catalog.itemWrites.get(0).sageId());
        assertThat(update.item().description()).isEqualTo("Joust Duffle Bag & Strap");
        assertThat(update.item().price()).isEqualByComparingTo("36.50");
    }

    @Test
    void aStockItem_getsItsOpeningStock_thenOnlyTheDifferences_andUnchangedStockIsNotEvenRead() {
        policy(",\"sync_stock\":true}");
        CanonicalProducts.Product bag = CanonicalProducts.joustDuffleBag(301);
        magento.body = bag.toJson();
        productEvent(301);
        String id = catalog.itemWrites.get(0).sageId();
        assertThat(catalog.itemWrites.get(0).item().kind()).isEqualTo(CatalogItemKind.STOCK_ITEM);
        assertThat(catalog.quantityReads).as("a new item holds nothing: no read").isZero();

        magento.body = bag.withStock("90.0").toJson();
        productEvent(301);
        productEvent(301);
        catalog.quantities.put(id, new BigDecimal("95")); // someone adjusted Sage by hand
        magento.body = bag.withStock("80.0").toJson();
        productEvent(301);

        assertThat(catalog.movements).extracting(m -> m.quantity().toPlainString())
                .containsExactly("100", "-10", "-15");
        assertThat(catalog.quantities.get(id)).isEqualByComparingTo("80");
        assertThat(catalog.itemWrites).as("stock saves never rewrite the item").hasSize(1);
        assertThat(catalog.quantityReads).as("one read per real stock change").isEqualTo(2);
        assertThat(catalog.movements.get(1).details()).isEqualTo("Magento stock 90 (Sage 100)");
    }

    @Test
    void virtualProducts_areServices_andComposites_areSkippedAsDocumented() {
        policy("}");
        magento.body = CanonicalProducts.virtual(410, "virtual", "GIFTWRAP", "Gift wrap", "5.0").toJson();
        SyncRun service = productEvent(410);
        magento.body = new CanonicalProducts.Product(500, "MJ01", "Beaumont Summit Kit", "configurable", "50.0", null,
                null, null, null, false, "2", List.of(1L), null, null).toJson();
        SyncRun configurable = productEvent(500);

        assertThat(service.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(catalog.itemWrites).singleElement().extracting(w -> w.item().kind())
                .isEqualTo(CatalogItemKind.SERVICE);
        assertThat(configurable.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(configurable.reason()).isEqualTo("PRODUCT_TYPE_NOT_SUPPORTED");
    }

    @Test
    void aLostCrossReference_bindsTheItemSageAlreadyHas_insteadOfCreatingASecond() {
        policy("}");
        magento.body = CanonicalProducts.joustDuffleBag(301).toJson();
        productEvent(301);
        xrefs.remove("product:301");

        productEvent(301);

        assertThat(catalog.items).hasSize(1);
        assertThat(catalog.itemWrites).extracting(InMemorySageCatalog.ItemWrite::create).containsExactly(true, false);
        assertThat(xrefs.find("product:301")).isPresent();
    }

    @Test
    void aTransientSageFailure_isRetriedLater_withTheSameIdempotencyId() {
        policy("}");
        magento.body = CanonicalProducts.joustDuffleBag(301).toJson();
        catalog.failures.add(new SageCallException(SageCallException.Kind.UNKNOWN_OUTCOME, null, "500", null));
        SyncJob job = queued(301);

        useCase.process(job);
        useCase.process(job);

        assertThat(retries.delayed()).hasSize(1);
        assertThat(runs.find(job.runId()).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(catalog.itemWrites).singleElement().extracting(InMemorySageCatalog.ItemWrite::idempotencyId)
                .isNotNull();
    }

    @Test
    void anExistingPlainProduct_staysAProduct_whenSyncStockIsTurnedOnLater() {
        policy("}");
        magento.body = CanonicalProducts.joustDuffleBag(301).toJson();
        productEvent(301);
        policy(",\"sync_stock\":true}");

        SyncRun run = productEvent(301);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.warnings()).contains("stock_item_kind_kept");
        assertThat(catalog.movements).isEmpty();
        assertThat(catalog.items.values()).extracting(SageCatalogItem::kind).containsExactly(CatalogItemKind.PRODUCT);
    }

    @Test
    void invoiceLines_nameTheSyncedProductOrService_butNeverAStockItem() {
        policy(",\"sync_stock\":true}");
        magento.body = CanonicalProducts.virtual(410, "virtual", "GIFTWRAP", "Gift wrap", "5.0").toJson();
        productEvent(410);
        magento.body = CanonicalProducts.simple(302, "50.0", "3").toJson(); // SKU-302, a stock item
        productEvent(302);
        String serviceId = catalog.itemWrites.get(0).sageId();
        magento.body = CanonicalInvoices.builder(42).lines(List.of(
                CanonicalInvoices.line("SKU-302", "Product 302", "2.0", "50.0", "18.0", "10.0", "simple"),
                CanonicalInvoices.line("GIFTWRAP", "Gift wrap", "1.0", "5.0", "1.0", "0.0", "virtual"))).build();

        SyncRun invoice = run(EventName.INVOICE_CREATED, 42);

        assertThat(invoice.status()).isEqualTo(RunStatus.SUCCEEDED);
        List<SageInvoiceLine> lines = sage.posted.get(0).invoiceLines();
        assertThat(lines.get(0).productId()).as("stock item not linked").isNull();
        assertThat(lines.get(1).serviceId()).isEqualTo(serviceId);
        assertThat(lines.get(1).productId()).isNull();
    }

    @Test
    void aSaleOfASyncedStockItem_bringsSageToMagentosStock_thoughTheOutboxSendsNoSecondProductEvent() {
        policy(",\"sync_stock\":true}");
        CanonicalProducts.Product bag = CanonicalProducts.simple(302, "50.0", "3");
        magento.entities.put("product/302", bag.toJson());
        productEvent(302);
        magento.entities.put("product/302", bag.withStock("1").toJson()); // two sold; Magento's stock save is dropped
        magento.entities.put("invoice/42", CanonicalInvoices.builder(42).lines(List.of(
                CanonicalInvoices.line("SKU-302", "Product 302", "2.0", "50.0", "18.0", "10.0", "simple"))).build());

        sage.total = new BigDecimal("120.00");

        SyncRun invoice = run(EventName.INVOICE_CREATED, 42);

        assertThat(invoice.status()).as(invoice.reason()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(invoice.warnings()).doesNotContain(InvoiceSync.STOCK_REFRESH_FAILED);
        assertThat(catalog.movements).extracting(m -> m.quantity().toPlainString()).containsExactly("3", "-2");
        assertThat(catalog.itemWrites).as("the item itself is unchanged").hasSize(1);
    }

    @Test
    void aFailedStockRefresh_isAWarningOnTheInvoice_neverAFailure() {
        policy(",\"sync_stock\":true}");
        magento.entities.put("product/302", CanonicalProducts.simple(302, "50.0", "3").toJson());
        productEvent(302);
        magento.entities.remove("product/302"); // deleted in Magento meanwhile: 404 on the refresh
        magento.entities.put("invoice/42", CanonicalInvoices.builder(42).lines(List.of(
                CanonicalInvoices.line("SKU-302", "Product 302", "2.0", "50.0", "18.0", "10.0", "simple"))).build());

        sage.total = new BigDecimal("120.00");

        SyncRun invoice = run(EventName.INVOICE_CREATED, 42);

        assertThat(invoice.status()).as(invoice.reason()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(invoice.warnings()).contains(InvoiceSync.STOCK_REFRESH_FAILED);
        assertThat(catalog.movements).as("only the opening stock").hasSize(1);
    }

    @Test
    void invoiceLines_nameNothing_whileSyncProductsIsOff() {
        xrefs.put("sku:GIFTWRAP", new io.sagesync.domain.Xref("service-9", "GIFTWRAP", "service"));
        magento.body = CanonicalInvoices.gbpRegistered(42);

        run(EventName.INVOICE_CREATED, 42);

        assertThat(sage.posted.get(0).invoiceLines()).allSatisfy(l -> {
            assertThat(l.productId()).isNull();
            assertThat(l.serviceId()).isNull();
        });
    }

    private void policy(String rest) {
        bindings.savePolicy(new SyncPolicyJson().parse(PRODUCTS_ON + rest));
    }

    private SyncRun productEvent(long id) {
        return run(EventName.PRODUCT_UPSERTED, id);
    }

    private SyncRun run(EventName event, long id) {
        SyncJob job = queued(event, id);
        useCase.process(job);
        return runs.find(job.runId()).orElseThrow();
    }

    private SyncJob queued(long id) {
        return queued(EventName.PRODUCT_UPSERTED, id);
    }

    private SyncJob queued(EventName event, long id) {
        String runId = "run-" + id + "-" + event.wireName() + "-" + (++runCounter);
        runs.put(SyncRun.builder(new SyncRun.Subject(runId, TENANT, event, id, runId), NOW).enqueued(true).build());
        return new SyncJob(runId, TENANT, event, id, 1, 1, 1);
    }
}
