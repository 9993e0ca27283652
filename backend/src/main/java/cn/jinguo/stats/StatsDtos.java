package cn.jinguo.stats;

import cn.jinguo.org.OrgType;
import cn.jinguo.submission.SubmissionStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the statistics and dashboard API read. */
public final class StatsDtos {
    private StatsDtos() {}

    @Schema(
            name = "StatsStatus",
            description = "统计哪些报送：SUBMITTED 已报送（待审核与已采用，不含草稿和被退回的），ACCEPTED 仅已采用"
                    + " / which packages count: SUBMITTED every package sent and not returned (awaiting review or"
                    + " accepted), ACCEPTED accepted ones only")
    public enum StatsStatus {
        SUBMITTED,
        ACCEPTED
    }

    @Schema(name = "StatsOrgRef", description = "统计范围的单位 / the org whose branch is counted")
    public record OrgRef(
            @Schema(required = true, example = "118") String id,
            @Schema(required = true, example = "重庆市妇女联合会") String name,
            @Schema(required = true) OrgType type,
            @Schema(required = true, description = "树中深度，市妇联为 0 / depth in the tree, the root is 0", example = "0")
                    int depth) {}

    @Schema(
            name = "StatsFigures",
            description = "一组活动的数字。每项活动只计一次：汇总上报的副本不重复计数 / the figures of a set of activities; every"
                    + " activity counts once, however many times it was rolled up")
    public record Figures(
            @Schema(required = true, description = "活动场次 / activities held", example = "128") long activities,
            @Schema(required = true, description = "参与人次 / participants", example = "15360") long participants,
            @Schema(
                            required = true,
                            description = "报送份数：含这些活动的报送（含汇总上报的）/ packages reporting these activities (roll-ups"
                                    + " included)",
                            example = "45")
                    long reports,
            @Schema(required = true, description = "举办单位数 / orgs that held them", example = "37") long orgs,
            @Schema(required = true, description = "精选活动 / featured activities", example = "6") long featured) {}

    @Schema(name = "StatsGroup", description = "一个分组的数字 / the figures of one group")
    public record Group(
            @Schema(
                            description = "分组键：单位 id、组织类型、月份（yyyy-MM）或主题；无主题时为空 / the group: an org id, an"
                                    + " org type, a month (yyyy-MM) or a theme; null for notices without a theme",
                            example = "2026-03")
                    String key,
            @Schema(description = "单位分组的单位名称 / the org's name for org groups", example = "渝中区妇女联合会") String label,
            @Schema(required = true, example = "12") long activities,
            @Schema(required = true, example = "1480") long participants,
            @Schema(required = true, example = "5") long reports) {}

    @Schema(name = "StatsView", description = "统计：合计与四种分组 / totals and the four groupings")
    public record StatsView(
            @Schema(required = true) OrgRef org,
            @Schema(example = "2026-01-01") LocalDate from,
            @Schema(example = "2026-12-31") LocalDate to,
            @Schema(description = "只统计该通知及其各级转发 / this notice and its re-issues only", example = "42") String noticeId,
            @Schema(required = true) StatsStatus status,
            @Schema(required = true) Figures totals,
            @Schema(
                            required = true,
                            description = "按区县：举办单位在所选单位下一级的上级（市妇联看各区县，区县看各街道）；所选单位本身举办的归其自身；"
                                    + "部室所发通知收到的外单位活动按与部室同级的上级分组。活动多者在前 / by district: the"
                                    + " holding org's ancestor one level below the chosen org (the city sees districts, a"
                                    + " district its townships); the chosen org's own activities group as itself; outside"
                                    + " orgs answering a department's notices group by their ancestor at the department's"
                                    + " level. Most activities first")
                    List<Group> byDistrict,
            @Schema(required = true, description = "按举办单位的组织类型 / by the holding org's type") List<Group> byOrgType,
            @Schema(
                            required = true,
                            description = "按活动日期的月份（北京时间），升序 / by the month of the activity date (Asia/Shanghai),"
                                    + " ascending")
                    List<Group> byMonth,
            @Schema(required = true, description = "按通知主题，活动多者在前 / by the notice's theme, most activities first")
                    List<Group> byTheme) {}

    @Schema(name = "StatsNoticeRef", description = "活动所报送的通知 / the notice the activity was reported to")
    public record NoticeRef(
            @Schema(required = true, example = "42") String id,
            @Schema(example = "渝妇发〔2026〕5号") String docNumber,
            @Schema(required = true, example = "关于开展“三八”国际妇女节系列活动的通知") String title) {}

    @Schema(
            name = "StatsActivity",
            description = "一项活动，按调用者看到的最上一级报送：汇总上报的活动显示为上报到所选范围的那一份 / an activity as the highest"
                    + " package in view reports it: a rolled-up activity appears once, as it reached the chosen branch")
    public record Activity(
            @Schema(required = true, description = "活动条目 id / the entry", example = "907") String id,
            @Schema(required = true, description = "所在报送 / its package", example = "311") String submissionId,
            @Schema(required = true, example = "“巾帼心向党”主题宣讲进社区") String title,
            @Schema(required = true, example = "2026-03-06") LocalDate heldOn,
            @Schema(example = "2026-03-08") LocalDate heldUntil,
            @Schema(example = "解放碑街道新时代文明实践站") String location,
            @Schema(example = "120") Integer participants,
            @Schema(required = true, description = "举办单位 / the org that held it", example = "911") String originOrgId,
            @Schema(required = true, example = "解放碑街道妇女联合会") String originOrgName,
            @Schema(required = true, description = "所属区县 / its district", example = "渝中区妇女联合会") String districtName,
            @Schema(required = true, description = "报送单位 / the org whose package carries it", example = "120")
                    String reporterOrgId,
            @Schema(required = true, example = "渝中区妇女联合会") String reporterOrgName,
            @Schema(required = true) NoticeRef notice,
            @Schema(required = true, description = "所在报送的状态 / its package's status") SubmissionStatus status,
            @Schema(required = true) boolean featured) {}

