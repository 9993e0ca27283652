package cn.jinguo.account;

import cn.jinguo.common.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is behind the current request. Tokens say who the caller is; Jinguo's own tables say what it may do:
 *
 * <ul>
 *   <li>a person (or a script acting as one) with an enabled account: its memberships;
 *   <li>an integration client (a client-credentials token of a Keycloak client registered in integration_client):
 *       its scopes in its org's subtree;
 *   <li>a platform administrator (a realm role, managed in the identity provider), whose account is created on first
 *       sight and cannot be disabled here.
 * </ul>
 *
 * Anyone else is refused with 403.
 */
@RequestScoped
public class Caller {
    public static final String PLATFORM_ADMIN_ROLE = "PLATFORM_ADMIN";

    /** Permissions held in an org (and so in its subtree): a member's role, or an integration client's scopes. */
    public record Grant(
            long orgId,
            String orgPath,
            String orgName,
            String orgCode,
            long membershipId,
            Role role,
            Set<Permission> permissions) {
        Grant(long orgId, String orgPath, String orgName, String orgCode, long membershipId, Role role) {
            this(orgId, orgPath, orgName, orgCode, membershipId, role, role.permissions());
        }
    }

    /** The integration client a machine token belongs to, with its subtree and scopes. */
    public record Client(
            long id,
            String clientId,
            String name,
            long orgId,
            String orgPath,
            String orgName,
            String orgCode,
            Set<ClientScope> scopes) {}

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager em;

    private Account account;
    private Client client;
    private boolean resolved;
    private List<Grant> grants;

    public String username() {
        return identity.getPrincipal().getName();
    }

    public boolean platformAdmin() {
        return identity.hasRole(PLATFORM_ADMIN_ROLE);
    }

    /** Resolves the caller once (403 when it is neither an enabled account nor an enabled integration client). */
    public void require() {
        if (resolved) return;
        account = find();
        if (account == null && platformAdmin()) account = provisionPlatformAdmin();
        if (account == null) client = findClient();
        if (account == null && client == null) throw ApiException.forbidden("ACCOUNT_UNKNOWN", username());
        if (account != null && !account.enabled && !platformAdmin())
            throw ApiException.forbidden("ACCOUNT_DISABLED", username());
        resolved = true;
    }

    /** The caller's account; 403 for an integration client, which has none (no inbox bell, no /accounts). */
    public Account account() {
        require();
        if (account == null) throw ApiException.forbidden("CLIENT_NOT_ALLOWED", username());
        return account;
    }

    /** The integration client behind a machine token, or null for a person. */
    public Client client() {
        require();
        return client;
    }

    /** The integration client, if this request already resolved to one (for response filters; never throws). */
    public Client resolvedClient() {
        return resolved ? client : null;
    }

    public List<Grant> grants() {
        if (grants == null) {
            Client c = client();
            grants = c != null
                    ? List.of(new Grant(c.orgId(), c.orgPath(), c.orgName(), c.orgCode(), 0, null, permissions(c)))
                    : account().memberships.stream()
                            .map(m -> new Grant(m.org.id, m.org.path, m.org.name, m.org.code, m.id, m.role))
                            .toList();
        }
        return grants;
    }

    private static Set<Permission> permissions(Client c) {
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        c.scopes().forEach(s -> all.addAll(s.permissions()));
        return all;
    }

    private Account find() {
        return em.createQuery(
                        """
                        select distinct a from Account a left join fetch a.memberships m left join fetch m.org
                        where lower(a.username) = lower(:u)""",
                        Account.class)
                .setParameter("u", username())
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /**
     * The registered client a client-credentials token was issued to (Keycloak names it in {@code client_id}, and in
     * {@code azp} with the username service-account-&lt;clientId&gt;); a disabled one is 403 CLIENT_DISABLED, an
     * unregistered one falls through to ACCOUNT_UNKNOWN.
     */
    private Client findClient() {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) return null;
        // A person's token names the client it came through in azp too: only the client's own service account
        // (client credentials) speaks for it.
        Object claim = jwt.getClaim("client_id");
        if (claim == null
                && jwt.getClaim("azp") != null
                && username()
                        .equalsIgnoreCase("service-account-"
                                + jwt.getClaim("azp").toString().replace("\"", ""))) claim = jwt.getClaim("azp");
        if (claim == null) return null;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select c.id, c.client_id, c.name, o.id as org_id, o.path, o.name as org_name, o.code, c.enabled,
                               array_to_string(c.scopes, ',')
                        from integration_client c join org o on o.id = c.org_id where c.client_id = :c""")
                .setParameter("c", claim.toString().replace("\"", ""))
                .getResultList();
        if (rows.isEmpty()) return null;
        Object[] r = rows.get(0);
        if (!Boolean.TRUE.equals(r[7])) throw ApiException.forbidden("CLIENT_DISABLED", r[1]);
        Set<ClientScope> scopes = EnumSet.noneOf(ClientScope.class);
        Arrays.stream(((String) r[8]).split(","))
                .filter(s -> !s.isBlank())
                .forEach(s -> scopes.add(ClientScope.valueOf(s)));
        return new Client(
                ((Number) r[0]).longValue(),
                (String) r[1],
                (String) r[2],
                ((Number) r[3]).longValue(),
                (String) r[4],
                (String) r[5],
                (String) r[6],
                scopes);
    }

    private Account provisionPlatformAdmin() {
        String name = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("name") != null
                ? jwt.getClaim("name").toString()
                : username();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        """
                        insert into account (username, display_name, email) values (:u, :n, :e)
                        on conflict (lower(username)) do nothing""")
                .setParameter("u", username())
                .setParameter("n", name)
                .setParameter("e", identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("email") : null)
                .executeUpdate());
        return find();
    }
}
