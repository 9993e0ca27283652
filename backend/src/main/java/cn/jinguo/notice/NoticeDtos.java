package cn.jinguo.notice;

import cn.jinguo.common.Text;
import cn.jinguo.org.FederationLevel;
import cn.jinguo.org.OrgType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the notice API reads and writes. */
public final class NoticeDtos {
    private NoticeDtos() {}

    @Schema(name = "NoticeSection", description = "正文的一节 / one section of the body")
    public record Section(
            @Size(max = 200) @Schema(example = "一、活动内容") String heading,
            @NotNull
                    @Size(max = 100_000)
                    @Schema(
                            description = "富文本（HTML），保存时清理为安全子集 / rich text; sanitized to a safe subset on save",
                            example = "<p>各区县妇联要结合实际，开展形式多样的庆祝活动。</p>")
                    String html) {}

    @Schema(
            name = "RecipientGroup",
            description = "按类型、层级、范围选择的一组收文单位；字段之间为“且” / a group of recipients; fields combine with AND")
    public record RecipientGroup(
            @Schema(example = "FEDERATION") OrgType type,
            @Schema(example = "DISTRICT") FederationLevel level,
            @Schema(description = "只选该组织之下（默认：发文单位的整个范围）/ only below this org", example = "118") String withinOrgId,
            @Schema(description = "只选 withinOrgId 的直接下级 / only direct children of withinOrgId")
                    boolean directChildrenOnly) {}

    @Schema(
            name = "RecipientRule",
            description =
                    "主送单位的选择规则：各组与明确指定的单位取并集，再去掉排除的单位。发布时解析并冻结为收文。"
                            + " / Groups and explicit orgs are united, then exclusions removed; resolved and frozen at publish.")
    public record RecipientRule(
            @Size(max = 20) List<@NotNull @Valid RecipientGroup> groups,
            @Size(max = 5000) List<@NotBlank String> orgIds,
            @Size(max = 5000) List<@NotBlank String> excludedOrgIds) {
        public static final RecipientRule NONE = new RecipientRule(List.of(), List.of(), List.of());

        public List<RecipientGroup> groupsOrEmpty() {
            return groups == null ? List.of() : groups;
        }

        public List<String> orgIdsOrEmpty() {
            return orgIds == null ? List.of() : orgIds;
        }

        public List<String> excludedOrEmpty() {
            return excludedOrgIds == null ? List.of() : excludedOrgIds;
        }
    }

    @Schema(name = "RequiredItems", description = "报送时必须包含的内容 / what a submission must contain")
    public record RequiredItems(
            @Schema(description = "活动总结 / a written summary") boolean summary,
            @Min(0) @Max(100) @Schema(description = "照片最少张数 / minimum number of photos", example = "3") int minPhotos,
            @Schema(description = "视频 / a video") boolean video,
            @Schema(description = "宣传文章 / an article") boolean article,
            @Schema(description = "新媒体链接 / a new-media link") boolean newMediaLink) {}

    @Schema(
            name = "Requirements",
            description = "报送要求；byOrgType 按收文单位类型覆盖默认要求 / required items, overridable per recipient org type")
    public record Requirements(@Valid RequiredItems items, Map<OrgType, @NotNull @Valid RequiredItems> byOrgType) {
        public static final Requirements NONE =
                new Requirements(new RequiredItems(false, 0, false, false, false), Map.of());

        /** What a recipient of {@code type} must send: its override, else the default. */
        public RequiredItems forType(OrgType type) {
            RequiredItems override = byOrgType == null ? null : byOrgType.get(type);
            if (override != null) return override;
            return items == null ? NONE.items() : items;
        }
    }

