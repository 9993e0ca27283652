package cn.jinguo.integration;

import cn.jinguo.account.Caller;
import cn.jinguo.account.ClientScope;
import cn.jinguo.account.DataScope;
import cn.jinguo.account.Permission;
import cn.jinguo.audit.AuditLog;
import cn.jinguo.common.ApiException;
import cn.jinguo.common.Ids;
import cn.jinguo.common.Paging;
import cn.jinguo.common.SqlValues;
import cn.jinguo.common.Text;
import cn.jinguo.common.Versioned;
import cn.jinguo.integration.IntegrationDtos.CallPage;
import cn.jinguo.integration.IntegrationDtos.CallView;
import cn.jinguo.integration.IntegrationDtos.ClientCreate;
import cn.jinguo.integration.IntegrationDtos.ClientPage;
import cn.jinguo.integration.IntegrationDtos.ClientUpdate;
import cn.jinguo.integration.IntegrationDtos.ClientView;
import cn.jinguo.org.Org;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Integration clients, managed by platform administrators only: registering a Keycloak client gives its tokens a
 * subtree and scopes in Jinguo; disabling one refuses its tokens at once (403 CLIENT_DISABLED). Changes are audited.
 */
@ApplicationScoped
public class IntegrationClientService {
    @Inject
    EntityManager em;

    @Inject
    DataScope scope;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Transactional
    public ClientPage list(String q, Paging paging) {
        requireAdmin();
        boolean search = q != null && !q.isBlank();
        String where = " from IntegrationClient c"
                + (search ? " where lower(c.name) like :q or lower(c.clientId) like :q" : "");
        var rowsQuery = em.createQuery("select c" + where + " order by c.name, c.id", IntegrationClient.class);
        var countQuery = em.createQuery("select count(c)" + where, Long.class);
        if (search) {
            rowsQuery.setParameter("q", Text.containsPattern(q));
            countQuery.setParameter("q", Text.containsPattern(q));
        }
        List<IntegrationClient> rows = rowsQuery
                .setFirstResult(paging.offset())
                .setMaxResults(paging.size())
                .getResultList();
        long total = countQuery.getSingleResult();
        Map<Long, Instant> lastCalls = lastCalls(rows.stream().map(c -> c.id).toList());
        return new ClientPage(
                rows.stream().map(c -> view(c, lastCalls.get(c.id))).toList(), total, paging.page(), paging.size());
    }

    @Transactional
    public ClientView get(String id) {
        requireAdmin();
        IntegrationClient c = find(id);
        return view(c, lastCalls(List.of(c.id)).get(c.id));
    }

    @Transactional
    public ClientView create(@NotNull @Valid ClientCreate in) {
        requireAdmin();
        Long taken = em.createQuery("select c.id from IntegrationClient c where c.clientId = :c", Long.class)
                .setParameter("c", in.clientId())
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (taken != null) throw ApiException.conflict("CLIENT_ID_TAKEN", in.clientId());
        IntegrationClient c = new IntegrationClient();
        c.clientId = in.clientId();
        c.name = in.name().strip();
        c.description = Text.blankToNull(in.description());
        c.org = org(in.orgId());
        c.scopes = names(in.scopes());
        c.createdBy = caller.username();
        c.updatedAt = Instant.now();
        em.persist(c);
        em.flush();
        audit.record(
                "integration.client.create",
                "integration_client",
                c.id,
                c.org.id,
                c.org.path,
                "登记集成客户端“" + c.name + "”（" + c.clientId + "）：" + String.join("、", c.scopes),
                Map.of("clientId", c.clientId, "scopes", List.of(c.scopes), "orgId", c.org.id.toString()));
        return view(c, null);
    }

