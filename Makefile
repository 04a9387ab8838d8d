# sagesync — the two commands users need are `make local` and `make test` (see README.md).
# Every target finds a JDK >= 21 by itself (scripts/find-jdk.sh), whatever the default `java` is.
SHELL := /bin/bash
JAVA_HOME := $(shell scripts/find-jdk.sh)
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)
MVN ?= mvn
MVN_FLAGS ?= -B -ntp
JAVA := $(JAVA_HOME)/bin/java
LOCAL_CP := local/target/classpath.txt
# Local AWS for `make local`: emulators (ElasticMQ + moto, default, no Docker) or localstack (Docker).
# Empty means the harness decides: SAGESYNC_AWS if set, else emulators.
AWS ?=

.PHONY: help build test test-localstack require-docker-for-aws local lint bench bench-webhook bench-sync bench-e2e \
        bench-flat bench-backlog bench-cold chaos signed-event replay clean build-WebhookFunction build-SyncFunction build-SweeperFunction \
        build-SyncStatePushFunction \
        build-AdminFunction build-ConsoleFunction pair

help:
	@echo "make local    run the whole pipeline locally (emulators + Magento/Sage simulators)"
	@echo "make test     run every test (unit + integration on ElasticMQ + moto + simulators)"
	@echo "make test-localstack   the same tests with LocalStack in Docker instead of ElasticMQ + moto"
	@echo "make local AWS=localstack   local mode on LocalStack in Docker"
	@echo "make lint     cfn-lint template.yaml"
	@echo "make chaos    the chaos run alone (also in make test): triple deliveries under Sage/Magento faults"
	@echo "make bench    benchmarks (webhook vs I/O floor, sync overhead, end-to-end)"
	@echo "make bench-backlog [N=500]   backlog drain vs serial floor, Sage calls and AWS cost per invoice"
	@echo "make bench-cold   per-function init, priming, zip size, heap and RSS"
	@echo "make signed-event EVENT=invoice.created ID=42   write a freshly signed API Gateway event for sam local invoke"
	@echo "make replay STACK=... [EVENTS=creditmemo.created] [FROM=..] [TO=..] [CONFIRM=yes]   replay skipped runs (dry-run count first)"

# build skips the tests and the checks that only matter with them (coverage agent, SpotBugs)
NO_CHECKS := -DskipTests -Djacoco.skip -Dspotbugs.skip

build:
	$(MVN) $(MVN_FLAGS) -q install $(NO_CHECKS)

# unit tests (Surefire), integration tests (Failsafe, *IntegrationTest), SpotBugs on main code, and the coverage
# report in local/target/site/jacoco-aggregate/index.html
test:
	$(MVN) $(MVN_FLAGS) install

# The same suite on LocalStack (testkit's AwsEnvironment, -Dsagesync.aws=localstack). Docker is checked before
# Maven starts; without it this prints the documented sentence and fails.
test-localstack:
	@scripts/require-docker.sh
	$(MAKE) test MVN_FLAGS="$(MVN_FLAGS) -Dsagesync.aws=localstack"

lint:
	cfn-lint template.yaml

$(LOCAL_CP): build
	$(MVN) $(MVN_FLAGS) -q -pl local dependency:build-classpath -Dmdep.outputFile=target/classpath.txt

# listed first among local's prerequisites so that a missing Docker is reported before the build
require-docker-for-aws:
	@if [ "$(AWS)" = localstack ]; then scripts/require-docker.sh; fi

local: require-docker-for-aws build $(LOCAL_CP)
	exec $(JAVA) $(if $(AWS),-Dsagesync.aws=$(AWS)) -cp local/target/classes:$$(cat $(LOCAL_CP)) io.sagesync.local.LocalMain

signed-event: build $(LOCAL_CP)
	$(JAVA) -cp local/target/classes:$$(cat $(LOCAL_CP)) io.sagesync.local.SignedEventWriter $(EVENT) $(ID)

bench: bench-webhook bench-sync bench-e2e

bench-webhook: build $(LOCAL_CP)
	$(JAVA) -cp local/target/test-classes:local/target/classes:$$(cat $(LOCAL_CP)) io.sagesync.local.bench.WebhookBenchmark

