package cn.jinguo.docimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.org.FederationLevel;
import cn.jinguo.org.OrgType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The written forms the parser reads one by one: document numbers, dates, numbering, 主送 phrases, odd input. */
class NoticeParserFormsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "渝妇发〔2024〕5号 | 渝妇发〔2024〕5号 | 渝妇发 | 2024 | 5",
                "阳妇发〔2023〕3号 | 阳妇发〔2023〕3号 | 阳妇发 | 2023 | 3",
                "渝妇发[2024]5号 | 渝妇发〔2024〕5号 | 渝妇发 | 2024 | 5",
                "渝妇发(2024)5号 | 渝妇发〔2024〕5号 | 渝妇发 | 2024 | 5",
                "渝妇发（2024）12号 | 渝妇发〔2024〕12号 | 渝妇发 | 2024 | 12",
                "渝妇发【2024】第05号 | 渝妇发〔2024〕5号 | 渝妇发 | 2024 | 5",
                "渝中妇发 〔 2024 〕 7 号 | 渝中妇发〔2024〕7号 | 渝中妇发 | 2024 | 7",
                "[2023-2] | [2023-2] | | 2023 | 2",
                "〔2023-2〕 | [2023-2] | | 2023 | 2",
                "（2023－12） | [2023-12] | | 2023 | 12",
                "(2023-2) | [2023-2] | | 2023 | 2"
            })
    void documentNumbersInEveryBracketForm(String printed, String canonical, String code, int year, int serial) {
        DocNumber d = DocNumber.find(printed);
        assertNotNull(d, printed);
        assertEquals(canonical, d.printed());
        assertEquals(code, d.code());
        assertEquals(year, d.year());
        assertEquals(serial, d.serial());
    }

    @Test
    void notEveryBracketedYearIsADocumentNumber() {
        assertNull(DocNumber.find("2024年5号"));
        assertNull(DocNumber.find("〔2023〕"));
        assertNull(DocNumber.find("第113个“三八”国际妇女节"));
    }

    @Test
    void theHeaderNumberIsTakenNotOneCitedInTheBody() {
        ParsedNotice n =
                parse("毕节市妇女联合会\n渝妇发〔2024〕5号 签发人：王丽\n关于开展活动的通知\n各区县妇联：\n" + "认真贯彻落实《关于印发〈方案〉的通知》（毕委办字〔2023〕1号）文件要求。");
        assertEquals("渝妇发〔2024〕5号", n.docNumber().value().printed());
        assertNull(parse("各区县妇联：\n认真贯彻落实（毕委办字〔2023〕1号）文件要求。").docNumber());
    }

    @Test
    void datesWithAndWithoutYearInDigitsAndChineseNumerals() {
        Dates.Mention full = Dates.standalone("二〇二四年二月二十六日");
        assertEquals(LocalDate.of(2024, 2, 26), full.resolve(full.year(), null));
        Dates.Mention printed = Dates.standalone("2023年2月15日印发");
        assertEquals(LocalDate.of(2023, 2, 15), printed.resolve(printed.year(), null));
        assertNull(Dates.standalone("2024年2月20日召开大会"), "a date in a sentence is not a date line");

        List<Dates.Mention> in = Dates.in("将在“5.15”国际家庭日揭晓，十二月三十一日前完成，2月30日不存在", 0, 30);
        assertEquals(
                List.of(LocalDate.of(2024, 5, 15), LocalDate.of(2024, 12, 31)),
                in.stream()
                        .map(m -> m.resolve(2024, null))
                        .filter(d -> d != null)
                        .toList());
        assertTrue(Dates.in("“10·30”重要讲话，“14510”总体思路，1.5万人，LED屏", 0, 30).isEmpty());
        assertEquals(
                LocalDate.of(2024, 3, 8),
                Dates.in("“三八”国际妇女节当天，全市联动", 0, 15).get(0).resolve(2024, null));
    }

    @Test
    void deadlinesResolveAgainstTheDocumentsYearAt1800UnlessATimeIsWritten() {
        assertEquals(
                OffsetDateTime.parse("2024-03-10T18:00+08:00"),
                parse("各区县妇联：\n请于3月10日前将活动信息报送区妇联。\n重庆市妇女联合会\n2024年2月26日")
                        .deadline()
                        .value());
        assertEquals(
                OffsetDateTime.parse("2024-03-12T18:00+08:00"),
                parse("各区县妇联：\n活动情况3月12日前报送市妇联宣传部。\n二〇二四年二月二十六日").deadline().value());
        Found<OffsetDateTime> timed =
                parse("各区县妇联：\n请于3月10日下午5点前报送。\n2024年2月26日").deadline();
        assertEquals(LocalTime.of(17, 0), timed.value().toLocalTime());
        assertNull(timed.note(), "no note when the time is written");
        assertEquals(
                "IMPORT_NOTE_DEADLINE_TIME",
                parse("各区县妇联：\n请于3月10日前报送。\n2024年2月26日").deadline().note().key());
        assertEquals(
                OffsetDateTime.parse("2024-01-10T17:30+08:00"),
                parse("各区县妇联：\n请于1月10日17:30前报送。\n2023年12月20日").deadline().value(),
                "a January deadline of a December notice is in the next year");
    }

    @Test
    void aPlanToFileAndItsDeadline() {
        ParsedNotice n = parse("各区县妇联：\n请于3月1日前将活动方案报送市妇联备案，3月20日前报送活动情况。\n2024年2月26日");
        assertEquals(Boolean.TRUE, n.planRequired().value());
        assertEquals(
                OffsetDateTime.parse("2024-03-01T18:00+08:00"), n.planDeadline().value());
        assertEquals(
                OffsetDateTime.parse("2024-03-20T18:00+08:00"), n.deadline().value());
    }

    @Test
    void attachmentsListedOnOneLineOrSeveral() {
        ParsedNotice several = parse("各区县妇联：\n请认真组织。\n附件：1.活动报名表\n2.2024年活动统计表（第3.1版）\n重庆市妇女联合会\n2024年2月26日");
        assertEquals(
                List.of("活动报名表", "2024年活动统计表（第3.1版）"),
                several.attachments().stream().map(Found::value).toList());
        Found<String> second = several.attachments().get(1);
        assertEquals(second.value(), several.text().substring(second.start(), second.end()));
        ParsedNotice oneLine = parse("各区县妇联：\n请认真组织。\n附件：1. 活动报名表 2. 活动统计表\n二〇二四年二月二十六日");
        assertEquals(
                List.of("活动报名表", "活动统计表"),
                oneLine.attachments().stream().map(Found::value).toList());
        assertEquals(LocalDate.of(2024, 2, 26), oneLine.signedOn().value());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "一、指导思想 | CHINESE | 1 | 1",
                "十二、工作要求 | CHINESE | 12 | 1",
                "（一）举办仪式 | CHINESE_PAREN | 1 | 2",
                "(三)营造氛围 | CHINESE_PAREN | 3 | 2",
                "1.活动报名表 | ARABIC | 1 | 3",
                "2、活动统计表 | ARABIC | 2 | 3",
                "2.2024年活动统计表 | ARABIC | 2 | 3",
                "（1）报送材料 | ARABIC_PAREN | 1 | 4",
                "(12)报送材料 | ARABIC_PAREN | 12 | 4"
            })
    void numberingLevels(String line, Numbering kind, int number, int level) {
        Numbering.Marker m = Numbering.leading(line);
        assertEquals(kind, m.kind());
        assertEquals(number, m.number());
        assertEquals(level, m.kind().level);
    }

    @Test
    void notNumbering() {
        assertNull(Numbering.leading("5.15国际家庭日"));
        assertNull(Numbering.leading("一是加强理论武装。"));
        assertNull(Numbering.leading("十八届六中全会"));
        assertNull(Numbering.leading("2024年是"));
    }

    @Test
    void enumerationsRunIntoTheTextCountUpFromOne() {
        String text = "主要三个方面：一是注重家庭。二是注重志愿服务。三要维护权益，做好三要素。";
        List<Numbering.Marker> markers = Numbering.inline(text, 0, text.length());
        assertEquals(
                List.of(1, 2, 3), markers.stream().map(Numbering.Marker::number).toList());
        assertEquals(Numbering.INLINE, markers.get(0).kind());
        assertEquals(5, Numbering.INLINE.level);
        assertTrue(Numbering.inline("二是没有一是。", 0, 7).isEmpty(), "a run starts at 一");
    }

    @Test
    void mainToPhrasesMapToOrgTypesAndLevels() {
        List<Recipients.Phrase> p = Recipients.read(
                "各区县（自治县）妇联，两江新区、万盛经开区妇联，各市级机关妇委会（妇工委、系统妇联），各乡镇（街道）、村（社区）妇联，" + "市妇联机关各部（室），国省民营企业事业单位妇女组织", 0);
        assertEquals(
                List.of(
                        "各区县（自治县）妇联",
                        "两江新区妇联",
                        "万盛经开区妇联",
                        "各市级机关妇委会（妇工委、系统妇联）",
                        "各乡镇（街道）妇联",
                        "村（社区）妇联",
                        "市妇联机关各部（室）",
                        "国省民营企业事业单位妇女组织"),
                p.stream().map(Recipients.Phrase::name).toList());
        assertPhrase(p.get(0), true, OrgType.FEDERATION, FederationLevel.DISTRICT);
        assertPhrase(p.get(1), false, OrgType.FEDERATION, FederationLevel.DISTRICT);
        assertPhrase(p.get(3), true, OrgType.WORK_COMMITTEE, null);
        assertPhrase(p.get(4), true, OrgType.FEDERATION, FederationLevel.TOWNSHIP);
        assertPhrase(p.get(5), false, OrgType.FEDERATION, FederationLevel.VILLAGE);
        assertPhrase(p.get(6), true, OrgType.DEPARTMENT, null);
        assertPhrase(p.get(7), true, OrgType.ENTERPRISE, null);
        assertEquals(
                "两江新区",
                "各区县（自治县）妇联，两江新区、万盛经开区妇联".substring(p.get(1).start(), p.get(1).end()));
    }

    @Test
    void pdfExtractionIsUndone() {
        String raw = " 各区县妇联：  为深入学习贯彻重要讲话精神，隆重纪念“三八”国际妇女节 ...\n各区县妇联：\n\n为深入学习贯彻重要讲话精神，隆重纪念\n\n"
                + "“三八”国际妇女节 114 周年，开展主题为“巾帼心向党 奋进新征程”的活动。\n一、活动内容\n";
        String text = NoticeParser.normalise(raw);
        assertEquals("各区县妇联：\n为深入学习贯彻重要讲话精神，隆重纪念“三八”国际妇女节114周年，开展主题为“巾帼心向党 奋进新征程”的活动。\n一、活动内容", text);
    }

    @Test
    void textThatIsNoNoticeGivesWhatItHasAndNoException() {
        ParsedNotice n = parse("今天天气很好，我们去公园散步。");
        assertFalse(n.looksLikeNotice());
        assertNull(n.title());
        Random random = new Random(20240308);
        String alphabet = "一二三四五六七八九十（）()、，。：:；“”《》〔〕[]-—0123456789年月日号前妇联各区县主送关于通知附件\n 　.．";
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(400); j > 0; j--) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String text = NoticeParser.normalise(s.toString());
            ParsedNotice parsed = NoticeParser.parse(text, 2024);
            parsed.fields()
                    .forEach(f -> assertTrue(f.found().start() >= 0 && f.found().end() <= text.length()));
            PlanParser.parse(text, 2024);
        }
    }

    @Test
    void pathologicalTextsAreReadInLinearTime() {
        List<String> texts = List.of(
                "a".repeat(500_000),
                ".".repeat(499_999) + "x\n" + "正文",
                "方案".repeat(250_000),
                "x@".repeat(250_000),
                "二、活动内容\n（一）开展活动\n" + "“在某地举行活动”".repeat(50_000),
                "二、活动内容\n" + "（一）开展活动。\n".repeat(50_000) + "市妇联将召开大会。".repeat(1000),
                "各区县妇联：\n" + "1.附件\n".repeat(60_000));
        for (String raw : texts) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                String text = NoticeParser.normalise(raw);
                NoticeParser.parse(text, 2024).fields();
                PlanParser.parse(text, 2024).fields();
            });
        }
    }

    private static void assertPhrase(Recipients.Phrase p, boolean group, OrgType type, FederationLevel level) {
        assertEquals(group, p.group(), p.name());
        assertEquals(type, p.type(), p.name());
        assertEquals(level, p.level(), p.name());
    }

    private static ParsedNotice parse(String text) {
        return NoticeParser.parse(NoticeParser.normalise(text), 2024);
    }
}
