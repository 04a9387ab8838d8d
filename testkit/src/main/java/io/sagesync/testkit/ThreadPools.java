package io.sagesync.testkit;

import java.util.regex.Pattern;

/** Names threads by their pool for the local figures: {@code magento-prefetch-2} counts as {@code magento-prefetch}. */
public final class ThreadPools {
    private static final Pattern POOL_INDEX = Pattern.compile("-\\d+$");

    private ThreadPools() {
    }

    /** The thread's name without the pool's {@code -<n>} index. */
    public static String poolOf(Thread thread) {
        return POOL_INDEX.matcher(thread.getName()).replaceFirst("");
    }
}
