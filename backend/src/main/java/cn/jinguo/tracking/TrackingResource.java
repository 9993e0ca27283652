package cn.jinguo.tracking;

import cn.jinguo.common.Downloads;
import cn.jinguo.common.Paging;
import cn.jinguo.tracking.TrackingDtos.Branches;
import cn.jinguo.tracking.TrackingDtos.Filter;
import cn.jinguo.tracking.TrackingDtos.MissingPage;
import cn.jinguo.tracking.TrackingDtos.ReceiptPage;
import cn.jinguo.tracking.TrackingDtos.Summary;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/notices/{id}/tracking")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "督办 Tracking",
        description = "通知的完成情况、分支统计、未报送名单、延期免报与催报；Excel 导出用 …/export 路径。"
                + " / Completeness of a notice, per branch, the missing list, extensions, exemptions and reminders;"
                + " Excel exports live under …/export.")
public class TrackingResource {
    private static final String WHO = " 发文方（发文单位、收文部门及其上级，以及被转发通知的发文方）看全部收文单位；收文单位只看本单位范围内的；其他人 404。"
            + " / The issuing side (issuer, receiving department, those above them, and the issuing side of the notice"
            + " re-issued) sees every recipient; a recipient sees its own subtree only; anyone else gets 404.";

    @Inject
    TrackingService service;

    @Inject
    TrackingExport export;

    @GET
    @Operation(
            operationId = "getTracking",
            summary = "完成情况 / completeness of a notice",
            description =
                    "收文、免报、应报、已读、签收、方案备案、报送（按时/逾期）、未报、逾期未报、采用、退回、精选及完成率，"
                            + "从收文记录实时统计。orgId 只统计该单位及其下级。草稿为 409。" + WHO
                            + " / Counts read from the receipts as they are now; orgId restricts them to a branch. A draft is 409.")
    @APIResponse(
            responseCode = "200",
            description = "The counts",
            content = @Content(schema = @Schema(implementation = Summary.class)))
    @APIResponse(responseCode = "409", description = "通知还是草稿 / the notice is a draft")
    public Summary summary(
            @PathParam("id") String id,
            @QueryParam("orgId") @Parameter(description = "只统计该分支 / count this branch only", example = "118")
                    String orgId) {
        return service.summary(id, orgId);
    }

    @GET
    @Path("/branches")
    @Operation(
            operationId = "getTrackingBranches",
            summary = "分支统计（懒加载）/ counts per branch, one level at a time",
            description = "parentOrgId（默认发文范围的顶点）的直接下级中、其范围内有收文单位的，各自的完成情况；父单位本身是收文单位时另有一行"
                    + " self。forwardedNoticeId 是该单位已发布的转发通知：沿它向下钻取（市 → 区 → 区的转发 → 街道 → 社区）。一次查询。"
                    + WHO
                    + " / The children of parentOrgId (default: the top of the sending range) holding recipients, with"
                    + " their counts, plus a self row for the parent's own receipt; forwardedNoticeId is the branch's"
                    + " published re-issue, to drill down through. One query.")
    @APIResponse(
            responseCode = "200",
            description = "One level of branches",
            content = @Content(schema = @Schema(implementation = Branches.class)))
    public Branches branches(
            @PathParam("id") String id,
            @QueryParam("parentOrgId") @Parameter(description = "父单位 / the parent org", example = "1")
                    String parentOrgId) {
        return service.branches(id, parentOrgId);
    }

    @GET
    @Path("/receipts")
    @Operation(
            operationId = "listTrackingReceipts",
            summary = "收文单位办理情况 / recipients and their progress",
            description =
                    "按单位编码排序的分页表格；status 筛选状态，orgId 限定分支，q 匹配单位名称或编码。" + WHO
                            + " / A page in org code order; status filters, orgId restricts to a branch, q matches name or code.")
    @APIResponse(
            responseCode = "200",
            description = "A page of recipients",
            content = @Content(schema = @Schema(implementation = ReceiptPage.class)))
    public ReceiptPage receipts(
            @PathParam("id") String id,
            @QueryParam("status") Filter status,
            @QueryParam("orgId") @Parameter(description = "分支 / branch") String orgId,
            @QueryParam("q") @Parameter(description = "单位名称或编码 / org name or code", example = "解放碑") String q,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1–200") int size) {
        return service.receipts(id, status, orgId, q, new Paging(page, size));
    }

    @GET
    @Path("/missing")
    @Operation(
            operationId = "listMissingOrgs",
            summary = "未报送名单 / orgs that have not submitted",
            description = "未报送且未免报的收文单位及其联系人、电话、邮箱、逾期天数与催报情况。" + WHO
                    + " / Recipients neither submitted nor exempt, with contacts, overdue days and reminders.")
    @APIResponse(
            responseCode = "200",
            description = "A page of missing orgs",
            content = @Content(schema = @Schema(implementation = MissingPage.class)))
    public MissingPage missing(
            @PathParam("id") String id,
            @QueryParam("orgId") @Parameter(description = "分支 / branch") String orgId,
            @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1–200") int size) {
        return service.missing(id, orgId, q, new Paging(page, size));
    }

    @GET
    @Path("/receipts/export")
    @Produces({TrackingExport.XLSX, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "exportTrackingReceipts",
            summary = "导出督办明细（Excel）/ export the tracking table as .xlsx",
            description =
                    "与收文单位列表相同的筛选，不分页；第二张表为汇总。时间为北京时间。"
                            + " / Same filters as the list, every row; a second sheet holds the counts. Times in Asia/Shanghai.")
    @APIResponse(
            responseCode = "200",
            description = "The workbook",
            content =
                    @Content(
                            mediaType = TrackingExport.XLSX,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response exportReceipts(
            @PathParam("id") String id,
            @QueryParam("status") Filter status,
            @QueryParam("orgId") String orgId,
            @QueryParam("q") String q) {
        return download(export.receipts(id, status, orgId, q));
    }

    @GET
    @Path("/missing/export")
    @Produces({TrackingExport.XLSX, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "exportMissingOrgs",
            summary = "导出未报送名单（Excel）/ export the missing list as .xlsx",
            description = "未报送单位及联系方式，不分页。 / The missing orgs with their contacts, every row.")
    @APIResponse(
            responseCode = "200",
            description = "The workbook",
            content =
                    @Content(
                            mediaType = TrackingExport.XLSX,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response exportMissing(
            @PathParam("id") String id, @QueryParam("orgId") String orgId, @QueryParam("q") String q) {
        return download(export.missing(id, orgId, q));
    }

    /** Sends the written workbook and deletes it afterwards. */
    static Response download(TrackingExport.Export file) {
        return Downloads.file(file.file(), file.fileName(), TrackingExport.XLSX);
    }
}
