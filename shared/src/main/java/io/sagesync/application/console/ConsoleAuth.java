package io.sagesync.application.console;

import io.sagesync.log.JsonLog;
import io.sagesync.port.ConsoleCredentials;
import io.sagesync.port.ConsoleSessions;
import io.sagesync.port.SignInThrottle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Console sign-in (docs/console.md, threat model): one operator password set at deploy, rate-limited per client,
 * compared in constant time; a successful sign-in gets a random 256-bit session token (the cookie) and a random CSRF
 * token bound to that session. Fails closed: no password configured means nobody signs in.
 */
public final class ConsoleAuth {
    private static final JsonLog LOG = JsonLog.of(ConsoleAuth.class);
    public static final Duration SESSION_LIFETIME = Duration.ofHours(8);

    /** A session as the handler needs it: the cookie value (only at sign-in) and the CSRF token for forms. */
    public record Session(String token, String csrfToken) {
    }

    /** Outcome of a sign-in attempt. */
    public sealed interface SignIn {
        record SignedIn(Session session) implements SignIn {
        }

        record WrongPassword() implements SignIn {
        }

        record Throttled() implements SignIn {
        }
    }

    private final ConsoleCredentials credentials;
    private final ConsoleSessions sessions;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final Random random;

    public ConsoleAuth(ConsoleCredentials credentials, ConsoleSessions sessions, SignInThrottle throttle, Clock clock,
                       Random random) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    public SignIn signIn(String password, String clientKey) {
        if (!throttle.tryAttempt(clientKey, clock.instant())) {
            LOG.warn("console sign-in throttled");
            return new SignIn.Throttled();
        }
        byte[] expected = credentials.password();
        try {
            byte[] given = (password == null ? "" : password).getBytes(StandardCharsets.UTF_8);
            // hashing first makes the comparison constant-time whatever the lengths
            boolean match = expected.length > 0 && MessageDigest.isEqual(sha256(expected), sha256(given));
            if (!match) {
                LOG.warn("console sign-in refused");
                return new SignIn.WrongPassword();
            }
        } finally {
            Arrays.fill(expected, (byte) 0);
        }
        Session session = new Session(randomToken(), randomToken());
        sessions.create(hash(session.token()), session.csrfToken(), clock.instant().plus(SESSION_LIFETIME));
        LOG.info("console signed in");
        return new SignIn.SignedIn(session);
    }

    /** The live session for a cookie value, if any. */
    public Optional<Session> session(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return Optional.empty();
        }
        return sessions.csrfToken(hash(token), clock.instant()).map(csrf -> new Session(token, csrf));
    }

    /** Constant-time check of a form's CSRF token against the session's. */
    public static boolean csrfMatches(Session session, String formToken) {
        return formToken != null && MessageDigest.isEqual(
                session.csrfToken().getBytes(StandardCharsets.UTF_8), formToken.getBytes(StandardCharsets.UTF_8));
    }

    public void signOut(Session session) {
        sessions.delete(hash(session.token()));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JCE algorithm", e);
        }
    }
}
