package cn.jinguo.bench;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated reporting data for the benchmarks, built with set-based SQL (a few dozen statements, about a minute):
 *
 * <ul>
 *   <li>a bench branch of the city: 20 districts × 10 townships × 25 villages (5,000), and other orgs below the
 *       townships until the tree holds {@value #ORGS} orgs;
 *   <li>{@link Generated#bigNoticeId}: a city notice to the 5,000 villages, past its deadline, requiring plans, with
 *       receipts in realistic states (read, signed, plans filed/acknowledged/returned, submitted on time or late,
 *       accepted, returned, featured, exempt, extended) and the packages behind the submitted ones;
 *   <li>{@value #HISTORY} closed city notices to the same villages with their packages, so that the tables hold
 *       {@value #ENTRIES} submission entries overall (photos and links on some);
 *   <li>{@link Generated#reissuedNoticeId}: a city notice to the 20 districts, 15 of which re-issued it one level
 *       down to their townships ({@link Generated#reissueIds}).
 * </ul>
 *
 * Idempotent: a second call in the same database finds what the first made (benchmarks share one test database).
 * Receipt states follow a hash of the receipt id, so every run yields the same counts.
 */
public final class ReportData {
    static final int ORGS = 20_000;
    static final int HISTORY = 39;
    static final int ENTRIES = 1_000_000;
    static final String MARK = "bench-report";
    static final String BIG_TITLE = "压测：关于开展基层妇联“三八”系列活动的通知（5000 个收文单位）";
    static final String REISSUED_TITLE = "压测：关于开展家庭文明建设活动的通知（区县转发）";

    /** What was generated, by id. */
    public record Generated(
            long cityId,
            long bigNoticeId,
            long reissuedNoticeId,
            List<Long> reissueIds,
            List<Long> districtIds,
            long firstDistrictId,
            long firstTownshipId) {}

    private ReportData() {}

    public static synchronized Generated ensure(AgroalDataSource ds) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            if (single(c, "select count(*) from notice where created_by = '" + MARK + "'") == 0) {
                long t0 = System.nanoTime();
                generate(c);
                c.commit();
                try (Statement st = c.createStatement()) {
                    c.setAutoCommit(true);
                    st.execute("analyze");
                }
                System.out.printf(
                        "BENCH generated %d orgs, %d receipts, %d submissions, %d entries, %d media in %d s%n",
                        single(c, "select count(*) from org"),
                        single(c, "select count(*) from receipt"),
                        single(c, "select count(*) from submission"),
                        single(c, "select count(*) from submission_entry"),
                        single(c, "select count(*) from entry_media"),
                        (System.nanoTime() - t0) / 1_000_000_000);
            }
            c.setAutoCommit(true);
            return found(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Generated found(Connection c) throws SQLException {
        long city = single(c, "select id from org where code = '500000'");
        long big = single(c, "select id from notice where created_by = '" + MARK + "' and title = '" + BIG_TITLE + "'");
        long reissued = single(
                c, "select id from notice where created_by = '" + MARK + "' and title = '" + REISSUED_TITLE + "'");
        return new Generated(
                city,
                big,
                reissued,
                list(c, "select id from notice where parent_notice_id = " + reissued + " order by id"),
                list(c, "select id from org where code like 'BR-D__' order by code"),
                single(c, "select id from org where code = 'BR-D01'"),
                single(c, "select id from org where code = 'BR-D01-T01'"));
    }

    private static void generate(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            // ---- the tree: districts, townships, villages, then other orgs up to ORGS ----
            st.execute(
                    """
                    insert into org (id, code, name, short_name, type, level, parent_id, path, depth, sort_order,
                                     contact_person, contact_phone, contact_email)
                    select n, 'BR-D' || lpad(g::text, 2, '0'), '压测第' || g || '区妇女联合会', '压测' || g || '区妇联',
                           'FEDERATION', 'DISTRICT', city.id, city.path || n || '/', 1, 900 + g,
                           '区联络员' || g, '023-6' || lpad(g::text, 7, '0'), 'd' || g || '@bench.example.cn'
                    from (select nextval('org_id_seq') n, g from generate_series(1, 20) g) s,
                         (select id, path from org where code = '500000') city""");
            st.execute(
                    """
                    insert into org (id, code, name, type, level, parent_id, path, depth, sort_order,
                                     contact_person, contact_phone, contact_email)
                    select n, s.code || '-T' || lpad(g::text, 2, '0'), '压测第' || g || '街道妇女联合会', 'FEDERATION',
                           'TOWNSHIP', s.id, s.path || n || '/', 2, g, '街道联络员', '138' || lpad((n % 100000000)::text, 8, '0'),
                           lower(s.code) || 't' || g || '@bench.example.cn'
                    from (select nextval('org_id_seq') n, d.id, d.code, d.path, g
                          from org d, generate_series(1, 10) g where d.code like 'BR-D__') s""");
            st.execute(
                    """
                    insert into org (id, code, name, type, level, parent_id, path, depth, sort_order,
                                     contact_person, contact_phone)
                    select n, s.code || '-V' || lpad(g::text, 2, '0'), '压测第' || g || '社区妇女联合会', 'FEDERATION',
                           'VILLAGE', s.id, s.path || n || '/', 3, g, '社区妇联主席', '139' || lpad((n % 100000000)::text, 8, '0')
                    from (select nextval('org_id_seq') n, t.id, t.code, t.path, g
                          from org t, generate_series(1, 25) g where t.code like 'BR-D__-T__') s""");
            long missing = ORGS - single(c, "select count(*) from org");
            if (missing > 0) {
                st.execute(
                        """
                        insert into org (id, code, name, type, parent_id, path, depth, sort_order)
                        select n, s.code || '-S' || lpad(g::text, 3, '0'), '压测女性社会组织' || g, 'SOCIAL', s.id,
                               s.path || n || '/', 3, 100 + g
                        from (select nextval('org_id_seq') n, t.id, t.code, t.path, g
                              from org t, generate_series(1, %d) g where t.code like 'BR-D__-T__') s"""
                                .formatted((missing + 199) / 200));
            }

            // ---- the big notice: 5,000 villages, past its deadline, plans required ----
            st.execute(
                    """
                    insert into notice (issuer_org_id, status, title, theme, main_to, deadline, plan_required, plan_deadline,
                                        created_by, published_at, recipient_count, search_text, signed_on)
                    select id, 'PUBLISHED', '%s', '巾帼心向党 奋进新征程', '各村（社区）妇联',
                           now() - interval '1 day', true, now() - interval '8 days', '%s', now() - interval '20 days',
                           5000, '压测', current_date - 20
                    from org where code = '500000'"""
                            .formatted(BIG_TITLE, MARK));
            // states from a hash of the receipt's org: h in [0, 1000)
            st.execute(
                    """
                    insert into receipt (notice_id, org_id, org_path, delivered_at, deadline, first_read_at, first_read_by, signed_at,
                                         signed_by, plan_status, plan_filed_at, report_status, submitted_at, accepted_at,
                                         featured_count, exempt_reason, exempted_at, exempted_by, extension_reason,
                                         extended_at, extended_by)
                    select n.id, o.id, o.path, n.published_at,
                           n.deadline + case when h between 10 and 29 then interval '5 days' else interval '0' end,
                           case when h < 920 then n.published_at + (h %% 48) * interval '1 hour' end,
                           case when h < 920 then 'village' end,
                           case when h < 870 then n.published_at + (h %% 48 + 2) * interval '1 hour' end,
                           case when h < 870 then 'village' end,
                           case when h < 420 then 'ACKNOWLEDGED' when h < 450 then 'RETURNED' when h < 650 then 'FILED' end,
                           case when h < 650 then n.plan_deadline - (h %% 5) * interval '1 day' end,
                           case when h between 30 and 479 then 'ACCEPTED' when h between 480 and 529 then 'RETURNED'
                                when h between 530 and 729 then 'SUBMITTED' when h between 730 and 779 then 'DRAFT' end,
                           case when h between 30 and 629 then n.deadline - (h %% 72) * interval '1 hour'
                                when h between 630 and 729 then n.deadline + (h %% 20 + 1) * interval '1 hour' end,
                           case when h between 30 and 479 then n.deadline + interval '6 hours' end,
                           case when h between 30 and 479 and h %% 7 = 0 then 1 + h %% 2 else 0 end,
                           case when h < 10 then '已撤并，无需报送' end, case when h < 10 then now() end,
                           case when h < 10 then 'city_admin' end,
                           case when h between 10 and 29 then '受灾延期' end, case when h between 10 and 29 then now() end,
                           case when h between 10 and 29 then 'city_admin' end
                    from notice n, (select id, path, (id * 7919) %% 1000 as h from org where code like 'BR-D__-T__-V__') o
                    where n.title = '%s'"""
                            .formatted(BIG_TITLE));

            // ---- history: closed notices to the same villages, most of them reported and accepted ----
            st.execute(
                    """
                    insert into notice (issuer_org_id, status, title, deadline, created_by, published_at, closed_at,
                                        recipient_count, search_text, signed_on)
                    select o.id, 'CLOSED', '压测历史通知 ' || g, now() - (g * 9 + 10) * interval '1 day', '%s',
                           now() - (g * 9 + 30) * interval '1 day', now() - (g * 9) * interval '1 day', 5000, '压测',
                           current_date - (g * 9 + 30)
                    from org o, generate_series(1, %d) g where o.code = '500000'"""
                            .formatted(MARK, HISTORY));
            st.execute(
                    """
                    insert into receipt (notice_id, org_id, org_path, delivered_at, deadline, first_read_at, signed_at,
                                         signed_by, report_status, submitted_at, accepted_at, featured_count)
                    select n.id, o.id, o.path, n.published_at, n.deadline, n.published_at + interval '2 hours',
                           n.published_at + interval '5 hours', 'village',
                           case when h < 700 then 'ACCEPTED' when h < 780 then 'SUBMITTED' when h < 850 then 'RETURNED' end,
                           case when h < 850 then n.deadline - (h %% 200 - 20) * interval '1 hour' end,
                           case when h < 700 then n.deadline + interval '1 day' end,
                           case when h < 700 and h %% 11 = 0 then 1 else 0 end
                    from notice n, (select id, path, (id * 7919 + 13) %% 1000 as h from org where code like 'BR-D__-T__-V__') o
                    where n.created_by = '%s' and n.status = 'CLOSED'"""
                            .formatted(MARK));

            // ---- packages and their entries (1 to 11 per package, ENTRIES in all), media on some ----
            st.execute(
                    """
                    insert into submission (notice_id, org_id, org_path, receipt_id, status, summary, revision, submitted_at,
                                            submitted_by, reviewed_at, reviewed_by, created_by, created_at, updated_at)
                    select r.notice_id, r.org_id, r.org_path, r.id, r.report_status, '本社区围绕通知要求开展了系列活动。',
                           case when r.submitted_at is null then 0 else 1 end, r.submitted_at,
                           case when r.submitted_at is not null then 'village' end, r.accepted_at,
                           case when r.accepted_at is not null then 'city_admin' end, 'village',
                           coalesce(r.submitted_at, r.delivered_at), coalesce(r.accepted_at, r.submitted_at, r.delivered_at)
                    from receipt r join notice n on n.id = r.notice_id
                    where n.created_by = '%s' and r.report_status is not null"""
                            .formatted(MARK));
            long entries = ENTRIES - single(c, "select count(*) from submission_entry");
            if (entries > 0) {
                st.execute(
                        """
                        insert into submission_entry (submission_id, position, origin_org_id, title, held_on, location,
                                                      participants, summary, review_status, featured_at, featured_by,
                                                      created_at, updated_at)
                        select s.id, g, s.org_id, '巾帼志愿服务活动（第' || g || '场）',
                               cast(s.created_at at time zone 'Asia/Shanghai' as date) - g, '社区党群服务中心',
                               20 + (s.id + g) %% 80, '组织妇女群众开展志愿服务、宣讲和家庭教育活动。',
                               case s.status when 'ACCEPTED' then 'ACCEPTED' when 'RETURNED' then 'RETURNED' else 'PENDING' end,
                               case when s.status = 'ACCEPTED' and (s.id + g) %% 97 = 0 then s.updated_at end,
                               case when s.status = 'ACCEPTED' and (s.id + g) %% 97 = 0 then 'city_admin' end,
                               s.created_at, s.updated_at
                        from submission s join notice n on n.id = s.notice_id
                        cross join lateral generate_series(1, 1 + (s.id %% 11)::int) g
                        where n.created_by = '%s'
                        limit %d"""
                                .formatted(MARK, entries));
            }
            st.execute(
                    """
                    insert into stored_file (sha256, size_bytes, content_type, file_name, storage_key, owner_org_id, uploaded_by)
                    select lpad(to_hex(g), 64, '0'), 350000 + g, 'image/jpeg', '活动照片' || g || '.jpg', 'bench/' || g,
                           (select id from org where code = '500000'), 'bench'
                    from generate_series(1, 20) g""");
            st.execute(
                    """
                    -- positions are the list index (0-based, no gaps): a photo on every fifth entry, a link on others
                    insert into entry_media (entry_id, position, kind, file_id, url, title)
                    select e.id, 0, 'PHOTO', f.id, null, '活动照片'
                    from submission_entry e join submission s on s.id = e.submission_id
                    join notice n on n.id = s.notice_id and n.created_by = '%1$s'
                    join stored_file f on f.storage_key = 'bench/' || (1 + e.id %% 20)
                    where e.id %% 5 = 0"""
                            .formatted(MARK));
            st.execute(
                    """
                    insert into entry_media (entry_id, position, kind, file_id, url, title)
                    select e.id, 0, 'LINK', null, 'https://mp.weixin.qq.com/s/bench' || e.id, '公众号报道'
                    from submission_entry e join submission s on s.id = e.submission_id
                    join notice n on n.id = s.notice_id and n.created_by = '%s'
                    where e.id %% 10 = 1"""
                            .formatted(MARK));

            // ---- re-issues one level down: the districts pass a city notice on to their townships ----
            st.execute(
                    """
                    insert into notice (issuer_org_id, status, title, deadline, created_by, published_at, recipient_count,
                                        search_text, signed_on)
                    select id, 'PUBLISHED', '%s', now() + interval '7 days', '%s', now() - interval '3 days', 20, '压测',
                           current_date - 3
                    from org where code = '500000'"""
                            .formatted(REISSUED_TITLE, MARK));
            st.execute(
                    """
                    insert into receipt (notice_id, org_id, org_path, delivered_at, deadline, first_read_at, signed_at,
                                         signed_by)
                    select n.id, d.id, d.path, n.published_at, n.deadline, n.published_at + interval '1 hour',
                           case when d.code <= 'BR-D17' then n.published_at + interval '2 hours' end,
                           case when d.code <= 'BR-D17' then 'district' end
                    from notice n, org d where n.title = '%s' and d.code like 'BR-D__'"""
                            .formatted(REISSUED_TITLE));
            st.execute(
                    """
                    insert into notice (issuer_org_id, status, title, deadline, created_by, published_at, recipient_count,
                                        search_text, signed_on, parent_notice_id)
                    select d.id, 'PUBLISHED', '关于转发《' || p.title || '》的通知', p.deadline - interval '1 day', '%s',
                           p.published_at + interval '1 day', 10, '压测', current_date - 2, p.id
                    from notice p, org d where p.title = '%s' and d.code like 'BR-D__' and d.code <= 'BR-D15'"""
                            .formatted(MARK, REISSUED_TITLE));
            st.execute(
                    """
                    update receipt r set forwarded_notice_id = f.id
                    from notice f where f.parent_notice_id = r.notice_id and f.issuer_org_id = r.org_id
                    and f.created_by = '%s'"""
                            .formatted(MARK));
            st.execute(
                    """
                    insert into receipt (notice_id, org_id, org_path, delivered_at, deadline, first_read_at, signed_at,
                                         signed_by, report_status, submitted_at)
                    select f.id, t.id, t.path, f.published_at, f.deadline,
                           case when h < 900 then f.published_at + interval '3 hours' end,
                           case when h < 800 then f.published_at + interval '4 hours' end,
                           case when h < 800 then 'township' end,
                           case when h < 400 then 'SUBMITTED' when h < 500 then 'DRAFT' end,
                           case when h < 400 then f.published_at + interval '1 day' end
                    from notice f join org t on t.parent_id = f.issuer_org_id and t.level = 'TOWNSHIP',
                         lateral (select (t.id * 7919) %% 1000 as h) x
                    where f.created_by = '%s' and f.parent_notice_id is not null"""
                            .formatted(MARK));
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static List<Long> list(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            List<Long> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getLong(1));
            return out;
        }
    }
}
