package cn.jinguo.docimport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an activity plan (活动方案) or an annual work plan (工作思路, 工作计划, 工作要点) into a plan draft: text
 * sections (指导思想, 工作要求…), and items from the parts about activities or tasks, else from every part of a
 * work plan. An item is a numbered or 一是… sub-item (else the whole part); a sentence with a numeric target
 * (三年内建成50个姐妹驿站) becomes an item of its own with that target and period. A plan carried as the 附件 of a
 * notice is read from the attachment on. Pure and deterministic, like {@link NoticeParser}.
 */
public final class PlanParser {
    private static final Pattern ITEM_SECTION = Pattern.compile("主要活动|活动内容|活动安排|重点工作|主要任务|工作任务|具体措施|工作措施|活动项目");
    private static final Pattern PLAN_TITLE = Pattern.compile("(?:方案|计划|思路|要点|安排)$");
    private static final Pattern ANNUAL = Pattern.compile("((?:19|20)[0-9]{2})\\s*年(?:度|工作)");
    private static final Pattern TARGET =
            Pattern.compile("(?:打造|建成|建设|创建|培育|新建|完成|组建|完善|建立|发展|培训|举办|开展|覆盖)[^，。；、“”《》0-9]{0,8}?"
                    + "(?:约|近|超过|不少于|至少)?([0-9]{1,9}|[一二两三四五六七八九十百千万]{1,6})\\s*"
                    + "(万人|人次|个|家|支|名|人|场|次|户|所|期|项|处|座|条)");
    private static final Pattern PERIOD = Pattern.compile("([0-9]{1,2}|[一二两三四五六七八九十]{1,3})\\s*年(?:时间|内|之内)");
    private static final Pattern LEADING_STOPS = Pattern.compile("^[。；;，,\\s]+");
    private static final int MAX_TITLE = 200;
    private static final int MAX_DESCRIPTION = 5000;

    private final Layout layout;
    private final int year;
    private final LocalDate periodStart;
    private final Activities details;

    private PlanParser(Layout layout, int year, LocalDate periodStart) {
        this.layout = layout;
        this.year = year;
        this.periodStart = periodStart;
        this.details = new Activities(layout, year, null);
    }

    /** Reads {@code normalisedText} (see {@link NoticeParser#normalise}); {@code fallbackYear} as for notices. */
    public static ParsedPlan parse(String normalisedText, int fallbackYear) {
        Layout l = Layout.of(normalisedText);
        List<Layout.Part> parts = planParts(l);
        Found<String> title = title(l, parts);
        Matcher annual = title == null ? null : ANNUAL.matcher(title.value());
        boolean isAnnual = annual != null && annual.find();
        int year = isAnnual ? Integer.parseInt(annual.group(1)) : yearOf(title, fallbackYear);
        Found<LocalDate> start = isAnnual ? periodFound(title, annual, LocalDate.of(year, 1, 1)) : null;
        Found<LocalDate> end = isAnnual ? periodFound(title, annual, LocalDate.of(year, 12, 31)) : null;
        PlanParser p = new PlanParser(l, year, start == null ? null : start.value());
        List<ParsedNotice.Section> sections = new ArrayList<>();
        List<ParsedPlan.Item> items = new ArrayList<>();
        boolean anyItemPart = parts.stream().anyMatch(PlanParser::itemPart);
        for (Layout.Part part : parts) {
            boolean numbered = part.heading() != null && part.heading().kind() != null;
            if (anyItemPart ? itemPart(part) : numbered) items.addAll(p.items(part, anyItemPart));
            else sections.add(section(part));
        }
        return new ParsedPlan(normalisedText, title, NoticeParser.theme(l), start, end, sections, items);
    }

    /** The parts of the plan: from an appended attachment on when the text is a notice carrying one. */
    private static List<Layout.Part> planParts(Layout l) {
        for (int i = 0; i < l.parts.size(); i++) {
            Layout.Heading h = l.parts.get(i).heading();
            if (h != null && h.kind() == null && PLAN_TITLE.matcher(h.title()).find())
                return l.parts.subList(i, l.parts.size());
        }
        return l.parts;
    }

    private static Found<String> title(Layout l, List<Layout.Part> parts) {
        Layout.Heading h = parts.isEmpty() ? null : parts.get(0).heading();
        if (h != null && h.kind() == null && !h.title().isEmpty())
            return Found.of(h.title(), 0.85, h.titleStart(), h.end());
        return NoticeParser.title(l);
    }

    private static Found<LocalDate> periodFound(Found<String> title, Matcher annual, LocalDate date) {
        return Found.of(date, 0.8, title.start() + annual.start(), title.start() + annual.end())
                .noted("IMPORT_NOTE_ANNUAL_PERIOD", annual.group(1));
    }

    private static int yearOf(Found<String> title, int fallback) {
        Matcher m = Pattern.compile("((?:19|20)[0-9]{2})\\s*年").matcher(title == null ? "" : title.value());
        return m.find() ? Integer.parseInt(m.group(1)) : fallback;
    }

    private static boolean itemPart(Layout.Part part) {
        return part.heading() != null
                && part.heading().kind() != null
                && ITEM_SECTION.matcher(part.heading().title()).find();
    }

