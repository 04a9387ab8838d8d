package io.sagesync.console.html;

/**
 * The console's page frame and escaping. Every dynamic value goes through {@link #esc}; pages are plain strings
 * (no template engine, no script), styled by one stylesheet served by the stack itself.
 */
public final class Html {
    private Html() {
    }

    /** Escapes text for element content and double-quoted attributes. */
    public static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A whole page; {@code nav} is the active area ("connection", "runs", ...) or null for none. */
    public static String page(String title, String nav, String csrf, String body) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append(" · sagesync</title>")
                .append("<link rel=\"stylesheet\" href=\"/dashboard/assets/console.css\"></head><body>")
                .append("<header><span class=\"brand\">sagesync</span>");
        if (nav != null) {
            b.append("<nav aria-label=\"Console\"><ul>");
            link(b, nav, "connection", "/dashboard", "Connection");
            link(b, nav, "runs", "/dashboard/runs", "Runs");
            link(b, nav, "reconciliation", "/dashboard/reconciliation", "Reconciliation");
            link(b, nav, "settings", "/dashboard/settings", "Settings");
            b.append("</ul></nav><form method=\"post\" action=\"/dashboard/sign-out\" class=\"signout\">")
                    .append(csrfField(csrf)).append("<button type=\"submit\">Sign out</button></form>");
        }
        b.append("</header><main id=\"main\"><h1>").append(esc(title)).append("</h1>").append(body)
                .append("</main></body></html>");
        return b.toString();
    }

    private static void link(StringBuilder b, String active, String key, String href, String label) {
        b.append("<li><a href=\"").append(href).append('"');
        if (key.equals(active)) {
            b.append(" aria-current=\"page\"");
        }
        b.append('>').append(label).append("</a></li>");
    }

    public static String csrfField(String csrf) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(csrf) + "\">";
    }

    /** A status message announced to screen readers. */
    public static String notice(String kind, String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return "<p class=\"notice " + esc(kind) + "\" role=\"" + ("error".equals(kind) ? "alert" : "status")
                + "\">" + esc(text) + "</p>";
    }

    /** A small status badge; the word itself carries the meaning (colour only repeats it). */
    public static String badge(String status) {
        return "<span class=\"badge " + esc(status) + "\">" + esc(status) + "</span>";
    }
}
