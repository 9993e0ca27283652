package cn.jinguo.notice;

import cn.jinguo.common.Paging;
import cn.jinguo.common.Versioned;
import cn.jinguo.notice.NoticeDtos.AmendRequest;
import cn.jinguo.notice.NoticeDtos.NoticeInput;
import cn.jinguo.notice.NoticeDtos.NoticePage;
import cn.jinguo.notice.NoticeDtos.NoticeView;
import cn.jinguo.notice.NoticeDtos.PublishRequest;
import cn.jinguo.notice.NoticeDtos.RecipientPreview;
import cn.jinguo.notice.NoticeDtos.RecipientPreviewRequest;
import cn.jinguo.notice.NoticeDtos.RevisionView;
import cn.jinguo.notice.NoticeDtos.WithdrawRequest;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/notices")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "发文 Notices", description = "通知的起草、发布、撤回、修订与结束 / drafting, publishing, withdrawing, amending notices")
public class NoticeResource {
    private static final String IF_MATCH = "If-Match";

    @Inject
    NoticeService service;

    @GET
    @Operation(
            operationId = "listNotices",
            summary = "通知列表 / list notices",
            description = "调用者范围内发出的通知，以及已发布、由范围内单位收到的通知；按最近修改排序。q 匹配文号、标题、主题和正文（含中文片段）。"
                    + " / Notices issued in the caller's subtree, and published ones received there; q matches number,"
                    + " title, theme and body, Chinese substrings included.")
    public NoticePage list(
            @QueryParam("issuerOrgId") @Parameter(description = "只看该单位发出的 / issued by this org") String issuerOrgId,
            @QueryParam("status") NoticeStatus status,
            @QueryParam("q") @Parameter(description = "检索词 / search term", example = "三八") String q,
            @QueryParam("issued")
                    @DefaultValue("false")
                    @Parameter(description = "只看范围内发出的，不含收到的（发文列表）/ only notices issued in the caller's subtree")
                    boolean issued,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1–200") int size) {
        return service.list(issuerOrgId, status, q, issued, new Paging(page, size));
    }

    @POST
    @Operation(
            operationId = "createNotice",
            summary = "起草通知 / create a draft notice",
            description = "需要发文单位本单位的管理员或编辑角色（notice:write）。正文 HTML 保存时清理。"
                    + " / Needs ORG_ADMIN or EDITOR of the issuing org itself; body HTML is sanitized.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = NoticeView.class)))
    @APIResponse(responseCode = "422", description = "收文单位不在发文范围内、发文单位已关闭 / recipients out of range, issuer closed")
    public Response create(NoticeInput body, UriInfo uri) {
        NoticeView created = service.create(body);
        return withEtag(
                created,
                Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()));
    }

