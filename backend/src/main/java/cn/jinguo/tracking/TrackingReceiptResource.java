package cn.jinguo.tracking;

import cn.jinguo.common.Versioned;
import cn.jinguo.tracking.TrackingDtos.ExemptionRequest;
import cn.jinguo.tracking.TrackingDtos.ExtensionRequest;
import cn.jinguo.tracking.TrackingDtos.ReceiptRow;
import cn.jinguo.tracking.TrackingDtos.ReminderRequest;
import cn.jinguo.tracking.TrackingDtos.ReminderResult;
import cn.jinguo.tracking.TrackingDtos.ReminderView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The issuing side's decisions about single recipients, and 催报. */
@Path("/v1/notices/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "督办 Tracking")
public class TrackingReceiptResource {
    private static final String IF_MATCH = "If-Match";
    private static final String WHO = "需要以发文单位（或其收文部门）成员身份持有 tracking:manage（管理员、编辑、审核），通知须在已发布状态；"
            + "可带 If-Match（收文的版本）。 / Needs tracking:manage as a member of the issuer (or its receiving"
            + " department); the notice must be published; If-Match (the receipt's version) is honoured.";

    @Inject
    ReceiptAdjustments adjustments;

    @Inject
    Reminders reminders;

    @POST
    @Path("/receipts/{receiptId}/extension")
    @Operation(
            operationId = "extendReceipt",
            summary = "延期 / extend one org's deadline",
            description = "为一个收文单位设定更晚的截止时间（须晚于通知的截止时间；转发的通知不得晚于本单位收到的截止时间），原因必填；"
                    + "按新时间判断是否逾期，并通知该单位、记入审计。" + WHO
                    + " / Sets a later deadline for one recipient (after the notice's; for a re-issue not after the"
                    + " issuer's own), with a reason; lateness follows it; the org is told and the change audited.")
    @APIResponse(
            responseCode = "200",
            description = "The receipt",
            content = @Content(schema = @Schema(implementation = ReceiptRow.class)))
    @APIResponse(responseCode = "409", description = "通知不在发布状态、该单位已免报 / notice not published, org exempt")
    @APIResponse(responseCode = "412", description = "数据已被修改 / stale If-Match")
    @APIResponse(responseCode = "422", description = "截止时间不晚于通知的或晚于上级给的 / deadline too early or too late")
    public Response extend(
            @PathParam("id") String id,
            @PathParam("receiptId") String receiptId,
            @HeaderParam(IF_MATCH) @Parameter(description = "收文的版本 / the receipt's version") String ifMatch,
            ExtensionRequest body) {
        return withEtag(adjustments.extend(id, receiptId, ifMatch, body));
    }

    @DELETE
    @Path("/receipts/{receiptId}/extension")
    @Operation(
            operationId = "revokeReceiptExtension",
            summary = "取消延期 / revoke an extension",
            description = "恢复通知的截止时间，通知该单位并记入审计。" + WHO
                    + " / Gives the org the notice's deadline back; the org is told, the change audited.")
    @APIResponse(
            responseCode = "200",
            description = "The receipt",
            content = @Content(schema = @Schema(implementation = ReceiptRow.class)))
    @APIResponse(responseCode = "409", description = "未延期或通知不在发布状态 / not extended, or notice not published")
    @APIResponse(responseCode = "412", description = "数据已被修改 / stale If-Match")
    public Response revokeExtension(
            @PathParam("id") String id,
            @PathParam("receiptId") String receiptId,
            @HeaderParam(IF_MATCH) String ifMatch) {
        return withEtag(adjustments.revokeExtension(id, receiptId, ifMatch));
    }

    @POST
    @Path("/receipts/{receiptId}/exemption")
    @Operation(
            operationId = "exemptReceipt",
            summary = "免报 / exempt one org",
            description = "该单位不再计入应报（分母），也不再收到催报；原因必填，已报送的单位不能免报。" + WHO
                    + " / The org leaves the denominator and gets no more reminders; a reason is required; an org that"
                    + " submitted cannot be exempted.")
    @APIResponse(
            responseCode = "200",
            description = "The receipt",
            content = @Content(schema = @Schema(implementation = ReceiptRow.class)))
    @APIResponse(responseCode = "409", description = "已免报、已报送或通知不在发布状态 / already exempt, submitted, or not published")
    @APIResponse(responseCode = "412", description = "数据已被修改 / stale If-Match")
    public Response exempt(
            @PathParam("id") String id,
            @PathParam("receiptId") String receiptId,
            @HeaderParam(IF_MATCH) String ifMatch,
            ExemptionRequest body) {
        return withEtag(adjustments.exempt(id, receiptId, ifMatch, body));
    }

    @DELETE
    @Path("/receipts/{receiptId}/exemption")
    @Operation(
            operationId = "revokeReceiptExemption",
            summary = "取消免报 / revoke an exemption",
            description = "该单位重新计入应报。" + WHO + " / The org counts again.")
    @APIResponse(
            responseCode = "200",
            description = "The receipt",
            content = @Content(schema = @Schema(implementation = ReceiptRow.class)))
    @APIResponse(responseCode = "409", description = "未免报或通知不在发布状态 / not exempt, or notice not published")
    @APIResponse(responseCode = "412", description = "数据已被修改 / stale If-Match")
    public Response revokeExemption(
            @PathParam("id") String id,
            @PathParam("receiptId") String receiptId,
            @HeaderParam(IF_MATCH) String ifMatch) {
        return withEtag(adjustments.revokeExemption(id, receiptId, ifMatch));
    }

    @GET
    @Path("/receipts/{receiptId}/reminders")
    @Operation(
            operationId = "listReceiptReminders",
            summary = "催报记录 / reminders sent to one org",
            description = "自动与手动催报，最近的在前。能查看督办的人可见。 / Scheduled and manual reminders, newest first;"
                    + " visible to whoever sees the tracking.")
    public List<ReminderView> history(@PathParam("id") String id, @PathParam("receiptId") String receiptId) {
        return reminders.history(id, receiptId);
    }

    @POST
    @Path("/reminders")
    @Operation(
            operationId = "remindOrgs",
            summary = "催报 / remind chosen orgs",
            description = "向选定的收文单位（或全部未报送单位）发送催签收、催备案、催报送或逾期催报（站内通知和邮件）。"
                    + "免报、已报送、已签收（催签收）、已备案（催备案）、未逾期（逾期催报）的单位，以及今天已收到同类提醒的单位跳过，"
                    + "并在结果中说明原因。记入审计。" + WHO
                    + " / Sends SIGN, PLAN, SUBMIT or OVERDUE reminders (in-app and mail) to chosen recipients or every"
                    + " missing one. Exempt, submitted, signed (SIGN), filed (PLAN), not overdue (OVERDUE) orgs and those"
                    + " reminded of the kind today are skipped and listed with the reason. Audited.")
    @APIResponse(
            responseCode = "200",
            description = "Sent and skipped",
            content = @Content(schema = @Schema(implementation = ReminderResult.class)))
    @APIResponse(responseCode = "409", description = "通知不在发布状态 / the notice is not published")
    @APIResponse(responseCode = "422", description = "有不属于该通知的收文或单位 / receipts or orgs not of this notice")
    public ReminderResult remind(@PathParam("id") String id, ReminderRequest body) {
        return reminders.remind(id, body);
    }

    private static Response withEtag(ReceiptRow row) {
        return Response.ok(row).tag(Versioned.etag(row.version())).build();
    }
}
