package cn.jinguo.tracking;

import static cn.jinguo.support.Api.as;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Notices;
import io.agroal.api.AgroalDataSource;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Published notices and receipt states for the tracking tests; progress columns are set with SQL. */
final class TrackingFixture {
    static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

    private final AgroalDataSource ds;

    TrackingFixture(AgroalDataSource ds) {
        this.ds = ds;
        DemoOrgs.ensureDistrictRoleAccounts(ds);
        // a member of the sibling district: outside 渝中's subtree
        Api.exec(
                ds,
                "insert into account (username, display_name) values ('sibling_admin', 'sibling_admin') on conflict do nothing");
        Api.exec(
                ds,
                """
                insert into membership (account_id, org_id, role)
                select a.id, o.id, 'ORG_ADMIN' from account a, org o where a.username = 'sibling_admin' and o.code = ?
                on conflict do nothing""",
                DemoOrgs.SIBLING_DISTRICT);
    }

    String org(String code) {
        return Api.orgId(ds, code);
    }

    /** Drafts and publishes a notice as {@code user} (issuer codes made by {@code admin}); returns its id. */
    String publish(String admin, String user, String issuerCode, String title, Map<String, Object> body) {
        String issuer = org(issuerCode);
        String code = Notices.issuerCode(admin, issuer);
        var draft = Notices.draft(issuer, title, Notices.allDistricts());
        draft.putAll(body);
        String id = as(user).body(draft)
                .post("/api/v1/notices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(user).body(Map.of("issuerCodeId", code))
                .post("/api/v1/notices/" + id + "/publish")
                .then()
                .statusCode(200);
        return id;
    }

    /** A city notice to every district. */
    String cityToDistricts(String title) {
        return publish("city_admin", "city_editor", DemoOrgs.CITY, title, Map.of());
    }

    /** A district notice to its direct subordinates, with the deadline at 18:00 on {@code due}. */
    String districtToChildren(String title, LocalDate due, Map<String, Object> more) {
        var body = new java.util.HashMap<String, Object>(more);
        body.put("recipients", Notices.directChildren());
        body.put("deadline", at(due).toString());
        body.put("mainTo", "各街道妇联");
        return publish("district_admin", "district_admin", DemoOrgs.DISTRICT, title, body);
    }

    static OffsetDateTime at(LocalDate day) {
        return day.atTime(18, 0).atOffset(SHANGHAI);
    }

    String receipt(String noticeId, String orgCode) {
        return Api.queryString(
                ds,
                "select r.id from receipt r join org o on o.id = r.org_id where r.notice_id = ? and o.code = ?",
                Long.parseLong(noticeId),
                orgCode);
    }

    long count(String sql, Object... args) {
        return Api.count(ds, sql, args);
    }

    void exec(String sql, Object... args) {
        Api.exec(ds, sql, args);
    }

    /** Codes of the recipients of a notice, in code order. */
    List<String> recipientCodes(String noticeId) {
        try (var c = ds.getConnection();
                var ps = c.prepareStatement(
                        "select o.code from receipt r join org o on o.id = r.org_id where r.notice_id = ? order by o.code")) {
            ps.setLong(1, Long.parseLong(noticeId));
            try (var rs = ps.executeQuery()) {
                var out = new java.util.ArrayList<String>();
                while (rs.next()) out.add(rs.getString(1));
                return out;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
