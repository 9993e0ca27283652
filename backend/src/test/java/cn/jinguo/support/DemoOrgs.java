package cn.jinguo.support;

import io.agroal.api.AgroalDataSource;

/**
 * Well-known orgs of the demo tree (cn.jinguo.demo.DemoTree) and extra test accounts at the district.
 * From the district's point of view: OWN 渝中区妇联, CHILD 解放碑街道妇联, SIBLING 江北区妇联, FOREIGN 市妇联宣传部.
 */
public final class DemoOrgs {
    public static final String CITY = "500000";
    public static final String DISTRICT = "500103";
    public static final String TOWNSHIP = "500103001";
    public static final String TOWNSHIP_2 = "500103002";
    public static final String SIBLING_DISTRICT = "500105";
    public static final String SIBLING_TOWNSHIP = "500105001";
    public static final String DEPARTMENT = "500000-XCB";

    private DemoOrgs() {}

    /** District members with each non-admin role; idempotent. */
    public static void ensureDistrictRoleAccounts(AgroalDataSource ds) {
        for (String role : new String[] {"EDITOR", "REVIEWER", "VIEWER"}) {
            String user = "district_" + role.toLowerCase();
            Api.exec(
                    ds,
                    "insert into account (username, display_name) values (?, ?) on conflict do nothing",
                    user,
                    user);
            Api.exec(
                    ds,
                    """
                    insert into membership (account_id, org_id, role)
                    select a.id, o.id, ? from account a, org o where a.username = ? and o.code = ?
                    on conflict do nothing""",
                    role,
                    user,
                    DISTRICT);
        }
    }
}
