package cn.jinguo.tracking;

import cn.jinguo.notice.NoticeStatus;
import cn.jinguo.org.FederationLevel;
import cn.jinguo.org.OrgType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the tracking (督办) API reads and writes. */
public final class TrackingDtos {
    private TrackingDtos() {}

    /** How the caller sees a notice's tracking. */
    @Schema(
            name = "TrackingView",
            description = "ISSUER：发文方（发文单位、收文部门或其上级，及被转发通知的发文方），看全部收文单位；"
                    + "BRANCH：收文方，只看本单位范围内的收文单位。 / ISSUER: the issuing side sees every recipient; BRANCH: a"
                    + " recipient sees the recipients in its own subtree only.")
    public enum View {
        ISSUER,
        BRANCH
    }

    @Schema(
            name = "TrackingCounts",
            description =
                    "完成情况计数。已读、已签收按全部收文单位计；其余按应报单位（收文单位减免报单位）计：submitted + missing = expected，"
                            + "onTime + late = submitted。 / Completeness counts. read and signed count every recipient; the rest count"
                            + " the expected ones (recipients less exempt): submitted + missing = expected, onTime + late = submitted.")
    public record Counts(
            @Schema(required = true, description = "收文单位 / recipients", example = "38") long recipients,
            @Schema(required = true, description = "免报 / exempt", example = "1") long exempt,
            @Schema(required = true, description = "应报（分母）/ expected: the denominator", example = "37") long expected,
            @Schema(required = true, description = "已读 / opened", example = "36") long read,
            @Schema(required = true, description = "已签收 / signed", example = "35") long signed,
            @Schema(required = true, description = "方案已备案（待审或已确认）/ plans on file", example = "20") long plansFiled,
            @Schema(required = true, description = "方案已确认 / plans acknowledged", example = "12") long plansAcknowledged,
            @Schema(required = true, description = "已报送 / submitted", example = "30") long submitted,
            @Schema(required = true, description = "按时报送 / on time", example = "27") long onTime,
            @Schema(required = true, description = "逾期报送 / submitted late", example = "3") long late,
            @Schema(required = true, description = "未报送 / not submitted", example = "7") long missing,
            @Schema(required = true, description = "已过截止时间仍未报送 / missing and past the deadline", example = "2")
                    long overdue,
            @Schema(required = true, description = "已采用 / accepted", example = "25") long accepted,
            @Schema(required = true, description = "已退回 / returned", example = "1") long returned,
            @Schema(required = true, description = "精选条目数 / featured entries", example = "6") long featured,
            @Schema(required = true, description = "延期单位 / orgs with an extended deadline", example = "2")
                    long extended,
            @Schema(
                            required = true,
                            description = "完成率 = submitted / expected（0–1，无应报单位时为 0）/ completion rate",
                            example = "0.8108")
                    double completionRate) {}

    @Schema(name = "TrackingNotice", description = "被督办的通知 / the notice tracked")
    public record NoticeInfo(
            @Schema(required = true, example = "42") String id,
            @Schema(example = "渝妇发〔2024〕5号") String docNumber,
            @Schema(required = true) String title,
            @Schema(required = true) NoticeStatus status,
            @Schema(required = true, example = "1") String issuerOrgId,
            @Schema(required = true, example = "重庆市妇女联合会") String issuerName,
            OffsetDateTime deadline,
            @Schema(required = true) boolean planRequired,
            OffsetDateTime planDeadline,
            @Schema(description = "转发自 / the notice this one re-issues") String parentNoticeId) {}

    @Schema(name = "TrackingSummary", description = "通知的完成情况 / completeness of a notice")
    public record Summary(
            @Schema(required = true) NoticeInfo notice,
            @Schema(required = true) View view,
            @Schema(required = true, description = "调用者可延期、免报、催报 / the caller may extend, exempt and remind")
                    boolean canManage,
            @Schema(description = "只统计该单位及其下级（orgId）/ the branch counted, when orgId was given") String orgId,
            @Schema(required = true, description = "默认的分支根（发文范围的顶点）/ the default root of the branch tree")
                    String rootOrgId,
            @Schema(required = true) Counts counts,
            @Schema(required = true, description = "统计时间 / when counted") Instant asOf) {}

    @Schema(
            name = "TrackingBranch",
            description = "一个分支（parentOrgId 的直接下级）在其范围内的完成情况。self 为父单位本身的收文。 / Counts of one branch"
                    + " below parentOrgId; self is the parent org's own receipt.")
    public record Branch(
            @Schema(required = true, example = "118") String orgId,
            @Schema(required = true, example = "500103") String code,
            @Schema(required = true, example = "渝中区妇女联合会") String name,
            @Schema(required = true) OrgType type,
            FederationLevel level,
            @Schema(required = true, description = "父单位本身的收文 / the parent org's own receipt") boolean self,
            @Schema(required = true, description = "该单位本身是收文单位 / the branch org itself is a recipient")
                    boolean recipient,
            @Schema(description = "该单位本身的收文 / the branch org's own receipt") String receiptId,
            @Schema(required = true, description = "其下还有收文单位 / recipients further down") boolean hasChildren,
            @Schema(description = "该单位转发本通知并已发布的通知：向下钻取用它的督办 / its published re-issue, to drill" + " down through")
                    String forwardedNoticeId,
            @Schema(required = true) Counts counts) {}

