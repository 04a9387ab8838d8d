package io.sagesync.application;

import io.sagesync.domain.EntityType;
import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.Xref;
import io.sagesync.domain.magento.CanonicalParseException;
import io.sagesync.domain.magento.CanonicalProduct;
import io.sagesync.domain.policy.PolicyDecision;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.domain.policy.SyncPolicyEvaluator;
import io.sagesync.domain.sage.CatalogItemKind;
import io.sagesync.domain.sage.CatalogMapper;
import io.sagesync.domain.sage.CatalogSyncState;
import io.sagesync.domain.sage.IdempotencyIds;
import io.sagesync.domain.sage.MappingWarning;
import io.sagesync.domain.sage.SageCatalogItem;
import io.sagesync.domain.sage.SageStockMovementRequest;
import io.sagesync.port.BindingStore;
import io.sagesync.port.MagentoGateway;
import io.sagesync.port.SageGateway;
import io.sagesync.port.XrefStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code product.upserted} → the product's Sage product, service or stock item, created or updated to Magento's
 * newest state, and for a stock item a stock movement bringing Sage's {@code quantity_in_stock} to Magento's stock.
 *
 * <p><b>Storms.</b> Magento fires the event on every product save and every stock save, so an import sends thousands.
 * Every run reads the product as it is now (only the newest state matters) and compares it with what the
 * cross-reference says Sage already holds ({@link CatalogSyncState}): same body and same stock → no Sage call at all;
 * a changed body → one PUT; a changed stock → one read of Sage's quantity and at most one movement of the difference.
 *
 * <p><b>Exactly once.</b> A create carries a deterministic idempotency id and is preceded by a look-up by item code
 * (a lost cross-reference, or an item the merchant made by hand, is bound rather than duplicated); a movement is
 * computed from Sage's own quantity, so a repeated run after a crash finds nothing left to move.
 */
final class ProductSync {
    private final String tenantId;
    private final MagentoGateway magento;
    private final Function<String, CanonicalProduct> parser;
    private final BindingStore bindings;
    private final SageGateway sage;
    private final XrefStore xrefs;
    private final SageReferenceDefaults defaults;
    private final CatalogPriceTypeCache priceTypes;
    private final Clock clock;

    ProductSync(String tenantId, MagentoGateway magento, Function<String, CanonicalProduct> parser,
                BindingStore bindings, SageGateway sage, XrefStore xrefs, SageReferenceDefaults defaults,
                SyncWorkerSettings settings, Clock clock) {
        this.tenantId = tenantId;
        this.magento = magento;
        this.parser = parser;
        this.bindings = bindings;
        this.sage = sage;
        this.xrefs = xrefs;
        this.defaults = defaults;
        this.priceTypes = new CatalogPriceTypeCache(sage, clock, settings.referenceDataTtl());
        this.clock = clock;
    }

    RunOutcome sync(SyncJob job, Instant startedAt) {
        return syncProduct(job.magentoEntityId(), job.runId(), startedAt);
    }

    /**
     * Brings one product up to date outside its own event: the Byte8 outbox keys {@code product.upserted} by product
     * id and drops a new row while the old one exists (about 30 days, wire contract §h), so after the first event a
     * sale's stock change never arrives as an event. An invoice of a synced stock item calls this instead; like an
     * event it costs nothing when Sage already holds Magento's state.
     */
    void refresh(long productId, String runId) {
        syncProduct(productId, runId, clock.instant());
    }

