package io.sagesync.admin;

import io.sagesync.application.ReplaySkippedRuns;
import io.sagesync.application.admin.AdminException;
import io.sagesync.application.admin.ConnectSage;
import io.sagesync.application.admin.DisconnectSage;
import io.sagesync.application.admin.KeepSageAlive;
import io.sagesync.application.admin.PairMagento;
import io.sagesync.application.admin.RefreshSageReference;
import io.sagesync.application.admin.SyncSettings;
import io.sagesync.domain.policy.PolicyValidationException;
import io.sagesync.log.Log;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.SageCallException;
import io.sagesync.port.SageReauthRequiredException;
import java.util.Objects;

/**
 * Runs one typed {@link AdminCommand} on its use case and turns every failure an operator can act on into a
 * {@link AdminAnswer.Refused}; nothing escapes. Answers and logs never carry the api_key, OAuth codes, verifiers or
 * tokens.
 */
public final class AdminActions {
    private static final Log LOG = Log.of(AdminActions.class);

    private static final int REPLAY_PROGRESS_EVERY = 10;

    /**
     * The admin's use cases.
     *
     * @param replay the replay of skipped runs onto the sync queue; null when this function has no sync queue
     */
    public record UseCases(PairMagento pair, ConnectSage connect, DisconnectSage disconnect, KeepSageAlive keepAlive,
                           RefreshSageReference reference, SyncSettings settings, ReplaySkippedRuns replay) {
    }

    private final UseCases useCases;

    public AdminActions(UseCases useCases) {
        this.useCases = Objects.requireNonNull(useCases);
    }

    AdminAnswer run(AdminCommand command) {
        Log.withContext("action", command.action());
        try {
            AdminAnswer answer = dispatch(command);
            LOG.info("admin action done");
            return answer;
        } catch (AdminException e) {
            LOG.warn("admin action refused", "error", e.code());
            return new AdminAnswer.Refused(e.code(), e.getMessage());
        } catch (PolicyValidationException e) {
            LOG.warn("admin action refused", "error", "invalid_settings", "fields", e.fieldErrors().size());
            return new AdminAnswer.Refused("invalid_settings", "the policy was not saved; fix the fields below",
                    e.fieldErrors());
        } catch (SageReauthRequiredException e) {
            LOG.warn("admin action refused", "error", "needs_reauth");
            return new AdminAnswer.Refused("needs_reauth", e.getMessage());
        } catch (SageCallException e) {
            LOG.warn("admin action failed", "error", "sage", "classification", e.kind().name());
            return new AdminAnswer.Refused(e.kind().wireName(), e.getMessage());
        } catch (InfrastructureException e) {
            LOG.error("admin action failed", "error", "infrastructure", "detail", e.getMessage());
            return new AdminAnswer.Refused("infrastructure", e.getMessage() + "; try again");
        } finally {
            Log.withContext("action", null);
        }
    }

    private AdminAnswer dispatch(AdminCommand command) {
        return switch (command) {
            case AdminCommand.Pair p -> new AdminAnswer.Paired(
                    useCases.pair().pair(p.shopUrl(), p.pairingCode(), p.ledgerBaseUrl()));
            case AdminCommand.SageConnectStart s -> new AdminAnswer.AuthorizationUrl(
                    useCases.connect().start(s.businessId(), s.replace()));
            case AdminCommand.SageConnectFinish f -> new AdminAnswer.SageConnected(
                    useCases.connect().finish(f.code(), f.state()));
            case AdminCommand.SageDisconnect d -> {
                useCases.disconnect().disconnect();
                yield new AdminAnswer.SageDisconnected();
            }
            case AdminCommand.SageKeepAlive k -> new AdminAnswer.KeptAlive(useCases.keepAlive().run());
            case AdminCommand.RefreshReference r -> new AdminAnswer.Reference(useCases.reference().refresh());
            case AdminCommand.GetSettings g -> new AdminAnswer.Settings(useCases.settings().get());
            case AdminCommand.PutSettings p -> new AdminAnswer.Settings(useCases.settings().put(p.policyDocument()));
            case AdminCommand.Replay r -> new AdminAnswer.Replayed(replay(r));
            case AdminCommand.Invalid i -> throw new AdminException(i.code(), i.message());
            case AdminCommand.Unknown u -> throw new AdminException("unknown_action", "action must be one of pair, "
                    + "sage_connect_start, sage_connect_finish, sage_disconnect, sage_keepalive, "
                    + "refresh_reference, get_settings, put_settings, replay");
        };
    }

    /** A dry run only counts; a replay logs its progress every 10 runs. */
    private ReplaySkippedRuns.Report replay(AdminCommand.Replay command) {
        ReplaySkippedRuns replay = useCases.replay();
        if (replay == null) {
            throw new AdminException("replay_not_configured", "this function has no sync queue");
        }
        return command.dryRun() ? replay.dryRun(command.filter()) : replay.replay(command.filter(), p -> {
            if (p.done() % REPLAY_PROGRESS_EVERY == 0 || p.done() == p.total()) {
                LOG.info("replay progress", "done", p.done(), "total", p.total());
            }
        });
    }

    /** The browser's return from Sage ({@code GET /sage/oauth/callback?code&state}) as a short plain-text page. */
    OAuthCallbackPage oauthCallback(String code, String state, String error) {
        if (error != null) {
            String cleaned = error.replaceAll("[^A-Za-z0-9_ ]", "");
            LOG.warn("sage authorisation declined", "error", cleaned);
            return new OAuthCallbackPage(400, "Sage did not authorise sagesync (" + cleaned
                    + "). Run sage_connect_start again.");
        }
        AdminAnswer answer = run(new AdminCommand.SageConnectFinish(code, state));
        return switch (answer) {
            case AdminAnswer.SageConnected c -> new OAuthCallbackPage(200, "Sage connected to "
                    + c.connected().businessName() + " (" + c.connected().businessId()
                    + "). You can close this window.");
            case AdminAnswer.Refused r -> new OAuthCallbackPage(400, "Sage was not connected: " + r.message());
            default -> throw new IllegalStateException("unexpected answer " + answer.getClass().getSimpleName());
        };
    }

    /** The callback route's answer: status and a plain-text body. */
    record OAuthCallbackPage(int status, String body) {
    }
}
