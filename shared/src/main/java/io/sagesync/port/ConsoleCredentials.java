package io.sagesync.port;

/** The operator's console password, set at deploy (ConsoleSecret); throws {@link InfrastructureException}. */
public interface ConsoleCredentials {
    /** @return the password's UTF-8 bytes; empty when none is configured (then nobody can sign in) */
    byte[] password();
}
