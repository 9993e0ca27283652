package cn.jinguo.plan;

import cn.jinguo.notice.NoticeDtos.NoticeRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the plan API reads and writes. */
public final class PlanDtos {
    private PlanDtos() {}

    /** Largest target or progress value: numeric(14,2). */
    static final String MAX_VALUE = "999999999999.99";

    @Schema(name = "PlanSection", description = "方案正文的一节（如指导思想、工作要求）/ a text section of the plan")
    public record PlanSection(
            @Size(max = 200) @Schema(example = "一、指导思想") String heading,
            @NotNull
                    @Size(max = 100_000)
                    @Schema(
                            description = "富文本（HTML），保存时清理为安全子集 / rich text; sanitized to a safe subset on save",
                            example = "<p>以习近平新时代中国特色社会主义思想为指导……</p>")
                    String html) {}

    @Schema(
            name = "PlanItemInput",
            description = "方案中的一项活动或工作；带 id 的为修改已有项（保留其进度），不带 id 的为新增，未列出的已有项被删除。"
                    + " / A planned activity or work item; with id it updates that item (keeping its progress), without"
                    + " id it adds one; existing items left out are removed.")
    public record PlanItemInput(
            @Schema(description = "已有项的 id / id of an existing item", example = "301") String id,
            @Size(max = 200)
                    @Schema(description = "所属板块（小标题）/ section heading it belongs to", example = "（五）夯实基础，持续强化自身建设不停步")
                    String section,
            @NotBlank @Size(max = 200) @Schema(example = "打造示范型姐妹驿站") String title,
            @Size(max = 5000) @Schema(example = "大力推进“姐妹驿站”特色创建，重点开展“姐妹牵手 相约驿站”专项行动。") String description,
            @Schema(example = "2024-01-01") LocalDate startsOn,
            @Schema(description = "不早于 startsOn / not before startsOn", example = "2026-12-31") LocalDate endsOn,
            @Size(max = 200) @Schema(example = "各街道妇联") String location,
            @Size(max = 200) @Schema(description = "主办 / organizer", example = "区妇联") String organizer,
            @Size(max = 500) @Schema(description = "协办、合作单位 / partners", example = "区慈善总会") String partners,
            @Size(max = 200) @Schema(description = "对象 / audience", example = "基层妇女群众") String audience,
            @Min(0) @Max(10_000_000) @Schema(description = "预计参与人数 / expected participants", example = "200")
                    Integer expectedParticipants,
            @DecimalMin("0")
                    @DecimalMax(MAX_VALUE)
                    @Digits(integer = 12, fraction = 2)
                    @Schema(description = "数量目标（可选）/ numeric target, optional", example = "50")
                    BigDecimal targetValue,
            @Size(max = 20) @Schema(description = "目标单位，有目标时填写 / unit of the target", example = "家")
                    String targetUnit) {}

    @Schema(
            name = "PlanInput",
            description =
                    "方案内容；修改时整体替换。orgId、noticeId 在新建时确定，之后不可更改。"
                            + " / The plan's content; an update replaces it whole. orgId and noticeId are set on create and fixed.")
    public record PlanInput(
            @Schema(description = "方案所属单位；新建时必填 / the plan's org; required on create", example = "118") String orgId,
            @Schema(
                            description = "答复的通知（本单位收到的）或随附的通知（本单位发出的）；不填为本单位独立方案 / the notice it answers (received) or"
                                    + " is carried by (issued by the org); none for a standalone plan",
                            example = "42")
                    String noticeId,
            @NotBlank @Size(max = 200) @Schema(example = "渝中区妇联2024年工作思路") String title,
            @Size(max = 200) @Schema(example = "巾帼心向党 奋进新征程") String theme,
            @Schema(example = "2024-01-01") LocalDate periodStart,
            @Schema(description = "不早于 periodStart / not before periodStart", example = "2024-12-31")
                    LocalDate periodEnd,
            @Size(max = 50) List<@NotNull @Valid PlanSection> sections,
            @Size(max = 200) @Schema(description = "活动与工作项，按顺序 / items in order")
                    List<@NotNull @Valid PlanItemInput> items) {}