    @Transactional
    public ClientView update(String id, String ifMatch, @NotNull @Valid ClientUpdate in) {
        requireAdmin();
        IntegrationClient c = find(id);
        Versioned.requireMatch(ifMatch, c.version);
        Map<String, Object> changes = new LinkedHashMap<>();
        Org org = org(in.orgId());
        String[] scopes = names(in.scopes());
        if (!Objects.equals(c.name, in.name().strip()))
            changes.put("name", in.name().strip());
        if (!Objects.equals(c.description, Text.blankToNull(in.description()))) changes.put("description", "…");
        if (!c.org.id.equals(org.id)) changes.put("orgId", org.id.toString());
        if (!Arrays.equals(c.scopes, scopes)) changes.put("scopes", List.of(scopes));
        if (c.enabled != in.enabled()) changes.put("enabled", in.enabled());
        c.name = in.name().strip();
        c.description = Text.blankToNull(in.description());
        c.org = org;
        c.scopes = scopes;
        c.enabled = in.enabled();
        c.updatedAt = Instant.now();
        em.flush();
        if (!changes.isEmpty())
            audit.record(
                    "integration.client.update",
                    "integration_client",
                    c.id,
                    c.org.id,
                    c.org.path,
                    "修改集成客户端“" + c.name + "”：" + String.join("、", changes.keySet()),
                    changes);
        return view(c, lastCalls(List.of(c.id)).get(c.id));
    }

    @Transactional
    public void delete(String id, String ifMatch) {
        requireAdmin();
        IntegrationClient c = find(id);
        Versioned.requireMatch(ifMatch, c.version);
        audit.record(
                "integration.client.delete",
                "integration_client",
                c.id,
                c.org.id,
                c.org.path,
                "删除集成客户端“" + c.name + "”（" + c.clientId + "）",
                Map.of("clientId", c.clientId));
        em.remove(c);
    }

    /** The client's calls, newest first. */
    @Transactional
    public CallPage calls(String id, Paging paging) {
        requireAdmin();
        IntegrationClient c = find(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select at, method, path, status, duration_ms, count(*) over () from integration_call
                        where client_id = :c order by at desc, id desc limit :limit offset :offset""")
                .setParameter("c", c.id)
                .setParameter("limit", paging.size())
                .setParameter("offset", paging.offset())
                .getResultList();
        long total = rows.isEmpty()
                ? ((Number) em.createNativeQuery("select count(*) from integration_call where client_id = :c")
                                .setParameter("c", c.id)
                                .getSingleResult())
                        .longValue()
                : ((Number) rows.get(0)[5]).longValue();
        List<CallView> items = rows.stream()
                .map(r -> new CallView(
                        SqlValues.instant(r[0]),
                        (String) r[1],
                        (String) r[2],
                        ((Number) r[3]).intValue(),
                        ((Number) r[4]).intValue()))
                .toList();
        return new CallPage(items, total, paging.page(), paging.size());
    }

    private void requireAdmin() {
        if (!scope.unrestricted()) throw ApiException.forbidden("PERMISSION_REQUIRED", Permission.PLATFORM_ADMIN.key);
    }

    private IntegrationClient find(String id) {
        Long key = Ids.parseOrNull(id);
        IntegrationClient c = key == null ? null : em.find(IntegrationClient.class, key);
        if (c == null) throw ApiException.notFound("INTEGRATION_CLIENT_NOT_FOUND", id);
        return c;
    }

    private Org org(String orgId) {
        Long key = Ids.parseOrNull(orgId);
        Org org = key == null ? null : em.find(Org.class, key);
        if (org == null || !org.active) throw ApiException.rule("ORG_NOT_FOUND", orgId);
        return org;
    }

    /** Scope names, sorted and without duplicates (so an unchanged set compares equal). */
    private static String[] names(List<ClientScope> scopes) {
        return new TreeSet<>(scopes.stream().map(Enum::name).toList()).toArray(String[]::new);
    }

    private Map<Long, Instant> lastCalls(List<Long> ids) {
        Map<Long, Instant> out = new java.util.HashMap<>();
        if (ids.isEmpty()) return out;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select c.id, (select max(k.at) from integration_call k where k.client_id = c.id)
                        from integration_client c where c.id in (:ids)""")
                .setParameter("ids", ids)
                .getResultList();
        rows.forEach(r -> {
            if (r[1] != null) out.put(((Number) r[0]).longValue(), SqlValues.instant(r[1]));
        });
        return out;
    }

    private static ClientView view(IntegrationClient c, Instant lastCall) {
        return new ClientView(
                c.id.toString(),
                c.clientId,
                c.name,
                c.description,
                c.org.id.toString(),
                c.org.name,
                Arrays.stream(c.scopes).map(ClientScope::valueOf).toList(),
                c.enabled,
                c.createdBy,
                c.createdAt == null ? c.updatedAt : c.createdAt,
                c.updatedAt,
                lastCall,
                c.version);
    }
}
