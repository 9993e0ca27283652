package cn.jinguo.docimport;

import static cn.jinguo.docimport.DocImportService.value;

import cn.jinguo.common.Text;
import cn.jinguo.docimport.ImportDtos.ActivityView;
import cn.jinguo.docimport.ImportDtos.DocNumberView;
import cn.jinguo.docimport.ImportDtos.HeadingView;
import cn.jinguo.docimport.ImportDtos.OrgMatch;
import cn.jinguo.docimport.ImportDtos.RecipientView;
import cn.jinguo.notice.NoticeDtos.NoticeInput;
import cn.jinguo.notice.NoticeDtos.RecipientGroup;
import cn.jinguo.notice.NoticeDtos.RecipientRule;
import cn.jinguo.notice.NoticeDtos.RequiredItems;
import cn.jinguo.notice.NoticeDtos.Requirements;
import cn.jinguo.notice.NoticeDtos.Section;
import cn.jinguo.org.Org;
import cn.jinguo.org.OrgType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@link ParsedNotice} as the editor's form takes it ({@link NoticeInput}, within its size limits), with the
 * orgs its names matched and the warnings the editor needs.
 */
final class NoticeDraft {
    private static final Pattern PHONE = Pattern.compile(Text.PHONE_PATTERN);
    private static final Pattern PLAN_TITLE = Pattern.compile("(?:思路|计划|要点|方案)$");
    private static final int MAX_HTML = 100_000;

    private final ParsedNotice n;
    private final Org issuer;
    private final Map<String, List<Org>> named;

    NoticeDraft(ParsedNotice n, Org issuer, Map<String, List<Org>> named) {
        this.n = n;
        this.issuer = issuer;
        this.named = named;
    }

    /** The names of the orgs 主送 names one by one (not the groups), to be matched. */
    static List<String> namedRecipients(ParsedNotice n) {
        return n.recipients().stream()
                .map(Found::value)
                .filter(p -> !p.group())
                .map(Recipients.Phrase::name)
                .toList();
    }

    NoticeInput input(Org department) {
        return new NoticeInput(
                issuer == null ? null : issuer.id.toString(),
                clip(value(n.title()), 200),
                clip(value(n.theme()), 200),
                sections(),
                clip(value(n.mainTo()), 1000),
                clip(value(n.cc()), 1000),
                rule(),
                n.signedOn() != null ? n.signedOn().value() : value(n.issuedOn()),
                clip(value(n.contactPerson()), 50),
                phone(),
                clip(value(n.contactEmail()), 254),
                clip(value(n.receivingDepartment()), 100),
                department == null ? null : department.id.toString(),
                value(n.deadline()),
                n.planRequired() != null,
                value(n.planDeadline()),
                requirements(),
                List.of(),
                null);
    }

    private List<Section> sections() {
        return n.sections().stream()
                .limit(ParsedNotice.MAX_SECTIONS)
                .map(s -> new Section(clip(value(s.heading()), 200), html(s.html())))
                .toList();
    }

    /** Groups for the 各… phrases, explicit orgs for the names matched; non-federation groups are the issuer's own. */
    private RecipientRule rule() {
        List<RecipientGroup> groups = new ArrayList<>();
        List<String> orgIds = new ArrayList<>();
        for (Found<Recipients.Phrase> f : n.recipients()) {
            Recipients.Phrase p = f.value();
            if (p.group() && p.type() != null) {
                RecipientGroup g = new RecipientGroup(p.type(), p.level(), null, p.type() != OrgType.FEDERATION);
                if (!groups.contains(g)) groups.add(g);
            }
            for (Org o : named.getOrDefault(p.name(), List.of()))
                if (!orgIds.contains(o.id.toString())) orgIds.add(o.id.toString());
        }
        return new RecipientRule(groups, orgIds, List.of());
    }

    private String phone() {
        String phone = value(n.contactPhone());
        return phone != null && PHONE.matcher(phone).matches() ? phone : null;
    }

