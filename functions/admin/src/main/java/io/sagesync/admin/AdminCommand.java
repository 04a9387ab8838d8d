package io.sagesync.admin;

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

    /** An action name this function does not know (answered with {@code unknown_action}). */
    record Unknown(String action) implements AdminCommand {
    }
}
