package cn.jinguo.docimport;

import cn.jinguo.common.BusinessTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a notice asks of its recipients, read from the sentences that ask for a report (报送, 上报, 报市妇联…): the
 * deadline, the plan to file (方案/计划…备案), where and how to send (收文部门, 邮箱/协同/综合信息平台), what to
 * send (图片, 视频, 稿件, 新媒体), and whom to ask (联系人, 电话, 邮箱).
 */
final class Reporting {
    private static final Pattern REPORT = Pattern.compile("报送|上报|报至|报给|报到|提交|发送至|发至|录入|报[市区县省]");
    private static final Pattern PLAN = Pattern.compile("(?:方案|计划)[^。]{0,30}?(?:备案|报送|上报|报[市区县省])[^，。；]{0,30}");
    private static final Pattern BEFORE = Pattern.compile("^\\s*(?:前|之前|以前)");
    private static final Pattern PLAN_WORD = Pattern.compile("方案|计划");
    private static final Pattern DEPARTMENT =
            Pattern.compile("[市区县镇省]?(?:妇联|妇女联合会)\\p{IsHan}{1,10}?(?:部|办公室|室|中心|科)(?![\\p{IsHan}])");
    private static final Map<String, Pattern> CHANNELS = Map.of(
            "综合信息平台", Pattern.compile("综合信息平台"),
            "协同", Pattern.compile("协同"),
            "邮箱", Pattern.compile("邮箱|电子邮件|电子信箱"));
    private static final Map<String, Pattern> ITEMS = Map.of(
            "photos", Pattern.compile("图片|照片"),
            "video", Pattern.compile("视频"),
            "article", Pattern.compile("稿件|文章|信息稿|新闻稿"),
            "newMediaLink", Pattern.compile("新媒体|链接"));
    private static final Pattern PHOTO_COUNT =
            Pattern.compile("(?:图片|照片)[^。，]{0,6}?([0-9]{1,2}|[一二三四五六七八九十]{1,3})\\s*张");
    private static final Pattern CONTACT =
            Pattern.compile("联系人\\s*[：:]\\s*([\\p{IsHan}·]{2,4}?)(?=$|[，,；;。\\s（(、]|电话|联系|手机|同志|\\n)");
    private static final Pattern CLERK = Pattern.compile("(?:收文员|经办人|联络员)\\s*([\\p{IsHan}]{2,3}?)(?=处|同志|[，,。；;、]|$)");
    private static final Pattern PHONE = Pattern.compile("(?:联系电话|电话|手机|联系方式)\\s*[：:]?\\s*"
            + "((?:0[0-9]{2,3}[-－—]?)?[0-9]{7,8}(?:[-－—][0-9]{1,5})?|1[3-9][0-9]{9})(?![0-9])");
    private static final String EMAIL_LOCAL = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-";
    private static final Pattern EMAIL_DOMAIN =
            Pattern.compile("[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}");
    /** The hour a deadline falls at when the notice gives only a day: close of business. */
    private static final LocalTime DEFAULT_TIME = LocalTime.of(18, 0);

    private final Layout layout;
    private final int year;
    private final LocalDate notBefore;
    private final List<int[]> reportSentences = new ArrayList<>();
    private final List<int[]> planSentences = new ArrayList<>();

    Reporting(Layout layout, int year, LocalDate notBefore) {
        this.layout = layout;
        this.year = year;
        this.notBefore = notBefore;
        for (int[] s : layout.sentences(layout.bodyStart(), layout.bodyEnd())) {
            String sentence = layout.text.substring(s[0], s[1]);
            if (PLAN.matcher(sentence).find()) planSentences.add(s);
            if (REPORT.matcher(sentence).find()) reportSentences.add(s);
        }
    }

    Found<OffsetDateTime> deadline() {
        return firstDeadline(false);
    }

    Found<Boolean> planRequired() {
        if (planSentences.isEmpty()) return null;
        int[] s = planSentences.get(0);
        Matcher m = PLAN.matcher(layout.text).region(s[0], s[1]);
        return m.find() ? Found.of(true, 0.8, m.start(), m.end()) : null;
    }

    Found<OffsetDateTime> planDeadline() {
        return firstDeadline(true);
    }

    /**
     * The first day followed by 前 whose requirement (the text after it, up to the next day or 。；) is about a plan
     * or not, as asked: in “3月1日前将活动方案报送备案，3月20日前报送活动情况” the first is the plan's. At its written
     * time, else 18:00 Asia/Shanghai.
     */
    private Found<OffsetDateTime> firstDeadline(boolean plan) {
        List<int[]> sentences = new ArrayList<>(reportSentences);
        planSentences.stream().filter(p -> !reportSentences.contains(p)).forEach(sentences::add);
        sentences.sort(java.util.Comparator.comparingInt(s -> s[0]));
        for (int[] s : sentences) {
            List<Dates.Mention> days = Dates.in(layout.text, s[0], s[1]);
            for (int i = 0; i < days.size(); i++) {
                Dates.Mention d = days.get(i);
                int windowEnd = i + 1 < days.size() ? days.get(i + 1).start() : s[1];
                String window = layout.text.substring(d.end(), windowEnd).split("[；;]", 2)[0];
                Found<OffsetDateTime> due = BEFORE.matcher(window).find()
                                && PLAN_WORD.matcher(window).find() == plan
                        ? deadline(d)
                        : null;
                if (due != null) return due;
            }
        }
        return null;
    }

