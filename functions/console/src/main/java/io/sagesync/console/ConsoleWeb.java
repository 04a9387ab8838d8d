package io.sagesync.console;

import io.sagesync.application.console.ConsoleAuth;
import io.sagesync.console.html.Html;
import io.sagesync.console.html.SignInPage;
import io.sagesync.log.Log;
import io.sagesync.port.InfrastructureException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The web console's front door: the sign-in, the session gate, the cross-site checks and the page headers. Only
 * the sign-in page and the stylesheet are served without a session; every other route answers a redirect to the
 * sign-in (GET) or 401 (anything else) and shows no data. Every POST must come from our own origin and carry the
 * session's CSRF token. Pages themselves are {@link ConsolePages}. Threat model: docs/console.md.
 */
final class ConsoleWeb {
    private static final Log LOG = Log.of(ConsoleWeb.class);
    static final String COOKIE = "__Host-sagesync_session";
    private static final Map<String, String> NOTICES = Map.ofEntries(
            Map.entry("retried", "Run queued again; refresh in a few seconds to see the outcome."),
            Map.entry("not_failed", "Only a failed run can be retried; this one is not failed (any more)."),
            Map.entry("redriven", "Dead-lettered jobs were moved back to the sync queue."),
            Map.entry("redriven_run", "This run's dead-lettered job was moved back to the sync queue."),
            Map.entry("not_dead_lettered", "No job of this run is at the head of the dead-letter queue any more."),
            Map.entry("replayed", "This is the replay of a skipped run; it was queued. Refresh in a few seconds."),
            Map.entry("not_replayable", "Only a skipped run of an event the worker supports can be replayed."),
            Map.entry("replayed_all", "Skipped runs replayed: %d."),
            Map.entry("recounted", "Tile figures recounted from the runs; runs corrected: %d."),
            Map.entry("recounted_more", "Tile figures partly recounted (runs corrected: %d); recount again."),
            Map.entry("saved", "Settings saved."),
            Map.entry("paired", "Paired with Magento."),
            Map.entry("signed_out", "Signed out."));

    private final String tenantId;
    private final ConsoleAuth auth;
    private final ConsolePages pages;
    private final ShopOrigin shopOrigin;

    /** The paired shop's origin for {@code frame-ancestors}; empty when not paired (then nobody may frame us). */
    interface ShopOrigin {
        String origin();
    }

    ConsoleWeb(String tenantId, ConsoleAuth auth, ConsolePages pages, ShopOrigin shopOrigin) {
        this.tenantId = Objects.requireNonNull(tenantId);
        this.auth = Objects.requireNonNull(auth);
        this.pages = Objects.requireNonNull(pages);
        this.shopOrigin = Objects.requireNonNull(shopOrigin);
    }

    static boolean handles(String path) {
        return path.equals("/dashboard") || path.startsWith("/dashboard/") || path.startsWith("/embed/");
    }

    WebResponse handle(WebRequest request) {
        try {
            return withPageHeaders(route(request));
        } catch (InfrastructureException e) {
            LOG.warn("console request failed transiently", "cause", e.getMessage());
            return withPageHeaders(WebResponse.html(503, Html.page("Try again", null, null,
                    "<p>sagesync could not reach its storage just now. Reload the page in a moment.</p>")));
        } catch (RuntimeException e) {
            LOG.error("console request failed", "exception", e.getClass().getName(), "at",
                    e.getStackTrace().length == 0 ? null : e.getStackTrace()[0].toString());
            return withPageHeaders(WebResponse.html(500, Html.page("Something went wrong", null, null,
                    "<p>An unexpected error; nothing was changed. Reload the page to try again.</p>")));
        }
    }

