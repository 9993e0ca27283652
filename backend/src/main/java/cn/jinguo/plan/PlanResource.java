package cn.jinguo.plan;

import cn.jinguo.common.Paging;
import cn.jinguo.common.Versioned;
import cn.jinguo.plan.PlanDtos.PlanInput;
import cn.jinguo.plan.PlanDtos.PlanPage;
import cn.jinguo.plan.PlanDtos.PlanView;
import cn.jinguo.plan.PlanDtos.ProgressInput;
import cn.jinguo.plan.PlanDtos.ReturnRequest;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/plans")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "活动方案 Plans",
        description = "活动方案的编写、备案、确认与退回、目标进度 / activity plans: writing, filing (备案), review, progress")
public class PlanResource {
    private static final String IF_MATCH = "If-Match";

    @Inject
    PlanService service;

    @GET
    @Operation(
            operationId = "listPlans",
            summary = "方案列表 / list plans",
            description = "调用者范围内单位的方案；报给范围内单位备案的方案（部室只看到报给本部室所发通知的方案）；已发布通知随附的发文单位方案。"
                    + "按最近修改排序；q 匹配标题、主题、正文和活动项。filedTo=true 只看报给调用者所在单位备案的方案（待我审核）。"
                    + " / Plans of orgs in the caller's subtree, plans filed with orgs there (a department sees those"
                    + " filed to its own notices only), and issuers' plans carried by published notices the caller"
                    + " reads; newest change first. q matches title, theme, text and items. filedTo=true keeps the"
                    + " plans filed with the caller's own orgs (to review).")
    public PlanPage list(
            @QueryParam("orgId") @Parameter(description = "方案所属单位 / the plan's org", example = "118") String orgId,
            @QueryParam("noticeId") @Parameter(description = "答复或随附的通知 / the notice it answers or is carried by")
                    String noticeId,
            @QueryParam("status") PlanStatus status,
            @QueryParam("kind") PlanKind kind,
            @QueryParam("q") @Parameter(description = "检索词 / search term", example = "姐妹驿站") String q,
            @QueryParam("filedTo")
                    @DefaultValue("false")
                    @Parameter(description = "只看报给本人所在单位备案的方案 / only plans filed with the caller's orgs")
                    boolean filedTo,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1–200") int size) {
        return service.list(orgId, noticeId, status, kind, q, filedTo, new Paging(page, size));
    }

