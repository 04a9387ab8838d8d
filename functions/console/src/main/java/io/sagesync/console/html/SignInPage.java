package io.sagesync.console.html;

import static io.sagesync.console.html.Html.esc;

/** The sign-in form: one password field, set at deploy (docs/console.md). */
public final class SignInPage {
    private SignInPage() {
    }

    public static String render(String error, String next) {
        String body = Html.notice("error", error)
                + "<form method=\"post\" action=\"/dashboard/sign-in\" class=\"card narrow\">"
                + "<input type=\"hidden\" name=\"next\" value=\"" + esc(next) + "\">"
                + "<label for=\"password\">Console password</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" "
                + "required autofocus" + (error == null ? "" : " aria-invalid=\"true\"") + ">"
                + "<p class=\"hint\">Set at deploy in the stack's ConsoleSecret (see README, Console).</p>"
                + "<button type=\"submit\">Sign in</button></form>";
        return Html.page("Sign in", null, null, body);
    }
}
