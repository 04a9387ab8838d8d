package io.sagesync.port;

/** Ends the Sage connection: revokes the refresh token at Sage (best effort) and forgets the stored tokens. */
public interface SageRevocation {
    /**
     * @return whether there were tokens to forget
     * @throws InfrastructureException when the token store cannot be reached
     */
    boolean revokeAndForget();
}
