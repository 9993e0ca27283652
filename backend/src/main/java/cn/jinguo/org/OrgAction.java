package cn.jinguo.org;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An operation on one org, as offered to the caller in {@code OrgView.actions}. */
@Schema(
        description = "组织操作 / org operation: UPDATE 编辑, CREATE_CHILD 新建下级, REORDER_CHILDREN 调整下级排序,"
                + " MOVE 移动, CLOSE 关闭, REOPEN 恢复")
public enum OrgAction {
    UPDATE,
    CREATE_CHILD,
    REORDER_CHILDREN,
    MOVE,
    CLOSE,
    REOPEN
}
