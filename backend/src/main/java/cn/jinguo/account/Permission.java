package cn.jinguo.account;

/** What a role allows; {@code key} is what {@code GET /me} lists and the SPA checks. */
public enum Permission {
    ORG_READ("org:read"),
    ORG_WRITE("org:write"),
    ORG_IMPORT("org:import"),
    ACCOUNT_READ("account:read"),
    ACCOUNT_WRITE("account:write"),
    AUDIT_READ("audit:read"),
    NOTICE_WRITE("notice:write"),
    RECEIPT_SIGN("receipt:sign"),
    /** Write and file the org's activity plans. */
    PLAN_WRITE("plan:write"),
    /** Write and submit the org's report packages (报送). */
    REPORT_WRITE("report:write"),
    /** Acknowledge or return plans and accept, return or feature reports sent to the org's notices. */
    REPORT_REVIEW("report:review"),
    /** Extensions, exemptions and reminders (催报) on the org's notices. */
    TRACKING_MANAGE("tracking:manage"),
    PLATFORM_ADMIN("platform:admin");

    public final String key;

    Permission(String key) {
        this.key = key;
    }
}
