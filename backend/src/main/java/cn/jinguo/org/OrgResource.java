package cn.jinguo.org;

import cn.jinguo.common.Paging;
import cn.jinguo.common.Versioned;
import cn.jinguo.org.OrgDtos.Crumb;
import cn.jinguo.org.OrgDtos.OrgClose;
import cn.jinguo.org.OrgDtos.OrgCounts;
import cn.jinguo.org.OrgDtos.OrgCreate;
import cn.jinguo.org.OrgDtos.OrgMove;
import cn.jinguo.org.OrgDtos.OrgPage;
import cn.jinguo.org.OrgDtos.OrgUpdate;
import cn.jinguo.org.OrgDtos.OrgView;
import cn.jinguo.org.OrgDtos.SiblingOrder;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/orgs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "组织机构 Orgs", description = "组织树：查询、新建、修改、移动、关闭 / the organization tree")
public class OrgResource {
    private static final String IF_MATCH = "If-Match";

    @Inject
    OrgService service;

    @GET
    @Path("/roots")
    @Operation(
            operationId = "listOrgRoots",
            summary = "我的组织树顶层 / tops of the caller's tree",
            description = "调用者可见范围的顶层组织（其成员身份所在组织）；平台管理员得到根组织。树的其余部分用 children 懒加载。"
                    + " / The orgs at the top of the caller's scope; load the rest lazily through children.")
    public List<OrgView> roots() {
        return service.roots();
    }

