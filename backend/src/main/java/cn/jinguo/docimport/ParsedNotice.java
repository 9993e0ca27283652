package cn.jinguo.docimport;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Everything {@link NoticeParser} read from one text; absent values are null (lists: empty). */
record ParsedNotice(
        String text,
        Found<String> issuer,
        Found<DocNumber> docNumber,
        Found<String> title,
        Found<String> theme,
        Found<String> mainTo,
        List<Found<Recipients.Phrase>> recipients,
        List<Section> sections,
        List<Activities.Activity> activities,
        Found<OffsetDateTime> deadline,
        Found<Boolean> planRequired,
        Found<OffsetDateTime> planDeadline,
        Found<String> receivingDepartment,
        List<Found<String>> channels,
        Found<String> contactPerson,
        Found<String> contactPhone,
        Found<String> contactEmail,
        Found<LocalDate> signedOn,
        Found<LocalDate> issuedOn,
        Found<String> cc,
        List<Found<String>> attachments,
        List<Found<String>> requiredItems,
        Found<Integer> minPhotos) {

    /** Sections a draft holds (NoticeInput's limit); headings beyond are not listed. */
    static final int MAX_SECTIONS = 100;

    /** A part of the body: its heading as printed (null for the preamble), numbering, and paragraphs as HTML. */
    record Section(Found<String> heading, Numbering numbering, String html, List<Layout.Heading> subheadings) {}

    /** A value found, named as in the API's {@code fields[]} ("title", "recipients[1]", "activities[0].location"). */
    record Field(String name, Found<String> found) {}

    /** Whether this reads as a notice at all: a title, a document number or a 主送 line. */
    boolean looksLikeNotice() {
        return (title != null && title.note() == null) || docNumber != null || mainTo != null;
    }

    /** The values found, in reading order of the API's fields list. */
    List<Field> fields() {
        List<Field> out = new ArrayList<>();
        add(out, "issuer", issuer);
        add(out, "docNumber", docNumber == null ? null : docNumber.map(DocNumber::printed));
        add(out, "title", title);
        add(out, "theme", theme);
        add(out, "mainTo", mainTo);
        for (int i = 0; i < recipients.size(); i++)
            add(out, "recipients[" + i + "]", recipients.get(i).map(Recipients.Phrase::name));
        for (int i = 0; i < Math.min(sections.size(), MAX_SECTIONS); i++)
            add(out, "sections[" + i + "]", sections.get(i).heading());
        for (int i = 0; i < activities.size(); i++) activity(out, "activities[" + i + "]", activities.get(i));
        add(out, "deadline", string(deadline));
        add(out, "planRequired", string(planRequired));
        add(out, "planDeadline", string(planDeadline));
        add(out, "receivingDepartment", receivingDepartment);
        list(out, "channels", channels);
        add(out, "contactPerson", contactPerson);
        add(out, "contactPhone", contactPhone);
        add(out, "contactEmail", contactEmail);
        add(out, "signedOn", string(signedOn));
        add(out, "issuedOn", string(issuedOn));
        add(out, "cc", cc);
        list(out, "attachments", attachments);
        for (Found<String> item : requiredItems) add(out, "requirements." + item.value(), requirement(item));
        return out;
    }

    /** "true", or for photos the least number asked for. */
    private Found<String> requirement(Found<String> item) {
        return item.value().equals("photos") && minPhotos != null ? string(minPhotos) : item.map(v -> "true");
    }

    private static void activity(List<Field> out, String name, Activities.Activity a) {
        add(out, name + ".title", a.title());
        add(out, name + ".location", a.location());
        add(out, name + ".partners", a.partners());
        for (int i = 0; i < a.dates().size(); i++)
            add(out, name + ".dates[" + i + "]", string(a.dates().get(i)));
    }

    private static void list(List<Field> out, String name, List<Found<String>> values) {
        for (int i = 0; i < values.size(); i++) add(out, name + "[" + i + "]", values.get(i));
    }

    private static void add(List<Field> out, String name, Found<String> found) {
        if (found != null && found.value() != null) out.add(new Field(name, found));
    }

    private static <T> Found<String> string(Found<T> f) {
        return f == null ? null : f.map(String::valueOf);
    }
}
