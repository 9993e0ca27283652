package cn.jinguo.docimport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Field-level accuracy of {@link NoticeParser} over the five sample notices. The expected values below were written
 * by hand from reading each sample; a field a sample does not contain is simply not listed. Values are compared after normalising whitespace and full/half-width forms (NFKC),
 * since the samples are PDF extractions. Per field, over the samples: expected = samples that contain it, found =
 * samples the parser gave a value for, correct = found values equal to the expected one; recall = correct/expected,
 * precision = correct/found.
 *
 * <p>Every field a sample contains must be found and right (recall 1.0). Precision must be at least {@value
 * #MIN_PRECISION}: a value found where the sample has none is shown to the editor with its confidence and span and
 * costs one deletion, while a missed value costs retyping it from the paper; one such slip in five samples per
 * field is the most we accept. These samples are also the ones the parser was developed against, so the table
 * measures fit, not accuracy on unseen notices.
 */
class NoticeParserAccuracyTest {
    static final double MIN_PRECISION = 0.8;
    private static final String SAMPLES = "demo/samples/";
    private static final Map<String, Map<String, String>> EXPECTED = new LinkedHashMap<>();

    static {
        expect(
                "000_e58218c4f3447d51.txt",
                // No header, number, signature or date: the text starts at 主送. The title is the one the opening
                // sentence gives (现将组织开展2024年“三八”节活动通知如下).
                "title",
                "关于组织开展2024年“三八”节活动的通知",
                "theme",
                "添彩xx 巾帼建功行",
                "mainTo",
                "各乡镇（街道）妇联、区级各部门妇委（代）会",
                "recipients",
                "组:各乡镇（街道）妇联=FEDERATION/TOWNSHIP | 组:区级各部门妇委（代）会=WORK_COMMITTEE",
                "sections",
                "一、指导思想 | 二、活动内容 | 三、工作要求",
                "activities.title",
                "举办妇女创业就业示范基地挂牌暨“四送”启动仪式 | 开展“春风送岗”行动 | 举办服务“蓉欧+”分享沙龙活动"
                        + " | 集中开展巾帼风采宣传活动 | 启动2024年寻找“最美家庭”活动 | 积极开展家庭教育进社区活动"
                        + " | 广泛开展传承好家风进院落活动 | 开展机关干部心理调试讲座 | 开展妇联系统干部培训"
                        + " | 召开区妇联八届三次执委会 | 举办“三八”维权周宣传活动 | 开展走访慰问活动",
                "activities.location",
                "举办妇女创业就业示范基地挂牌暨“四送”启动仪式=城厢镇特色食用菌园区 | 举办“三八”维权周宣传活动=和谐广场",
                "activities.partners",
                "开展“春风送岗”行动=区人社局、川妹子家政服务培训基地、再创学校、企业代表"
                        + " | 集中开展巾帼风采宣传活动=区委宣传部"
                        + " | 启动2024年寻找“最美家庭”活动=区委宣传部、区直机关工委、区文明办、区总工会",
                "activities.dates",
                "启动2024年寻找“最美家庭”活动=2024-05-15",
                "deadline",
                "2024-03-10T18:00+08:00",
                "channels",
                "综合信息平台 | 协同",
                "contactPerson",
                "曹倩",
                "requirements",
                "photos≥1");
        expect(
                "001_9759484eb8eccdb6.txt",
                "issuer",
                "重庆市妇女联合会",
                "docNumber",
                "渝妇发〔2024〕5号",
                "docNumber.code",
                "渝妇发",
                "docNumber.year",
                "2024",
                "docNumber.serial",
                "5",
                "title",
                "重庆市妇女联合会关于开展2024年“三八”国际妇女节纪念活动的通知",
                "theme",
                "跟党走奋进新征程 巾帼建功新时代",
                "mainTo",
                "各区县（自治县）妇联，两江新区、西部科学城重庆高新区、万盛经开区妇联，各市级机关妇委会（妇工委、系统妇联）",
                "recipients",
                "组:各区县（自治县）妇联=FEDERATION/DISTRICT | 单位:两江新区妇联=FEDERATION/DISTRICT"
                        + " | 单位:西部科学城重庆高新区妇联=FEDERATION/DISTRICT | 单位:万盛经开区妇联=FEDERATION/DISTRICT"
                        + " | 组:各市级机关妇委会（妇工委、系统妇联）=WORK_COMMITTEE",
                "sections",
                "一、强化政治引领，筑牢思想根基 | 二、开展主题活动，营造节日氛围 | 三、聚焦妇儿需求，办好民生实事",
                "activities.title",
                "开展纪念表彰活动 | 开展优秀妇女典型宣传活动 | 开展“全城致敬最美的她”三八节特别企划 | 开展网络主题活动",
                "activities.location",
                "开展“全城致敬最美的她”三八节特别企划=主城区核心商圈、公共场馆",
                "activities.dates",
                "开展“全城致敬最美的她”三八节特别企划=2024-03-08",
                "deadline",
                "2024-03-12T18:00+08:00",
                "receivingDepartment",
                "市妇联宣传部",
                "channels",
                "邮箱",
                "contactPerson",
                "莫海舟",
                "contactPhone",
                "67125371",
                "contactEmail",
                "cqflxcb@163.com",
                "signedOn",
                "2024-02-20",
                "requirements",
                "photos≥1 | video | article | newMediaLink");
        expect(
                "002_d13e1b89eb259ffd.txt",
                // An annual work plan, not a notice: a title and its five parts; PlanParserTest reads it as a plan.
                "title",
                "区妇联2024年工作思路",
                "sections",
                "（一）强化引领，唱响“巾帼心向党”主旋律 | （二）聚焦主业，服务妇女儿童家庭不懈怠"
                        + " | （三）抓住重点，围绕中心大局工作不偏离 | （四）突出主责，提升倾情服务能力不放松"
                        + " | （五）夯实基础，持续强化自身建设不停步");
        expect(
                "003_f0c2e99a7f78b697.txt",
                "issuer",
                "阳泉市妇女联合会",
                "docNumber",
                "阳妇发〔2023〕3号",
                "docNumber.code",
                "阳妇发",
                "docNumber.year",
                "2023",
                "docNumber.serial",
                "3",
                "title",
                "关于开展2023年“三八”国际妇女节纪念活动的通知",
                "theme",
                "巾帼心向党·奋进新征程",
                "mainTo",
                "各县（区）妇联、市直各单位妇女组织、国省民营企业事业单位妇女组织",
                "recipients",
                "组:各县（区）妇联=FEDERATION/DISTRICT | 组:市直各单位妇女组织=WORK_COMMITTEE" + " | 组:国省民营企业事业单位妇女组织=ENTERPRISE",
                "sections",
                "一、活动主题 | 二、活动内容 | 三、活动要求",
                // The four （一）…（四） items are lines of work; the activities are those 市妇联将… lists.
                "activities.title",
                "阳泉市纪念“三八”国际妇女节113周年大会 | “巾帼心向党·奋进新征程”阳泉市创业女性迎三八座谈会"
                        + " | 春风行动迎“三八”女性专场招聘会 | “三月芳华情·巾帼写丹青”阳泉市女画家作品展"
                        + " | “践行二十大 传承好家风”家庭故事分享会 | “幸福家”阳泉婚恋指导服务站揭牌仪式 | 单身青年联谊活动"
                        + " | “童心向党 童声朗朗”亲子诵读活动 | 普法宣传和维权服务活动 | 市妇联维权服务中心挂牌仪式"
                        + " | 纪念“三八”系列融媒体宣传",
                "receivingDepartment",
                "市妇联宣教部",
                "channels",
                "邮箱",
                "contactEmail",
                "yqflxjb@163.com",
                "issuedOn",
                "2023-02-15");
        expect(
                "004_0c161144d52710bd.txt",
                "issuer",
                "毕节市妇女联合会",
                "docNumber",
                "[2023-2]",
                "docNumber.year",
                "2023",
                "docNumber.serial",
                "2",
                "title",
                "关于开展2023年“巾帼心向党 奋进新征程”“三八”国际妇女节系列活动方案的通知",
                "theme",
                "巾帼心向党 奋进新征程",
                "mainTo",
                "各县（市、区）妇联，市直各单位妇联（妇委会、妇女小组），市妇联机关各部（室）",
                "recipients",
                "组:各县（市、区）妇联=FEDERATION/DISTRICT | 组:市直各单位妇联（妇委会、妇女小组）=WORK_COMMITTEE" + " | 组:市妇联机关各部（室）=DEPARTMENT",
                "sections",
                "一、指导思想 | 二、主要活动 | 三、工作要求",
                "activities.title",
                "围绕争做“六型干部”，开展全市妇联系统的“三项”技能竞赛活动 | 开展纪念“三八”节妇女代表座谈活动"
                        + " | 开展“三八”妇女维权周活动 | 开展“三八”节文艺赛事活动 | 开展特殊困难群体的关心关爱活动",
                "planRequired",
                "true",
                "receivingDepartment",
                "市妇联办公室",
                "attachments",
                "关于开展2023年“巾帼心向党 奋进新征程”“三八”国际妇女节系列活动方案");
    }

    /** How each compared field is read from the parser's result (null: not found). */
    private static final Map<String, Function<ParsedNotice, String>> ACTUAL = new LinkedHashMap<>();

    static {
        ACTUAL.put("issuer", n -> value(n.issuer()));
        ACTUAL.put(
                "docNumber",
                n -> n.docNumber() == null ? null : n.docNumber().value().printed());
        ACTUAL.put(
                "docNumber.code",
                n -> n.docNumber() == null ? null : n.docNumber().value().code());
        ACTUAL.put(
                "docNumber.year",
                n -> n.docNumber() == null
                        ? null
                        : String.valueOf(n.docNumber().value().year()));
        ACTUAL.put(
                "docNumber.serial",
                n -> n.docNumber() == null
                        ? null
                        : String.valueOf(n.docNumber().value().serial()));
        ACTUAL.put("title", n -> value(n.title()));
        ACTUAL.put("theme", n -> value(n.theme()));
        ACTUAL.put("mainTo", n -> value(n.mainTo()));
        ACTUAL.put(
                "recipients",
                n -> join(n.recipients().stream().map(f -> recipient(f.value())).toList()));
        ACTUAL.put(
                "sections",
                n -> join(n.sections().stream()
                        .filter(s -> s.heading() != null && s.numbering() != null)
                        .map(s -> s.heading().value())
                        .toList()));
        ACTUAL.put(
                "activities.title",
                n -> join(n.activities().stream().map(a -> a.title().value()).toList()));
        ACTUAL.put("activities.location", n -> perActivity(n, a -> value(a.location())));
        ACTUAL.put("activities.partners", n -> perActivity(n, a -> value(a.partners())));
        ACTUAL.put(
                "activities.dates",
                n -> perActivity(
                        n,
                        a -> a.dates().isEmpty()
                                ? null
                                : a.dates().stream()
                                        .map(d -> d.value().toString())
                                        .collect(Collectors.joining(","))));
        ACTUAL.put("deadline", n -> string(value(n.deadline())));
        ACTUAL.put("planRequired", n -> string(value(n.planRequired())));
        ACTUAL.put("planDeadline", n -> string(value(n.planDeadline())));
        ACTUAL.put("receivingDepartment", n -> value(n.receivingDepartment()));
        ACTUAL.put("channels", n -> join(n.channels().stream().map(Found::value).toList()));
        ACTUAL.put("contactPerson", n -> value(n.contactPerson()));
        ACTUAL.put("contactPhone", n -> value(n.contactPhone()));
        ACTUAL.put("contactEmail", n -> value(n.contactEmail()));
        ACTUAL.put("signedOn", n -> string(value(n.signedOn())));
        ACTUAL.put("issuedOn", n -> string(value(n.issuedOn())));
        ACTUAL.put(
                "attachments",
                n -> join(n.attachments().stream().map(Found::value).toList()));
        ACTUAL.put(
                "requirements",
                n -> join(n.requiredItems().stream()
                        .map(i -> i.value().equals("photos")
                                ? "photos≥" + n.minPhotos().value()
                                : i.value())
                        .toList()));
    }

    @Test
    void everyFieldOfEverySampleIsFoundAndFewAreFoundWhereThereAreNone() throws IOException {
        Map<String, int[]> counts = new LinkedHashMap<>(); // field → {expected, found, correct}
        ACTUAL.keySet().forEach(f -> counts.put(f, new int[3]));
        List<String> misses = new ArrayList<>();
        for (var sample : EXPECTED.entrySet()) {
            ParsedNotice parsed = parse(sample.getKey());
            for (var field : ACTUAL.entrySet()) {
                String expected = sample.getValue().get(field.getKey());
                String actual = field.getValue().apply(parsed);
                int[] c = counts.get(field.getKey());
                if (expected != null) c[0]++;
                if (actual != null) c[1]++;
                if (expected != null && actual != null && normalise(expected).equals(normalise(actual))) c[2]++;
                else if (expected != null || actual != null)
                    misses.add(sample.getKey() + " " + field.getKey() + ": expected <" + expected + "> got <" + actual
                            + ">");
            }
        }
        System.out.println(table(counts));
        misses.forEach(m -> System.out.println("  " + m));
        counts.forEach((field, c) -> {
            assertTrue(c[0] == 0 || c[2] == c[0], field + ": recall below 1.0, " + misses);
            assertTrue(
                    c[1] == 0 || (double) c[2] / c[1] >= MIN_PRECISION, field + ": precision below " + MIN_PRECISION);
        });
        assertTrue(EXPECTED.values().stream().allMatch(e -> ACTUAL.keySet().containsAll(e.keySet())), "unknown field");
    }

    private static String table(Map<String, int[]> counts) {
        StringBuilder t = new StringBuilder("\nNoticeParser accuracy over the five samples\n");
        t.append(String.format(
                "%-22s %8s %6s %8s %10s %7s%n", "field", "expected", "found", "correct", "precision", "recall"));
        int[] total = new int[3];
        counts.forEach((field, c) -> {
            t.append(row(field, c));
            for (int i = 0; i < 3; i++) total[i] += c[i];
        });
        return t.append(row("(all fields)", total)).toString();
    }

    private static String row(String field, int[] c) {
        return String.format(
                "%-22s %8d %6d %8d %10s %7s%n", field, c[0], c[1], c[2], ratio(c[2], c[1]), ratio(c[2], c[0]));
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "–" : String.format("%.2f", (double) a / b);
    }

    static ParsedNotice parse(String sample) throws IOException {
        return NoticeParser.parse(NoticeParser.normalise(read(SAMPLES + sample)), 2000);
    }

    static String read(String resource) throws IOException {
        try (InputStream in = NoticeParserAccuracyTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Whitespace dropped, full-width forms folded (（）→(), ：→:), as the samples' PDF extraction varies both. */
    static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private static void expect(String sample, String... fieldsAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) values.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        EXPECTED.put(sample, values);
    }

    private static String recipient(Recipients.Phrase p) {
        String mapping = p.type() == null ? "?" : p.level() == null ? p.type().name() : p.type() + "/" + p.level();
        return (p.group() ? "组:" : "单位:") + p.name() + "=" + mapping;
    }

    private static String perActivity(ParsedNotice n, Function<Activities.Activity, String> detail) {
        return join(n.activities().stream()
                .filter(a -> detail.apply(a) != null)
                .map(a -> a.title().value() + "=" + detail.apply(a))
                .toList());
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? null : String.join(" | ", values);
    }

    private static <T> T value(Found<T> f) {
        return f == null ? null : f.value();
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }
}