    @GET
    @Operation(
            operationId = "searchOrgs",
            summary = "搜索组织 / search orgs",
            description = "在调用者范围内按编码、名称或简称（包含，不分大小写）搜索，可按类型、层级、状态、上级筛选；按层次和排序号排列。"
                    + " / Search within the caller's scope: code, name or short name contains the text.")
    public OrgPage search(
            @QueryParam("q")
                    @Parameter(
                            description = "编码、名称或简称包含此文字（不分大小写）/ code, name or short name contains (case-insensitive)",
                            example = "解放碑")
                    String q,
            @QueryParam("type") OrgType type,
            @QueryParam("level") FederationLevel level,
            @QueryParam("active") @Parameter(description = "true: open only; false: closed only") Boolean active,
            @QueryParam("parentId")
                    @Parameter(description = "Only direct children of this org (404 when outside the scope)")
                    String parentId,
            @QueryParam("id")
                    @Parameter(
                            description =
                                    "只要这些组织（可重复，最多 200 个；范围外的不返回）/ only these orgs (repeatable, ≤ 200;"
                                            + " those outside the scope are left out), e.g. names for the ids a notice's recipient rule holds (?id=118&id=119)")
                    List<String> ids,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1–200") int size) {
        return service.search(q, type, level, active, parentId, ids, new Paging(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getOrg",
            summary = "组织详情 / get an org",
            description = "带 ETag（版本号）。 / Sends the version as ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The org",
            content = @Content(schema = @Schema(implementation = OrgView.class)))
    public Response get(@PathParam("id") String id) {
        return withEtag(service.get(id), Response.ok());
    }

    @POST
    @Operation(
            operationId = "createOrg",
            summary = "新建组织 / create an org",
            description = "在上级组织下新建组织；需要上级的管理员角色。编码全局唯一，同级名称唯一（409）；层级规则不符为 422。"
                    + " / Needs ORG_ADMIN at the parent. Duplicate code or sibling name: 409; a broken tree rule: 422.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = OrgView.class)))
    @APIResponse(responseCode = "409", description = "编码或同级名称已存在 / code or sibling name taken")
    @APIResponse(responseCode = "422", description = "违反组织树规则 / breaks a tree rule")
    public Response create(OrgCreate body, UriInfo uri) {
        OrgView created = service.create(body);
        return withEtag(
                created,
                Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()));
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updateOrg",
            summary = "修改组织 / update an org",
            description = "替换可编辑字段；必须带 If-Match（缺少 428，过期 412）。上级移动请用 move。"
                    + " / Replaces the editable fields; If-Match is required (428 when missing, 412 when stale).")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = OrgView.class)))
    @APIResponse(responseCode = "409", description = "编码或同级名称已存在 / code or sibling name taken")
    @APIResponse(responseCode = "412", description = "数据已被修改 / stale If-Match")
    @APIResponse(responseCode = "422", description = "违反组织树规则 / breaks a tree rule")
    @APIResponse(responseCode = "428", description = "缺少 If-Match / If-Match missing")
    public Response update(
            @PathParam("id") String id,
            @HeaderParam(IF_MATCH)
                    @Parameter(description = "ETag from the last read", required = true, example = "\"3\"")
                    String ifMatch,
            OrgUpdate body) {
        return withEtag(service.update(id, ifMatch, body), Response.ok());
    }

    @POST
    @Path("/{id}/move")
    @Operation(
            operationId = "moveOrg",
            summary = "移动组织 / move an org with its subtree",
            description =
                    "把组织及其全部下级移到新的上级下。需要原上级和新上级的管理员角色；移到自身或下级之下为 409，层级规则不符为 422。"
                            + " / Needs ORG_ADMIN above the org and at the new parent. Into its own subtree: 409; a broken rule: 422.")
    @APIResponse(
            responseCode = "200",
            description = "Moved",
            content = @Content(schema = @Schema(implementation = OrgView.class)))
    @APIResponse(responseCode = "409", description = "会形成环或已在该上级下 / would make a cycle, or already there")
    @APIResponse(responseCode = "412", description = "数据已被修改 / stale If-Match")
    @APIResponse(responseCode = "422", description = "违反组织树规则 / breaks a tree rule")
    public Response move(@PathParam("id") String id, @HeaderParam(IF_MATCH) String ifMatch, OrgMove body) {
        return withEtag(service.move(id, ifMatch, body), Response.ok());
    }

    @POST
    @Path("/{id}/close")
    @Operation(
            operationId = "closeOrg",
            summary = "关闭组织 / close an org",
            description =
                    "关闭（撤销）没有未关闭下级的组织；需要上级的管理员角色。 / Closes an org without open children; needs ORG_ADMIN above it.")
    @APIResponse(
            responseCode = "200",
            description = "Closed",
            content = @Content(schema = @Schema(implementation = OrgView.class)))
    @APIResponse(responseCode = "409", description = "已关闭 / already closed")
    @APIResponse(responseCode = "422", description = "仍有未关闭的下级 / still has open children")
    public Response close(@PathParam("id") String id, @HeaderParam(IF_MATCH) String ifMatch, OrgClose body) {
        return withEtag(service.close(id, ifMatch, body), Response.ok());
    }

    @POST
    @Path("/{id}/reopen")
    @Operation(
            operationId = "reopenOrg",
            summary = "恢复组织 / reopen a closed org",
            description = "恢复已关闭的组织；上级须未关闭。 / Reopens a closed org whose parent is open.")
    @APIResponse(
            responseCode = "200",
            description = "Reopened",
            content = @Content(schema = @Schema(implementation = OrgView.class)))
    @APIResponse(responseCode = "409", description = "未关闭或同级重名 / not closed, or a sibling has the name")
    @APIResponse(responseCode = "422", description = "上级已关闭 / parent closed")
    public Response reopen(@PathParam("id") String id, @HeaderParam(IF_MATCH) String ifMatch) {
        return withEtag(service.reopen(id, ifMatch), Response.ok());
    }

    @GET
    @Path("/{id}/children")
    @Operation(
            operationId = "listOrgChildren",
            summary = "下级组织（懒加载）/ children of an org, one page",
            description =
                    "按排序号、名称分页返回直接下级，每项带 childCount 供树判断是否可展开。 / Direct children, paged, each with its childCount.")
    public OrgPage children(
            @PathParam("id") String id,
            @QueryParam("includeClosed") @DefaultValue("false") boolean includeClosed,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") @Parameter(description = "1–200") int size) {
        return service.children(id, includeClosed, new Paging(page, size));
    }

    @PUT
    @Path("/{id}/children/order")
    @Operation(
            operationId = "reorderOrgChildren",
            summary = "调整下级排序 / reorder children",
            description = "列出的下级依次排在最前，其余保持原有相对顺序。 / Listed children come first in the given order; the rest follow.")
    @APIResponse(responseCode = "204", description = "Reordered")
    @APIResponse(responseCode = "422", description = "含非下级组织 / an id is not a child")
    public void reorder(@PathParam("id") String id, SiblingOrder body) {
        service.reorder(id, body);
    }

    @GET
    @Path("/{id}/ancestors")
    @Operation(
            operationId = "listOrgAncestors",
            summary = "上级路径（面包屑）/ ancestors, top first",
            description = "从调用者范围的顶层到直接上级。 / From the top of the caller's scope down to the parent.")
    @APIResponse(
            responseCode = "200",
            description = "Breadcrumb",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Crumb.class)))
    public List<Crumb> ancestors(@PathParam("id") String id) {
        return service.ancestors(id);
    }

    @GET
    @Path("/{id}/counts")
    @Operation(
            operationId = "countOrgSubtree",
            summary = "下级统计 / counts of the subtree",
            description = "全部下级（不含自身）的数量，按类型、层级分组。 / Descendants by type and level.")
    public OrgCounts counts(@PathParam("id") String id) {
        return service.counts(id);
    }

    private static Response withEtag(OrgView org, Response.ResponseBuilder builder) {
        return builder.entity(org).tag(Versioned.etag(org.version())).build();
    }
}