    @Schema(name = "TrackingBranches", description = "一层分支 / one level of branches")
    public record Branches(
            @Schema(required = true, example = "1") String parentOrgId,
            @Schema(required = true, example = "重庆市妇女联合会") String parentName,
            @Schema(required = true) List<Branch> items) {}

    /** Filters of the receipts table. */
    @Schema(
            name = "TrackingFilter",
            description = "UNREAD 未读, UNSIGNED 未签收, PLAN_MISSING 方案未备案（要求备案时）, PLAN_FILED 方案已备案,"
                    + " MISSING 未报送, OVERDUE 逾期未报, SUBMITTED 已报送, ON_TIME 按时, LATE 逾期报送, ACCEPTED 已采用,"
                    + " RETURNED 已退回, EXEMPT 免报, EXTENDED 已延期")
    public enum Filter {
        UNREAD,
        UNSIGNED,
        PLAN_MISSING,
        PLAN_FILED,
        MISSING,
        OVERDUE,
        SUBMITTED,
        ON_TIME,
        LATE,
        ACCEPTED,
        RETURNED,
        EXEMPT,
        EXTENDED
    }

    /** The headline state of one recipient. */
    @Schema(
            name = "TrackingProgress",
            description = "EXEMPT 免报, ACCEPTED 已采用, RETURNED 已退回, SUBMITTED 已报送, OVERDUE 逾期未报, PENDING 未报（未到期）")
    public enum Progress {
        EXEMPT,
        ACCEPTED,
        RETURNED,
        SUBMITTED,
        OVERDUE,
        PENDING
    }

    @Schema(name = "TrackingReceipt", description = "一个收文单位的办理情况 / one recipient's progress")
    public record ReceiptRow(
            @Schema(required = true, example = "901") String receiptId,
            @Schema(required = true, example = "118") String orgId,
            @Schema(required = true, example = "500103") String orgCode,
            @Schema(required = true, example = "渝中区妇女联合会") String orgName,
            @Schema(required = true) OrgType orgType,
            FederationLevel orgLevel,
            @Schema(description = "上级单位 / the parent org", example = "重庆市妇女联合会") String parentName,
            @Schema(required = true) Progress progress,
            @Schema(required = true) Instant deliveredAt,
            @Schema(description = "本单位的截止时间（延期后为延期的时间）/ effective deadline") OffsetDateTime deadline,
            Instant firstReadAt,
            Instant signedAt,
            String signedBy,
            @Schema(description = "FILED, ACKNOWLEDGED, RETURNED") String planStatus,
            Instant planFiledAt,
            @Schema(description = "DRAFT, SUBMITTED, ACCEPTED, RETURNED") String reportStatus,
            @Schema(description = "首次报送时间 / first submission") Instant submittedAt,
            @Schema(required = true, description = "晚于截止时间报送 / submitted after the deadline") boolean late,
            Instant acceptedAt,
            @Schema(required = true) int featuredCount,
            String exemptReason,
            Instant exemptedAt,
            String exemptedBy,
            String extensionReason,
            Instant extendedAt,
            String extendedBy,
            @Schema(description = "本单位的转发通知 / this org's re-issue") String forwardedNoticeId,
            @Schema(required = true, description = "已发催报数 / reminders sent") int reminderCount,
            Instant lastRemindedAt,
            @Schema(required = true, description = "收文的版本，也是 ETag / version of the receipt, also the ETag")
                    int version) {}

    @Schema(name = "TrackingReceiptPage", description = "一页收文单位 / a page of recipients")
    public record ReceiptPage(
            @Schema(required = true) List<ReceiptRow> items,
            @Schema(required = true) long total,
            @Schema(required = true) int page,
            @Schema(required = true) int size) {}

    @Schema(name = "MissingOrg", description = "未报送单位及其联系方式 / an org that has not submitted, with its contacts")
    public record MissingRow(
            @Schema(required = true) String receiptId,
            @Schema(required = true) String orgId,
            @Schema(required = true, example = "500103001") String orgCode,
            @Schema(required = true, example = "解放碑街道妇女联合会") String orgName,
            @Schema(example = "渝中区妇女联合会") String parentName,
            @Schema(example = "张敏") String contactPerson,
            @Schema(example = "023-63001234") String contactPhone,
            @Schema(example = "jfb@example.cn") String contactEmail,
            OffsetDateTime deadline,
            @Schema(required = true, description = "已延期 / deadline extended") boolean extended,
            @Schema(required = true, description = "逾期天数（未到期为 0）/ days past the deadline, 0 before it", example = "2")
                    int overdueDays,
            Instant signedAt,
            @Schema(description = "DRAFT 或 RETURNED 时已开始填报 / DRAFT or RETURNED: work started") String reportStatus,
            @Schema(required = true) int reminderCount,
            Instant lastRemindedAt) {}

