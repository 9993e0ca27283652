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
    PLATFORM_ADMIN("platform:admin");

    public final String key;

    Permission(String key) {
        this.key = key;
    }
}