bench-sync: build $(LOCAL_CP)
	$(JAVA) -cp local/target/test-classes:local/target/classes:$$(cat $(LOCAL_CP)) io.sagesync.local.bench.SyncBenchmark

# issue 9's chaos run on its own (it is also part of make test): 36 invoices x 3 concurrent deliveries under faults
chaos: build
	$(MVN) $(MVN_FLAGS) -pl local test -Dtest=ChaosIntegrationTest -Dsurefire.failIfNoSpecifiedTests=false

# 10,000 invoices through make local's pipeline: webhook median of the last 1,000 vs the first 1,000 (issue 9)
bench-flat: build $(LOCAL_CP)
	$(JAVA) -cp local/target/test-classes:local/target/classes:$$(cat $(LOCAL_CP)) io.sagesync.local.FlatnessBenchmark

# issue 13: N invoices (default 500; N=2000 for the issue's figure) queued at once, drained against a Sage with
# log-normal latency (P50/P95 ms); drain / serial floor, Sage calls per invoice, AWS requests and cost per 10k
N ?= 500
P50 ?= 250
P95 ?= 800
bench-backlog: build $(LOCAL_CP)
	$(JAVA) -Dn=$(N) -Dp50=$(P50) -Dp95=$(P95) $(if $(CUSTOMERS),-Dcustomers=$(CUSTOMERS)) $(if $(RETURNING),-Dreturning=$(RETURNING)) \
		-cp local/target/test-classes:local/target/classes:$$(cat $(LOCAL_CP)) io.sagesync.local.BacklogBenchmark

# issue 13: per function (webhook, sync, push) fresh JVMs, C1 only: init, first event without and with SnapStart
# priming, steady-state heap and RSS (RUNS per variant, EVENTS per JVM, MEM = the MemorySize the heap is capped to)
RUNS ?= 3
EVENTS ?= 40
MEM ?= 512
bench-cold: build $(LOCAL_CP)
	$(JAVA) -Druns=$(RUNS) -Dn=$(EVENTS) -Dmem=$(MEM) \
		-cp local/target/test-classes:local/target/classes:$$(cat $(LOCAL_CP)) io.sagesync.local.ColdStartBenchmark

bench-e2e: build $(LOCAL_CP)
	$(JAVA) -cp local/target/test-classes:local/target/classes:$$(cat $(LOCAL_CP)) io.sagesync.local.EndToEndBenchmark

# --- sam build (Metadata: BuildMethod: makefile). SAM runs these in a copy of the repository with ARTIFACTS_DIR set;
# each target builds one function module and lays out the Lambda zip: classes at the root, jars in lib/.
define lambda_artifact
	rm -rf $(1)/target/lambda
	$(MVN) $(MVN_FLAGS) -q -pl $(1) -am install $(NO_CHECKS)
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp -r $(1)/target/classes/. "$(ARTIFACTS_DIR)/"
	cp $(1)/target/lambda/lib/*.jar "$(ARTIFACTS_DIR)/lib/"
endef

build-WebhookFunction:
	$(call lambda_artifact,functions/webhook)

build-SyncFunction:
	$(call lambda_artifact,functions/sync)

build-SweeperFunction:
	$(call lambda_artifact,functions/sync)

build-SyncStatePushFunction:
	$(call lambda_artifact,functions/sync-state-push)

build-AdminFunction:
	$(call lambda_artifact,functions/admin)

build-ConsoleFunction:
	$(call lambda_artifact,functions/console)

# Pair a deployed stack with a shop: make pair STACK=sagesync-acme SHOP=https://shop.example.com CODE=<code>
pair:
	scripts/pair.sh "$(STACK)" "$(SHOP)" "$(CODE)"

# Replay runs recorded as skipped (default: event_not_supported), dry-run count first:
# make replay STACK=sagesync-acme [EVENTS=creditmemo.created] [STATUS=skipped] [REASON=event_not_supported]
#             [FROM=2026-05-01T00:00:00Z] [TO=...] [CONFIRM=yes]
replay:
	scripts/replay.sh "$(STACK)" "$(EVENTS)" "$(or $(STATUS),skipped)" "$(or $(REASON),event_not_supported)" \
		"$(FROM)" "$(TO)" "$(CONFIRM)"

clean:
	$(MVN) $(MVN_FLAGS) -q clean
	rm -rf .aws-sam .sagesync-local.json .sagesync-local