    @Schema(name = "MissingOrgPage", description = "一页未报送单位 / a page of missing orgs")
    public record MissingPage(
            @Schema(required = true) List<MissingRow> items,
            @Schema(required = true) long total,
            @Schema(required = true) int page,
            @Schema(required = true) int size) {}

    @Schema(name = "ExtensionRequest", description = "为一个单位延长截止时间 / extend one org's deadline")
    public record ExtensionRequest(
            @NotNull
                    @Schema(
                            description = "新的截止时间，须晚于通知的截止时间 / the new deadline, after the notice's",
                            example = "2024-03-15T18:00:00+08:00")
                    OffsetDateTime deadline,
            @NotBlank @Size(max = 500) @Schema(example = "街道换届，报送顺延五天") String reason) {}

    @Schema(name = "ExemptionRequest", description = "免报一个单位（不计入应报）/ exempt one org from reporting")
    public record ExemptionRequest(@NotBlank @Size(max = 500) @Schema(example = "该社区已撤并") String reason) {}

    /** What a reminder asks for. */
    @Schema(name = "ReminderKind", description = "SIGN 催签收, PLAN 催备案, SUBMIT 催报送, OVERDUE 逾期催报, ESCALATION 逾期告知上级（仅自动）")
    public enum ReminderKind {
        SIGN,
        PLAN,
        SUBMIT,
        OVERDUE,
        ESCALATION
    }

    @Schema(
            name = "ReminderRequest",
            description =
                    "手动催报：选定的收文（receiptIds）或单位（orgIds），或全部未报送单位（allMissing，可限于 orgId 分支）。"
                            + " / Manual reminder: chosen receipts or orgs, or every missing org (allMissing, optionally in a branch).")
    public record ReminderRequest(
            @Size(max = 5000) @Schema(example = "[\"901\", \"902\"]") List<@NotBlank String> receiptIds,
            @Size(max = 5000) List<@NotBlank String> orgIds,
            @Schema(description = "全部未报送单位 / every org that has not submitted") boolean allMissing,
            @Schema(description = "allMissing 时只催该分支 / with allMissing: this branch only") String orgId,
            @NotNull @Schema(example = "SUBMIT") ReminderKind kind,
            @Size(max = 500) @Schema(description = "附言 / a note added to the reminder", example = "请于明日下班前报送")
                    String message) {}

    @Schema(
            name = "ReminderSkipReason",
            description = "EXEMPT 免报, SUBMITTED 已报送, SIGNED 已签收, PLAN_FILED 方案已备案, PLAN_NOT_REQUIRED 无需备案,"
                    + " NOT_OVERDUE 未逾期, ALREADY_TODAY 今天已发过同类提醒")
    public enum SkipReason {
        EXEMPT,
        SUBMITTED,
        SIGNED,
        PLAN_FILED,
        PLAN_NOT_REQUIRED,
        NOT_OVERDUE,
        ALREADY_TODAY
    }

    @Schema(name = "ReminderTarget", description = "一个被催报（或跳过）的收文单位 / one org reminded or skipped")
    public record Target(
            @Schema(required = true) String receiptId,
            @Schema(required = true) String orgId,
            @Schema(required = true) String orgName,
            @Schema(description = "跳过的原因 / why it was skipped") SkipReason reason) {}

    @Schema(name = "ReminderResult", description = "催报结果 / what a manual reminder did")
    public record ReminderResult(
            @Schema(required = true) ReminderKind kind,
            @Schema(required = true, description = "已催报 / reminded") List<Target> sent,
            @Schema(required = true, description = "跳过及原因 / skipped, with the reason") List<Target> skipped,
            @Schema(required = true, description = "发出的站内通知数（也会发邮件）/ notifications written (mailed too)")
                    int notifications) {}

    @Schema(name = "ReminderView", description = "一次催报 / one reminder sent")
    public record ReminderView(
            @Schema(required = true) String id,
            @Schema(required = true) ReminderKind kind,
            @Schema(required = true, description = "发送日（北京时间）/ business day") LocalDate businessDay,
            @Schema(required = true) Instant sentAt,
            @Schema(description = "手动催报人；空为自动 / who sent it; null: the scheduler") String sentBy,
            @Schema(required = true, description = "被告知的单位 / the org told") String targetOrgId,
            @Schema(required = true) String targetOrgName,
            String message) {}
}
