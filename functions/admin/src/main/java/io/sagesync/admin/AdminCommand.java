package io.sagesync.admin;

import io.sagesync.domain.ReplayFilter;

/**
 * One operator action, decoded from {@code aws lambda invoke --payload '{"action":...}'} (or the keep-alive
 * schedule) by {@link AdminRequests}. {@link #action()} is the wire name echoed in every answer.
 */
sealed interface AdminCommand {
    String action();

    record Pair(String shopUrl, String pairingCode, String ledgerBaseUrl) implements AdminCommand {
        public String action() {
            return "pair";
        }
    }

    /** @param replace the operator confirms replacing an active connection to another business */
    record SageConnectStart(String businessId, boolean replace) implements AdminCommand {
        public String action() {
            return "sage_connect_start";
        }
    }

    record SageConnectFinish(String code, String state) implements AdminCommand {
        public String action() {
            return "sage_connect_finish";
        }
    }

    record SageDisconnect() implements AdminCommand {
        public String action() {
            return "sage_disconnect";
        }
    }

    record SageKeepAlive() implements AdminCommand {
        public String action() {
            return "sage_keepalive";
        }
    }

    record RefreshReference() implements AdminCommand {
        public String action() {
            return "refresh_reference";
        }
    }

    record GetSettings() implements AdminCommand {
        public String action() {
            return "get_settings";
        }
    }

    /** @param policyDocument the policy object's JSON text, or null when the request's policy was not an object */
    record PutSettings(String policyDocument) implements AdminCommand {
        public String action() {
            return "put_settings";
        }
    }

    /**
     * Replays finished runs matching {@code filter} onto the sync queue as fresh runs.
     *
     * @param dryRun only count them (the default, so an operator always sees the count first)
     */
    record Replay(ReplayFilter filter, boolean dryRun) implements AdminCommand {
        public String action() {
            return "replay";
        }
    }

    /** A known action whose parameters are wrong (answered with {@code code} and what to fix). */
    record Invalid(String action, String code, String message) implements AdminCommand {
    }

    /** An action name this function does not know (answered with {@code unknown_action}). */
    record Unknown(String action) implements AdminCommand {
    }
}
