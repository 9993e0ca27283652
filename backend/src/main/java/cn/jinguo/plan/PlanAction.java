package cn.jinguo.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An operation on a plan, as offered to the caller in {@code PlanView.actions}. */
@Schema(
        description = "方案操作 / plan operation: UPDATE 修改, DELETE 删除草稿, FILE 备案, ACKNOWLEDGE 确认备案,"
                + " RETURN 退回, PROGRESS 更新目标进度")
public enum PlanAction {
    UPDATE,
    DELETE,
    FILE,
    ACKNOWLEDGE,
    RETURN,
    PROGRESS
}
