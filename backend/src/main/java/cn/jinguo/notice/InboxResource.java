package cn.jinguo.notice;

import cn.jinguo.common.Paging;
import cn.jinguo.common.Versioned;
import cn.jinguo.notice.NoticeDtos.InboxSummary;
import cn.jinguo.notice.NoticeDtos.NoticeView;
import cn.jinguo.notice.NoticeDtos.ReceiptPage;
import cn.jinguo.notice.NoticeDtos.ReceiptView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

@Path("/v1/inbox")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "收文 Inbox", description = "本单位收到的通知：阅读、签收、转发 / notices received: read, sign, re-issue")
public class InboxResource {
    @Inject
    InboxService service;

    @GET
    @Operation(
            operationId = "listInbox",
            summary = "收文列表 / the inbox",
            description = "调用者所属单位的收文，最新在前。orgId 缺省为调用者的第一个所属单位；不是其成员的单位为 403。"
                    + " / Receipts of an org the caller belongs to, newest first; orgId defaults to the caller's first"
                    + " membership.")
    public ReceiptPage list(
            @QueryParam("orgId") String orgId,
            @QueryParam("filter") @Parameter(description = "UNSIGNED 未签收, DUE_SOON 三天内到期, OVERDUE 已过期")
                    InboxService.Filter filter,
            @QueryParam("issuerOrgId") @Parameter(description = "发文单位 / issued by") String issuerOrgId,
            @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1–200") int size) {
        return service.list(orgId, filter, issuerOrgId, q, new Paging(page, size));
    }

    @GET
    @Path("/summary")
    @Operation(
            operationId = "getInboxSummary",
            summary = "收文角标 / inbox counts",
            description = "未读、未签收、即将到期、已过期的数量。 / Unread, unsigned, due soon and overdue counts.")
    public InboxSummary summary(@QueryParam("orgId") String orgId) {
        return service.summary(orgId);
    }

    @GET
    @Path("/issuers")
    @Operation(
            operationId = "listInboxIssuers",
            summary = "发文单位列表 / who sent to this inbox",
            description = "向该单位发过通知的单位及通知数（最多 200 个），供按发文单位筛选。"
                    + " / Orgs that sent notices to this org, with counts (at most 200), for the issuer filter.")
    public List<NoticeDtos.InboxIssuer> issuers(@QueryParam("orgId") String orgId) {
        return service.issuers(orgId);
    }

    @GET
    @Path("/{receiptId}")
    @Operation(
            operationId = "openReceipt",
            summary = "打开收文 / open a receipt",
            description = "本单位成员第一次打开时记录阅读人和时间；上级单位查看不计为阅读。"
                    + " / The first opening by a member of the org is recorded; a look from above is not. Sends the"
                    + " receipt's version as ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The receipt",
            content = @Content(schema = @Schema(implementation = ReceiptView.class)))
    public Response open(@PathParam("receiptId") String receiptId) {
        return withEtag(service.open(receiptId));
    }

    @POST
    @Path("/{receiptId}/sign")
    @Operation(
            operationId = "signReceipt",
            summary = "签收 / sign for a notice",
            description = "本单位的管理员、编辑或审核人签收（receipt:sign），只能签收一次：再次签收为 409。"
                    + " / A member of the org with receipt:sign signs once; a second sign is 409. 可带 If-Match（收文的 ETag）。"
                    + " / If-Match (the receipt's ETag) is honoured.")
    @APIResponse(
            responseCode = "200",
            description = "已签收 / signed",
            content = @Content(schema = @Schema(implementation = ReceiptView.class)))
    @APIResponse(responseCode = "409", description = "已签收或通知已撤回 / already signed, or the notice is withdrawn")
    public Response sign(
            @PathParam("receiptId") String receiptId,
            @HeaderParam("If-Match") @Parameter(description = "收文的 ETag / the receipt's ETag", example = "\"2\"")
                    String ifMatch) {
        return withEtag(service.sign(receiptId, ifMatch));
    }

    private static Response withEtag(ReceiptView receipt) {
        return Response.ok(receipt).tag(Versioned.etag(receipt.version())).build();
    }

    @POST
    @Path("/{receiptId}/forward")
    @Operation(
            operationId = "forwardReceipt",
            summary = "转发 / re-issue to the org's own subordinates",
            description = "以收到的通知为底稿起草本单位的转发通知（默认发给直接下级，截止时间为本单位的截止时间），与原通知关联。每份收文只能转发一次（409）。"
                    + " / Starts a draft re-issue linked to the received notice (direct children, the org's deadline);"
                    + " once per receipt (409).")
    @APIResponse(
            responseCode = "201",
            description = "The draft re-issue",
            content = @Content(schema = @Schema(implementation = NoticeView.class)))
    @APIResponse(responseCode = "409", description = "已转发或通知不在发布状态 / already re-issued, or not published")
    public Response forward(@PathParam("receiptId") String receiptId, UriInfo uri) {
        NoticeView draft = service.forward(receiptId);
        return Response.created(uri.getBaseUriBuilder()
                        .path("v1/notices")
                        .path(draft.id())
                        .build())
                .entity(draft)
                .tag(Versioned.etag(draft.version()))
                .build();
    }
}