    private RunOutcome syncProduct(long productId, String runId, Instant startedAt) {
        CanonicalProduct product = fetch(productId);
        SyncPolicy stored = InvoiceSync.storedPolicy(bindings);
        PolicyDecision decision = SyncPolicyEvaluator.evaluateProduct(product, stored);
        if (!decision.shouldProceed()) {
            return RunOutcome.skipped(decision.skipReason().code(), startedAt, clock.instant());
        }
        SyncPolicy policy = InvoiceSync.sageCall(() -> defaults.complete(stored));
        String key = CatalogKeys.productKey(product.magentoId());
        Optional<Xref> known = xrefs.find(key);
        Optional<CatalogSyncState> state = known.flatMap(x -> CatalogSyncState.decode(x.syncedState()));
        Set<MappingWarning> warnings = new LinkedHashSet<>();
        CatalogItemKind wanted = CatalogMapper.kindFor(product, policy);
        CatalogItemKind kind = state.map(CatalogSyncState::kind).orElse(wanted);
        if (kind != wanted && wanted == CatalogItemKind.STOCK_ITEM) {
            warnings.add(MappingWarning.STOCK_ITEM_KIND_KEPT);
        }
        SageCatalogItem item = InvoiceSync.mapping(() -> CatalogMapper.map(product, kind, policy,
                InvoiceSync.sageCall(priceTypes::get), warnings));
        String fingerprint = item.fingerprint();
        BigDecimal magentoStock = kind == CatalogItemKind.STOCK_ITEM ? product.stockQty() : null;
        if (known.isPresent() && state.isPresent() && state.get().matches(fingerprint, magentoStock)) {
            return succeeded(known.get(), startedAt, warnings); // nothing new: no Sage call
        }
        boolean created = false;
        String sageId;
        if (known.isPresent()) {
            sageId = known.get().sageId();
            if (state.isEmpty() || !state.get().fingerprint().equals(fingerprint)) {
                update(sageId, item);
            }
        } else {
            Optional<String> existing = InvoiceSync.sageCall(() -> sage.findCatalogItemByCode(kind, item.itemCode()));
            if (existing.isPresent()) {
                sageId = existing.get();
                update(sageId, item);
            } else {
                sageId = InvoiceSync.sageCall(() -> sage.createCatalogItem(item,
                        IdempotencyIds.of(tenantId, "product", key + ":" + kind.code(), "create")));
                created = true;
            }
        }
        BigDecimal stockNow = null;
        if (kind == CatalogItemKind.STOCK_ITEM && product.stockQty() != null) {
            stockNow = reconcileStock(sageId, product, created, runId, policy, warnings);
        }
        Xref synced = new Xref(sageId, item.itemCode(), new CatalogSyncState(kind, fingerprint, stockNow).encode());
        xrefs.put(CatalogKeys.skuKey(item.itemCode()), new Xref(sageId, item.itemCode(),
                CatalogKeys.skuState(kind, product.magentoId())));
        xrefs.put(key, synced);
        return succeeded(synced, startedAt, warnings);
    }

    private void update(String sageId, SageCatalogItem item) {
        InvoiceSync.sageCall(() -> {
            sage.updateCatalogItem(sageId, item);
            return null;
        });
    }

    /** Brings Sage's quantity to Magento's (a new item holds none); returns the quantity Sage now holds. */
    private BigDecimal reconcileStock(String stockItemId, CanonicalProduct product, boolean created, String runId,
                                      SyncPolicy policy, Set<MappingWarning> warnings) {
        BigDecimal inSage = created ? BigDecimal.ZERO : InvoiceSync.sageCall(() -> sage.stockQuantity(stockItemId));
        LocalDate today = LocalDate.ofInstant(clock.instant(),
                InvoiceSync.sageCall(() -> defaults.business(policy)).region().zone());
        String idempotencyId = IdempotencyIds.of(tenantId, "stock_movement", runId,
                inSage.stripTrailingZeros().toPlainString() + ">" + product.stockQty().toPlainString());
        Optional<SageStockMovementRequest> movement = InvoiceSync.mapping(() -> CatalogMapper.stockMovement(
                stockItemId, product, inSage, today, idempotencyId, warnings));
        movement.ifPresent(m -> InvoiceSync.sageCall(() -> sage.createStockMovement(m)));
        return product.stockQty().max(BigDecimal.ZERO);
    }

    private RunOutcome succeeded(Xref item, Instant startedAt, Set<MappingWarning> warnings) {
        return RunOutcome.succeeded(item.sageId(), item.sageReference(), false, startedAt, clock.instant())
                .withWarnings(warnings.stream().map(MappingWarning::code).toList());
    }

    private CanonicalProduct fetch(long productId) {
        String body = MagentoFetch.body(() -> magento.fetchCanonical(EntityType.PRODUCT, productId), bindings,
                "product");
        try {
            return parser.apply(body);
        } catch (CanonicalParseException e) {
            throw SyncFailure.permanent(ErrorClass.SERDE, "canonical_product_unreadable", e);
        }
    }
}
