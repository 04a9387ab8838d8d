package io.sagesync.admin;

import io.sagesync.application.admin.ConnectSage;
import io.sagesync.application.admin.KeepSageAlive;
import io.sagesync.application.admin.PairMagento;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.port.SageReference;
import java.util.List;

/** What an {@link AdminCommand} produced; {@link AdminResponses} renders it as the JSON answer. */
sealed interface AdminAnswer {

    record Paired(PairMagento.Result result) implements AdminAnswer {
    }

    record AuthorizationUrl(String url) implements AdminAnswer {
    }

    record SageConnected(ConnectSage.Connected connected) implements AdminAnswer {
    }

    record SageDisconnected() implements AdminAnswer {
    }

    record KeptAlive(KeepSageAlive.Result result) implements AdminAnswer {
    }

    record Reference(SageReference reference) implements AdminAnswer {
    }

    record Settings(SyncPolicy policy) implements AdminAnswer {
    }

    /**
     * The action was refused or failed; nothing secret in it.
     *
     * @param fieldErrors one message per offending policy field (empty unless {@code invalid_settings})
     */
    record Refused(String code, String message, List<String> fieldErrors) implements AdminAnswer {
        Refused(String code, String message) {
            this(code, message, List.of());
        }
    }
}