    @Schema(
            name = "ReminderPolicy",
            description = "自动催报规则（督办）：截止前几天提醒未签收、未备案、未报送的单位，截止后几天提醒逾期单位，逾期若干天后告知其上级单位。"
                    + "每种提醒对同一单位每天最多一次。 / When reminders go out: days before the deadline (to orgs that have not"
                    + " signed, filed or submitted), days after it (overdue), and after how many overdue days the parent org"
                    + " is told. At most one reminder of a kind per org and day.")
    public record ReminderPolicy(
            @Schema(description = "是否自动催报 / send reminders automatically", example = "true") boolean enabled,
            @Size(max = 5) @Schema(description = "截止前第几天提醒（1–30）/ days before the deadline (1–30)", example = "[3, 1]")
                    List<@NotNull @Min(1) @Max(30) Integer> daysBefore,
            @Size(max = 5)
                    @Schema(description = "截止后第几天提醒逾期单位（1–60）/ days after the deadline (1–60)", example = "[1, 3, 7]")
                    List<@NotNull @Min(1) @Max(60) Integer> daysAfter,
            @Min(1)
                    @Max(60)
                    @Schema(
                            description = "逾期几天后告知上级单位（空：不告知）/ overdue days before the parent org is told; null: never",
                            example = "3")
                    Integer escalateAfterDays) {
        public static final ReminderPolicy DEFAULT = new ReminderPolicy(true, List.of(3, 1), List.of(1, 3, 7), 3);

        /** Days without repeats, largest first; missing lists are empty. */
        public ReminderPolicy normalized() {
            return new ReminderPolicy(enabled, days(daysBefore), days(daysAfter), escalateAfterDays);
        }

        private static List<Integer> days(List<Integer> days) {
            return days == null
                    ? List.of()
                    : days.stream()
                            .distinct()
                            .sorted(java.util.Comparator.reverseOrder())
                            .toList();
        }
    }

    @Schema(name = "AttachmentInput", description = "附件：已上传文件及附件说明中的名称 / an uploaded file and its printed title")
    public record AttachmentInput(
            @NotBlank @Schema(description = "POST /api/v1/files 返回的 id / id from POST /api/v1/files", example = "17")
                    String fileId,
            @Size(max = 200)
                    @Schema(
                            description = "附件说明中的名称（默认为文件名）/ title as printed; defaults to the file name",
                            example = "活动报名表")
                    String title) {}

