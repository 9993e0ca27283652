package cn.jinguo.audit;

import cn.jinguo.audit.AuditService.AuditPage;
import cn.jinguo.common.Paging;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "审计 Audit", description = "变更记录 / who changed what")
public class AuditResource {
    @Inject
    AuditService service;

    @GET
    @Operation(
            operationId = "listAuditEvents",
            summary = "审计记录 / list audit events",
            description = "调用者担任管理员的组织及其下级中发生的变更，新的在前。 / Changes in the orgs the caller administers, newest first.")
    public AuditPage list(
            @QueryParam("orgId") @Parameter(description = "This org and its subtree") String orgId,
            @QueryParam("targetType") @Parameter(example = "org") String targetType,
            @QueryParam("targetId") String targetId,
            @QueryParam("action") @Parameter(example = "org.move") String action,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return service.list(orgId, targetType, targetId, action, new Paging(page, size));
    }
}