    private static ParsedNotice.Section section(Layout.Part part) {
        Layout.Heading h = part.heading();
        Found<String> heading = h == null || h.kind() == null ? null : Found.of(h.printed(), 0.9, h.start(), h.end());
        return new ParsedNotice.Section(heading, h == null ? null : h.kind(), Html.of(part.paras()), List.of());
    }

    // ---- items ----

    /** The items of one part: its sub-items (or the part as one), each followed by the targets split out of it. */
    private List<ParsedPlan.Item> items(Layout.Part part, boolean activities) {
        List<Layout.Unit> units = layout.units(part);
        if (units.isEmpty())
            units = List.of(new Layout.Unit(part.heading(), part.heading().start(), part.end()));
        List<ParsedPlan.Item> out = new ArrayList<>();
        int leadIn = units.get(0).start() > part.contentStart() ? part.contentStart() : -1;
        for (Layout.Unit unit : units) {
            int from = unit == units.get(0) && leadIn >= 0 ? leadIn : unit.start();
            List<int[]> targets = targetSentences(unit);
            out.add(item(part, unit, description(from, unit, targets), activities));
            for (int[] s : targets) out.addAll(targetItems(part, s));
        }
        return out;
    }

    private ParsedPlan.Item item(Layout.Part part, Layout.Unit unit, String description, boolean activities) {
        Layout.Heading lead = unit.lead();
        Found<String> title = Found.of(clip(lead.title(), MAX_TITLE), 0.75, lead.titleStart(), lead.end());
        List<Found<LocalDate>> dates = activities ? details.dates(unit.start(), unit.end()) : List.of();
        return new ParsedPlan.Item(
                part.heading().printed(),
                title,
                description,
                dates.isEmpty() ? null : dates.get(0),
                dates.isEmpty() ? null : dates.get(dates.size() - 1),
                details.place(unit.start(), unit.end()),
                details.partners(unit.start(), unit.end()),
                null,
                null);
    }

    /** The unit's text after its lead (after any lead-in of the part before it), without its target sentences. */
    private String description(int from, Layout.Unit unit, List<int[]> targets) {
        StringBuilder rest = new StringBuilder();
        int pos = unit.lead().end();
        for (int[] t : targets) {
            rest.append(layout.text, Math.min(pos, t[0]), t[0]);
            pos = Math.max(pos, t[1] + 1);
        }
        if (pos < unit.end()) rest.append(layout.text, pos, unit.end());
        String leadIn =
                from < unit.start() ? layout.text.substring(from, unit.start()).strip() : "";
        String d = (leadIn + LEADING_STOPS.matcher(rest).replaceFirst("")).strip();
        return d.isEmpty() ? null : clip(d, MAX_DESCRIPTION);
    }

    private List<int[]> targetSentences(Layout.Unit unit) {
        List<int[]> out = new ArrayList<>();
        for (int[] s : layout.sentences(unit.lead().end(), unit.end()))
            if (TARGET.matcher(layout.text).region(s[0], s[1]).find()) out.add(s);
        return out;
    }

    /** Each numeric target of a sentence as an item: the clause naming it, its value and unit, and its period. */
    private List<ParsedPlan.Item> targetItems(Layout.Part part, int[] s) {
        List<ParsedPlan.Item> out = new ArrayList<>();
        String description = clip(layout.text.substring(s[0], s[1]) + "。", MAX_DESCRIPTION);
        Matcher m = TARGET.matcher(layout.text).region(s[0], s[1]);
        while (m.find()) {
            int clauseStart = clauseStart(m.start(), s[0]);
            int clauseEnd = clauseEnd(m.end(), s[1]);
            Found<String> title = Found.of(layout.text.substring(m.start(), clauseEnd), 0.75, m.start(), clauseEnd);
            int value = ChineseNumbers.parse(m.group(1));
            if (value <= 0) continue;
            Found<LocalDate> endsOn = periodEnd(clauseStart, clauseEnd);
            out.add(new ParsedPlan.Item(
                    part.heading().printed(),
                    title,
                    description,
                    endsOn == null ? null : endsOn.map(e -> periodStart),
                    endsOn,
                    null,
                    details.partners(clauseStart, clauseEnd),
                    Found.of(BigDecimal.valueOf(value), 0.8, m.start(1), m.end(2)),
                    m.group(2)));
        }
        return out;
    }

    /** The end of a period written in the clause (三年内, 通过三年时间), counted from the plan's first year. */
    private Found<LocalDate> periodEnd(int from, int to) {
        Matcher period = PERIOD.matcher(layout.text).region(from, to);
        if (!period.find() || periodStart == null) return null;
        int years = ChineseNumbers.parse(period.group(1));
        return Found.of(LocalDate.of(year + years - 1, 12, 31), 0.7, period.start(), period.end());
    }

    private int clauseStart(int from, int limit) {
        for (int i = from - 1; i >= limit; i--) if ("，,；;。".indexOf(layout.text.charAt(i)) >= 0) return i + 1;
        return limit;
    }

    private int clauseEnd(int from, int limit) {
        for (int i = from; i < limit; i++) if ("，,；;。".indexOf(layout.text.charAt(i)) >= 0) return i;
        return limit;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
