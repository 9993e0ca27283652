package cn.jinguo.account;

import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an integration client (the city platform, a script) may call, granted per client in its org's subtree. A
 * scope opens a set of endpoints ({@link ClientScopeFilter}) and the permissions the services check behind them; the
 * data stays limited to the client's subtree, as a member's does.
 */
@Schema(
        description = "集成客户端的授权范围 / what an integration client may call: ORGS_READ 组织机构, NOTICES_READ 通知与收文,"
                + " RECEIPTS_WRITE 签收, PLANS_READ 活动方案, PLANS_WRITE 填报方案, SUBMISSIONS_READ 报送与素材,"
                + " SUBMISSIONS_WRITE 填写报送, TRACKING_READ 督办, FEED_READ 变更订阅, WEBHOOKS_MANAGE 管理推送")
public enum ClientScope {
    ORGS_READ,
    NOTICES_READ,
    RECEIPTS_WRITE(Permission.RECEIPT_SIGN),
    PLANS_READ,
    PLANS_WRITE(Permission.PLAN_WRITE),
    SUBMISSIONS_READ,
    SUBMISSIONS_WRITE(Permission.REPORT_WRITE),
    TRACKING_READ,
    FEED_READ,
    WEBHOOKS_MANAGE;

    private final Set<Permission> permissions;

    ClientScope(Permission... permissions) {
        // every scope reads the client's subtree, as every member role does
        this.permissions = EnumSet.of(Permission.ORG_READ, permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }
}
