package cn.jinguo.docimport;

import static cn.jinguo.docimport.DocImportService.value;
import static cn.jinguo.docimport.NoticeDraft.clip;

import cn.jinguo.plan.PlanDtos.PlanInput;
import cn.jinguo.plan.PlanDtos.PlanItemInput;
import cn.jinguo.plan.PlanDtos.PlanSection;
import java.math.BigDecimal;

/** A {@link ParsedPlan} as the plan editor's form takes it ({@link PlanInput}, within its size limits). */
final class PlanDraft {
    private static final int MAX_SECTIONS = 50;
    private static final int MAX_ITEMS = 200;
    private static final BigDecimal MAX_TARGET = new BigDecimal("999999999999.99");

    private PlanDraft() {}

    static PlanInput input(ParsedPlan p, String orgId) {
        return new PlanInput(
                orgId,
                null,
                clip(value(p.title()), 200),
                clip(value(p.theme()), 200),
                value(p.periodStart()),
                value(p.periodEnd()),
                p.sections().stream()
                        .limit(MAX_SECTIONS)
                        .map(s -> new PlanSection(clip(value(s.heading()), 200), NoticeDraft.html(s.html())))
                        .toList(),
                p.items().stream().limit(MAX_ITEMS).map(PlanDraft::item).toList());
    }

    private static PlanItemInput item(ParsedPlan.Item i) {
        BigDecimal target = value(i.target());
        boolean keep = target != null && target.compareTo(MAX_TARGET) <= 0;
        return new PlanItemInput(
                null,
                clip(i.section(), 200),
                clip(i.title().value(), 200),
                i.description(),
                value(i.startsOn()),
                value(i.endsOn()),
                clip(value(i.location()), 200),
                null,
                clip(value(i.partners()), 500),
                null,
                null,
                keep ? target : null,
                keep ? clip(i.targetUnit(), 20) : null);
    }
}
