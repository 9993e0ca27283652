package cn.jinguo.account;

import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member's role in an org; it holds in the org and in everything below it. */
@Schema(description = "成员角色 / member role: ORG_ADMIN 管理员, EDITOR 编辑, REVIEWER 审核, VIEWER 查看")
public enum Role {
    ORG_ADMIN(
            Permission.ORG_READ,
            Permission.ORG_WRITE,
            Permission.ORG_IMPORT,
            Permission.ACCOUNT_READ,
            Permission.ACCOUNT_WRITE,
            Permission.AUDIT_READ,
            Permission.NOTICE_WRITE,
            Permission.RECEIPT_SIGN,
            Permission.PLAN_WRITE,
            Permission.REPORT_WRITE,
            Permission.REPORT_REVIEW,
            Permission.TRACKING_MANAGE),
    EDITOR(
            Permission.ORG_READ,
            Permission.ACCOUNT_READ,
            Permission.NOTICE_WRITE,
            Permission.RECEIPT_SIGN,
            Permission.PLAN_WRITE,
            Permission.REPORT_WRITE,
            Permission.TRACKING_MANAGE),
    REVIEWER(
            Permission.ORG_READ,
            Permission.ACCOUNT_READ,
            Permission.RECEIPT_SIGN,
            Permission.REPORT_REVIEW,
            Permission.TRACKING_MANAGE),
    VIEWER(Permission.ORG_READ);

    private final Set<Permission> permissions;

    Role(Permission first, Permission... rest) {
        this.permissions = EnumSet.of(first, rest);
    }

    public Set<Permission> permissions() {
        return permissions;
    }
}
