package cn.jinguo.submission;

import cn.jinguo.common.Paging;
import cn.jinguo.common.Versioned;
import cn.jinguo.submission.SubmissionDtos.CreateRequest;
import cn.jinguo.submission.SubmissionDtos.IncludablePage;
import cn.jinguo.submission.SubmissionDtos.PlanItemRef;
import cn.jinguo.submission.SubmissionDtos.ReviewRequest;
import cn.jinguo.submission.SubmissionDtos.RevisionView;
import cn.jinguo.submission.SubmissionDtos.SubmissionInput;
import cn.jinguo.submission.SubmissionDtos.SubmissionPage;
import cn.jinguo.submission.SubmissionDtos.SubmissionView;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/submissions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "报送 Submissions",
        description = "收文单位按通知报送活动信息、照片、视频、文章和新媒体链接；发文单位审核、退回、精选；上级汇总下级已采用的活动"
                + " / recipients report activities with media; issuers review, return and feature; re-issuers roll up")
public class SubmissionResource {
    private static final String IF_MATCH = "If-Match";

    @Inject
    SubmissionService service;

    @GET
    @Operation(
            operationId = "listSubmissions",
            summary = "报送列表 / list packages",
            description = "调用者下级单位的报送，以及（报送后）回复调用者所发通知的报送；按最近报送排序。"
                    + " / Packages of orgs in the caller's subtree, and (once sent) packages answering notices the"
                    + " caller's subtree issued; latest first.")
    public SubmissionPage list(
            @QueryParam("noticeId") @Parameter(description = "回复该通知的 / answering this notice", example = "42")
                    String noticeId,
            @QueryParam("orgId") @Parameter(description = "该单位及其下级 / this org's branch", example = "500103")
                    String orgId,
            @QueryParam("branch")
                    @DefaultValue("true")
                    @Parameter(description = "false：只看 orgId 本单位，不含下级 / false: that org only, not its branch")
                    boolean branch,
            @QueryParam("reviewable")
                    @DefaultValue("false")
                    @Parameter(
                            description =
                                    "只看待调用者审核的：已报送、回复调用者作为发文单位或收文部门的通知"
                                            + " / only packages awaiting the caller's review (as issuer or receiving department)")
                    boolean reviewable,
            @QueryParam("status") SubmissionStatus status,
            @QueryParam("late") @Parameter(description = "true 逾期报送；false 按时报送 / late or on time") Boolean late,
            @QueryParam("featured") @Parameter(description = "含精选条目 / with featured entries") Boolean featured,
            @QueryParam("q")
                    @Parameter(description = "报送单位名称或通知文号、标题 / org name, notice number or title", example = "解放碑")
                    String q,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1–200") int size) {
        return service.list(noticeId, orgId, branch, reviewable, status, late, featured, q, new Paging(page, size));
    }

