package cn.jinguo.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a plan stands: DRAFT → FILED → ACKNOWLEDGED, or RETURNED → (edited) → FILED again. */
@Schema(
        description =
                "方案状态 / plan status: DRAFT 草稿（随通知印发的方案始终为草稿，不备案）, FILED 已备案待确认," + " ACKNOWLEDGED 已确认备案, RETURNED 已退回")
public enum PlanStatus {
    DRAFT,
    FILED,
    ACKNOWLEDGED,
    RETURNED
}