    private WebResponse route(WebRequest r) {
        String path = r.path();
        if (path.equals("/dashboard/assets/console.css") && r.method().equals("GET")) {
            return WebResponse.css(ConsolePages.stylesheet());
        }
        if (path.startsWith("/embed/")) {
            if (!path.substring("/embed/".length()).equals(tenantId) || !r.method().equals("GET")) {
                return WebResponse.html(404, Html.page("Not found", null, null, "<p>No such console.</p>"));
            }
            path = "/dashboard";
        }
        if (path.equals("/dashboard/sign-in")) {
            return signIn(r);
        }
        Optional<ConsoleAuth.Session> session = auth.session(r.cookies().get(COOKIE));
        if (session.isEmpty()) {
            if (r.method().equals("GET")) {
                return WebResponse.seeOther("/dashboard/sign-in?next=" + java.net.URLEncoder.encode(path,
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            return WebResponse.html(401, SignInPage.render("Sign in first.", "/dashboard"));
        }
        if (!r.method().equals("GET")) {
            if (!sameOrigin(r) || !ConsoleAuth.csrfMatches(session.get(), r.form().get("csrf"))) {
                LOG.warn("console action refused: cross-site or missing CSRF token", "path", path);
                return WebResponse.html(403, Html.page("Refused", null, null,
                        "<p>This action did not come from a console page. Go back and try again.</p>"));
            }
            if (path.equals("/dashboard/sign-out")) {
                auth.signOut(session.get());
                return WebResponse.seeOther("/dashboard/sign-in").cookie(COOKIE + "=; Path=/; Max-Age=0; Secure; "
                        + "HttpOnly; SameSite=None; Partitioned");
            }
        }
        return pages.handle(r.method(), path, r, session.get().csrfToken(), notice(r));
    }

    /** A fixed sentence per notice code (never request text); {@code count} only ever as a number. */
    static String notice(WebRequest r) {
        String template = r.param("notice") == null ? null : NOTICES.get(r.param("notice"));
        if (template == null || !template.contains("%d")) {
            return template;
        }
        try {
            return String.format(java.util.Locale.ROOT, template, Integer.parseInt(r.param("count")));
        } catch (NumberFormatException e) {
            return template.replace(": %d", "");
        }
    }

    private WebResponse signIn(WebRequest r) {
        String next = safeNext(r.method().equals("POST") ? r.form().get("next") : r.param("next"));
        if (r.method().equals("GET")) {
            return WebResponse.html(200, SignInPage.render(null, next));
        }
        if (!r.method().equals("POST") || !sameOrigin(r)) {
            return WebResponse.html(403, SignInPage.render("Sign in from this page.", next));
        }
        return switch (auth.signIn(r.form().get("password"), r.sourceIp())) {
            case ConsoleAuth.SignIn.SignedIn s -> WebResponse.seeOther(next).cookie(COOKIE + "="
                    + s.session().token() + "; Path=/; Max-Age=" + ConsoleAuth.SESSION_LIFETIME.toSeconds()
                    + "; Secure; HttpOnly; SameSite=None; Partitioned");
            case ConsoleAuth.SignIn.WrongPassword w ->
                    WebResponse.html(401, SignInPage.render("That password is not right.", next));
            case ConsoleAuth.SignIn.Throttled t -> WebResponse.html(429,
                    SignInPage.render("Too many attempts; wait 15 minutes and try again.", next))
                    .header("Retry-After", "900");
        };
    }

    /** Only our own pages are redirect targets (no open redirect). */
    static String safeNext(String next) {
        if (next != null && (next.equals("/dashboard") || next.startsWith("/dashboard/"))
                && !next.startsWith("/dashboard/sign-") && next.chars().allMatch(c -> c > 0x20 && c < 0x7f)
                && !next.contains("//") && !next.contains("\\")) {
            return next;
        }
        return "/dashboard";
    }

    /**
     * A state-changing request must name our own origin: browsers send {@code Origin} on every cross-origin and
     * same-origin POST, so a missing, {@code null} or foreign one is refused, and so is a fetch the browser itself
     * marks {@code cross-site}.
     */
    static boolean sameOrigin(WebRequest r) {
        String origin = r.header("origin");
        String host = r.header("host");
        if (origin == null || host == null || "cross-site".equals(r.header("sec-fetch-site"))) {
            return false;
        }
        String proto = r.header("x-forwarded-proto") == null ? "https" : r.header("x-forwarded-proto");
        return origin.equals(proto + "://" + host);
    }

    private WebResponse withPageHeaders(WebResponse response) {
        String origin = "";
        try {
            origin = shopOrigin.origin();
        } catch (RuntimeException e) {
            LOG.warn("shop origin unknown; framing refused", "exception", e.getClass().getSimpleName());
        }
        String ancestors = origin == null || origin.isBlank() ? "'none'" : origin;
        return response.header("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; "
                + "form-action 'self' " + pages.sageAuthorizeOrigin() + "; base-uri 'none'; frame-ancestors "
                + ancestors);
    }
}
