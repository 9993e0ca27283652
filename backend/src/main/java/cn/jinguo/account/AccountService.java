package cn.jinguo.account;

import static cn.jinguo.common.Text.blankToNull;

import cn.jinguo.account.AccountDtos.AccountCreate;
import cn.jinguo.account.AccountDtos.AccountPage;
import cn.jinguo.account.AccountDtos.AccountUpdate;
import cn.jinguo.account.AccountDtos.AccountView;
import cn.jinguo.account.AccountDtos.MembershipCreate;
import cn.jinguo.audit.AuditLog;
import cn.jinguo.common.ApiException;
import cn.jinguo.common.Ids;
import cn.jinguo.common.Paging;
import cn.jinguo.common.Text;
import cn.jinguo.common.Versioned;
import cn.jinguo.org.Org;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts and their memberships. An account is visible when one of its memberships lies in the caller's
 * scope; it can be changed only by someone who administers accounts over all of its memberships.
 */
@ApplicationScoped
public class AccountService {
    @Inject
    EntityManager em;

    @Inject
    DataScope scope;

    @Inject
    AuditLog audit;

    @Transactional
    public AccountPage list(String orgId, String q, Paging paging) {
        DataScope.Reach reach = scope.requireSomewhere(Permission.ACCOUNT_READ);
        DataScope.Filter filter = reach.filter("m.org.path");
        StringBuilder where = new StringBuilder(" from Account a where ");
        Map<String, Object> params = new HashMap<>(filter.params());
        if (reach.everywhere() && orgId == null) {
            where.append("1 = 1");
        } else {
            where.append("exists (select 1 from Membership m where m.account = a and ")
                    .append(filter.condition());
            if (orgId != null) {
                where.append(" and m.org.id = :orgId");
                params.put("orgId", Ids.parseOrNull(orgId) == null ? -1L : Ids.parseOrNull(orgId));
            }
            where.append(")");
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(a.username) like :q or lower(a.displayName) like :q)");
            params.put("q", Text.containsPattern(q));
        }
        TypedQuery<Long> ids = em.createQuery("select a.id" + where + " order by a.username", Long.class);
        TypedQuery<Long> count = em.createQuery("select count(a)" + where, Long.class);
        params.forEach((k, v) -> {
            ids.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Long> page =
                ids.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        List<AccountView> items = page.isEmpty()
                ? List.of()
                : em
                        .createQuery(
                                """
                        select distinct a from Account a left join fetch a.memberships m left join fetch m.org
                        where a.id in :ids order by a.username""",
                                Account.class)
                        .setParameter("ids", page)
                        .getResultList()
                        .stream()
                        .map(this::scopedView)
                        .toList();
        return new AccountPage(items, count.getSingleResult(), paging.page(), paging.size());
    }

    @Transactional
    public AccountView get(String id) {
        return scopedView(visible(id));
    }

    @Transactional
    public AccountView create(@NotNull @Valid AccountCreate in) {
        Account a = new Account();
        a.username = in.username().trim();
        a.displayName = in.displayName().trim();
        a.email = blankToNull(in.email());
        a.phone = blankToNull(in.phone());
        // Rights first, so that whether a username exists is told only to those who may open accounts.
        for (MembershipCreate mc : in.memberships()) addMembership(a, mc);
        if (em.createQuery("select count(a) from Account a where lower(a.username) = lower(:u)", Long.class)
                        .setParameter("u", in.username())
                        .getSingleResult()
                > 0) {
            throw ApiException.conflict("ACCOUNT_USERNAME_TAKEN", in.username());
        }
        em.persist(a);
        em.flush();
        audit.record(
                "account.create",
                "account",
                a.id,
                a.memberships.get(0).org.id,
                a.memberships.get(0).org.path,
                "开通账号“" + a.username + "”（" + a.displayName + "）",
                Map.of("memberships", a.memberships.size()));
        return AccountDtos.view(a);
    }

    @Transactional
    public AccountView update(String id, String ifMatch, @NotNull @Valid AccountUpdate in) {
        Account a = visible(id);
        requireAdministers(a);
        Versioned.requireMatch(ifMatch, a.version);
        a.displayName = in.displayName().trim();
        a.email = blankToNull(in.email());
        a.phone = blankToNull(in.phone());
        boolean enabledChanged = a.enabled != in.enabled();
        a.enabled = in.enabled();
        em.flush();
        Membership first = a.memberships.isEmpty() ? null : a.memberships.get(0);
        audit.record(
                enabledChanged ? (a.enabled ? "account.enable" : "account.disable") : "account.update",
                "account",
                a.id,
                first == null ? null : first.org.id,
                first == null ? null : first.org.path,
                (enabledChanged ? (a.enabled ? "启用" : "停用") : "修改") + "账号“" + a.username + "”",
                null);
        return scopedView(a);
    }

    @Transactional
    public AccountView grant(String id, String ifMatch, @NotNull @Valid MembershipCreate in) {
        Account a = visible(id);
        Membership m = addMembership(a, in);
        Versioned.checkMatch(ifMatch, a.version);
        touch(a);
        audit.record(
                "membership.create",
                "account",
                a.id,
                m.org.id,
                m.org.path,
                "授予“" + a.username + "”在“" + m.org.name + "”的" + m.role + "角色",
                null);
        return scopedView(a);
    }

    @Transactional
    public AccountView revoke(String id, String membershipId, String ifMatch) {
        Account a = visible(id);
        Long mid = Ids.parseOrNull(membershipId);
        Membership m = a.memberships.stream()
                .filter(x -> x.id.equals(mid) && scope.covers(x.org.path))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("MEMBERSHIP_NOT_FOUND", membershipId));
        scope.require(Permission.ACCOUNT_WRITE, m.org.path);
        Versioned.checkMatch(ifMatch, a.version);
        a.memberships.remove(m);
        touch(a);
        audit.record(
                "membership.delete",
                "account",
                a.id,
                m.org.id,
                m.org.path,
                "撤销“" + a.username + "”在“" + m.org.name + "”的" + m.role + "角色",
                null);
        return scopedView(a);
    }