    @POST
    @Operation(
            operationId = "createSubmission",
            summary = "开始报送 / open a package",
            description = "为本单位的一份收文建立报送草稿；需要本单位的管理员或编辑角色（report:write），通知须为已发布。每份收文一份报送（409 时"
                    + "返回已有报送的 id）。 / Opens the draft package of a receipt of the caller's own org; needs"
                    + " report:write; one package per receipt (409 names the existing one).")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(
            responseCode = "409",
            description = "已有报送，或通知不在发布状态 / a package exists, or the notice is not published")
    public Response create(CreateRequest body, UriInfo uri) {
        SubmissionView v = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(v.id()).build())
                .entity(v)
                .tag(Versioned.etag(v.version()))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getSubmission",
            summary = "查看报送 / get a package",
            description = "活动条目及其素材、对照报送要求的完成情况、调用者可执行的操作；ETag 为版本号。"
                    + " / Entries with media, completeness against the required items, the caller's actions; ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The package; ETag is its version",
            content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    public Response get(@PathParam("id") String id) {
        SubmissionView v = service.get(id);
        return Response.ok(v).tag(Versioned.etag(v.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updateSubmission",
            summary = "修改报送 / update a package",
            description = "整体替换工作总结和活动条目（草稿或被退回时）；必须带 If-Match。条目带 id 为修改，带 sourceEntryId 为纳入下级已采用的条目；"
                    + "照片须为图片、视频须为视频文件，文件须为本单位上传的。 / Replaces the summary and entries (draft or"
                    + " returned); If-Match required. Files must be uploaded for the org; photos are images, videos"
                    + " videos.")
    @APIResponse(responseCode = "409", description = "已报送待审或已采用 / sent and awaiting review, or accepted")
    @APIResponse(
            responseCode = "422",
            description = "文件、方案条目或下级条目不可用 / a file, planned activity or source entry not allowed")
    @APIResponse(
            responseCode = "200",
            description = "The package as saved; ETag is its new version",
            content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    public Response update(
            @PathParam("id") String id,
            @HeaderParam(IF_MATCH) @Parameter(description = "ETag of the package", example = "\"3\"", required = true)
                    String ifMatch,
            SubmissionInput body) {
        SubmissionView v = service.update(id, ifMatch, body);
        return Response.ok(v).tag(Versioned.etag(v.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteSubmission",
            summary = "删除报送草稿 / delete a draft package",
            description = "只能删除从未报送过的草稿。 / Only a draft never submitted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "已报送过 / already submitted")
    public Response delete(@PathParam("id") String id, @HeaderParam(IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/submit")
    @Operation(
            operationId = "submitSubmission",
            summary = "报送 / submit a package",
            description = "对照通知对本单位类型的报送要求检查（422 的 errors 列出缺少的项：entries、summary、photos、video、article、"
                    + "newMediaLink）；首次报送晚于本单位截止时间即为逾期。被退回后可再次报送，历次报送均保留。"
                    + " / Checks the notice's required items for the org's type (422 errors[] lists what is missing);"
                    + " late when first sent after the org's effective deadline; a returned package may be sent again,"
                    + " every submission is kept.")
    @APIResponse(responseCode = "409", description = "不在草稿或退回状态 / not a draft or returned")
    @APIResponse(responseCode = "422", description = "不满足报送要求 / required items missing")
    @APIResponse(
            responseCode = "200",
            description = "The package as sent",
            content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    public Response submit(@PathParam("id") String id, @HeaderParam(IF_MATCH) String ifMatch) {
        SubmissionView v = service.submit(id, ifMatch);
        return Response.ok(v).tag(Versioned.etag(v.version())).build();
    }

    @POST
    @Path("/{id}/review")
    @Operation(
            operationId = "reviewSubmission",
            summary = "审核报送 / review a package",
            description = "发文单位（或通知指定的收文部门）的管理员或审核员（report:review）采用整包，或退回并说明原因（可逐条说明）。"
                    + " / ORG_ADMIN or REVIEWER of the issuer (or its receiving department) accepts the package or"
                    + " returns it with a reason, per entry too.")
    @APIResponse(responseCode = "409", description = "不在待审核状态 / not awaiting review")
    @APIResponse(
            responseCode = "200",
            description = "The package as reviewed",
            content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    public Response review(@PathParam("id") String id, @HeaderParam(IF_MATCH) String ifMatch, ReviewRequest body) {
        SubmissionView v = service.review(id, ifMatch, body);
        return Response.ok(v).tag(Versioned.etag(v.version())).build();
    }

    @PUT
    @Path("/{id}/entries/{entryId}/featured")
    @Operation(
            operationId = "featureEntry",
            summary = "精选活动 / feature an entry",
            description = "把已采用报送中的一项活动设为精选（重复设置无副作用）。 / Marks an entry of an accepted package as"
                    + " featured (idempotent). 可带 If-Match（报送的 ETag）；精选改变报送的版本。 / If-Match (the package's"
                    + " ETag) is honoured; featuring moves the package's version.")
    @APIResponse(responseCode = "409", description = "报送未采用 / the package is not accepted")
    @APIResponse(
            responseCode = "200",
            description = "The package",
            content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    public Response feature(
            @PathParam("id") String id,
            @PathParam("entryId") String entryId,
            @HeaderParam(IF_MATCH) @Parameter(description = "ETag of the package", example = "\"3\"") String ifMatch) {
        SubmissionView v = service.feature(id, entryId, ifMatch, true);
        return Response.ok(v).tag(Versioned.etag(v.version())).build();
    }

    @DELETE
    @Path("/{id}/entries/{entryId}/featured")
    @Operation(
            operationId = "unfeatureEntry",
            summary = "取消精选 / unfeature an entry",
            description = "取消一项活动的精选（重复取消无副作用）。可带 If-Match（报送的 ETag）。 / Removes the featured mark"
                    + " (idempotent); If-Match (the package's ETag) is honoured.")
    @APIResponse(
            responseCode = "200",
            description = "The package",
            content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    public Response unfeature(
            @PathParam("id") String id,
            @PathParam("entryId") String entryId,
            @HeaderParam(IF_MATCH) @Parameter(description = "ETag of the package", example = "\"3\"") String ifMatch) {
        SubmissionView v = service.feature(id, entryId, ifMatch, false);
        return Response.ok(v).tag(Versioned.etag(v.version())).build();
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(
            operationId = "listSubmissionRevisions",
            summary = "报送历史 / submission history",
            description = "历次报送的内容、是否逾期及审核结果，最新在前。 / Every submission as sent, late or not, and its"
                    + " review; newest first.")
    public List<RevisionView> revisions(@PathParam("id") String id) {
        return service.revisions(id);
    }

    @GET
    @Path("/{id}/plan-items")
    @Operation(
            operationId = "listSubmissionPlanItems",
            summary = "可对应的方案活动 / planned activities to link",
            description = "报送条目可对应（planItemId）的活动方案条目：本单位各方案的条目，以及通知随附的发文单位方案的条目；通知随附的方案在前，"
                    + "再按方案、条目顺序，最多 " + SubmissionQueries.PLAN_ITEM_LIMIT + " 项，不分页。能查看该报送即可调用；"
                    + "本单位及上级以外的查看者（发文单位一侧）只得到报送中已对应的条目。 / The plan items an entry may name as"
                    + " planItemId: items of the org's own plans and of the plan the notice carries (the issuer's); that"
                    + " plan first, then by plan and item position, at most " + SubmissionQueries.PLAN_ITEM_LIMIT
                    + " items, not paged. Whoever reads the package may call it; readers outside the org's subtree"
                    + " (the issuer's side) get only the items its entries name.")
    @APIResponse(responseCode = "404", description = "报送不存在或不在调用者范围内 / package not found or outside the caller's scope")
    @APIResponse(
            responseCode = "200",
            description = "The planned activities",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PlanItemRef.class)))
    public List<PlanItemRef> planItems(
            @PathParam("id") @Parameter(description = "报送 id / the package", example = "31") String id) {
        return service.planItems(id);
    }

    @GET
    @Path("/{id}/includable")
    @Operation(
            operationId = "listIncludableEntries",
            summary = "可汇总的下级活动 / subordinates' entries to roll up",
            description = "本单位转发该通知后，下级报送中已采用、尚未纳入本报送的活动条目（汇总上报）。"
                    + " / Accepted entries of the subordinates' packages on the org's re-issue, not yet included.")
    public IncludablePage includable(
            @PathParam("id") String id,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") @Parameter(description = "1–200") int size) {
        return service.includable(id, new Paging(page, size));
    }
}