    @Schema(name = "StatsActivityPage", description = "活动列表的一页 / a page of activities")
    public record ActivityPage(
            @Schema(required = true) List<Activity> items,
            @Schema(required = true) long total,
            @Schema(required = true) int page,
            @Schema(required = true) int size) {}

    // ---- 工作台 ----

    @Schema(name = "DashboardItem", description = "一件待办：收文及其截止时间 / a to-do: a receipt and its deadline, nearest first")
    public record TodoItem(
            @Schema(required = true, example = "311") String receiptId,
            @Schema(required = true, example = "42") String noticeId,
            @Schema(example = "渝妇发〔2026〕5号") String docNumber,
            @Schema(required = true, example = "关于开展“三八”国际妇女节系列活动的通知") String title,
            @Schema(required = true, example = "重庆市妇女联合会") String issuerName,
            @Schema(description = "本单位的截止时间（方案为备案截止时间）/ the org's deadline (for plans, the filing deadline)")
                    OffsetDateTime deadline,
            @Schema(required = true, description = "已过截止时间 / past the deadline") boolean overdue,
            @Schema(description = "已有的报送（待报送时）/ the package, when one was opened (to submit)", example = "77")
                    String submissionId,
            @Schema(description = "已有的活动方案（待备案时，如草稿或被退回的）/ the plan, when one was started (to file)", example = "12")
                    String planId) {}

    @Schema(name = "DashboardTodo", description = "一类待办：总数与截止时间最近的 5 件 / a kind of to-do: count and the 5 nearest")
    public record Todo(
            @Schema(required = true, example = "3") long count,
            @Schema(required = true, description = "逾期的件数 / how many are overdue", example = "1") long overdue,
            @Schema(required = true) List<TodoItem> items) {}

    @Schema(name = "DashboardReviewKind", description = "SUBMISSION 报送, PLAN 活动方案")
    public enum ReviewKind {
        SUBMISSION,
        PLAN
    }

    @Schema(name = "DashboardReviewItem", description = "一件待审核：等待最久的在前 / a review waiting, oldest first")
    public record ReviewItem(
            @Schema(required = true) ReviewKind kind,
            @Schema(required = true, description = "报送或方案 id / the package or plan", example = "77") String id,
            @Schema(description = "回复的通知；单独备案的方案没有 / the notice answered; none for a standalone plan", example = "42")
                    String noticeId,
            @Schema(example = "渝妇发〔2026〕5号") String docNumber,
            @Schema(
                            required = true,
                            description = "报送为通知标题，方案为方案标题 / the notice's title for a package, the plan's for a plan")
                    String title,
            @Schema(required = true, example = "渝中区妇女联合会") String orgName,
            @Schema(required = true, description = "报送或备案时间 / when it was sent") OffsetDateTime since) {}

    @Schema(
            name = "DashboardReview",
            description = "待审核：回复本单位所发（或作为收文部门接收）通知的报送，和向本单位备案的方案 / to review: packages"
                    + " answering the org's notices, plans filed with the org")
    public record Review(
            @Schema(required = true, description = "待审核的报送 / packages submitted", example = "4") long submissions,
            @Schema(required = true, description = "待确认的方案备案 / plans filed", example = "2") long plans,
            @Schema(required = true) List<ReviewItem> items) {}

    @Schema(name = "DashboardIssuedNotice", description = "本单位发出的进行中的通知及完成情况 / an open notice and its completion")
    public record IssuedNotice(
            @Schema(required = true, example = "42") String id,
            @Schema(example = "渝妇发〔2026〕5号") String docNumber,
            @Schema(required = true) String title,
            OffsetDateTime deadline,
            @Schema(required = true) boolean overdue,
            @Schema(required = true, description = "收文单位 / recipients", example = "40") long recipients,
            @Schema(required = true, description = "应报：收文单位减免报 / recipients not exempt", example = "38") long expected,
            @Schema(required = true, description = "已签收（应报中）/ signed, of those expected", example = "36") long signed,
            @Schema(required = true, description = "已报送（应报中）/ submitted, of those expected", example = "20")
                    long submitted,
            @Schema(required = true, description = "已采用（应报中）/ accepted, of those expected", example = "12")
                    long accepted) {}

    @Schema(name = "DashboardIssued", description = "进行中的通知：截止时间最近的 20 份 / open notices, the 20 nearest deadlines")
    public record Issued(
            @Schema(required = true, description = "进行中的通知总数 / all open notices", example = "3") long total,
            @Schema(required = true) List<IssuedNotice> items) {}

    @Schema(name = "Dashboard", description = "工作台：单位现在要办的事与发出的通知 / what the org must do now")
    public record Dashboard(
            @Schema(required = true) OrgRef org,
            @Schema(required = true, description = "待签收 / receipts to sign") Todo toSign,
            @Schema(required = true, description = "待备案：要求备案方案、尚未备案（或被退回）且未免报 / plans to file") Todo toFile,
            @Schema(required = true, description = "待报送：未报送或被退回、未免报 / reports to submit") Todo toSubmit,
            @Schema(required = true) Review toReview,
            @Schema(required = true) Issued issued) {}
}
