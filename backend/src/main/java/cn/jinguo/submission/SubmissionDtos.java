package cn.jinguo.submission;

import cn.jinguo.notice.NoticeDtos.NoticeRef;
import cn.jinguo.notice.NoticeDtos.RequiredItems;
import cn.jinguo.plan.PlanKind;
import cn.jinguo.plan.PlanStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the submission API reads and writes. */
public final class SubmissionDtos {
    private SubmissionDtos() {}

    @Schema(name = "CreateSubmissionRequest", description = "为一份收文建立报送 / open the package of a receipt")
    public record CreateRequest(
            @NotBlank @Schema(description = "收文 id（GET /api/v1/inbox）/ the receipt answered", example = "311")
                    String receiptId) {}

    @Schema(
            name = "MediaInput",
            description = "素材：照片、视频为已上传文件（POST /api/v1/files），新媒体链接为网址，文章为文件或网址"
                    + " / a medium: photos and videos are uploaded files, links are URLs, articles either")
    public record MediaInput(
            @NotNull MediaKind kind,
            @Schema(description = "已上传文件 id / an uploaded file", example = "57") String fileId,
            @Size(max = 1000)
                    @Schema(description = "http(s) 网址 / an http(s) URL", example = "https://mp.weixin.qq.com/s/abc123")
                    String url,
            @Size(max = 200) @Schema(example = "活动现场") String title) {}

    @Schema(
            name = "EntryInput",
            description = "一项活动。带 id 修改原有条目；带 sourceEntryId 纳入下级已采用的条目（汇总上报，内容取自下级）"
                    + " / an activity; with id it updates that entry; with sourceEntryId it includes a subordinate's"
                    + " accepted entry (roll-up; its content is copied from the source)")
    public record EntryInput(
            @Schema(example = "907") String id,
            @Schema(description = "纳入的下级条目 / the subordinate's entry to include", example = "880") String sourceEntryId,
            @Schema(description = "对应的活动方案条目 / the planned activity it realises", example = "12") String planItemId,
            @Size(max = 200) @Schema(example = "“巾帼心向党”主题宣讲进社区") String title,
            @Schema(example = "2026-03-06") LocalDate heldOn,
            @Schema(example = "2026-03-08") LocalDate heldUntil,
            @Size(max = 200) @Schema(example = "解放碑街道新时代文明实践站") String location,
            @Min(0) @Max(1_000_000) @Schema(example = "120") Integer participants,
            @Size(max = 20_000) @Schema(description = "活动简介 / what happened") String summary,
            @Size(max = 60) List<@NotNull @Valid MediaInput> media) {}

    @Schema(name = "SubmissionInput", description = "报送内容；整体替换 / the package's content; an update replaces it whole")
    public record SubmissionInput(
            @Size(max = 20_000) @Schema(description = "工作总结 / the written summary") String summary,
            @Size(max = 300) List<@NotNull @Valid EntryInput> entries) {}

    @Schema(name = "ReviewDecision", description = "审核决定 / decision: ACCEPT 采用, RETURN 退回")
    public enum Decision {
        ACCEPT,
        RETURN
    }

    @Schema(name = "EntryVerdict", description = "退回的活动条目及原因 / an entry sent back, with why")
    public record EntryVerdict(
            @NotBlank @Schema(example = "907") String entryId,
            @NotBlank @Size(max = 500) @Schema(example = "照片不清晰，请补充活动现场照片") String reason) {}

    @Schema(
            name = "ReviewRequest",
            description =
                    "审核：采用整包，或退回并说明原因（可逐条说明）/ accept the package, or return it with a reason" + " (per entry too)")
    public record ReviewRequest(
            @NotNull Decision decision,
            @Size(max = 500) @Schema(description = "退回原因（退回时必填）/ required to return", example = "请补充活动总结")
                    String reason,
            @Size(max = 300) List<@NotNull @Valid EntryVerdict> entries) {}

    @Schema(name = "EntryMedia", description = "活动素材 / a medium of an activity")
    public record MediaView(
            @Schema(required = true) MediaKind kind,
            String fileId,
            String url,
            String title,
            @Schema(description = "文件名 / file name") String fileName,
            String contentType,
            Long size) {}

    @Schema(name = "SubmissionEntry", description = "报送中的一项活动 / an activity in a package")
    public record EntryView(
            @Schema(required = true) String id,
            @Schema(required = true, description = "举办单位（汇总的条目为下级单位）/ the org that held it") String originOrgId,
            @Schema(required = true) String originOrgName,
            @Schema(description = "汇总自的下级条目 / the subordinate's entry it includes") String sourceEntryId,
            String planItemId,
            @Schema(required = true) String title,
            @Schema(required = true) LocalDate heldOn,
            LocalDate heldUntil,
            String location,
            Integer participants,
            String summary,
            @Schema(required = true) List<MediaView> media,
            @Schema(required = true) EntryReview reviewStatus,
            String returnReason,
            @Schema(required = true, description = "精选 / featured") boolean featured) {}

    @Schema(
            name = "SubmissionCompleteness",
            description = "对照报送要求的完成情况 / how the package meets the notice's required items")
    public record Completeness(
            @Schema(required = true, description = "对本单位类型的要求 / what is required of this org") RequiredItems required,
            @Schema(required = true) int entries,
            @Schema(required = true) int photos,
            @Schema(required = true) int videos,
            @Schema(required = true) int articles,
            @Schema(required = true) int links,
            @Schema(required = true) boolean hasSummary,
            @Schema(
                            required = true,
                            description = "尚缺的项：entries、summary、photos、video、article、newMediaLink / what is missing",
                            example = "[\"photos\"]")
                    List<String> missing) {}

