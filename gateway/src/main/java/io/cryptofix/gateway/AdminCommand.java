package io.cryptofix.gateway;

import io.cryptofix.config.AdminConfig;
import io.cryptofix.config.Defaults;
import io.cryptofix.config.GatewayConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code gateway admin status|halt|reduce|resume|kill|reload-credentials}: the admin API of a running gateway from the
 * command line, at the address of its configuration, with the token from {@code CRYPTOFIX_ADMIN_TOKEN}
 * or else the gateway's own file in its data directory. Exit codes: 0 done, 1 refused or failed (the
 * gateway's reason is printed), 2 bad usage.
 */
final class AdminCommand
{
    static final String TOKEN_ENV = "CRYPTOFIX_ADMIN_TOKEN";

    private static final String USAGE = String.join(System.lineSeparator(),
        "usage: gateway admin status [--config FILE]",
        "       gateway admin halt|reduce|kill (--session COMPID | --venue ID | --all) --reason TEXT [--config FILE]",
        "       gateway admin resume (--session COMPID | --venue ID | --all) [--reason TEXT] [--config FILE]",
        "       gateway admin reload-credentials --venue ID [--config FILE]",
        "the token: $" + TOKEN_ENV + ", else the file admin-token in the gateway's data directory");
    private static final List<String> VERBS = List.of("status", "halt", "reduce", "resume", "kill", "reload-credentials");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private AdminCommand()
    {
    }

    /** @param environment  where the token may be, e.g. {@code System::getenv}. */
    static int run(final String[] args, final PrintStream out, final PrintStream err, final UnaryOperator<String> environment)
    {
        if (args.length < 2 || !VERBS.contains(args[1]))
        {
            return usage(err, args.length < 2 ? "which admin request?" : "unknown admin request " + args[1]);
        }
        final AdminAction action = AdminAction.of(args[1]);
        String scope = null;
        String name = null;
        String reason = null;
        String configFile = null;
        for (int i = 2; i < args.length; i++)
        {
            final String option = args[i];
            if ("--all".equals(option))
            {
                if (scope != null)
                {
                    return usage(err, "one of --session, --venue and --all");
                }
                scope = "global";
                continue;
            }
            if (i + 1 >= args.length)
            {
                return usage(err, "unknown option or missing value: " + option);
            }
            final String value = args[++i];
            switch (option)
            {
                case "--session", "--venue" ->
                {
                    if (scope != null)
                    {
                        return usage(err, "one of --session, --venue and --all");
                    }
                    scope = option.substring(2);
                    name = value;
                }
                case "--reason" -> reason = value;
                case "--config" -> configFile = value;
                default ->
                {
                    return usage(err, "unknown option " + option);
                }
            }
        }
        if (action == AdminAction.STATUS && (scope != null || reason != null))
        {
            return usage(err, "status takes no scope and no reason");
        }
        if (action == AdminAction.RELOAD_CREDENTIALS && (!"venue".equals(scope) || reason != null))
        {
            return usage(err, "reload-credentials takes --venue ID, and no other scope or reason");
        }
        if (action != AdminAction.STATUS && scope == null)
        {
            return usage(err, action.word() + " needs --session COMPID, --venue ID or --all");
        }
        if ((action == AdminAction.HALT || action == AdminAction.REDUCE || action == AdminAction.KILL) &&
            (reason == null || reason.isBlank()))
        {
            return usage(err, action.word() + " needs --reason TEXT: it is journaled and shown with the state");
        }
        final GatewayConfig config = configFile == null ? Defaults.config() : GatewayMain.load(Path.of(configFile), err);
        if (config == null)
        {
            return GatewayMain.BAD_INPUT;
        }
        final AdminConfig admin = config.admin();
        if (!admin.enabled())
        {
            err.println("gateway: admin: the admin API is disabled in " + (configFile == null ? "the defaults" : configFile));
            return GatewayMain.FAILED;
        }
        if (admin.port() == 0)
        {
            err.println("gateway: admin: admin.port is 0 (any free port): set the port the gateway listens on");
            return GatewayMain.BAD_INPUT;
        }
        final String token = token(config, environment, err);
        if (token == null)
        {
            return GatewayMain.FAILED;
        }
        final String venue = name;
        final String body = switch (action)
        {
            case STATUS -> null;
            case RELOAD_CREDENTIALS -> AdminJson.object(json -> json.writeStringField("venue", venue));
            default -> request(scope, name, reason == null ? "resumed from the command line" : reason);
        };
        return call(baseUri(admin), action, token, body, out, err);
    }

