package io.sagesync.console;

import java.util.Optional;

/** Settings, pairing and Sage connect routes (wired to the admin use cases). */
final class ConsoleSettingsRoutes {
    private final String sageAuthorizeUrl;

    ConsoleSettingsRoutes(String sageAuthorizeUrl) {
        this.sageAuthorizeUrl = sageAuthorizeUrl;
    }

    String sageAuthorizeOrigin() {
        java.net.URI uri = java.net.URI.create(sageAuthorizeUrl);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    Optional<WebResponse> handle(String route, WebRequest r, String csrf, String notice) {
        return Optional.empty();
    }
}