    @Schema(name = "SubmissionView", description = "报送 / a package")
    public record SubmissionView(
            @Schema(required = true) String id,
            @Schema(required = true) NoticeRef notice,
            @Schema(required = true) String orgId,
            @Schema(required = true) String orgName,
            @Schema(required = true) String receiptId,
            @Schema(required = true) SubmissionStatus status,
            String summary,
            @Schema(required = true, description = "已报送次数 / times submitted") int revision,
            @Schema(description = "本单位的截止时间（含延期）/ the org's effective deadline") OffsetDateTime deadline,
            @Schema(description = "首次报送时间 / first submitted") Instant firstSubmittedAt,
            @Schema(description = "最近一次报送 / last submitted") Instant submittedAt,
            @Schema(required = true, description = "首次报送晚于截止时间 / first submitted after the deadline") boolean late,
            Instant reviewedAt,
            String reviewedBy,
            String returnReason,
            @Schema(required = true) List<EntryView> entries,
            @Schema(required = true) Completeness completeness,
            @Schema(required = true, description = "调用者现在可执行的操作 / what the caller may do now")
                    List<SubmissionAction> actions,
            @Schema(required = true) int version) {}

    @Schema(name = "SubmissionSummary", description = "报送列表中的一行 / a package in a list")
    public record SubmissionSummary(
            @Schema(required = true) String id,
            @Schema(required = true) NoticeRef notice,
            @Schema(required = true) String orgId,
            @Schema(required = true) String orgName,
            @Schema(required = true) SubmissionStatus status,
            @Schema(required = true) int revision,
            @Schema(required = true) long entries,
            @Schema(required = true) long participants,
            @Schema(required = true) long featured,
            OffsetDateTime deadline,
            Instant firstSubmittedAt,
            Instant submittedAt,
            @Schema(required = true) boolean late,
            Instant reviewedAt,
            @Schema(required = true) Instant updatedAt) {}

    @Schema(name = "SubmissionPage", description = "一页报送 / a page of packages")
    public record SubmissionPage(
            @Schema(required = true) List<SubmissionSummary> items,
            @Schema(required = true) long total,
            @Schema(required = true) int page,
            @Schema(required = true) int size) {}

    @Schema(name = "SubmissionRevision", description = "一次报送及其审核结果 / one submission and how it was reviewed")
    public record RevisionView(
            @Schema(required = true) int revision,
            @Schema(required = true) Instant submittedAt,
            @Schema(required = true) String submittedBy,
            @Schema(required = true) boolean late,
            @Schema(description = "ACCEPTED 或 RETURNED；待审核时为空 / empty while pending") String decision,
            String reason,
            @Schema(description = "逐条退回原因 / reasons per entry") List<EntryVerdict> entryReasons,
            Instant reviewedAt,
            String reviewedBy,
            @Schema(required = true, description = "报送时的条目 / the entries as sent") List<EntryView> entries) {}

    @Schema(
            name = "IncludableEntry",
            description = "可纳入汇总上报的下级条目 / a subordinate's accepted entry that may be included")
    public record IncludableEntry(
            @Schema(required = true) EntryView entry,
            @Schema(required = true, description = "下级报送 / the subordinate's package") String submissionId,
            @Schema(required = true, description = "报送单位 / the org that sent it") String orgName,
            @Schema(required = true, description = "下级收到的转发通知 / the re-issued notice") NoticeRef notice) {}

    @Schema(
            name = "PlanItemRef",
            description = "报送条目可对应的活动方案条目（活动或带数量目标的工作）及其所属方案 / a planned activity (or work item with a"
                    + " numeric target) an entry may realise, with its plan")
    public record PlanItemRef(
            @Schema(required = true, example = "302") String id,
            @Schema(required = true, example = "打造示范型姐妹驿站") String title,
            @Schema(description = "所属板块（小标题）/ section heading", example = "（五）夯实基础，持续强化自身建设不停步") String section,
            @Schema(example = "2024-01-01") LocalDate startsOn,
            @Schema(example = "2026-12-31") LocalDate endsOn,
            @Schema(description = "数量目标 / numeric target", example = "50") BigDecimal targetValue,
            @Schema(example = "家") String targetUnit,
            @Schema(description = "已完成 / achieved so far", example = "32") BigDecimal progressValue,
            @Schema(required = true, example = "7") String planId,
            @Schema(required = true, example = "解放碑街道妇联2024年工作计划") String planTitle,
            @Schema(required = true) PlanStatus planStatus,
            @Schema(
                            required = true,
                            description = "ISSUER 为通知随附的发文单位方案，其余为本单位的方案 / ISSUER: the plan the notice"
                                    + " carries; otherwise one of the org's own")
                    PlanKind planKind) {}

    @Schema(name = "IncludablePage", description = "一页可纳入的条目 / a page of includable entries")
    public record IncludablePage(
            @Schema(required = true) List<IncludableEntry> items,
            @Schema(required = true) long total,
            @Schema(required = true) int page,
            @Schema(required = true) int size) {}
}
