package io.sagesync.config;

import io.sagesync.adapter.dynamodb.DynamoDbSageTokenStore;
import io.sagesync.adapter.kms.KmsEnvelopeCipher;
import io.sagesync.adapter.secrets.SecretsManagerLegacySageTokens;
import java.security.SecureRandom;
import java.time.Clock;

/** Wires the Sage token store every function that touches the tokens shares (sync, admin, console). */
public final class SageTokenStores {
    private SageTokenStores() {
    }

    /**
     * The versioned token item in the table, encrypted under {@code kmsKeyId}, migrating once from
     * {@code legacySecretId} (the SageSecret an older version wrote; blank: nothing to migrate).
     */
    public static DynamoDbSageTokenStore dynamoDb(AwsClients aws, String table, String kmsKeyId,
                                                  String legacySecretId, Clock clock) {
        // a blank key fails at the first token access, not here: the functions' configs require it at start
        var legacy = new SecretsManagerLegacySageTokens(aws.secretsManager(), legacySecretId);
        return new DynamoDbSageTokenStore(aws.dynamoDb(), table, new KmsEnvelopeCipher(aws.kms(), kmsKeyId == null ? "" : kmsKeyId,
                new SecureRandom()), legacy::read, clock);
    }
}
