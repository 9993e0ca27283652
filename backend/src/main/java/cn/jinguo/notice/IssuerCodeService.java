package cn.jinguo.notice;

import cn.jinguo.account.DataScope;
import cn.jinguo.account.Permission;
import cn.jinguo.audit.AuditLog;
import cn.jinguo.common.ApiException;
import cn.jinguo.common.Ids;
import cn.jinguo.common.Versioned;
import cn.jinguo.notice.NoticeDtos.IssuerCodeInput;
import cn.jinguo.notice.NoticeDtos.IssuerCodeView;
import cn.jinguo.org.Org;
import cn.jinguo.org.OrgRepository;
import cn.jinguo.org.OrgService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;

/** 机关代字 per org: read by anyone who sees the org, managed by its administrators (org:write). */
@ApplicationScoped
public class IssuerCodeService {
    @Inject
    EntityManager em;

    @Inject
    OrgRepository orgs;

    @Inject
    OrgService orgService;

    @Inject
    DataScope scope;

    @Inject
    AuditLog audit;

    @Transactional
    public List<IssuerCodeView> list(String orgId) {
        if (orgId == null) throw ApiException.field("orgId", "NotBlank");
        Org org = orgService.visible(orgId);
        return em.createQuery("from IssuerCode c where c.orgId = :org order by c.code", IssuerCode.class)
                .setParameter("org", org.id)
                .getResultStream()
                .map(IssuerCodeService::view)
                .toList();
    }

    @Transactional
    public IssuerCodeView create(@NotNull @Valid IssuerCodeInput in) {
        if (in.orgId() == null) throw ApiException.field("orgId", "NotBlank");
        Org org = orgService.visible(in.orgId());
        scope.require(Permission.ORG_WRITE, org.path);
        requireFree(in.code().trim(), null);
        IssuerCode c = new IssuerCode();
        c.orgId = org.id;
        c.code = in.code().trim();
        c.description = in.description() == null || in.description().isBlank()
                ? null
                : in.description().trim();
        c.active = in.active() == null || in.active();
        em.persist(c);
        em.flush();
        audit.record("issuer-code.create", "issuer_code", c.id, org.id, org.path, "新增机关代字“" + c.code + "”", null);
        return view(c);
    }

    @Transactional
    public IssuerCodeView update(String id, String ifMatch, @NotNull @Valid IssuerCodeInput in) {
        Long key = Ids.parseOrNull(id);
        IssuerCode c = key == null ? null : em.find(IssuerCode.class, key);
        Org org = c == null ? null : orgs.findById(c.orgId);
        scope.requireVisible(org == null ? null : org.path, "ISSUER_CODE_NOT_FOUND", id);
        scope.require(Permission.ORG_WRITE, org.path);
        Versioned.requireMatch(ifMatch, c.version);
        if (in.orgId() != null && !in.orgId().equals(Long.toString(c.orgId)))
            throw ApiException.rule("ISSUER_CODE_ORG_FIXED");
        String code = in.code().trim();
        if (!code.equals(c.code)) {
            // A code that has numbered documents is part of their numbers: it can be retired, not renamed.
            long used = em.createQuery("select count(n) from Notice n where n.issuerCodeId = :id", Long.class)
                    .setParameter("id", c.id)
                    .getSingleResult();
            if (used > 0) throw ApiException.rule("ISSUER_CODE_IN_USE", c.code, used);
            requireFree(code, c.id);
        }
        String before = c.code;
        c.code = code;
        c.description = in.description() == null || in.description().isBlank()
                ? null
                : in.description().trim();
        if (in.active() != null) c.active = in.active();
        em.flush();
        audit.record(
                "issuer-code.update",
                "issuer_code",
                c.id,
                org.id,
                org.path,
                "修改机关代字“" + before + "”" + (c.active ? "" : "（停用）"),
                Map.of("code", c.code, "active", c.active));
        return view(c);
    }

    private void requireFree(String code, Long exceptId) {
        List<IssuerCode> same = em.createQuery("from IssuerCode c where c.code = :code", IssuerCode.class)
                .setParameter("code", code)
                .getResultList();
        if (same.stream().anyMatch(c -> !c.id.equals(exceptId))) throw ApiException.conflict("ISSUER_CODE_TAKEN", code);
    }

    static IssuerCodeView view(IssuerCode c) {
        return new IssuerCodeView(c.id.toString(), Long.toString(c.orgId), c.code, c.description, c.active, c.version);
    }
}
