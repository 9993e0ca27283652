package cn.jinguo.account;

import cn.jinguo.common.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The account behind the current request. Tokens say who the caller is; Jinguo's own tables say what it may
 * do. An identity without an enabled account is refused with 403, except platform administrators (a realm
 * role, managed in the identity provider), whose account is created on first sight and cannot be disabled here.
 */
@RequestScoped
public class Caller {
    public static final String PLATFORM_ADMIN_ROLE = "PLATFORM_ADMIN";

    /** A role held in an org (and so in its subtree). */
    public record Grant(long orgId, String orgPath, String orgName, String orgCode, long membershipId, Role role) {}

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager em;

    private Account account;
    private List<Grant> grants;

    public String username() {
        return identity.getPrincipal().getName();
    }

    public boolean platformAdmin() {
        return identity.hasRole(PLATFORM_ADMIN_ROLE);
    }

    public Account account() {
        if (account == null) {
            account = find();
            if (account == null && platformAdmin()) account = provisionPlatformAdmin();
            if (account == null) throw ApiException.forbidden("ACCOUNT_UNKNOWN", username());
            if (!account.enabled && !platformAdmin()) throw ApiException.forbidden("ACCOUNT_DISABLED", username());
        }
        return account;
    }

    public List<Grant> grants() {
        if (grants == null) {
            grants = account().memberships.stream()
                    .map(m -> new Grant(m.org.id, m.org.path, m.org.name, m.org.code, m.id, m.role))
                    .toList();
        }
        return grants;
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
