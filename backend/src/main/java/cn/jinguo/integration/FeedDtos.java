package cn.jinguo.integration;

import cn.jinguo.org.FederationLevel;
import cn.jinguo.org.OrgType;
import cn.jinguo.submission.MediaKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The feed's records (schemaVersion 1). They are stored as they were when the change committed and never rewritten;
 * a later change is a later record. Fields are only ever added within a schema version.
 */
public final class FeedDtos {
    private FeedDtos() {}

    /** The version of the record shape written now. */
    public static final int SCHEMA_VERSION = 1;

    @Schema(
            name = "FeedType",
            description = "记录类型 / record type: ACTIVITY_ACCEPTED 活动信息被采用, NOTICE_PUBLISHED 通知发布, NOTICE_AMENDED 通知修订,"
                    + " NOTICE_WITHDRAWN 通知撤回, RECEIPT_SIGNED 收文签收")
    public enum FeedType {
        ACTIVITY_ACCEPTED,
        NOTICE_PUBLISHED,
        NOTICE_AMENDED,
        NOTICE_WITHDRAWN,
        RECEIPT_SIGNED
    }

    @Schema(name = "FeedOrg", description = "组织及其在组织树中的位置 / an org and its place in the tree")
    public record OrgRecord(
            @Schema(required = true, example = "977") String id,
            @Schema(required = true, example = "500103001") String code,
            @Schema(required = true, example = "解放碑街道妇女联合会") String name,
            @Schema(required = true) OrgType type,
            FederationLevel level,
            @Schema(
                            required = true,
                            description = "从顶层到本组织的组织代码 / org codes from the top down to this org",
                            example = "[\"500000\", \"500103\", \"500103001\"]")
                    List<String> path) {}

    @Schema(name = "FeedNotice", description = "通知（记录写入时的状态）/ the notice as it was when the record was written")
    public record NoticeRecord(
            @Schema(required = true, example = "12") String id,
            @Schema(example = "渝妇发〔2026〕5号") String docNumber,
            @Schema(required = true, example = "关于开展2026年“三八”国际妇女节纪念活动的通知") String title,
            String theme,
            @Schema(required = true) OrgRecord issuer,
            @Schema(required = true, example = "PUBLISHED") String status,
            Instant publishedAt,
            OffsetDateTime deadline,
            @Schema(required = true, description = "修订次数 / amendments so far", example = "0") int revision,
            @Schema(description = "撤回原因 / why it was withdrawn") String withdrawnReason,
            @Schema(description = "转发的上级通知 / the notice it re-issues", example = "7") String parentNoticeId) {}

    @Schema(name = "FeedMedia", description = "活动素材 / a medium of an activity")
    public record MediaRecord(
            @Schema(required = true) MediaKind kind,
            String title,
            @Schema(description = "文章或新媒体链接 / the article's or post's address") String url,
            @Schema(description = "文件名 / file name", example = "活动照片1.jpg") String fileName,
            @Schema(example = "image/jpeg") String contentType,
            @Schema(example = "352011") Long size,
            @Schema(example = "3f7a…") String sha256,
            @Schema(
                            description = "文件的签名下载地址，无需令牌，到 downloadExpiresAt 失效；过期后重新读取该页即得新地址"
                                    + " / a signed download address, no token needed, valid until downloadExpiresAt;"
                                    + " read the page again for a fresh one")
                    String downloadUrl,
            Instant downloadExpiresAt,
            @Schema(
                            description =
                                    "文件 id；逐级汇总时同一文件不变 / the stored file: the same at every level it is rolled up to",
                            example = "4410")
                    String fileId) {
        MediaRecord signed(String url, Instant expires) {
            return new MediaRecord(kind, title, this.url, fileName, contentType, size, sha256, url, expires, fileId);
        }
    }

    @Schema(
            name = "FeedActivity",
            description = "被采用的活动信息。逐级汇总上报的同一活动在每一级被采用时各出现一次：origin 与 originEntryId 指出活动本身"
                    + " / an accepted activity. An activity rolled up the tree appears once per level that accepts it;"
                    + " origin and originEntryId name the activity itself")
    public record ActivityRecord(
            @Schema(required = true, example = "50211") String entryId,
            @Schema(required = true, description = "最初填报的条目 / the entry first written", example = "50017")
                    String originEntryId,
            @Schema(description = "汇总时所纳入的下级条目 / the subordinate's entry it copies") String sourceEntryId,
            @Schema(required = true, example = "3012") String submissionId,
            @Schema(required = true, description = "报送的第几次提交 / which submission of the package", example = "1")
                    int revision,
            @Schema(required = true, example = "巾帼志愿服务进社区") String title,
            @Schema(required = true) LocalDate heldOn,
            LocalDate heldUntil,
            @Schema(example = "解放碑新时代文明实践站") String location,
            @Schema(example = "120") Integer participants,
            String summary,
            @Schema(required = true, description = "报送单位 / the org that reported it") OrgRecord org,
            @Schema(required = true, description = "举办单位 / the org that held it") OrgRecord origin,
            @Schema(required = true) boolean featured,
            @Schema(required = true) Instant acceptedAt,
            @Schema(required = true, example = "city_admin") String acceptedBy,
            @Schema(required = true) List<MediaRecord> media) {}

    @Schema(name = "FeedReceipt", description = "一份收文的签收 / a receipt signed")
    public record ReceiptRecord(
            @Schema(required = true, example = "880") String id,
            @Schema(required = true) OrgRecord org,
            @Schema(required = true) Instant signedAt,
            @Schema(required = true, example = "district_admin") String signedBy) {}

    @Schema(
            name = "FeedRecord",
            description = "变更订阅中的一条记录 / a record of the feed. ACTIVITY_ACCEPTED has activity and notice; NOTICE_* has"
                    + " notice; RECEIPT_SIGNED has receipt and notice.")
    public record FeedRecord(
            @Schema(
                            required = true,
                            description = "记录在订阅中的位置，递增、唯一，可用于去重 / the record's position: increasing,"
                                    + " unique, for de-duplication",
                            example = "104233")
                    String id,
            @Schema(required = true) FeedType type,
            @Schema(required = true) Instant occurredAt,
            @Schema(required = true, example = "1") int schemaVersion,
            ActivityRecord activity,
            NoticeRecord notice,
            ReceiptRecord receipt) {}

    @Schema(name = "FeedPage", description = "一页记录 / a page of the feed")
    public record FeedPage(
            @Schema(required = true) List<FeedRecord> items,
            @Schema(
                            required = true,
                            description = "下一页的游标：原样传回 cursor；没有新记录时与请求的相同 / pass it back as cursor for the"
                                    + " next page; unchanged when nothing new has come",
                            example = "djE6MTA0MjMz")
                    String nextCursor,
            @Schema(required = true, description = "是否已有下一页 / whether the next page is already there")
                    boolean hasMore) {}

    @Schema(name = "FeedHead", description = "订阅当前的末尾 / the feed's current end")
    public record FeedHead(
            @Schema(
                            required = true,
                            description = "从现在开始跟随时使用的游标 / the cursor to follow from now on",
                            example = "djE6MTA0MjMz")
                    String cursor) {}
}
