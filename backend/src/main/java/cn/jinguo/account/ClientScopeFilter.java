package cn.jinguo.account;

import static cn.jinguo.account.ClientScope.FEED_READ;
import static cn.jinguo.account.ClientScope.NOTICES_READ;
import static cn.jinguo.account.ClientScope.ORGS_READ;
import static cn.jinguo.account.ClientScope.PLANS_READ;
import static cn.jinguo.account.ClientScope.PLANS_WRITE;
import static cn.jinguo.account.ClientScope.RECEIPTS_WRITE;
import static cn.jinguo.account.ClientScope.SUBMISSIONS_READ;
import static cn.jinguo.account.ClientScope.SUBMISSIONS_WRITE;
import static cn.jinguo.account.ClientScope.TRACKING_READ;
import static cn.jinguo.account.ClientScope.WEBHOOKS_MANAGE;

import cn.jinguo.common.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What an integration client may call, decided before any endpoint runs: the first rule matching the method and path
 * names the scopes that open it; a client holding none of them, or calling what no rule opens (accounts, audit,
 * org changes, publishing, reviewing, integration settings), gets 403 CLIENT_SCOPE_REQUIRED. People are not affected.
 * Behind an opened endpoint the services still check permissions and the client's subtree as for a member.
 */
public class ClientScopeFilter {
    /** {@code anyOf} null: refused to every client. */
    private record Rule(Pattern method, Pattern path, Set<ClientScope> anyOf) {
        static Rule of(String methods, String path, ClientScope... anyOf) {
            return new Rule(
                    Pattern.compile(methods),
                    Pattern.compile(path),
                    anyOf.length == 0 ? Set.of() : EnumSet.of(anyOf[0], anyOf));
        }

        static Rule refused(String methods, String path) {
            return new Rule(Pattern.compile(methods), Pattern.compile(path), null);
        }
    }

    private static final String READ = "GET|HEAD";
    private static final String WRITE = "POST|PUT|PATCH|DELETE";

    /** Paths are relative to /api; the first match decides. An empty scope set: any client may call it. */
    private static final List<Rule> RULES = List.of(
            Rule.of(READ, "/v1/me"),
            Rule.of(READ, "/v1/orgs(/\\d+(/(children|ancestors|counts))?)?", ORGS_READ),
            Rule.of(READ, "/v1/notices/[^/]+/tracking(/.*)?", TRACKING_READ),
            Rule.of(READ, "/v1/notices/[^/]+/featured-pack", SUBMISSIONS_READ),
            Rule.of(READ, "/v1/notices(/.*)?", NOTICES_READ),
            Rule.of(READ, "/v1/inbox(/.*)?", NOTICES_READ),
            Rule.of("POST", "/v1/inbox/[^/]+/sign", RECEIPTS_WRITE),
            // the issuer's side of plans and reports is people's work, whatever a client's scopes
            Rule.refused("POST", "/v1/plans/[^/]+/(acknowledge|return)"),
            Rule.refused("POST", "/v1/submissions/[^/]+/review"),
            Rule.refused(WRITE, "/v1/submissions/[^/]+/entries/[^/]+/featured"),
            Rule.of(READ, "/v1/plans(/.*)?", PLANS_READ),
            Rule.of(WRITE, "/v1/plans(/.*)?", PLANS_WRITE),
            Rule.of(READ, "/v1/submissions(/.*)?", SUBMISSIONS_READ),
            Rule.of(WRITE, "/v1/submissions(/.*)?", SUBMISSIONS_WRITE),
            Rule.of(READ, "/v1/files/.+", NOTICES_READ, PLANS_READ, SUBMISSIONS_READ),
            Rule.of("POST", "/v1/files", SUBMISSIONS_WRITE, PLANS_WRITE),
            Rule.of(READ + "|" + WRITE, "/v1/uploads(/.*)?", SUBMISSIONS_WRITE, PLANS_WRITE),
            Rule.of(READ, "/v1/stats(/.*)?", SUBMISSIONS_READ),
            Rule.of(READ, "/v1/feed(/.*)?", FEED_READ),
            Rule.of(READ + "|" + WRITE, "/v1/webhooks(/.*)?", WEBHOOKS_MANAGE));

    @Inject
    SecurityIdentity identity;

    @Inject
    Caller caller;

    @ServerRequestFilter
    public void requireScope(ContainerRequestContext ctx) {
        if (identity.isAnonymous()) return;
        Caller.Client client = caller.client();
        if (client == null) return;
        String method = ctx.getMethod();
        String path = ctx.getUriInfo().getPath();
        if (path.startsWith("/api/")) path = path.substring(4);
        if (!path.startsWith("/")) path = "/" + path;
        Set<ClientScope> needed = null; // no rule: refused
        for (Rule r : RULES) {
            if (r.method().matcher(method).matches() && r.path().matcher(path).matches()) {
                needed = r.anyOf();
                break;
            }
        }
        if (needed != null && (needed.isEmpty() || needed.stream().anyMatch(client.scopes()::contains))) return;
        String names = needed == null || needed.isEmpty()
                ? "—"
                : needed.stream().map(Enum::name).collect(Collectors.joining(", "));
        throw ApiException.forbidden("CLIENT_SCOPE_REQUIRED", method + " /api" + path, names);
    }
}
