package cn.jinguo.docimport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Activities a notice lists: the items of a section about activities (“二、活动内容” → （一）…（十二）, or 一是…四是)
 * whose title names an event, and the events an issuer announces in a sentence (“市妇联将召开…，举办A、B及C，…”).
 * Each with the place, partners and dates its text states.
 */
final class Activities {
    private static final Pattern ACTIVITY_SECTION = Pattern.compile("活动");
    private static final Pattern EVENT =
            Pattern.compile("活动|仪式|行动|讲座|培训|大会|执委会|座谈|沙龙|企划|大赛|竞赛|比赛|展演|作品展" + "|宣传周|维权周|招聘会|分享会|联谊|慰问|会客厅|艺术节|文化节|宣讲");
    private static final Pattern ANNOUNCED = Pattern.compile("(?:市|区|县|镇|街道)?妇联将(?=组织开展|召开|举办|举行|启动|开展|推出|组织)");
    private static final Pattern VERB = Pattern.compile("^(?:组织开展|召开|举办|举行|启动|开展|推出|组织)");
    private static final Pattern PLACE = Pattern.compile("在([^，。；“”《》]{2,30}?)(?:举行|举办|召开|开展)");
    private static final Pattern NOT_A_PLACE = Pattern.compile("期间|之际|当天|[日节月前后时]$|[内中上里]$|围绕|结合|按照|通过|利用|针对|面向|基础");
    private static final Pattern[] PARTNERS = {
        Pattern.compile("与([^，。；]{2,60}?)(?:通力合作|联合|合作|共同|携手)"),
        Pattern.compile("联合(?!会|国)([^，。；]{2,40}?)[，,]"),
        Pattern.compile("牵手([^，。；]{2,60}?)[，,]"),
        Pattern.compile("会同([^，。；]{2,40}?)(?:共同|联合|[，,])")
    };
    private static final double LISTED = 0.8;
    private static final double ANNOUNCED_CONFIDENCE = 0.6;
    /** Longest quotation looked back through: names in quotes are short. */
    private static final int MAX_QUOTE = 200;
    /** Activities answered at most: a real notice lists a few dozen. */
    private static final int MAX_ACTIVITIES = 200;

    /** An activity: its title, and what its text says about place, partners and dates. */
    record Activity(
            Found<String> title,
            Found<String> location,
            Found<String> partners,
            List<Found<LocalDate>> dates,
            String section,
            int start,
            int end) {}

    private final Layout layout;
    private final int year;
    private final LocalDate notBefore;

    Activities(Layout layout, int year, LocalDate notBefore) {
        this.layout = layout;
        this.year = year;
        this.notBefore = notBefore;
    }

    List<Activity> find() {
        List<Activity> out = new ArrayList<>();
        for (Layout.Part part : layout.parts) {
            if (part.heading() == null
                    || !ACTIVITY_SECTION.matcher(part.heading().title()).find()) continue;
            for (Layout.Unit unit : layout.units(part)) {
                Layout.Heading lead = unit.lead();
                if (!EVENT.matcher(lead.title()).find() || out.size() >= MAX_ACTIVITIES) continue;
                Found<String> title = Found.of(lead.title(), LISTED, lead.titleStart(), lead.end());
                out.add(describe(title, part.heading().printed(), unit.start(), unit.end()));
            }
        }
        announced(out);
        return out;
    }

    /** Events announced in sentences outside the items already taken (“市妇联将召开…，举办A、B及C”). */
    private void announced(List<Activity> out) {
        List<Activity> listed = List.copyOf(out); // in text order, apart
        int next = 0;
        for (int[] s : layout.sentences(layout.bodyStart(), layout.bodyEnd())) {
            while (next < listed.size() && listed.get(next).end() < s[1]) next++;
            boolean inListed = next < listed.size() && listed.get(next).start() <= s[0];
            Matcher m = ANNOUNCED.matcher(layout.text).region(s[0], s[1]);
            if (!inListed && m.find()) announcedIn(m.end(), s[1], out);
        }
    }

    private void announcedIn(int from, int to, List<Activity> out) {
        String text = layout.text;
        for (int[] clause : Splitter.split(text, from, to, "，,；;")) {
            Matcher verb = VERB.matcher(text).region(clause[0], clause[1]);
            if (!verb.find()) return;
            for (int[] object : Splitter.split(text, verb.end(), clause[1], "、及")) {
                if (out.size() >= MAX_ACTIVITIES) return;
                String title = text.substring(object[0], object[1]);
                out.add(describe(
                        Found.of(title, ANNOUNCED_CONFIDENCE, object[0], object[1]), null, object[0], object[1]));
            }
        }
    }

    Activity describe(Found<String> title, String section, int start, int end) {
        return new Activity(title, place(start, end), partners(start, end), dates(start, end), section, start, end);
    }

    Found<String> place(int start, int end) {
        Matcher m = PLACE.matcher(layout.text).region(start, end);
        while (m.find()) {
            if (!NOT_A_PLACE.matcher(m.group(1)).find()) return Found.of(m.group(1), 0.7, m.start(1), m.end(1));
        }
        return null;
    }

    /** Partners as printed, joined with 、 in the order the text names them. */
    Found<String> partners(int start, int end) {
        Set<String> names = new LinkedHashSet<>();
        int first = -1;
        int last = -1;
        for (Pattern p : PARTNERS) {
            Matcher m = p.matcher(layout.text).region(start, end);
            while (m.find()) {
                if (quoted(m.start())) continue; // “姐妹牵手 相约驿站” is a name, not a partner
                names.add(m.group(1));
                first = first < 0 ? m.start(1) : Math.min(first, m.start(1));
                last = Math.max(last, m.end(1));
            }
        }
        if (names.isEmpty()) return null;
        List<String> ordered = new ArrayList<>(names);
        ordered.sort(java.util.Comparator.comparingInt(n -> layout.text.indexOf(n, start)));
        return Found.of(String.join("、", ordered), 0.7, first, last);
    }

    /** Whether {@code pos} lies inside “…” in its paragraph (looking back no further than a name is long). */
    private boolean quoted(int pos) {
        int depth = 0;
        for (int i = pos - 1; i >= Math.max(0, pos - MAX_QUOTE) && layout.text.charAt(i) != '\n'; i--) {
            if (layout.text.charAt(i) == '“') depth++;
            else if (layout.text.charAt(i) == '”') depth--;
        }
        return depth > 0;
    }

    List<Found<LocalDate>> dates(int start, int end) {
        List<Found<LocalDate>> out = new ArrayList<>();
        for (Dates.Mention d : Dates.in(layout.text, start, end)) {
            LocalDate date = d.resolve(year, notBefore);
            if (date == null) continue;
            Found<LocalDate> found = Found.of(date, 0.75, d.start(), d.end());
            out.add(d.hasYear() ? found : found.noted("IMPORT_NOTE_YEAR_OF_DOCUMENT", year));
        }
        return out;
    }
}