    private static String request(final String scope, final String name, final String reason)
    {
        return AdminJson.object(json ->
        {
            json.writeStringField("scope", scope);
            if (name != null)
            {
                json.writeStringField("name", name);
            }
            json.writeStringField("reason", reason);
        });
    }

    private static String token(final GatewayConfig config, final UnaryOperator<String> environment, final PrintStream err)
    {
        final String fromEnvironment = environment.apply(TOKEN_ENV);
        if (fromEnvironment != null && !fromEnvironment.isBlank())
        {
            return fromEnvironment.strip();
        }
        // relative to the working directory, as the gateway's own dataDir is
        final Path file = config.dataDir().resolve(AdminTokenFile.FILE_NAME);
        try
        {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        catch (final IOException e)
        {
            err.println("gateway: admin: no token: set " + TOKEN_ENV + ", or run where the gateway's " + file +
                " can be read (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    private static URI baseUri(final AdminConfig admin)
    {
        // a gateway listening on every address is reached on loopback
        final String host = switch (admin.bindAddress())
        {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "::0" -> "::1";
            default -> admin.bindAddress();
        };
        return URI.create("http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + admin.port());
    }

    private static int call(
        final URI base, final AdminAction action, final String token, final String body, final PrintStream out,
        final PrintStream err)
    {
        final URI uri = base.resolve("/" + action.word());
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token);
        if (body == null)
        {
            request.GET();
        }
        else
        {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        final HttpResponse<String> response;
        try
        {
            response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (final ConnectException e)
        {
            err.println("gateway: admin: cannot reach the admin API at " + base + ": is the gateway running?");
            return GatewayMain.FAILED;
        }
        catch (final HttpTimeoutException e)
        {
            err.println("gateway: admin: no answer from " + base + " within " + TIMEOUT.toSeconds() + " s");
            return GatewayMain.FAILED;
        }
        catch (final IOException e)
        {
            err.println("gateway: admin: " + base + ": " + e.getMessage());
            return GatewayMain.FAILED;
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return GatewayMain.FAILED;
        }
        final Map<String, Object> answer = answer(response.body());
        if (response.statusCode() != 200)
        {
            err.println("gateway: admin: " + action.word() + (response.statusCode() < 500 ? " refused" : " failed") +
                " (HTTP " + response.statusCode() + "): " +
                (answer != null && answer.get("error") != null ? answer.get("error") : response.body().strip()));
            if (answer != null && answer.get("results") != null)
            {
                err.println(AdminAnswerText.results(answer));
            }
            return GatewayMain.FAILED;
        }
        if (answer == null)
        {
            err.println("gateway: admin: the answer is not JSON: " + response.body().strip());
            return GatewayMain.FAILED;
        }
        out.println(switch (action)
        {
            case STATUS -> AdminAnswerText.status(answer);
            case RELOAD_CREDENTIALS -> AdminAnswerText.results(answer);
            default -> AdminAnswerText.change(answer);
        });
        return GatewayMain.OK;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answer(final String body)
    {
        try
        {
            return AdminJson.read(body) instanceof Map<?, ?> map ? (Map<String, Object>)map : null;
        }
        catch (final IOException e)
        {
            return null;
        }
    }

    private static int usage(final PrintStream err, final String problem)
    {
        err.println("gateway: admin: " + problem);
        err.println(USAGE);
        return GatewayMain.BAD_INPUT;
    }
}
