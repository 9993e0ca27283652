package cn.jinguo.org;

import cn.jinguo.account.Caller;
import cn.jinguo.account.DataScope;
import cn.jinguo.account.Permission;
import cn.jinguo.audit.AuditLog;
import cn.jinguo.common.ApiException;
import cn.jinguo.common.Ids;
import cn.jinguo.common.Messages;
import cn.jinguo.common.Text;
import cn.jinguo.org.OrgDtos.ImportError;
import cn.jinguo.org.OrgDtos.ImportJobView;
import cn.jinguo.org.OrgSheet.SheetRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Bulk import of orgs from .xlsx/.csv, all or nothing. The file is read in the request (a bad file is a
 * 4xx at once); checking and inserting run in the background, one import at a time, reporting progress on
 * the job so the SPA can show it. Any error in any row means nothing is inserted and every error is listed.
 */
@ApplicationScoped
public class OrgImportService {
    private static final Logger LOG = Logger.getLogger(OrgImportService.class);
    private static final int MAX_STORED_ERRORS = 1000;
    private static final int PROGRESS_EVERY = 1000;
    private static final Pattern CODE = Pattern.compile(OrgDtos.CODE_PATTERN);
    private static final Pattern PHONE = Pattern.compile(Text.PHONE_PATTERN);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Inject
    EntityManager em;

    @Inject
    OrgRepository orgs;

    @Inject
    DataScope scope;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Messages messages;

    @ConfigProperty(name = "jinguo.import.max-rows")
    int maxRows;

    // Imports run one after another: each locks the tree for its insert anyway.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "org-import"));

    /** Who imports and where: taken in the request, carried into the background work. */
    record ImportScope(String actor, DataScope.Reach reach) {}

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Jobs that were under way when the server last stopped will never finish: say so instead of spinning. */
    void failInterrupted(@Observes StartupEvent ev) {
        int n = QuarkusTransaction.requiringNew().call(() -> {
            List<ImportJob> stuck = em.createQuery(
                            "from ImportJob j where j.status in (:pending, :running)", ImportJob.class)
                    .setParameter("pending", ImportJob.Status.PENDING)
                    .setParameter("running", ImportJob.Status.RUNNING)
                    .getResultList();
            for (ImportJob j : stuck) {
                j.status = ImportJob.Status.FAILED;
                j.finishedAt = Instant.now();
                j.errors = List.of(new ImportError(0, null, null, messages.get(Locale.CHINA, "IMPORT_INTERRUPTED")));
            }
            return stuck.size();
        });
        if (n > 0) LOG.warnf("%d import job(s) interrupted by the last shutdown marked as failed", n);
    }

