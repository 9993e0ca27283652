package cn.jinguo.notice;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An operation on a notice, as offered to the caller in {@code NoticeView.actions}. */
@Schema(
        description =
                "通知操作 / notice operation: UPDATE 修改草稿, DELETE 删除草稿, PUBLISH 发布, WITHDRAW 撤回," + " AMEND 修订, CLOSE 结束")
public enum NoticeAction {
    UPDATE,
    DELETE,
    PUBLISH,
    WITHDRAW,
    AMEND,
    CLOSE
}
