package cn.jinguo.docimport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a notice (通知) from its text: the GB/T 9704 elements where the standard puts them, the requirements from
 * the sentences that state them. Pure and deterministic: the same text and fallback year give the same reading,
 * and any text gives one (what could be found), never an exception.
 */
public final class NoticeParser {
    private static final Pattern DERIVED_TITLE = Pattern.compile("现将(\\p{IsHan}[^，。；]{1,60}?)通知如下");
    private static final Pattern GENERIC_SUBJECT = Pattern.compile("^(?:有关|相关|具体)?(?:事项|要求|安排|情况|事宜)$");
    private static final Pattern[] THEME = {
        Pattern.compile("主题为“([^”]{2,40})”"),
        Pattern.compile("以“([^”]{2,40})”为主题"),
        Pattern.compile("“([^”]{2,40})”主题(?:活动|宣传|教育)")
    };
    private static final Pattern THEME_SECTION = Pattern.compile("^(?:活动|宣传)?主题$");
    private static final Pattern OPENING_SECTION = Pattern.compile("指导思想|总体要求|总体目标|目的意义|活动目的");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)[0-9]{2})\\s*年");
    private static final Pattern CC = Pattern.compile("^抄送\\s*[：:]\\s*(.+?)[。.]?$");
    private static final Pattern ATTACHMENT_NOTE = Pattern.compile("^附\\s*件\\s*[：:]\\s*");
    private static final Pattern LIST_NUMBER =
            Pattern.compile("(?<![0-9.．])([0-9]{1,2})\\s*[.．、]" + Numbering.NOT_A_DECIMAL + "\\s*");
    private static final int MAX_THEME_LINE = 50;
    /** Attachments a notice holds (NoticeInput's limit). */
    private static final int MAX_ATTACHMENTS = 20;

    private NoticeParser() {}

    /**
     * Reads {@code normalisedText} (see {@link #normalise}); dates without a year fall in the document's year, or in
     * {@code fallbackYear} when the document states none.
     */
    public static ParsedNotice parse(String normalisedText, int fallbackYear) {
        Layout l = Layout.of(normalisedText);
        Found<DocNumber> number = docNumber(l);
        Found<String> title = title(l);
        Found<LocalDate> signedOn = closingDate(l, false);
        Found<LocalDate> issuedOn = closingDate(l, true);
        LocalDate notBefore = signedOn != null ? signedOn.value() : issuedOn == null ? null : issuedOn.value();
        int year = notBefore != null
                ? notBefore.getYear()
                : number != null ? number.value().year() : year(l, title, fallbackYear);
        Reporting r = new Reporting(l, year, notBefore);
        List<Found<String>> items = r.requiredItems();
        Found<String> photos = items.stream()
                .filter(i -> i.value().equals("photos"))
                .findFirst()
                .orElse(null);
        return new ParsedNotice(
                normalisedText,
                issuer(l),
                number,
                title,
                theme(l),
                mainTo(l),
                recipients(l),
                sections(l),
                new Activities(l, year, notBefore).find(),
                r.deadline(),
                r.planRequired(),
                r.planDeadline(),
                r.receivingDepartment(),
                r.channels(),
                r.contactPerson(),
                r.contactPhone(),
                r.contactEmail(),
                signedOn,
                issuedOn,
                cc(l),
                attachments(l),
                items,
                photos == null ? null : r.minPhotos(photos));
    }

    /** The text {@link #parse} reads and the API returns: see {@link SourceText}. */
    public static String normalise(String extracted) {
        return SourceText.normalize(extracted);
    }

    /** 发文机关: the header line (阳泉市妇女联合会文件), else the signature; surer when both agree. */
    private static Found<String> issuer(Layout l) {
        Found<String> head = null;
        for (Layout.Para p : l.header) {
            if (Layout.ORG_NAME.matcher(p.text()).find()) {
                head = orgName(p, 0.9);
                break;
            }
        }
        Found<String> signature = null;
        for (Layout.Para p : l.closing) if (Layout.ORG_NAME.matcher(p.text()).find()) signature = orgName(p, 0.75);
        if (head != null && signature != null && head.value().equals(signature.value()))
            return Found.of(head.value(), 0.95, head.start(), head.end());
        return head != null ? head : signature;
    }

    private static Found<String> orgName(Layout.Para p, double confidence) {
        String name = p.text().endsWith("文件") ? p.text().substring(0, p.text().length() - 2) : p.text();
        return Found.of(name, confidence, p.start(), p.start() + name.length());
    }

    /** 发文字号: a header line that is the number (possibly with 签发人), not one cited in the body. */
    private static Found<DocNumber> docNumber(Layout l) {
        for (Layout.Para p : l.header) {
            DocNumber d = DocNumber.find(p.text());
            if (d != null
                    && (p.text().length() - (d.end() - d.start()) <= 12
                            || p.text().contains("签发人")))
                return Found.of(d, 0.95, p.start() + d.start(), p.start() + d.end())
                        .noted("IMPORT_NOTE_DOC_NUMBER");
        }
        return null;
    }

    /** 标题: the header line “关于…的通知”, else a header line ending in a document type, else 现将…通知如下. */
    static Found<String> title(Layout l) {
        for (Layout.Para p : l.header) {
            if (p.text().contains("关于") && Layout.titleLike(p.text()))
                return Found.of(p.text(), 0.9, p.start(), p.end());
        }
        for (Layout.Para p : l.header) {
            if (Layout.titleLike(p.text()) && DocNumber.find(p.text()) == null)
                return Found.of(p.text(), 0.75, p.start(), p.end());
        }
        return derivedTitle(l);
    }

    private static Found<String> derivedTitle(Layout l) {
        Matcher m = DERIVED_TITLE.matcher(l.text).region(l.bodyStart(), l.bodyEnd());
        while (m.find()) {
            String subject = m.group(1).replaceFirst("^(?:就|把)", "");
            if (GENERIC_SUBJECT.matcher(subject).find()) continue;
            return Found.of("关于" + subject + "的通知", 0.5, m.start(1), m.end(1))
                    .noted("IMPORT_NOTE_TITLE_DERIVED", m.group());
        }
        return null;
    }

    /** 成文日期 (a date line of the closing block), or 印发日期 (a date line ending in 印发). */
    private static Found<LocalDate> closingDate(Layout l, boolean printed) {
        for (int i = l.closing.size() - 1; i >= 0; i--) {
            Layout.Para p = l.closing.get(i);
            Dates.Mention m = Dates.standalone(p.text());
            if (m == null || p.text().endsWith("印发") != printed) continue;
            LocalDate date = m.resolve(m.year(), null);
            if (date != null) return Found.of(date, 0.9, p.start() + m.start(), p.start() + m.end());
        }
        return null;
    }

    private static int year(Layout l, Found<String> title, int fallback) {
        Matcher m = YEAR.matcher(title != null ? title.value() : l.text);
        if (m.find()) return Integer.parseInt(m.group(1));
        m = YEAR.matcher(l.text);
        return m.find() ? Integer.parseInt(m.group(1)) : fallback;
    }

    /** 主题: a section headed 活动主题, else 主题为“…”/以“…”为主题 in the opening or the guiding section. */
    static Found<String> theme(Layout l) {
        for (Layout.Part part : l.parts) {
            if (part.heading() == null || part.paras().isEmpty()) continue;
            Layout.Para first = part.paras().get(0);
            if (THEME_SECTION.matcher(part.heading().title()).find()
                    && first.text().length() <= MAX_THEME_LINE
                    && first.text().indexOf('。') < 0) return Found.of(first.text(), 0.9, first.start(), first.end());
        }
        for (Layout.Part part : l.parts) {
            boolean opening = part.heading() == null
                    || part.heading().kind() == null
                    || OPENING_SECTION.matcher(part.heading().title()).find();
            Found<String> phrase = opening ? themePhrase(l.text, part.contentStart(), part.end()) : null;
            if (phrase != null) return phrase;
        }
        return null;
    }

    private static Found<String> themePhrase(String text, int from, int to) {
        Found<String> best = null;
        for (Pattern p : THEME) {
            Matcher m = p.matcher(text).region(from, to);
            if (m.find() && (best == null || m.start(1) < best.start()))
                best = Found.of(m.group(1), 0.85, m.start(1), m.end(1));
        }
        return best;
    }

    private static Found<String> mainTo(Layout l) {
        return l.mainTo == null ? null : Found.of(l.mainTo.text(), 0.9, l.mainTo.start(), l.mainTo.end());
    }

    private static List<Found<Recipients.Phrase>> recipients(Layout l) {
        if (l.mainTo == null) return List.of();
        List<Found<Recipients.Phrase>> out = new ArrayList<>();
        for (Recipients.Phrase p : Recipients.read(l.mainTo.text(), l.mainTo.start())) {
            Found<Recipients.Phrase> f =
                    Found.of(p, p.type() == null ? 0.3 : p.group() ? 0.85 : 0.7, p.start(), p.end());
            out.add(
                    p.type() == null
                            ? f.noted("IMPORT_NOTE_RECIPIENT_UNMAPPED")
                            : f.noted(
                                    p.group() ? "IMPORT_NOTE_RECIPIENT_GROUP" : "IMPORT_NOTE_RECIPIENT_NAMED",
                                    p.type(),
                                    p.level() == null ? "" : p.level()));
        }
        return out;
    }

    private static List<ParsedNotice.Section> sections(Layout l) {
        List<ParsedNotice.Section> out = new ArrayList<>();
        for (Layout.Part part : l.parts) {
            Layout.Heading h = part.heading();
            Found<String> heading = h == null ? null : Found.of(h.printed(), 0.9, h.start(), h.end());
            if (heading != null && h.kind() != null)
                heading = heading.noted("IMPORT_NOTE_NUMBERING", h.kind().level, h.kind().example);
            List<Layout.Heading> subheadings =
                    l.units(part).stream().map(Layout.Unit::lead).toList();
            out.add(new ParsedNotice.Section(heading, h == null ? null : h.kind(), Html.of(part.paras()), subheadings));
        }
        return out;
    }

    /** Titles listed in 附件说明 (附件：1. …  2. …, on one line or several), numbered from 1 or not at all. */
    private static List<Found<String>> attachments(Layout l) {
        List<Found<String>> out = new ArrayList<>();
        int expected = 1;
        for (Layout.Para p : l.attachmentNotes) {
            Matcher label = ATTACHMENT_NOTE.matcher(p.text());
            int start = label.find() ? label.end() : 0;
            Matcher n = LIST_NUMBER.matcher(p.text()).region(start, p.text().length());
            while (n.find()) {
                if (ChineseNumbers.parse(n.group(1)) != expected) continue;
                attachment(out, p, start, n.start());
                start = n.end();
                expected++;
            }
            attachment(out, p, start, p.text().length());
        }
        return out.size() <= MAX_ATTACHMENTS ? out : out.subList(0, MAX_ATTACHMENTS);
    }

    private static void attachment(List<Found<String>> out, Layout.Para p, int from, int to) {
        String piece = p.text().substring(from, to);
        String title = piece.strip().replaceFirst("[。；;，,]$", "");
        int at = p.start() + from + piece.length() - piece.stripLeading().length();
        if (!title.isEmpty()) out.add(Found.of(title, 0.9, at, at + title.length()));
    }

    private static Found<String> cc(Layout l) {
        for (Layout.Para p : l.paras) {
            Matcher m = CC.matcher(p.text());
            if (m.find()) return Found.of(m.group(1), 0.9, p.start() + m.start(1), p.start() + m.end(1));
        }
        return null;
    }
}
