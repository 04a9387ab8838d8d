package io.sagesync.adapter.policy;

import io.sagesync.domain.policy.SyncPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Local mode's sync policy: the JSON file named by {@code SAGESYNC_SETTINGS_FILE}, with the same field names as the
 * stored policy ({@link SyncPolicyJson}). Read once at start-up; local mode saves it into the binding store.
 */
public final class SettingsFile {
    private SettingsFile() {
    }

    /**
     * @throws io.sagesync.domain.policy.PolicyValidationException listing every offending field
     * @throws UncheckedIOException when the file cannot be read
     */
    public static SyncPolicy load(Path file) {
        try {
            return new SyncPolicyJson().parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read settings file " + file, e);
        }
    }
}