    @Schema(name = "PlanItemView", description = "方案中的一项 / a planned activity or work item")
    public record PlanItemView(
            @Schema(required = true, example = "301") String id,
            String section,
            @Schema(required = true, example = "打造示范型姐妹驿站") String title,
            String description,
            LocalDate startsOn,
            LocalDate endsOn,
            String location,
            String organizer,
            String partners,
            String audience,
            Integer expectedParticipants,
            @Schema(example = "50") BigDecimal targetValue,
            @Schema(example = "家") String targetUnit,
            @Schema(description = "已完成 / achieved so far", example = "32") BigDecimal progressValue,
            @Schema(example = "2024年建成12家，2025年建成20家") String progressNote,
            Instant progressUpdatedAt) {}

    @Schema(name = "PlanView", description = "活动方案 / an activity plan")
    public record PlanView(
            @Schema(required = true, example = "7") String id,
            @Schema(required = true) PlanKind kind,
            @Schema(required = true) PlanStatus status,
            @Schema(required = true, example = "118") String orgId,
            @Schema(required = true, example = "渝中区妇女联合会") String orgName,
            @Schema(description = "答复或随附的通知 / the notice it answers or is carried by") NoticeRef notice,
            @Schema(description = "答复通知时本单位的收文 / the org's receipt, for a filing") String receiptId,
            @Schema(description = "备案单位（审核方）/ the org it is filed with (its reviewers)", example = "1")
                    String reviewOrgId,
            @Schema(example = "重庆市妇女联合会") String reviewOrgName,
            @Schema(required = true) String title,
            String theme,
            LocalDate periodStart,
            LocalDate periodEnd,
            @Schema(required = true) List<PlanSection> sections,
            @Schema(required = true) List<PlanItemView> items,
            Instant filedAt,
            String filedBy,
            Instant reviewedAt,
            String reviewedBy,
            @Schema(description = "退回原因 / why it was returned") String returnReason,
            @Schema(required = true) String createdBy,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt,
            @Schema(required = true, description = "调用者现在可执行的操作 / what the caller may do now") List<PlanAction> actions,
            @Schema(required = true, description = "Version, also the ETag") int version) {}

    @Schema(name = "PlanSummary", description = "方案列表中的一项 / a plan in a list")
    public record PlanSummary(
            @Schema(required = true) String id,
            @Schema(required = true) PlanKind kind,
            @Schema(required = true) PlanStatus status,
            @Schema(required = true) String orgId,
            @Schema(required = true) String orgName,
            NoticeRef notice,
            String reviewOrgId,
            String reviewOrgName,
            @Schema(required = true) String title,
            String theme,
            LocalDate periodStart,
            LocalDate periodEnd,
            @Schema(required = true, description = "活动与工作项数 / number of items", example = "12") long itemCount,
            @Schema(required = true, description = "带数量目标的项数 / items with a numeric target", example = "1")
                    long targetCount,
            Instant filedAt,
            @Schema(required = true) Instant updatedAt) {}

    @Schema(name = "PlanPage", description = "一页方案 / a page of plans")
    public record PlanPage(
            @Schema(required = true) List<PlanSummary> items,
            @Schema(required = true) long total,
            @Schema(required = true) int page,
            @Schema(required = true) int size) {}

    @Schema(name = "PlanReturn", description = "退回方案 / return a plan")
    public record ReturnRequest(@NotBlank @Size(max = 500) @Schema(example = "请补充各项活动的时间和地点") String reason) {}

    @Schema(name = "PlanProgress", description = "目标进度 / progress towards an item's target")
    public record ProgressInput(
            @NotNull
                    @DecimalMin("0")
                    @DecimalMax(MAX_VALUE)
                    @Digits(integer = 12, fraction = 2)
                    @Schema(description = "已完成的数量 / achieved so far", example = "32")
                    BigDecimal value,
            @Size(max = 500) @Schema(example = "2024年建成12家，2025年建成20家") String note) {}
}
