package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.adapter.magento.CanonicalJsonParser;
import io.sagesync.adapter.policy.SyncPolicyJson;
import io.sagesync.adapter.sage.api.SageJson;
import io.sagesync.adapter.sage.api.SageRefundJson;
import io.sagesync.domain.BindingState;
import io.sagesync.domain.EntityType;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.domain.SyncStateUpdate;
import io.sagesync.domain.Xref;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.domain.sage.SageArtefactBalance;
import io.sagesync.port.BindingStore;
import io.sagesync.port.MagentoCallException;
import io.sagesync.port.MagentoGateway;
import io.sagesync.port.XrefStore;
import io.sagesync.retry.DelaySchedule;
import io.sagesync.simulator.sage.SwaggerBodyValidator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden corpus of credit memos (src/test/resources/golden/creditmemos/NN-name/), run through the real use case
 * ({@link CreditMemoSync}) on in-memory fakes of our own ports. Per case: {@code case.json} says what Sage already
 * holds (the invoice's balance, a synced receipt), {@code invoice.json} / {@code policy.json} override the defaults,
 * and each memo file {@code M.json} has its hand-worked expectations: {@code M.expected-sage.json} (the credit note),
 * {@code M.expected-allocation.json}, {@code M.expected-refund.json}, or {@code M.expected-outcome.txt}
 * ({@code skipped: reason} / {@code retry: reason}). Every body posted must satisfy Sage's Swagger, every credit note
 * must equal its memo's grand total to the penny, and saving every memo again must post nothing.
 */
class GoldenCreditMemoCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "golden-tenant";
    private static final Instant NOW = Instant.parse("2026-05-04T09:00:00Z");

    private final CanonicalJsonParser parser = new CanonicalJsonParser();
    private final SageRefundJson refundJson = new SageRefundJson(new SageJson());
    private final SageJson sageJson = new SageJson();
    private final SwaggerBodyValidator swagger = SwaggerBodyValidator.fromClasspath();

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void goldenMemo_becomesTheHandWorkedCreditNoteAndSettlement(String name) throws Exception {
        Path dir = root().resolve(name);
        JsonNode spec = JSON.readTree(read(dir.resolve("case.json")));
        String invoiceJson = read(Files.exists(dir.resolve("invoice.json")) ? dir.resolve("invoice.json")
                : root().resolve("default-invoice.json"));
        long invoiceId = JSON.readTree(invoiceJson).path("magento_id").asLong();
        Map<String, String> magento = new HashMap<>();
        magento.put("invoice:" + invoiceId, invoiceJson);
        RefundLedgerFake sage = new RefundLedgerFake();
        MapXrefs xrefs = new MapXrefs();
        if (spec.path("invoice_synced").asBoolean(true)) {
            JsonNode inv = spec.path("invoice");
            sage.invoice(new SageArtefactBalance("sage-invoice-" + invoiceId, inv.path("reference").asText(null),
                    "SI-" + invoiceId, inv.path("contact_id").asText("sage-contact-M5"),
                    inv.path("currency").asText("GBP"),
                    inv.hasNonNull("exchange_rate") ? new BigDecimal(inv.get("exchange_rate").asText()) : null,
                    new BigDecimal(inv.path("total").asText("126.00")),
                    new BigDecimal(inv.path("outstanding").asText("126.00")),
                    LocalDate.parse(inv.path("date").asText("2026-04-30"))));
            xrefs.put(Xref.invoiceKey(invoiceId), new Xref("sage-invoice-" + invoiceId, "SI-" + invoiceId));
        }
        if (spec.hasNonNull("receipt_bank")) {
            xrefs.put(PaymentSync.paymentKey(invoiceId), new Xref("sage-receipt-" + invoiceId, "SI-" + invoiceId));
            sage.paymentBanks.put("sage-receipt-" + invoiceId, spec.get("receipt_bank").asText());
        }
        SyncPolicy policy = policy(dir);
        CreditMemoSync sync = new CreditMemoSync(TENANT, new CreditMemoSync.Shop(new MapMagento(magento),
                parser::parseCreditMemo, parser::parseInvoice), new FixedBinding(policy), sage, xrefs,
                new SageReferenceDefaults(sage, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1)),
                new SyncWorkerSettings(new DelaySchedule(3, List.of(Duration.ZERO)), Duration.ofDays(6),
                        Duration.ofHours(1)), Clock.fixed(NOW, ZoneOffset.UTC));

        List<String> memos = spec.has("memos") ? List.of(JSON.convertValue(spec.get("memos"), String[].class))
                : List.of("memo.json");
        for (String memoFile : memos) {
            String memoJson = read(dir.resolve(memoFile));
            long memoId = JSON.readTree(memoJson).path("magento_id").asLong();
            magento.put("creditmemo:" + memoId, memoJson);
            String stem = memoFile.replace(".json", "");
            int notesBefore = sage.creditNoteRequests.size();
            int allocationsBefore = sage.allocationRequests.size();
            int refundsBefore = sage.refundRequests.size();

            String outcome = run(sync, memoId, spec.path("store_id").asLong(1));

            Path expectedOutcome = dir.resolve(stem + ".expected-outcome.txt");
            assertThat(outcome).as(stem + " outcome")
                    .isEqualTo(Files.exists(expectedOutcome) ? read(expectedOutcome).strip() : "synced");
            assertPosted(dir, stem + ".expected-sage.json", sage.creditNoteRequests.subList(notesBefore,
                    sage.creditNoteRequests.size()).stream().map(r -> (JsonNode) refundJson.salesCreditNoteTree(r))
                    .toList(), "postSalesCreditNotes");
            assertPosted(dir, stem + ".expected-allocation.json", sage.allocationRequests.subList(allocationsBefore,
                    sage.allocationRequests.size()).stream()
                    .map(r -> (JsonNode) refundJson.contactAllocationTree(r)).toList(), "postContactAllocations");
            assertPosted(dir, stem + ".expected-refund.json", sage.refundRequests.subList(refundsBefore,
                    sage.refundRequests.size()).stream().map(r -> (JsonNode) sageJson.contactPaymentTree(r))
                    .toList(), "postContactPayments");
            if (sage.creditNoteRequests.size() > notesBefore) {
                SageArtefactBalance note = sage.creditNotes.values().stream().reduce((a, b) -> b).orElseThrow();
                assertThat(note.totalAmount()).as(stem + " credit note total vs grand_total")
                        .isEqualByComparingTo(parser.parseCreditMemo(memoJson).grandTotal()
                                .setScale(2, RoundingMode.HALF_UP));
            }
        }
        int notes = sage.creditNoteRequests.size();
        int allocations = sage.allocationRequests.size();
        int refunds = sage.refundRequests.size();
        for (String memoFile : memos) {
            // Magento fires creditmemo.created on every save: saving again must add nothing to the books
            run(sync, JSON.readTree(read(dir.resolve(memoFile))).path("magento_id").asLong(),
                    spec.path("store_id").asLong(1));
        }
        assertThat(sage.creditNoteRequests).as("credit notes after re-saves").hasSize(notes);
        assertThat(sage.allocationRequests).as("allocations after re-saves").hasSize(allocations);
        assertThat(sage.refundRequests).as("refunds after re-saves").hasSize(refunds);
    }

    private static String run(CreditMemoSync sync, long memoId, long storeId) {
        SyncJob job = new SyncJob("run-" + memoId, TENANT, EventName.CREDITMEMO_CREATED, memoId, 1, storeId, 1);
        SyncRun run = SyncRun.accepted(new SyncRun.Subject(job.runId(), TENANT, EventName.CREDITMEMO_CREATED, memoId,
                "creditmemo.created:" + memoId), NOW);
        try {
            RunOutcome o = sync.sync(job, run, NOW);
            return o.status() == RunStatus.SUCCEEDED ? "synced" : "skipped: " + o.reason();
        } catch (SyncFailure f) {
            return (f.isRetryable() ? "retry: " : "failed: ") + f.reason();
        }
    }

    private void assertPosted(Path dir, String expectedFile, List<JsonNode> posted, String definition)
            throws IOException {
        Path file = dir.resolve(expectedFile);
        if (!Files.exists(file)) {
            assertThat(posted).as(expectedFile + " (no file: nothing posted)").isEmpty();
            return;
        }
        assertThat(posted).as(expectedFile).hasSize(1);
        assertThat(posted.get(0)).as(expectedFile).isEqualTo(JSON.readTree(read(file)));
        assertThat(swagger.validate(definition, posted.get(0))).as(expectedFile + " Swagger violations").isEmpty();
    }

    private SyncPolicy policy(Path dir) throws IOException, URISyntaxException {
        ObjectNode merged = (ObjectNode) JSON.readTree(read(root().resolve("default-policy.json")));
        Path own = dir.resolve("policy.json");
        if (Files.exists(own)) {
            merged.setAll((ObjectNode) JSON.readTree(read(own)));
        }
        return new SyncPolicyJson().parse(JSON.writeValueAsString(merged));
    }

    private static Path root() throws URISyntaxException {
        return Path.of(GoldenCreditMemoCorpusTest.class.getResource("/golden/creditmemos").toURI());
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** Canonical bodies by {@code type:id}; anything else is Magento's 404. */
    record MapMagento(Map<String, String> bodies) implements MagentoGateway {
        @Override
        public String fetchCanonical(EntityType type, long magentoId) {
            String body = bodies.get(type.wireName() + ":" + magentoId);
            if (body == null) {
                throw new MagentoCallException(MagentoCallException.Kind.NOT_FOUND, 404, "no such entity", null);
            }
            return body;
        }

        @Override
        public String fetchPayment(long invoiceId) {
            throw new AssertionError("refunds never fetch payments");
        }

        @Override
        public void pushSyncState(SyncStateUpdate update) {
            throw new AssertionError("the use case does not push");
        }

        @Override
        public void ping() {
        }
    }

    static final class MapXrefs implements XrefStore {
        final Map<String, Xref> map = new HashMap<>();
        /** The next write of this key fails as our own store would (then the key is disarmed). */
        String failNextPutOf;

        @Override
        public Optional<Xref> find(String key) {
            return Optional.ofNullable(map.get(key));
        }

        @Override
        public void put(String key, Xref xref) {
            if (key.equals(failNextPutOf)) {
                failNextPutOf = null;
                throw new io.sagesync.port.InfrastructureException("xref store unavailable", null);
            }
            map.put(key, xref);
        }
    }

    record FixedBinding(SyncPolicy policy) implements BindingStore {
        @Override
        public void savePolicy(SyncPolicy p) {
            throw new AssertionError("read only");
        }

        @Override
        public BindingState state() {
            throw new AssertionError("not used");
        }

        @Override
        public void flagMagento(String status, String reason) {
        }

        @Override
        public void flagSage(String status, String reason) {
        }
    }
}