    public ImportJobView start(String fileName, byte[] bytes, Locale locale) {
        DataScope.Reach reach = scope.requireSomewhere(Permission.ORG_IMPORT);
        if (bytes == null || bytes.length == 0) throw ApiException.badRequest("IMPORT_FILE_REQUIRED");
        List<SheetRow> rows = OrgSheet.read(fileName, bytes);
        if (rows.size() > maxRows) throw new ApiException(413, "IMPORT_TOO_MANY_ROWS", maxRows);
        ImportScope importScope = new ImportScope(caller.username(), reach);
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob j = new ImportJob();
            j.actor = importScope.actor();
            j.fileName = fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
            j.totalRows = rows.size();
            em.persist(j);
            return j;
        });
        worker.submit(() -> run(job.id, rows, importScope, locale));
        return view(job);
    }

    public ImportJobView get(String jobId) {
        return view(visibleJob(jobId));
    }

    /** The errors as CSV (UTF-8 with BOM so that Excel opens it in Chinese). */
    public byte[] report(String jobId) {
        ImportJob job = visibleJob(jobId);
        StringBuilder csv = new StringBuilder("\uFEFF行号,列,值,错误\r\n");
        for (ImportError e : job.errors) {
            csv.append(e.row())
                    .append(',')
                    .append(csvField(e.column()))
                    .append(',')
                    .append(csvField(e.value()))
                    .append(',')
                    .append(csvField(e.message()))
                    .append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private ImportJob visibleJob(String jobId) {
        Long id = Ids.parseOrNull(jobId);
        ImportJob job = id == null ? null : em.find(ImportJob.class, id);
        if (job == null || (!scope.unrestricted() && !job.actor.equalsIgnoreCase(caller.username()))) {
            throw ApiException.notFound("IMPORT_JOB_NOT_FOUND", jobId);
        }
        return job;
    }

    // ---- background work ----

    /** One row on its way into the tree. */
    private static final class Candidate {
        final SheetRow row;
        String code, name, shortName, parentCode, contactPerson, contactPhone, contactEmail;
        OrgType type;
        FederationLevel level;
        Integer sortOrder;
        LocalDate openedOn;
        Candidate parentRow;
        Org parentOrg;
        long id;
        String path;
        int depth;

        Candidate(SheetRow row) {
            this.row = row;
        }

        Org asParent() {
            Org o = new Org();
            o.name = name;
            o.type = type;
            o.level = level;
            o.active = true;
            return o;
        }
    }

    void run(long jobId, List<SheetRow> rows, ImportScope importScope, Locale locale) {
        long t0 = System.nanoTime();
        try {
            progress(jobId, ImportJob.Status.RUNNING, 0, 0, null);
            List<ImportError> errors = new ArrayList<>();
            List<Candidate> ordered = check(jobId, rows, importScope, locale, errors);
            if (!errors.isEmpty()) {
                progress(jobId, ImportJob.Status.FAILED, rows.size(), 0, errors);
                return;
            }
            int created =
                    QuarkusTransaction.requiringNew().timeout(300).call(() -> insert(ordered, importScope, jobId));
            progress(jobId, ImportJob.Status.SUCCEEDED, rows.size(), created, List.of());
            LOG.infof("Import %d: %d orgs in %d ms", jobId, created, (System.nanoTime() - t0) / 1_000_000);
        } catch (Throwable e) { // an Error too: the job must not stay RUNNING forever
            LOG.errorf(e, "Import %d failed", jobId);
            String code = e instanceof ApiException api
                    ? api.code()
                    : isUniqueViolation(e) ? "IMPORT_CONCURRENT_CHANGE" : "IMPORT_INTERNAL_ERROR";
            String message = messages.get(locale, code, e instanceof ApiException api ? api.args() : new Object[0]);
            progress(jobId, ImportJob.Status.FAILED, rows.size(), 0, List.of(new ImportError(0, null, null, message)));
        }
    }

    private List<Candidate> check(
            long jobId, List<SheetRow> rows, ImportScope importScope, Locale locale, List<ImportError> errors) {
        Set<Candidate> badParent = new HashSet<>();
        Map<String, Candidate> byCode = new LinkedHashMap<>();
        List<Candidate> all = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Candidate c = parse(rows.get(i), locale, errors);
            all.add(c);
            if (c.code != null) {
                Candidate earlier = byCode.putIfAbsent(c.code.toLowerCase(Locale.ROOT), c);
                if (earlier != null)
                    error(errors, c, "编码", c.code, locale, "IMPORT_ROW_CODE_DUPLICATE", earlier.row.number());
            }
            if ((i + 1) % PROGRESS_EVERY == 0) progress(jobId, ImportJob.Status.RUNNING, i + 1, 0, null);
        }
        // Codes already in the platform.
        for (Org taken : chunkedByCodes(byCode.keySet())) {
            Candidate c = byCode.get(taken.code.toLowerCase(Locale.ROOT));
            error(errors, c, "编码", c.code, locale, "ORG_CODE_TAKEN", c.code);
        }
        // Parents: another row of the file, or an open org the caller may import into.
        Set<String> outside = new HashSet<>();
        for (Candidate c : all) {
            if (c.parentCode == null) continue;
            Candidate p = byCode.get(c.parentCode.toLowerCase(Locale.ROOT));
            if (p != null && p != c) c.parentRow = p;
            else if (p == c) {
                error(errors, c, "上级编码", c.parentCode, locale, "IMPORT_ROW_PARENT_SELF");
                badParent.add(c);
            } else outside.add(c.parentCode.toLowerCase(Locale.ROOT));
        }
        Map<String, Org> existing = new HashMap<>();
        for (Org o : chunkedByCodes(outside)) existing.put(o.code.toLowerCase(Locale.ROOT), o);
        for (Candidate c : all) {
            if (c.parentCode == null || c.parentRow != null || badParent.contains(c)) continue;
            Org p = existing.get(c.parentCode.toLowerCase(Locale.ROOT));
            if (p == null || !importScope.reach().covers(p.path)) {
                error(errors, c, "上级编码", c.parentCode, locale, "IMPORT_ROW_PARENT_UNKNOWN", c.parentCode);
                badParent.add(c);
            } else c.parentOrg = p;
        }
        List<Candidate> ordered = topologicalOrder(all, badParent, errors, locale);
        // Tree rules against the parent, and sibling names.
        Map<Long, Set<String>> namesUnderExisting = activeChildNames(all);
        Map<Object, Set<String>> seenNames = new HashMap<>();
        for (Candidate c : ordered) {
            Org parent = c.parentOrg != null ? c.parentOrg : c.parentRow != null ? c.parentRow.asParent() : null;
            if (parent == null || c.type == null) continue;
            try {
                OrgRules.checkPlacement(parent, c.type, c.level);
            } catch (ApiException e) {
                error(errors, c, "类型", c.type.name(), locale, e.code(), e.args());
            }
            if (c.name == null) continue;
            Object parentKey = c.parentOrg != null ? (Object) c.parentOrg.id : c.parentRow;
            boolean clash =
                    !seenNames.computeIfAbsent(parentKey, k -> new HashSet<>()).add(c.name)
                            || (c.parentOrg != null
                                    && namesUnderExisting
                                            .getOrDefault(c.parentOrg.id, Set.of())
                                            .contains(c.name));
            if (clash) error(errors, c, "名称", c.name, locale, "ORG_NAME_TAKEN", c.name);
        }
        return ordered;
    }

    private Candidate parse(SheetRow row, Locale locale, List<ImportError> errors) {
        Candidate c = new Candidate(row);
        c.code = required(row, "编码", c, locale, errors);
        if (c.code != null && (c.code.length() > 64 || !CODE.matcher(c.code).matches())) {
            error(errors, c, "编码", c.code, locale, "IMPORT_ROW_CODE_FORMAT");
        }
        c.name = required(row, "名称", c, locale, errors);
        if (c.name != null && c.name.length() > 200) error(errors, c, "名称", c.name, locale, "IMPORT_ROW_TOO_LONG", 200);
        c.shortName = row.get("简称");
        if (c.shortName != null && c.shortName.length() > 100)
            error(errors, c, "简称", c.shortName, locale, "IMPORT_ROW_TOO_LONG", 100);
        c.parentCode = required(row, "上级编码", c, locale, errors);
        String type = required(row, "类型", c, locale, errors);
        if (type != null) {
            c.type = OrgLabels.type(type);
            if (c.type == null) error(errors, c, "类型", type, locale, "IMPORT_ROW_TYPE");
        }
        String level = row.get("层级");
        if (level != null) {
            c.level = OrgLabels.level(level);
            if (c.level == null) error(errors, c, "层级", level, locale, "IMPORT_ROW_LEVEL");
        }
        if (c.type != null && (level == null || c.level != null)) {
            try {
                OrgRules.checkTypeLevel(c.type, c.level);
            } catch (ApiException e) {
                error(errors, c, "层级", level, locale, e.code(), e.args());
            }
        }
        String order = row.get("排序");
        if (order != null) {
            try {
                c.sortOrder = Integer.parseInt(order.endsWith(".0") ? order.substring(0, order.length() - 2) : order);
                if (c.sortOrder < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                error(errors, c, "排序", order, locale, "IMPORT_ROW_SORT_ORDER");
            }
        }
        c.contactPerson = row.get("联系人");
        if (c.contactPerson != null && c.contactPerson.length() > 50)
            error(errors, c, "联系人", c.contactPerson, locale, "IMPORT_ROW_TOO_LONG", 50);
        c.contactPhone = row.get("联系电话");
        if (c.contactPhone != null && !PHONE.matcher(c.contactPhone).matches())
            error(errors, c, "联系电话", c.contactPhone, locale, "IMPORT_ROW_PHONE");
        c.contactEmail = row.get("联系邮箱");
        if (c.contactEmail != null
                && (c.contactEmail.length() > 254
                        || !EMAIL.matcher(c.contactEmail).matches())) {
            error(errors, c, "联系邮箱", c.contactEmail, locale, "IMPORT_ROW_EMAIL");
        }
        String opened = row.get("成立日期");
        if (opened != null) {
            c.openedOn = parseDate(opened);
            if (c.openedOn == null) error(errors, c, "成立日期", opened, locale, "IMPORT_ROW_DATE");
        }
        return c;
    }

    /**
     * Parents before children. A row that cannot be placed either hangs below a row whose own parent is wrong
     * (reported there; here we point at it) or its parents lead round in a circle.
     */
    private List<Candidate> topologicalOrder(
            List<Candidate> all, Set<Candidate> badParent, List<ImportError> errors, Locale locale) {
        Map<Candidate, List<Candidate>> children = new HashMap<>();
        Deque<Candidate> ready = new ArrayDeque<>();
        for (Candidate c : all) {
            if (c.parentRow != null)
                children.computeIfAbsent(c.parentRow, k -> new ArrayList<>()).add(c);
            else if (c.parentOrg != null) ready.add(c);
        }
        List<Candidate> ordered = new ArrayList<>(all.size());
        Set<Candidate> placed = new HashSet<>();
        while (!ready.isEmpty()) {
            Candidate c = ready.poll();
            if (!placed.add(c)) continue;
            ordered.add(c);
            ready.addAll(children.getOrDefault(c, List.of()));
        }
        for (Candidate c : all) {
            if (c.parentRow == null || placed.contains(c) || badParent.contains(c)) continue;
            Candidate root = unplaceableAncestor(c);
            if (root == null) error(errors, c, "上级编码", c.parentCode, locale, "IMPORT_ROW_PARENT_CYCLE");
            else error(errors, c, "上级编码", c.parentCode, locale, "IMPORT_ROW_PARENT_INVALID", root.row.number());
        }
        return ordered;
    }

    /** The first row up the chain that has no usable parent, or null when the chain is a circle. */
    private static Candidate unplaceableAncestor(Candidate c) {
        Set<Candidate> seen = new HashSet<>();
        for (Candidate at = c; at != null; at = at.parentRow) {
            if (!seen.add(at)) return null;
            if (at.parentRow == null) return at;
        }
        return null;
    }

    private int insert(List<Candidate> ordered, ImportScope importScope, long jobId) {
        orgs.lockTree(false);
        refreshParents(ordered, importScope);
        Map<Long, Integer> nextOrder = orgs.nextSortOrders(ordered.stream()
                .filter(c -> c.parentOrg != null)
                .map(c -> c.parentOrg.id)
                .toList());
        Map<Candidate, Integer> nextOrderInFile = new HashMap<>();
        List<Long> ids = em.createNativeQuery("select nextval('org_id_seq') from generate_series(1, :n)", Long.class)
                .setParameter("n", ordered.size())
                .getResultList();
        for (int i = 0; i < ordered.size(); i++) {
            Candidate c = ordered.get(i);
            c.id = ids.get(i);
            if (c.parentOrg != null) {
                c.path = c.parentOrg.childPath(c.id);
                c.depth = c.parentOrg.depth + 1;
                int next = nextOrder.getOrDefault(c.parentOrg.id, 0);
                if (c.sortOrder == null) c.sortOrder = next;
                nextOrder.put(c.parentOrg.id, Math.max(next, c.sortOrder + 1));
            } else {
                c.path = c.parentRow.path + c.id + "/";
                c.depth = c.parentRow.depth + 1;
                int next = nextOrderInFile.getOrDefault(c.parentRow, 0);
                if (c.sortOrder == null) c.sortOrder = next;
                nextOrderInFile.put(c.parentRow, Math.max(next, c.sortOrder + 1));
            }
        }
        Timestamp now = Timestamp.from(Instant.now());
        em.unwrap(Session.class).doWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    """
                    insert into org (id, code, name, short_name, type, level, parent_id, path, depth, sort_order,
                                     contact_person, contact_phone, contact_email, opened_on, active, version, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, 0, ?, ?)""")) {
                int n = 0;
                for (Candidate c : ordered) {
                    ps.setLong(1, c.id);
                    ps.setString(2, c.code);
                    ps.setString(3, c.name);
                    ps.setString(4, c.shortName);
                    ps.setString(5, c.type.name());
                    ps.setString(6, c.level == null ? null : c.level.name());
                    ps.setLong(7, c.parentOrg != null ? c.parentOrg.id : c.parentRow.id);
                    ps.setString(8, c.path);
                    ps.setInt(9, c.depth);
                    ps.setInt(10, c.sortOrder);
                    ps.setString(11, c.contactPerson);
                    ps.setString(12, c.contactPhone);
                    ps.setString(13, c.contactEmail);
                    if (c.openedOn == null) ps.setNull(14, Types.DATE);
                    else ps.setDate(14, Date.valueOf(c.openedOn));
                    ps.setTimestamp(15, now);
                    ps.setTimestamp(16, now);
                    ps.addBatch();
                    if (++n % 1000 == 0) ps.executeBatch();
                }
                ps.executeBatch();
            }
        });
        Map<Long, Org> roots = new LinkedHashMap<>();
        ordered.stream().filter(c -> c.parentOrg != null).forEach(c -> roots.putIfAbsent(c.parentOrg.id, c.parentOrg));
        Org first = roots.values().iterator().next();
        audit.record(
                importScope.actor(),
                "org.import",
                "org_import_job",
                jobId,
                first.id,
                first.path,
                "批量导入 " + ordered.size() + " 个组织（挂在 " + roots.size() + " 个已有组织下）",
                Map.of(
                        "created",
                        ordered.size(),
                        "parents",
                        roots.keySet().stream().map(String::valueOf).toList()));
        return ordered.size();
    }

    /**
     * The existing parents were checked before the tree lock was taken; under the lock, read them again: one may
     * have been closed or moved out of the importer's reach meanwhile, and paths may have changed.
     */
    private void refreshParents(List<Candidate> ordered, ImportScope importScope) {
        Set<Long> ids = new HashSet<>();
        ordered.stream().filter(c -> c.parentOrg != null).forEach(c -> ids.add(c.parentOrg.id));
        Map<Long, Org> fresh = new HashMap<>();
        orgs.list("id in ?1", ids).forEach(o -> fresh.put(o.id, o));
        for (Candidate c : ordered) {
            if (c.parentOrg == null) continue;
            Org now = fresh.get(c.parentOrg.id);
            if (now == null || !now.active || !importScope.reach().covers(now.path)) {
                throw ApiException.conflict("IMPORT_PARENT_CHANGED", c.row.number(), c.parentCode);
            }
            c.parentOrg = now;
        }
    }

    // ---- helpers ----

    private void progress(long jobId, ImportJob.Status status, int processed, int created, List<ImportError> errors) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = em.find(ImportJob.class, jobId);
            job.status = status;
            job.processed = processed;
            job.created = created;
            if (errors != null) {
                List<ImportError> stored =
                        new ArrayList<>(errors.subList(0, Math.min(errors.size(), MAX_STORED_ERRORS)));
                if (errors.size() > MAX_STORED_ERRORS) {
                    stored.add(new ImportError(0, null, null, "还有 " + (errors.size() - MAX_STORED_ERRORS) + " 处错误未列出"));
                }
                job.errors = stored;
            }
            if (status == ImportJob.Status.SUCCEEDED || status == ImportJob.Status.FAILED)
                job.finishedAt = Instant.now();
        });
    }

    private List<Org> chunkedByCodes(Set<String> lowerCodes) {
        List<Org> found = new ArrayList<>();
        List<String> codes = new ArrayList<>(lowerCodes);
        for (int i = 0; i < codes.size(); i += 5000) {
            List<String> chunk = codes.subList(i, Math.min(codes.size(), i + 5000));
            found.addAll(QuarkusTransaction.requiringNew().call(() -> orgs.byCodes(chunk)));
        }
        return found;
    }

    private Map<Long, Set<String>> activeChildNames(List<Candidate> all) {
        Set<Long> parents = new HashSet<>();
        all.stream().filter(c -> c.parentOrg != null).forEach(c -> parents.add(c.parentOrg.id));
        Map<Long, Set<String>> names = new HashMap<>();
        if (parents.isEmpty()) return names;
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                        "select o.parentId, o.name from Org o where o.parentId in :p and o.active = true",
                        Object[].class)
                .setParameter("p", parents)
                .getResultList()
                .forEach(r ->
                        names.computeIfAbsent((Long) r[0], k -> new HashSet<>()).add((String) r[1])));
        return names;
    }

    private String required(SheetRow row, String column, Candidate c, Locale locale, List<ImportError> errors) {
        String v = row.get(column);
        if (v == null) error(errors, c, column, null, locale, "IMPORT_ROW_REQUIRED", column);
        return v;
    }

    private void error(
            List<ImportError> errors,
            Candidate c,
            String column,
            String value,
            Locale locale,
            String code,
            Object... args) {
        errors.add(new ImportError(c.row.number(), column, value, messages.get(locale, code, args)));
    }

    private static LocalDate parseDate(String s) {
        for (DateTimeFormatter f : OrgSheet.DATE_FORMATS) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        return null;
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) return true;
        }
        return false;
    }

    private static String csvField(String s) {
        if (s == null) return "";
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static ImportJobView view(ImportJob j) {
        return new ImportJobView(
                j.id.toString(),
                j.fileName,
                j.status.name(),
                j.totalRows,
                j.processed,
                j.created,
                j.errors,
                j.createdAt,
                j.finishedAt);
    }
}