    private Found<OffsetDateTime> deadline(Dates.Mention d) {
        LocalDate date = d.resolve(year, notBefore);
        if (date == null) return null;
        LocalTime time = d.time() == null ? DEFAULT_TIME : d.time();
        OffsetDateTime at = date.atTime(time).atZone(BusinessTime.ZONE).toOffsetDateTime();
        Found<OffsetDateTime> found = Found.of(at, 0.85, d.start(), d.end());
        return d.time() == null ? found.noted("IMPORT_NOTE_DEADLINE_TIME") : found;
    }

    /** 收文部门: the first department (市妇联宣传部) a sentence asking for reports sends them to. */
    Found<String> receivingDepartment() {
        for (int[] s : reportSentences) {
            Matcher m = DEPARTMENT.matcher(layout.text).region(s[0], s[1]);
            if (m.find()) return Found.of(m.group(), 0.8, m.start(), m.end());
        }
        return null;
    }

    /** How reports travel, in the order the text names them. */
    List<Found<String>> channels() {
        List<Found<String>> out = new ArrayList<>();
        List<int[]> places = new ArrayList<>(reportSentences);
        layout.closing.forEach(p -> places.add(new int[] {p.start(), p.end()}));
        CHANNELS.forEach((name, pattern) -> {
            for (int[] s : places) {
                Matcher m = pattern.matcher(layout.text).region(s[0], s[1]);
                if (m.find()) {
                    out.add(Found.of(name, 0.75, m.start(), m.end()));
                    return;
                }
            }
        });
        out.sort(java.util.Comparator.comparingInt(Found::start));
        return out;
    }

    /** Items a report must contain (photos, video, article, newMediaLink), each where the text asks for it. */
    List<Found<String>> requiredItems() {
        List<Found<String>> out = new ArrayList<>();
        ITEMS.forEach((item, pattern) -> {
            for (int[] s : reportSentences) {
                Matcher m = pattern.matcher(layout.text).region(s[0], s[1]);
                if (m.find()) {
                    out.add(Found.of(item, 0.75, m.start(), m.end()));
                    return;
                }
            }
        });
        out.sort(java.util.Comparator.comparingInt(Found::start));
        return out;
    }

    /** The least number of photos asked for where {@code photos} asks for them: as written (至少3张), else 1. */
    Found<Integer> minPhotos(Found<String> photos) {
        for (int[] s : reportSentences) {
            Matcher m = PHOTO_COUNT.matcher(layout.text).region(s[0], s[1]);
            if (m.find()) {
                int n = Math.max(1, Math.min(100, ChineseNumbers.parse(m.group(1))));
                return Found.of(n, 0.8, m.start(), m.end());
            }
        }
        return photos.map(p -> 1).noted("IMPORT_NOTE_MIN_PHOTOS");
    }

    Found<String> contactPerson() {
        Found<String> labelled = first(CONTACT, 0, layout.text.length(), 0.9);
        if (labelled != null) return labelled;
        for (int[] s : reportSentences) {
            Found<String> clerk = first(CLERK, s[0], s[1], 0.7);
            if (clerk != null) return clerk;
        }
        return null;
    }

    Found<String> contactPhone() {
        return first(PHONE, 0, layout.text.length(), 0.85);
    }

    /** The e-mail address of the closing block or of a report sentence, else the first one written. */
    Found<String> contactEmail() {
        for (Layout.Para p : layout.closing) {
            Found<String> f = email(p.start(), p.end(), 0.9);
            if (f != null) return f;
        }
        for (int[] s : reportSentences) {
            Found<String> f = email(s[0], s[1], 0.85);
            if (f != null) return f;
        }
        return email(0, layout.text.length(), 0.6);
    }

    /** The first address between {@code from} and {@code to}, found from its @ (a regex from every position is slow). */
    private Found<String> email(int from, int to, double confidence) {
        String text = layout.text;
        for (int at = text.indexOf('@', from); at >= 0 && at < to; at = text.indexOf('@', at + 1)) {
            int start = at;
            while (start > from && at - start < 64 && EMAIL_LOCAL.indexOf(text.charAt(start - 1)) >= 0) start--;
            Matcher domain = EMAIL_DOMAIN.matcher(text).region(at + 1, to);
            if (start < at && domain.lookingAt())
                return Found.of(text.substring(start, domain.end()), confidence, start, domain.end());
        }
        return null;
    }

    private Found<String> first(Pattern p, int from, int to, double confidence) {
        Matcher m = p.matcher(layout.text).region(from, to);
        return m.find() ? Found.of(m.group(1), confidence, m.start(1), m.end(1)) : null;
    }
}