    @POST
    @Operation(
            operationId = "createPlan",
            summary = "新建方案 / create a plan",
            description = "需要方案所属单位本单位的 plan:write（管理员、编辑）。noticeId 为本单位收到的通知时是备案方案（每份收文一份），"
                    + "为本单位发出的通知时是随通知印发的方案（每份通知一份），不填为独立方案（向上级备案）。"
                    + " / Needs plan:write as a member of the plan's org. A notice the org received makes a filing (one"
                    + " per receipt), one it issued the plan carried by it (one per notice); none, a standalone plan"
                    + " filed with the parent org.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "该收文或通知已有方案、通知已撤回 / a plan exists already, notice withdrawn")
    @APIResponse(responseCode = "422", description = "单位已关闭、通知与本单位无关 / org closed, notice unrelated to the org")
    public Response create(PlanInput body, UriInfo uri) {
        PlanView created = service.create(body);
        return withEtag(
                created,
                Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getPlan",
            summary = "方案详情 / get a plan",
            description = "带 ETag；actions 列出调用者现在可执行的操作。 / Sends an ETag; actions lists what the caller may do now.")
    @APIResponse(
            responseCode = "200",
            description = "The plan",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response get(@PathParam("id") String id) {
        return withEtag(service.get(id), Response.ok());
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updatePlan",
            summary = "修改方案 / update a plan",
            description = "草稿或被退回的方案可修改，整体替换内容，必须带 If-Match。活动项带 id 保留其进度。"
                    + " / Drafts and returned plans; replaces the content, If-Match required. Items sent with their id"
                    + " keep their progress.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "已备案或已确认 / filed or acknowledged")
    @APIResponse(responseCode = "412", description = "数据已被修改 / stale If-Match")
    @APIResponse(responseCode = "422", description = "所属单位或通知不可更改 / org or notice changed")
    @APIResponse(responseCode = "428", description = "缺少 If-Match / If-Match missing")
    public Response update(
            @PathParam("id") String id,
            @HeaderParam(IF_MATCH) @Parameter(description = "ETag from the last read", required = true) String ifMatch,
            PlanInput body) {
        return withEtag(service.update(id, ifMatch, body), Response.ok());
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deletePlan",
            summary = "删除草稿 / delete a draft plan",
            description = "只能删除草稿；备案过的方案留存。 / Drafts only; a plan once filed stays.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "不是草稿 / not a draft")
    @APIResponse(responseCode = "412", description = "数据已被修改 / stale If-Match")
    public void delete(@PathParam("id") String id, @HeaderParam(IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Path("/{id}/file")
    @Operation(
            operationId = "filePlan",
            summary = "备案 / file a plan",
            description = "把草稿或被退回的方案报送备案：答复通知的报发文单位（设有收文部门时报该部门），独立方案报上级单位；"
                    + "同时更新本单位收文的方案状态，并通知审核单位。随通知印发的方案不备案（422）。"
                    + " / Files a draft or returned plan with the notice's issuer (its receiving department when set),"
                    + " or a standalone plan with the parent org; moves the receipt's plan status in the same"
                    + " transaction and tells the reviewers. A plan carried by its notice is not filed (422).")
    @APIResponse(
            responseCode = "200",
            description = "Filed",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "已备案、已确认或通知已撤回 / filed already, or notice withdrawn")
    @APIResponse(responseCode = "412", description = "数据已被修改 / stale If-Match")
    @APIResponse(
            responseCode = "422",
            description = "没有活动项、没有上级单位、随通知印发的方案 / no items, no parent org, an issuer's plan")
    public Response file(@PathParam("id") String id, @HeaderParam(IF_MATCH) String ifMatch) {
        return withEtag(service.file(id, ifMatch), Response.ok());
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(
            operationId = "acknowledgePlan",
            summary = "确认备案 / acknowledge a filed plan",
            description = "备案单位本单位的 report:review（管理员、审核）确认已备案的方案，并通知方案所属单位。"
                    + " / A member of the org it was filed with holding report:review acknowledges it; the plan's org"
                    + " is told.")
    @APIResponse(
            responseCode = "200",
            description = "Acknowledged",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "不在待确认状态 / not awaiting review")
    @APIResponse(responseCode = "412", description = "数据已被修改 / stale If-Match")
    public Response acknowledge(@PathParam("id") String id, @HeaderParam(IF_MATCH) String ifMatch) {
        return withEtag(service.acknowledge(id, ifMatch), Response.ok());
    }

    @POST
    @Path("/{id}/return")
    @Operation(
            operationId = "returnPlan",
            summary = "退回方案 / return a filed plan",
            description = "备案单位的审核人说明原因退回，方案所属单位修改后可重新备案。"
                    + " / The reviewers return it with a reason; the plan's org edits and files it again.")
    @APIResponse(
            responseCode = "200",
            description = "Returned",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "不在待确认状态 / not awaiting review")
    @APIResponse(responseCode = "412", description = "数据已被修改 / stale If-Match")
    public Response returnPlan(@PathParam("id") String id, @HeaderParam(IF_MATCH) String ifMatch, ReturnRequest body) {
        return withEtag(service.returnPlan(id, ifMatch, body), Response.ok());
    }

    @PUT
    @Path("/{id}/items/{itemId}/progress")
    @Operation(
            operationId = "updatePlanProgress",
            summary = "更新目标进度 / record progress on a target",
            description = "已备案或已确认的方案中带数量目标的项，由方案所属单位更新完成数量和说明；必须带方案的 If-Match。"
                    + " / For an item with a numeric target of a filed or acknowledged plan, the plan's org records"
                    + " what is achieved; If-Match (the plan's ETag) required.")
    @APIResponse(
            responseCode = "200",
            description = "The plan with the item's progress",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "方案未备案 / plan not filed")
    @APIResponse(responseCode = "412", description = "数据已被修改 / stale If-Match")
    @APIResponse(responseCode = "422", description = "该项没有数量目标 / the item has no target")
    @APIResponse(responseCode = "428", description = "缺少 If-Match / If-Match missing")
    public Response progress(
            @PathParam("id") String id,
            @PathParam("itemId") String itemId,
            @HeaderParam(IF_MATCH) @Parameter(description = "ETag from the last read", required = true) String ifMatch,
            ProgressInput body) {
        return withEtag(service.progress(id, itemId, ifMatch, body), Response.ok());
    }

    private static Response withEtag(PlanView plan, Response.ResponseBuilder builder) {
        return builder.entity(plan).tag(Versioned.etag(plan.version())).build();
    }
}
