package cn.jinguo.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.notice.NoticeDtos.NoticeInput;
import cn.jinguo.notice.NoticeDtos.Section;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The demo notices keep the samples' own words: their titles and key phrases are in {@value DemoNotices#RESOURCE},
 * and every heading and paragraph there is text of its sample (compared without whitespace, which the samples'
 * PDF extraction scatters, and without its ** emphasis marks). A plain unit test: no application needed.
 */
class DemoNoticesTextTest {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** Per sample: phrases taken from the sample that the demo notice must carry (title first). */
    private static final Map<String, List<String>> KEY_PHRASES = new LinkedHashMap<>();

    static {
        KEY_PHRASES.put(
                "000_e58218c4f3447d51.txt",
                List.of(
                        "组织开展2024年“三八”节活动",
                        "添彩xx 巾帼建功行",
                        "各乡镇（街道）妇联、区级各部门妇委（代）会",
                        "春风送岗",
                        "召开区妇联八届三次执委会",
                        "3月10日前将活动信息、图片通过协同报送至区妇联收文员曹倩处"));
        KEY_PHRASES.put(
                "001_9759484eb8eccdb6.txt",
                List.of(
                        "重庆市妇女联合会 关于开展2024年“三八”国际妇女节 纪念活动的通知",
                        "各区县（自治县）妇联，两江新区、西部科学城重庆高新区、万盛经开区妇联，各市级机关妇委会（妇工委、系统妇联）",
                        "跟党走奋进新征程 巾帼建功新时代",
                        "全城致敬最美的她",
                        "图片、视频、活动稿件、新媒体产品等",
                        "请于3月12日前及时报送市妇联宣传部",
                        "莫海舟",
                        "67125371",
                        "cqflxcb@163.com"));
        KEY_PHRASES.put(
                "002_d13e1b89eb259ffd.txt", List.of("区妇联2024年工作思路", "五大体系", "唱响“巾帼心向党”主旋律", "姐妹牵手相约驿站", "“六有”妇联干部"));
        KEY_PHRASES.put(
                "003_f0c2e99a7f78b697.txt",
                List.of(
                        "关于开展2023年“三八”国际妇女节 纪念活动的通知",
                        "各县（区）妇联、市直各单位妇女组织、国省民营企业事业单位妇女组织",
                        "巾帼心向党·奋进新征程",
                        "漾泉巾帼红",
                        "请及时报送市妇联宣教部",
                        "yqflxjb@163.com"));
        KEY_PHRASES.put(
                "004_0c161144d52710bd.txt",
                List.of(
                        "关于开展2023年“巾帼心向党 奋进新征程” “三八”国际妇女节系列活动方案的通知",
                        "各县（市、区）妇联，市直各单位妇联（妇委会、妇女小组），市妇联机关各部（室）",
                        "争做“六型干部”",
                        "把活动计划报市妇联备案",
                        "将信息报市妇联办公室"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Text as compared: no whitespace, no ** marks, HTML reduced to its text. */
    private static String normalized(String text) {
        return Jsoup.parse(text).text().replace("**", "").replaceAll("\\s+", "");
    }

    private static String noticeText(NoticeInput n) {
        List<String> parts = new ArrayList<>(List.of(n.title()));
        for (String s : new String[] {n.theme(), n.mainTo(), n.contactPerson(), n.contactPhone(), n.contactEmail()}) {
            if (s != null) parts.add(s);
        }
        for (Section s : n.sections()) {
            if (s.heading() != null) parts.add(s.heading());
            parts.add(s.html());
        }
        return normalized(String.join("\n", parts));
    }

    @Test
    void everySampleIsADemoNoticeCarryingItsTitleAndKeyPhrases() throws IOException {
        DemoNotices.Catalog catalog = DemoNotices.catalog(JSON);
        Map<String, NoticeInput> bySample = catalog.notices().stream()
                .collect(Collectors.toMap(DemoNotices.Sample::sample, DemoNotices.Sample::notice));
        assertEquals(KEY_PHRASES.keySet(), bySample.keySet(), "one demo notice per sample");
        for (var e : KEY_PHRASES.entrySet()) {
            String sample = normalized(resource("demo/samples/" + e.getKey()));
            String notice = noticeText(bySample.get(e.getKey()));
            for (String phrase : e.getValue()) {
                String p = normalized(phrase);
                assertTrue(sample.contains(p), e.getKey() + " itself says " + phrase);
                assertTrue(notice.contains(p), e.getKey() + "'s demo notice says " + phrase);
            }
        }
    }

    @Test
    void everyHeadingAndParagraphIsTheSamplesOwnText() throws IOException {
        for (DemoNotices.Sample s : DemoNotices.catalog(JSON).notices()) {
            String sample = normalized(resource("demo/samples/" + s.sample()));
            assertTrue(s.placement() != null && !s.placement().isBlank(), s.key() + " says where it is placed");
            List<String> texts = new ArrayList<>();
            for (Section section : s.notice().sections()) {
                if (section.heading() != null) texts.add(section.heading());
                Jsoup.parse(section.html()).select("p").forEach(p -> texts.add(p.text()));
            }
            assertTrue(texts.size() > 3, s.key() + " has a body");
            for (String text : texts) {
                assertTrue(sample.contains(normalized(text)), s.key() + ": not in " + s.sample() + ": " + text);
            }
        }
    }
}
