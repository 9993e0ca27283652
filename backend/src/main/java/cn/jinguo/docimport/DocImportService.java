package cn.jinguo.docimport;

import cn.jinguo.account.DataScope;
import cn.jinguo.account.Permission;
import cn.jinguo.common.BusinessTime;
import cn.jinguo.common.Messages;
import cn.jinguo.docimport.ImportDtos.ImportField;
import cn.jinguo.docimport.ImportDtos.ImportWarning;
import cn.jinguo.docimport.ImportDtos.NoticeImport;
import cn.jinguo.docimport.ImportDtos.PlanImport;
import cn.jinguo.org.Org;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 公文导入: reads a notice or a plan from a document and answers a draft for the editor. Nothing is saved (the
 * editor saves the draft through the normal create), so the only rules are who may import (whoever may write a
 * notice, or a plan, somewhere) and the limits of {@link DocImportConfig}; org names are matched within the
 * caller's scope only.
 */
@ApplicationScoped
public class DocImportService {
    @Inject
    DataScope scope;

    @Inject
    ImportOrgs orgs;

    @Inject
    Messages messages;

    @Inject
    DocImportConfig config;

    /** A document as received: an uploaded file (path and size), a request body, or text sent as JSON. */
    public record Source(Path file, long size, byte[] bytes, String text) {
        public static Source file(Path file, long size) {
            return new Source(file, size, null, null);
        }

        public static Source bytes(byte[] bytes) {
            return new Source(null, 0, bytes, null);
        }

        public static Source text(String text) {
            return new Source(null, 0, null, text);
        }
    }

    public NoticeImport importNotice(Source source, Locale locale) {
        scope.requireSomewhere(Permission.NOTICE_WRITE);
        String text = NoticeParser.normalise(read(source));
        ParsedNotice notice = NoticeParser.parse(text, BusinessTime.today().getYear());
        Org issuer = orgs.issuer(value(notice.issuer()), Permission.NOTICE_WRITE);
        NoticeDraft draft =
                new NoticeDraft(notice, issuer, orgs.recipients(NoticeDraft.namedRecipients(notice), issuer));
        Org department = orgs.department(issuer, value(notice.receivingDepartment()));
        return new NoticeImport(
                text,
                draft.input(department),
                draft.docNumber(),
                fields(notice.fields(), locale),
                draft.recipients(),
                draft.activities(),
                draft.outline(),
                notice.attachments().stream().map(Found::value).toList(),
                warnings(draft.warnings(), locale));
    }

    public PlanImport importPlan(Source source, Locale locale) {
        scope.requireSomewhere(Permission.PLAN_WRITE);
        String text = NoticeParser.normalise(read(source));
        ParsedPlan plan = PlanParser.parse(text, BusinessTime.today().getYear());
        Long orgId = orgs.onlyOrg(Permission.PLAN_WRITE);
        List<Found.Note> warnings = new ArrayList<>();
        if (plan.title() == null && plan.items().isEmpty()) warnings.add(Found.Note.of("IMPORT_NOT_A_PLAN"));
        if (orgId == null) warnings.add(Found.Note.of("IMPORT_PLAN_ORG_NOT_CHOSEN"));
        return new PlanImport(
                text,
                PlanDraft.input(plan, orgId == null ? null : orgId.toString()),
                fields(plan.fields(), locale),
                warnings(warnings, locale));
    }

    private String read(Source s) {
        TextExtraction extraction = new TextExtraction(TextExtraction.Limits.of(config));
        if (s.text() != null) return extraction.checked(s.text());
        if (s.file() == null) return extraction.extract(s.bytes());
        // Checked before reading, so an oversized upload is never loaded.
        if (s.size() > config.maxSize().asLongValue()) throw extraction.tooLarge();
        try {
            return extraction.extract(Files.readAllBytes(s.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ImportField> fields(List<ParsedNotice.Field> fields, Locale locale) {
        return fields.stream()
                .map(f -> new ImportField(
                        f.name(),
                        f.found().value(),
                        f.found().confidence(),
                        f.found().start(),
                        f.found().end(),
                        note(f.found().note(), locale)))
                .toList();
    }

    /** A note's message; enum arguments (org types and levels) in words. */
    private String note(Found.Note note, Locale locale) {
        if (note == null) return null;
        Object[] args = note.args().stream()
                .map(a -> a instanceof Enum<?> e
                        ? messages.get(locale, e.getDeclaringClass().getSimpleName() + "." + e.name())
                        : String.valueOf(a))
                .toArray();
        return messages.get(locale, note.key(), args);
    }

    private List<ImportWarning> warnings(List<Found.Note> warnings, Locale locale) {
        return warnings.stream()
                .map(w -> new ImportWarning(w.key(), note(w, locale)))
                .toList();
    }

    static <T> T value(Found<T> f) {
        return f == null ? null : f.value();
    }
}
