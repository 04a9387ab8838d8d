package io.sagesync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreadPoolsTest {
    @Test
    void aPoolThread_countsAsItsPool_andAnyOtherThreadAsItself() {
        assertThat(ThreadPools.poolOf(new Thread(() -> { }, "magento-prefetch-12"))).isEqualTo("magento-prefetch");
        assertThat(ThreadPools.poolOf(new Thread(() -> { }, "esm-sync"))).isEqualTo("esm-sync");
        assertThat(ThreadPools.poolOf(new Thread(() -> { }, "worker-2-b"))).isEqualTo("worker-2-b");
    }
}