    /** Memberships are part of the account as read (and of its ETag): changing them moves its version. */
    private void touch(Account a) {
        em.flush();
        em.lock(a, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }

    private Membership addMembership(Account a, MembershipCreate in) {
        Long orgId = Ids.parseOrNull(in.orgId());
        Org org = orgId == null ? null : em.find(Org.class, orgId);
        scope.requireVisible(org == null ? null : org.path, "ORG_NOT_FOUND", in.orgId());
        scope.require(Permission.ACCOUNT_WRITE, org.path);
        if (a.memberships.stream().anyMatch(m -> m.org.id.equals(org.id) && m.role == in.role())) {
            throw ApiException.conflict("MEMBERSHIP_EXISTS", in.role());
        }
        Membership m = new Membership();
        m.account = a;
        m.org = org;
        m.role = in.role();
        a.memberships.add(m);
        return m;
    }

    private Account visible(String id) {
        Long key = Ids.parseOrNull(id);
        List<Account> found = key == null
                ? List.of()
                : em.createQuery(
                                """
                        select distinct a from Account a left join fetch a.memberships m left join fetch m.org
                        where a.id = :id""",
                                Account.class)
                        .setParameter("id", key)
                        .getResultList();
        DataScope.Reach reach = scope.requireSomewhere(Permission.ACCOUNT_READ);
        if (found.isEmpty()) throw ApiException.notFound("ACCOUNT_NOT_FOUND", id);
        Account a = found.get(0);
        if (a.memberships.stream().noneMatch(m -> reach.covers(m.org.path))) {
            throw ApiException.notFound("ACCOUNT_NOT_FOUND", id);
        }
        return a;
    }

    private void requireAdministers(Account a) {
        for (Membership m : a.memberships) scope.require(Permission.ACCOUNT_WRITE, m.org.path);
        if (a.memberships.isEmpty() && !scope.unrestricted()) {
            throw ApiException.forbidden("PERMISSION_REQUIRED", Permission.PLATFORM_ADMIN.key);
        }
    }

    /** Memberships outside the caller's scope are not shown: they would reveal orgs the caller cannot see. */
    private AccountView scopedView(Account a) {
        AccountView v = AccountDtos.view(a);
        DataScope.Reach reach = scope.reach(Permission.ACCOUNT_READ);
        if (reach.everywhere()) return v;
        return new AccountView(
                v.id(),
                v.username(),
                v.displayName(),
                v.email(),
                v.phone(),
                v.enabled(),
                a.memberships.stream()
                        .filter(m -> reach.covers(m.org.path))
                        .map(AccountDtos::membership)
                        .toList(),
                v.version());
    }
}