    @POST
    @Path("/recipients/preview")
    @Operation(
            operationId = "previewRecipients",
            summary = "预览收文单位 / preview recipients",
            description =
                    "按规则解析收文单位：总数、按类型和层级的统计、前 50 个。发布时以同样的规则冻结为收文。"
                            + " / Resolves a rule: total, counts by type and level, the first 50. Publishing freezes the same rule.")
    @APIResponse(
            responseCode = "200",
            description = "The recipients",
            content = @Content(schema = @Schema(implementation = RecipientPreview.class)))
    @APIResponse(responseCode = "422", description = "指定的单位不在发文范围内 / an org out of the issuer's range")
    public RecipientPreview preview(RecipientPreviewRequest body) {
        return service.preview(body);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getNotice",
            summary = "通知详情 / get a notice",
            description = "发文单位及其上级可见全部状态；收文单位在发布后可见。带 ETag。"
                    + " / Visible to the issuer's subtree holders, and to recipients once published. Sends an ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The notice",
            content = @Content(schema = @Schema(implementation = NoticeView.class)))
    public Response get(@PathParam("id") String id) {
        return withEtag(service.get(id), Response.ok());
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updateNotice",
            summary = "修改草稿 / update a draft",
            description = "整体替换草稿内容，必须带 If-Match。已发布的通知请用 amend。"
                    + " / Replaces the draft's content; If-Match required. Published notices change by amendment.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = NoticeView.class)))
    @APIResponse(responseCode = "409", description = "不是草稿 / not a draft")
    @APIResponse(responseCode = "422", description = "发文单位不可更改、收文单位超出范围 / issuer fixed, recipients out of range")
    public Response update(
            @PathParam("id") String id,
            @HeaderParam(IF_MATCH) @Parameter(description = "ETag from the last read", required = true) String ifMatch,
            NoticeInput body) {
        return withEtag(service.update(id, ifMatch, body), Response.ok());
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteNotice",
            summary = "删除草稿 / delete a draft",
            description = "只能删除草稿；已发布的通知只能撤回。 / Only drafts; a published notice is withdrawn instead.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "不是草稿 / not a draft")
    @APIResponse(responseCode = "412", description = "数据已被修改 / stale If-Match")
    public void delete(@PathParam("id") String id, @HeaderParam(IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Path("/{id}/publish")
    @Operation(
            operationId = "publishNotice",
            summary = "发布通知 / publish a notice",
            description = "分配发文字号（机关代字〔年份〕序号号，按代字和年份连续编号），把收文规则冻结为收文并通知收文单位。"
                    + " 截止时间必须晚于现在；转发的通知不得晚于上级通知给本单位的截止时间。"
                    + " / Allocates the document number (consecutive per code and year), freezes the recipients into"
                    + " receipts and notifies them. The deadline must be in the future, and a re-issue's not later than"
                    + " the one its org received.")
    @APIResponse(
            responseCode = "200",
            description = "Published",
            content = @Content(schema = @Schema(implementation = NoticeView.class)))
    @APIResponse(responseCode = "409", description = "不是草稿 / not a draft")
    @APIResponse(responseCode = "412", description = "数据已被修改 / stale If-Match")
    @APIResponse(
            responseCode = "422",
            description = "机关代字无效、没有收文单位、截止时间不符合要求 / bad issuer code, no recipients, bad deadline")
    public Response publish(@PathParam("id") String id, @HeaderParam(IF_MATCH) String ifMatch, PublishRequest body) {
        return withEtag(service.publish(id, ifMatch, body), Response.ok());
    }

    @POST
    @Path("/{id}/withdraw")
    @Operation(
            operationId = "withdrawNotice",
            summary = "撤回通知 / withdraw a notice",
            description = "撤回已发布的通知并告知收文单位；文号作废，不再使用。 / Withdraws a published notice and tells the"
                    + " recipients; its number is void and never reused.")
    @APIResponse(
            responseCode = "200",
            description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = NoticeView.class)))
    @APIResponse(responseCode = "409", description = "不是已发布状态 / not published")
    @APIResponse(responseCode = "412", description = "数据已被修改 / stale If-Match")
    public Response withdraw(@PathParam("id") String id, @HeaderParam(IF_MATCH) String ifMatch, WithdrawRequest body) {
        return withEtag(service.withdraw(id, ifMatch, body), Response.ok());
    }

    @POST
    @Path("/{id}/amend")
    @Operation(
            operationId = "amendNotice",
            summary = "修订通知 / amend a published notice",
            description = "保留修订前的版本，更新内容并告知收文单位；收文单位和文号不变。截止时间改变时，未单独延期的收文随之改变。必须带 If-Match。"
                    + " / Keeps the earlier version, tells the recipients; recipients and number stay. A new deadline"
                    + " applies to receipts not extended one by one. If-Match required.")
    @APIResponse(
            responseCode = "200",
            description = "Amended",
            content = @Content(schema = @Schema(implementation = NoticeView.class)))
    @APIResponse(responseCode = "409", description = "不是已发布状态 / not published")
    @APIResponse(responseCode = "412", description = "数据已被修改 / stale If-Match")
    @APIResponse(
            responseCode = "422",
            description = "试图改变收文单位或发文单位、截止时间不符合要求 / recipients or issuer changed, bad deadline")
    @APIResponse(responseCode = "428", description = "缺少 If-Match / If-Match missing")
    public Response amend(
            @PathParam("id") String id,
            @HeaderParam(IF_MATCH) @Parameter(description = "ETag from the last read", required = true) String ifMatch,
            AmendRequest body) {
        return withEtag(service.amend(id, ifMatch, body), Response.ok());
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(
            operationId = "listNoticeRevisions",
            summary = "修订历史 / earlier versions",
            description = "每次修订前的内容与修订说明，最近的在前。 / The content before each amendment, newest first.")
    public List<RevisionView> revisions(@PathParam("id") String id) {
        return service.revisions(id);
    }

    @POST
    @Path("/{id}/close")
    @Operation(
            operationId = "closeNotice",
            summary = "结束通知 / close a notice",
            description = "截止时间过后结束通知。 / Closes a published notice once its deadline has passed.")
    @APIResponse(
            responseCode = "200",
            description = "Closed",
            content = @Content(schema = @Schema(implementation = NoticeView.class)))
    @APIResponse(responseCode = "409", description = "不是已发布状态 / not published")
    @APIResponse(responseCode = "412", description = "数据已被修改 / stale If-Match")
    @APIResponse(responseCode = "422", description = "尚未到截止时间 / deadline not passed")
    public Response close(@PathParam("id") String id, @HeaderParam(IF_MATCH) String ifMatch) {
        return withEtag(service.close(id, ifMatch), Response.ok());
    }

    static Response withEtag(NoticeView notice, Response.ResponseBuilder builder) {
        return builder.entity(notice).tag(Versioned.etag(notice.version())).build();
    }
}