    @Schema(name = "NoticeAttachment", description = "通知的附件 / an attachment of a notice")
    public record AttachmentView(
            @Schema(required = true, example = "17") String fileId,
            @Schema(required = true, example = "活动报名表") String title,
            @Schema(required = true, example = "活动报名表.docx") String name,
            @Schema(
                            required = true,
                            example = "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                    String contentType,
            @Schema(required = true, example = "24576") long size,
            @Schema(required = true) String sha256) {}

    @Schema(
            name = "NoticeInput",
            description = "通知草稿的内容；修改草稿时整体替换 / the content of a draft; an update replaces it whole")
    public record NoticeInput(
            @Schema(
                            description = "发文单位；新建时必填，之后不可更改 / issuing org; required on create, fixed afterwards",
                            example = "1")
                    String issuerOrgId,
            @NotBlank @Size(max = 200) @Schema(example = "关于开展2024年“三八”国际劳动妇女节系列活动的通知") String title,
            @Size(max = 200) @Schema(example = "添彩巾帼 建功新时代") String theme,
            @Size(max = 100) List<@NotNull @Valid Section> sections,
            @Size(max = 1000) @Schema(description = "主送（印在正文前）/ 主送 as printed", example = "各区县妇联、各市级机关妇委会")
                    String mainTo,
            @Size(max = 1000) @Schema(description = "抄送 / copied to", example = "市委办公厅") String cc,
            @Valid RecipientRule recipients,
            @Schema(description = "成文日期 / date of signing", example = "2024-02-26") LocalDate signedOn,
            @Size(max = 50) @Schema(example = "曹倩") String contactPerson,
            @Size(max = 30) @Pattern(regexp = Text.PHONE_PATTERN) @Schema(example = "023-63800000") String contactPhone,
            @Size(max = 254) @Email @Schema(example = "xcb@cqwomen.example.cn") String contactEmail,
            @Size(max = 100) @Schema(description = "收文部门 / receiving department", example = "宣传部")
                    String receivingDepartment,
            @Schema(
                            description = "收文部门（单位）：代发文单位审核报送和方案的内设部室，须为发文单位下属的部室"
                                    + " / the issuer's department that reviews reports and plans in its place",
                            example = "27")
                    String receivingOrgId,
            @Schema(description = "报送截止时间 / reporting deadline", example = "2024-03-10T18:00:00+08:00")
                    OffsetDateTime deadline,
            @Schema(description = "是否要求活动方案备案 / activity plan filing required") boolean planRequired,
            @Schema(example = "2024-03-01T18:00:00+08:00") OffsetDateTime planDeadline,
            @Valid Requirements requirements,
            @Size(max = 20) @Schema(description = "附件，按附件说明的顺序 / attachments in the printed order")
                    List<@NotNull @Valid AttachmentInput> attachments,
            @Valid @Schema(description = "自动催报规则（缺省为默认规则）/ reminder policy; the default when absent")
                    ReminderPolicy reminders) {}

    @Schema(name = "NoticeRef", description = "关联通知的摘要 / a linked notice")
    public record NoticeRef(
            @Schema(required = true, example = "42") String id,
            @Schema(example = "渝妇发〔2024〕5号") String docNumber,
            @Schema(required = true) String title,
            @Schema(required = true, example = "渝中区妇女联合会") String issuerName,
            @Schema(required = true) NoticeStatus status) {
        public static NoticeRef of(Notice n) {
            return new NoticeRef(n.id.toString(), n.docNumber, n.title, n.issuer.name, n.status);
        }
    }

    @Schema(name = "NoticeView", description = "通知 / a notice")
    public record NoticeView(
            @Schema(required = true, example = "42") String id,
            @Schema(required = true) NoticeStatus status,
            @Schema(required = true, example = "1") String issuerOrgId,
            @Schema(required = true, example = "重庆市妇女联合会") String issuerName,
            @Schema(example = "渝妇发〔2024〕5号") String docNumber,
            @Schema(required = true) String title,
            String theme,
            @Schema(required = true) List<Section> sections,
            String mainTo,
            String cc,
            @Schema(required = true) RecipientRule recipients,
            LocalDate signedOn,
            String contactPerson,
            String contactPhone,
            String contactEmail,
            String receivingDepartment,
            @Schema(description = "收文部门（单位）/ the reviewing department") String receivingOrgId,
            String receivingOrgName,
            OffsetDateTime deadline,
            @Schema(required = true) boolean planRequired,
            OffsetDateTime planDeadline,
            @Schema(required = true) Requirements requirements,
            @Schema(required = true) ReminderPolicy reminders,
            @Schema(required = true, description = "附件 / attachments") List<AttachmentView> attachments,
            @Schema(description = "转发自 / the notice this one re-issues") NoticeRef parent,
            @Schema(required = true, description = "由此转发的通知 / notices re-issuing this one") List<NoticeRef> forwards,
            @Schema(required = true, description = "修订次数 / number of amendments", example = "0") int revision,
            @Schema(required = true, description = "收文单位数（发布时冻结）/ recipients, frozen at publish") int recipientCount,
            @Schema(required = true, description = "已签收单位数 / recipients that signed") long signedCount,
            Instant publishedAt,
            Instant withdrawnAt,
            String withdrawnReason,
            Instant closedAt,
            @Schema(required = true) String createdBy,
            @Schema(required = true) Instant updatedAt,
            @Schema(required = true, description = "调用者现在可执行的操作 / what the caller may do now")
                    List<NoticeAction> actions,
            @Schema(required = true, description = "Version, also the ETag") int version) {}

    @Schema(name = "NoticeSummary", description = "通知列表中的一项 / a notice in a list")
    public record NoticeSummary(
            @Schema(required = true) String id,
            @Schema(required = true) NoticeStatus status,
            String docNumber,
            @Schema(required = true) String title,
            @Schema(required = true) String issuerOrgId,
            @Schema(required = true) String issuerName,
            OffsetDateTime deadline,
            Instant publishedAt,
            @Schema(required = true) int recipientCount,
            @Schema(required = true, description = "已签收单位数 / recipients that signed") long signedCount,
            @Schema(required = true) Instant updatedAt) {}

    @Schema(name = "NoticePage", description = "一页通知 / a page of notices")
    public record NoticePage(
            @Schema(required = true) List<NoticeSummary> items,
            @Schema(required = true) long total,
            @Schema(required = true) int page,
            @Schema(required = true) int size) {}

    @Schema(name = "RecipientPreviewRequest", description = "预览收文单位 / preview the recipients of a rule")
    public record RecipientPreviewRequest(
            @NotBlank @Schema(example = "1") String issuerOrgId, @NotNull @Valid RecipientRule recipients) {}

    @Schema(name = "RecipientOrg", description = "收文单位 / a recipient org")
    public record RecipientOrg(
            @Schema(required = true) String id,
            @Schema(required = true) String code,
            @Schema(required = true) String name,
            @Schema(required = true) OrgType type,
            FederationLevel level) {}

    @Schema(name = "RecipientPreview", description = "规则解析出的收文单位及统计 / recipients a rule resolves to, with counts")
    public record RecipientPreview(
            @Schema(required = true, example = "38") long total,
            @Schema(required = true) Map<OrgType, Long> byType,
            @Schema(required = true) Map<FederationLevel, Long> byLevel,
            @Schema(required = true, description = "前 50 个 / the first 50, in tree order") List<RecipientOrg> sample) {}

    @Schema(name = "NoticePublish", description = "发布通知 / publish a notice")
    public record PublishRequest(
            @NotBlank @Schema(description = "使用的机关代字 / issuer code to number it with", example = "3")
                    String issuerCodeId) {}

    @Schema(name = "NoticeWithdraw", description = "撤回通知 / withdraw a notice")
    public record WithdrawRequest(@NotBlank @Size(max = 500) @Schema(example = "活动安排调整，另行通知") String reason) {}

    @Schema(
            name = "NoticeAmendment",
            description = "修订已发布的通知：保留原版本并通知收文单位；收文单位不变 / amend a published notice; recipients stay")
    public record AmendRequest(
            @NotBlank @Size(max = 500) @Schema(example = "报送截止时间延后至3月15日") String reason,
            @NotNull @Valid NoticeInput content) {}

    @Schema(name = "NoticeRevision", description = "修订前的版本 / a version before an amendment")
    public record RevisionView(
            @Schema(required = true) int revision,
            @Schema(required = true) NoticeInput content,
            @Schema(required = true) String reason,
            @Schema(required = true) String amendedBy,
            @Schema(required = true) Instant amendedAt) {}

    @Schema(name = "ReceiptView", description = "收文 / a notice as received by one org")
    public record ReceiptView(
            @Schema(required = true) String id,
            @Schema(required = true) String orgId,
            @Schema(required = true) String orgName,
            @Schema(required = true) NoticeSummary notice,
            @Schema(required = true) Instant deliveredAt,
            OffsetDateTime deadline,
            Instant firstReadAt,
            String firstReadBy,
            Instant signedAt,
            String signedBy,
            @Schema(description = "本单位转发的通知 / this org's re-issue") String forwardedNoticeId,
            @Schema(description = "本单位的报送 / this org's package") String submissionId,
            @Schema(
                            description =
                                    "报送状态（DRAFT、SUBMITTED、ACCEPTED、RETURNED），未开始为空 / package status, empty before one exists")
                    String reportStatus,
            @Schema(description = "本单位答复该通知的活动方案 / the org's plan in answer to the notice") String planId,
            @Schema(
                            description = "方案备案状态（未备案时为空）/ plan filing status, none before filing",
                            enumeration = {"FILED", "ACKNOWLEDGED", "RETURNED"})
                    String planStatus,
            @Schema(description = "本单位被免报的原因 / why the org is exempt") String exemptReason,
            @Schema(required = true, description = "调用者现在可执行的操作 / what the caller may do now")
                    List<ReceiptAction> actions,
            @Schema(required = true) int version) {}

    @Schema(name = "ReceiptPage", description = "一页收文 / a page of receipts")
    public record ReceiptPage(
            @Schema(required = true) List<ReceiptView> items,
            @Schema(required = true) long total,
            @Schema(required = true) int page,
            @Schema(required = true) int size) {}

    @Schema(name = "InboxSummary", description = "收文角标 / inbox badge counts")
    public record InboxSummary(
            @Schema(required = true, description = "未读 / never opened") long unread,
            @Schema(required = true, description = "未签收 / not signed") long unsigned,
            @Schema(required = true, description = "三天内到期且未签收 / due within three days") long dueSoon,
            @Schema(required = true, description = "已过期 / past the deadline") long overdue) {}

    @Schema(name = "InboxIssuer", description = "向本单位发过文的单位 / an org that sent notices to this inbox")
    public record InboxIssuer(
            @Schema(required = true, example = "1") String orgId,
            @Schema(required = true, example = "重庆市妇女联合会") String name,
            @Schema(required = true, description = "收到的通知数 / notices received from it", example = "12") long count) {}

    @Schema(name = "IssuerCodeView", description = "机关代字 / an issuer code")
    public record IssuerCodeView(
            @Schema(required = true) String id,
            @Schema(required = true) String orgId,
            @Schema(required = true, example = "渝妇发") String code,
            String description,
            @Schema(required = true) boolean active,
            @Schema(required = true) int version) {}

    @Schema(name = "IssuerCodeInput", description = "新建或修改机关代字 / create or update an issuer code")
    public record IssuerCodeInput(
            @Schema(description = "所属单位；新建时必填，之后不可更改 / owning org; required on create, fixed afterwards", example = "1")
                    String orgId,
            @NotBlank
                    @Size(max = 20)
                    @Pattern(regexp = "^[\\p{sc=Han}A-Za-z0-9]+$")
                    @Schema(description = "汉字、字母或数字 / Chinese characters, letters or digits", example = "渝妇发")
                    String code,
            @Size(max = 100) @Schema(example = "市妇联发文") String description,
            @Schema(description = "停用后不能再用于编号 / inactive codes number nothing new") Boolean active) {}
}
