package cn.jinguo.plan;

import cn.jinguo.common.RichText;
import cn.jinguo.notice.Notice;
import cn.jinguo.notice.NoticeDtos.NoticeRef;
import cn.jinguo.org.Org;
import cn.jinguo.plan.PlanDtos.PlanItemView;
import cn.jinguo.plan.PlanDtos.PlanSummary;
import cn.jinguo.plan.PlanDtos.PlanView;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Plans as the API shows them, and the text search matches. */
final class PlanViews {
    private PlanViews() {}

    static PlanView view(ActivityPlan p, PlanService service) {
        Org reviewer = p.reviewOrg;
        return new PlanView(
                p.id.toString(),
                p.kind(),
                p.status,
                p.org.id.toString(),
                p.org.name,
                ref(p.notice),
                p.receipt == null ? null : p.receipt.id.toString(),
                reviewer == null ? null : reviewer.id.toString(),
                reviewer == null ? null : reviewer.name,
                p.title,
                p.theme,
                p.periodStart,
                p.periodEnd,
                p.sections,
                p.items.stream().map(PlanViews::item).toList(),
                p.filedAt,
                p.filedBy,
                p.reviewedAt,
                p.reviewedBy,
                p.returnReason,
                p.createdBy,
                p.createdAt,
                p.updatedAt,
                service.actions(p),
                p.version);
    }

    static PlanSummary summary(ActivityPlan p, long[] counts) {
        Org reviewer = p.reviewOrg;
        return new PlanSummary(
                p.id.toString(),
                p.kind(),
                p.status,
                p.org.id.toString(),
                p.org.name,
                ref(p.notice),
                reviewer == null ? null : reviewer.id.toString(),
                reviewer == null ? null : reviewer.name,
                p.title,
                p.theme,
                p.periodStart,
                p.periodEnd,
                counts[0],
                counts[1],
                p.filedAt,
                p.updatedAt);
    }

    private static NoticeRef ref(Notice n) {
        return n == null ? null : new NoticeRef(n.id.toString(), n.docNumber, n.title, n.issuer.name, n.status);
    }

    private static PlanItemView item(PlanItem i) {
        return new PlanItemView(
                i.id.toString(),
                i.section,
                i.title,
                i.description,
                i.startsOn,
                i.endsOn,
                i.location,
                i.organizer,
                i.partners,
                i.audience,
                i.expectedParticipants,
                plain(i.targetValue),
                i.targetUnit,
                plain(i.progressValue),
                i.progressNote,
                i.progressUpdatedAt);
    }

    /** 50 rather than 50.00 (as stored) or 5E+1: what the client sent, whatever the column's scale. */
    private static BigDecimal plain(BigDecimal v) {
        if (v == null) return null;
        BigDecimal stripped = v.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static String searchText(ActivityPlan p) {
        Stream<String> head = Stream.of(p.title, p.theme, p.org == null ? null : p.org.name);
        Stream<String> sections =
                p.sections.stream().flatMap(s -> Stream.of(s.heading(), RichText.plainText(s.html())));
        Stream<String> items = p.items.stream()
                .flatMap(i ->
                        Stream.of(i.section, i.title, i.description, i.location, i.organizer, i.partners, i.audience));
        return Stream.of(head, sections, items)
                .flatMap(s -> s)
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" "))
                .toLowerCase(Locale.ROOT);
    }
}
