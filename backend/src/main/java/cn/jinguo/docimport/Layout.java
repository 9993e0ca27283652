package cn.jinguo.docimport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where things are in an official document (GB/T 9704): the header (发文机关, 发文字号, 标题), the 主送 line, the
 * body in its numbered parts, the 附件说明, the closing block (contacts, 署名, 成文日期, 印发) and an appended
 * attachment. Built once from the {@link SourceText normalised text}; offsets index into it.
 */
final class Layout {
    private static final int HEADER_SCAN = 10;
    private static final int MAX_MAIN_TO = 300;
    private static final int MAX_HEADING = 60;
    private static final Pattern RECIPIENT_WORD = Pattern.compile("妇联|妇女联合会|妇委|妇工委|妇女组织|委员会|单位|部门|党委|政府|^各");
    private static final Pattern LABELLED =
            Pattern.compile("^(?:联系人|联系电话|电话|手机|邮箱|电子邮箱|附件|主题|抄送|地址|时间|地点|联系方式|签发人|传真|说明|备注|印发)");
    private static final Pattern CONTACT_LINE = Pattern.compile("^(?:联系人|联系电话|电话|手机|邮箱|电子邮箱|传真|地址|联系方式|抄送|附注)\\s*[：:]");
    static final Pattern ORG_NAME =
            Pattern.compile("^[\\p{IsHan}（）()·]{2,30}?(?:妇女联合会|妇联|委员会|妇工委|联合会|办公室|办公厅|人民政府)(?:文件)?$");
    private static final Pattern ATTACHMENT_START = Pattern.compile("^附\\s*件\\s*[0-9一二三四五六七八九十]*\\s*[：:]?$");
    private static final Pattern ATTACHMENT_NOTE = Pattern.compile("^附\\s*件\\s*[：:]\\s*\\S");
    private static final Pattern TITLE_END = Pattern.compile("(?:通知|方案|思路|计划|要点|意见|办法|决定|通报|报告|请示|批复|函|纪要|规定|细则|安排)$");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？；!?;]");

    /** A paragraph (a line of the normalised text), or the part of one after a 主送 prefix. */
    record Para(int start, int end, String text) {
        Para from(int offset) {
            return new Para(start + offset, end, text.substring(offset));
        }
    }

    /** A numbered heading, or a paragraph's leading number and first sentence; {@code kind} is null for 附件. */
    record Heading(Numbering kind, String printed, String title, int start, int end, int titleStart) {}

    /** A top-level part of the body: the preamble (no heading), a numbered section, or an appended attachment. */
    record Part(Heading heading, List<Para> paras) {
        int contentStart() {
            return paras.isEmpty()
                    ? (heading == null ? 0 : heading.end())
                    : paras.get(0).start();
        }

        int end() {
            return paras.isEmpty()
                    ? contentStart()
                    : paras.get(paras.size() - 1).end();
        }
    }

    /** A sub-item of a part: numbered ((一), 1.) or run into the text (一是); spans its lead and its text. */
    record Unit(Heading lead, int start, int end) {}

    final String text;
    final List<Para> paras;
    final List<Para> header = new ArrayList<>();
    Para mainTo;
    final List<Para> body = new ArrayList<>();
    final List<Para> closing = new ArrayList<>();
    final List<Para> attachmentNotes = new ArrayList<>();
    final List<Part> parts;

    private Layout(String text) {
        this.text = text;
        this.paras = split(text);
        int bodyStart = locateHeader();
        sortBody(bodyStart);
        this.parts = partition(body);
    }

    static Layout of(String normalisedText) {
        return new Layout(normalisedText);
    }

    private static List<Para> split(String text) {
        List<Para> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            if (end > start) out.add(new Para(start, end, text.substring(start, end)));
            start = end + 1;
        }
        return out;
    }

    /** Finds the header and the 主送 line; returns the index of the first body paragraph. */
    private int locateHeader() {
        for (int i = 0; i < Math.min(HEADER_SCAN, paras.size()); i++) {
            Para p = paras.get(i);
            if (Numbering.leading(p.text()) != null) break;
            int colon = mainToColon(p.text());
            if (colon > 0) {
                header.addAll(paras.subList(0, i));
                mainTo = new Para(p.start(), p.start() + colon, p.text().substring(0, colon));
                if (colon + 1 < p.text().length()) body.add(p.from(colon + 1));
                return i + 1;
            }
            if (prose(p.text())) break;
        }
        int i = 0;
        while (i < paras.size() && headerLike(paras.get(i).text())) header.add(paras.get(i++));
        return i;
    }

    /** Index of the colon ending a 主送 prefix (“各区县妇联：”), or -1. */
    private static int mainToColon(String p) {
        int colon = firstOf(p, "：:");
        if (colon < 2 || colon > MAX_MAIN_TO) return -1;
        String prefix = p.substring(0, colon);
        boolean recipients = RECIPIENT_WORD.matcher(prefix).find()
                && !LABELLED.matcher(prefix).find();
        return recipients && prefix.indexOf('。') < 0 ? colon : -1;
    }

    private static boolean prose(String p) {
        return p.length() > MAX_HEADING || SENTENCE_END.matcher(p).find();
    }

    private static boolean headerLike(String p) {
        return p.length() <= MAX_HEADING
                && Numbering.leading(p) == null
                && !SENTENCE_END.matcher(p).find()
                && p.indexOf('，') < 0;
    }

    /** Splits what follows the header into body, 附件说明 and the closing block (which may precede an attachment). */
    private void sortBody(int from) {
        List<Para> rest = paras.subList(from, paras.size());
        Set<Para> closingSet = closingRuns(rest);
        boolean inNotes = false;
        for (Para p : rest) {
            inNotes = ATTACHMENT_NOTE.matcher(p.text()).find() || (inNotes && listedAttachment(p.text()));
            if (closingSet.contains(p)) closing.add(p);
            else if (inNotes) attachmentNotes.add(p);
            else body.add(p);
        }
    }

    /** Closing-block paragraphs: runs of them at the end, and just before an appended attachment. */
    private static Set<Para> closingRuns(List<Para> rest) {
        Set<Para> out = new HashSet<>();
        for (int i = 0; i <= rest.size(); i++) {
            boolean runEnd = i == rest.size()
                    || ATTACHMENT_START.matcher(rest.get(i).text()).find();
            if (!runEnd) continue;
            for (int j = i - 1; j >= 0 && closingLike(rest.get(j).text()); j--) out.add(rest.get(j));
        }
        return out;
    }

    private static boolean closingLike(String p) {
        return Dates.standalone(p) != null
                || ORG_NAME.matcher(p).find()
                || CONTACT_LINE.matcher(p).find()
                || (p.startsWith("（此件") && p.endsWith("）"));
    }

    private static boolean listedAttachment(String p) {
        Numbering.Marker m = Numbering.leading(p);
        return m != null && m.kind() == Numbering.ARABIC && p.length() <= 100 && p.indexOf('。') < 0;
    }

    // ---- parts ----

    private List<Part> partition(List<Para> paras) {
        Numbering top = topKind(paras);
        List<Part> out = new ArrayList<>();
        Heading heading = null;
        List<Para> current = new ArrayList<>();
        for (int i = 0; i < paras.size(); i++) {
            Para p = paras.get(i);
            Numbering.Marker m = Numbering.leading(p.text());
            boolean attachment = ATTACHMENT_START.matcher(p.text()).find();
            if (!attachment && (m == null || m.kind() != top)) {
                current.add(p);
                continue;
            }
            flush(out, heading, current);
            current = new ArrayList<>();
            if (attachment) {
                Para title = i + 1 < paras.size() && titleLike(paras.get(i + 1).text()) ? paras.get(++i) : null;
                heading = attachmentHeading(p, title);
            } else {
                heading = heading(p, m);
                Para rest = rest(p, heading);
                if (rest != null) current.add(rest);
            }
        }
        flush(out, heading, current);
        return out;
    }

    private static void flush(List<Part> out, Heading heading, List<Para> paras) {
        if (heading != null || !paras.isEmpty()) out.add(new Part(heading, List.copyOf(paras)));
    }

    /** The numbering of the top-level parts: the highest level that numbers a heading of its own line. */
    private static Numbering topKind(List<Para> paras) {
        Numbering pure = null;
        Numbering any = null;
        for (Para p : paras) {
            Numbering.Marker m = Numbering.leading(p.text());
            if (m == null) continue;
            if (any == null || m.kind().level < any.level) any = m.kind();
            if (pureHeading(p.text()) && (pure == null || m.kind().level < pure.level)) pure = m.kind();
        }
        return pure != null ? pure : any;
    }

    static boolean pureHeading(String p) {
        return p.length() <= MAX_HEADING && !SENTENCE_END.matcher(p).find();
    }

    static boolean titleLike(String p) {
        return p.length() <= 120 && p.indexOf('。') < 0 && TITLE_END.matcher(p).find();
    }

    /** A numbered line as a heading: the whole line, or its number and first sentence when text follows. */
    Heading heading(Para p, Numbering.Marker m) {
        String t = p.text();
        int end = pureHeading(t) ? t.length() : firstSentenceEnd(t, m.end());
        return new Heading(
                m.kind(),
                t.substring(0, end),
                t.substring(m.end(), end),
                p.start(),
                p.start() + end,
                p.start() + m.end());
    }

    private static Para rest(Para p, Heading h) {
        int used = h.end() - p.start();
        int skip = used < p.text().length()
                        && SENTENCE_END
                                .matcher(p.text().substring(used, used + 1))
                                .find()
                ? 1
                : 0;
        return used + skip < p.text().length() ? p.from(used + skip) : null;
    }

    private static Heading attachmentHeading(Para marker, Para title) {
        String printed = title == null ? marker.text() : "附件：" + title.text();
        int end = title == null ? marker.end() : title.end();
        String name = title == null ? "" : title.text();
        return new Heading(null, printed, name, marker.start(), end, title == null ? end : title.start());
    }

    private static int firstSentenceEnd(String t, int from) {
        for (int i = from; i < t.length(); i++) if ("。！？；!?;".indexOf(t.charAt(i)) >= 0) return i;
        return t.length();
    }

    // ---- units ----

    /** The sub-items of a part: its numbered paragraphs of the next level, else its 一是…二是… run. */
    List<Unit> units(Part part) {
        int level = part.heading() == null || part.heading().kind() == null
                ? 0
                : part.heading().kind().level;
        Numbering sub = null;
        for (Para p : part.paras()) {
            Numbering.Marker m = Numbering.leading(p.text());
            if (m != null && m.kind().level > level) {
                sub = m.kind();
                break;
            }
        }
        return sub != null ? numberedUnits(part, sub) : inlineUnits(part);
    }

    private List<Unit> numberedUnits(Part part, Numbering kind) {
        List<Unit> out = new ArrayList<>();
        List<Heading> leads = new ArrayList<>();
        for (Para p : part.paras()) {
            Numbering.Marker m = Numbering.leading(p.text());
            if (m != null && m.kind() == kind) leads.add(heading(p, m));
        }
        for (int i = 0; i < leads.size(); i++) {
            int end = i + 1 < leads.size() ? leads.get(i + 1).start() - 1 : part.end();
            out.add(new Unit(leads.get(i), leads.get(i).start(), end));
        }
        return out;
    }

    private List<Unit> inlineUnits(Part part) {
        List<Numbering.Marker> markers = Numbering.inline(text, part.contentStart(), part.end());
        List<Unit> out = new ArrayList<>();
        for (int i = 0; i < markers.size(); i++) {
            Numbering.Marker m = markers.get(i);
            int end = i + 1 < markers.size() ? markers.get(i + 1).start() : part.end();
            int titleEnd = sentenceEnd(m.end(), end);
            Heading lead = new Heading(
                    Numbering.INLINE,
                    text.substring(m.start(), titleEnd),
                    text.substring(m.end(), titleEnd),
                    m.start(),
                    titleEnd,
                    m.end());
            out.add(new Unit(lead, m.start(), trimEnd(m.start(), end)));
        }
        return out;
    }

    /** End of the sentence starting at {@code from} (before its full stop), not beyond {@code limit} or the line. */
    int sentenceEnd(int from, int limit) {
        for (int i = from; i < limit; i++) if ("。！？；!?;\n".indexOf(text.charAt(i)) >= 0) return i;
        return limit;
    }

    private int trimEnd(int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
        return end;
    }

    /** The sentences between {@code from} and {@code to} as [start, end) pairs, full stops excluded. */
    List<int[]> sentences(int from, int to) {
        List<int[]> out = new ArrayList<>();
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || "。！？!?\n".indexOf(text.charAt(i)) >= 0) {
                if (i > start) out.add(new int[] {start, i});
                start = i + 1;
            }
        }
        return out;
    }

    /** Start and end of the body (parts), for searches that must not reach the header or the closing block. */
    int bodyStart() {
        return body.isEmpty() ? text.length() : body.get(0).start();
    }

    int bodyEnd() {
        return body.isEmpty() ? text.length() : body.get(body.size() - 1).end();
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }
}
