package io.sagesync.console.html;

import static io.sagesync.console.html.Html.esc;

import io.sagesync.application.console.ConnectionStatus;

/** Connection: the Magento pairing and the Sage connection, with "Pair with Magento" and "Connect Sage". */
public final class ConnectionPage {
    private ConnectionPage() {
    }

    public static String render(ConnectionStatus.Connection c, String notice, String error, String csrf) {
        StringBuilder b = new StringBuilder(Html.notice("ok", notice)).append(Html.notice("error", error));
        b.append("<section class=\"card\" aria-labelledby=\"magento\"><h2 id=\"magento\">Magento</h2><dl class=\"facts\">")
                .append("<dt>Store</dt><dd>").append(c.paired() ? esc(c.shopUrl()) : "not paired yet").append("</dd>")
                .append("<dt>Channel</dt><dd>").append(Html.badge(c.magento())).append(' ')
                .append(esc(magentoWords(c.magento()))).append("</dd></dl>")
                .append("<form method=\"post\" action=\"/dashboard/pair\">").append(Html.csrfField(csrf))
                .append("<h3>Pair with Magento</h3><p class=\"hint\">In Magento admin: Stores › Configuration › ")
                .append("Byte8 › Sage Accounting › Generate Pairing Code (valid 30 minutes).</p>")
                .append("<label for=\"shop_url\">Shop URL</label><input id=\"shop_url\" name=\"shop_url\" ")
                .append("type=\"url\" required placeholder=\"https://shop.example.com\" value=\"")
                .append(esc(c.shopUrl())).append("\">")
                .append("<label for=\"pairing_code\">Pairing code</label><input id=\"pairing_code\" ")
                .append("name=\"pairing_code\" required autocomplete=\"off\" pattern=\"[0-9a-fA-F]{32}\">")
                .append("<button type=\"submit\">Pair with Magento</button></form></section>");
        b.append("<section class=\"card\" aria-labelledby=\"sage\"><h2 id=\"sage\">Sage</h2><dl class=\"facts\">")
                .append("<dt>Business</dt><dd>").append(c.sageBusiness().isBlank() ? "none"
                        : esc(c.sageBusiness())).append("</dd><dt>Tokens</dt><dd>").append(Html.badge(c.sage()))
                .append(' ').append(esc(sageWords(c.sage()))).append("</dd>");
        if (c.reason() != null) {
            b.append("<dt>Last change</dt><dd>").append(esc(c.reason())).append("</dd>");
        }
        b.append("</dl><form method=\"post\" action=\"/dashboard/sage/connect\">").append(Html.csrfField(csrf))
                .append("<label for=\"business_id\">Sage business id (only needed when your Sage login has ")
                .append("several businesses)</label><input id=\"business_id\" name=\"business_id\" ")
                .append("autocomplete=\"off\" value=\"").append(esc(c.sageBusiness())).append("\">")
                .append("<button type=\"submit\">").append("active".equals(c.sage()) ? "Reconnect Sage"
                        : "Connect Sage").append("</button><p class=\"hint\">Opens Sage's sign-in; you come back ")
                .append("here when Sage has authorised sagesync.</p></form></section>");
        return Html.page("Connection", "connection", csrf, b.toString());
    }

    static String magentoWords(String status) {
        return switch (status) {
            case "active" -> "Magento's webhooks are accepted and outcomes are sent back.";
            case "token_revoked" -> "Magento refused our token: pair the store again.";
            case "disconnected" -> "Disconnected in Magento: pair again to resume.";
            default -> status;
        };
    }

    static String sageWords(String status) {
        return switch (status) {
            case "active" -> "Connected; tokens are renewed automatically.";
            case "needs_reauth" -> "Sage no longer accepts our refresh token: connect Sage again.";
            case "not_connected" -> "Not connected: runs cannot post to Sage until you connect.";
            default -> status;
        };
    }
}