    /** A summary always; the media the text asks for. */
    private Requirements requirements() {
        List<String> items = n.requiredItems().stream().map(Found::value).toList();
        int photos = n.minPhotos() == null ? 0 : n.minPhotos().value();
        return new Requirements(
                new RequiredItems(
                        true,
                        photos,
                        items.contains("video"),
                        items.contains("article"),
                        items.contains("newMediaLink")),
                Map.of());
    }

    DocNumberView docNumber() {
        DocNumber d = value(n.docNumber());
        return d == null ? null : new DocNumberView(d.printed(), d.code(), d.year(), d.serial());
    }

    List<RecipientView> recipients() {
        return n.recipients().stream()
                .map(f -> {
                    Recipients.Phrase p = f.value();
                    List<OrgMatch> orgs = p.group()
                            ? List.of()
                            : named.getOrDefault(p.name(), List.of()).stream()
                                    .map(o -> new OrgMatch(o.id.toString(), o.name))
                                    .toList();
                    return new RecipientView(
                            p.name(), p.group(), p.type(), p.level(), orgs, f.confidence(), f.start(), f.end());
                })
                .toList();
    }

    List<ActivityView> activities() {
        return n.activities().stream()
                .map(a -> new ActivityView(
                        a.title().value(),
                        value(a.location()),
                        value(a.partners()),
                        a.dates().stream().map(Found::value).toList(),
                        a.section(),
                        a.title().confidence(),
                        a.start(),
                        a.end()))
                .toList();
    }

    /** The numbered headings, each with its sub-items, in reading order. */
    List<HeadingView> outline() {
        List<HeadingView> out = new ArrayList<>();
        for (int i = 0; i < n.sections().size(); i++) {
            ParsedNotice.Section s = n.sections().get(i);
            if (s.heading() != null && s.numbering() != null)
                out.add(new HeadingView(
                        s.numbering().level,
                        s.heading().value(),
                        i,
                        s.heading().start(),
                        s.heading().end()));
            for (Layout.Heading h : s.subheadings())
                out.add(new HeadingView(h.kind().level, h.printed(), i, h.start(), h.end()));
        }
        return out;
    }

    List<Found.Note> warnings() {
        List<Found.Note> out = new ArrayList<>();
        if (!n.looksLikeNotice()) out.add(Found.Note.of("IMPORT_NOT_A_NOTICE"));
        if (n.mainTo() == null
                && n.title() != null
                && PLAN_TITLE.matcher(n.title().value()).find()) out.add(Found.Note.of("IMPORT_LOOKS_LIKE_PLAN"));
        if (n.issuer() == null) out.add(Found.Note.of("IMPORT_ISSUER_NOT_FOUND"));
        else if (issuer == null)
            out.add(Found.Note.of("IMPORT_ISSUER_NOT_MATCHED", n.issuer().value()));
        for (Found<Recipients.Phrase> f : n.recipients()) {
            Recipients.Phrase p = f.value();
            if (p.type() == null) out.add(Found.Note.of("IMPORT_RECIPIENT_UNMAPPED", p.name()));
            else if (!p.group() && named.getOrDefault(p.name(), List.of()).isEmpty())
                out.add(Found.Note.of("IMPORT_RECIPIENT_NOT_FOUND", p.name()));
        }
        if (n.looksLikeNotice() && n.deadline() == null) out.add(Found.Note.of("IMPORT_DEADLINE_NOT_FOUND"));
        if (!n.attachments().isEmpty())
            out.add(Found.Note.of(
                    "IMPORT_ATTACHMENTS_TO_UPLOAD", n.attachments().size()));
        return out;
    }

    static String html(String html) {
        if (html.length() <= MAX_HTML) return html;
        int cut = html.lastIndexOf("</p>", MAX_HTML - 4);
        return cut < 0 ? "" : html.substring(0, cut + 4);
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
