package cn.jinguo.docimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plans read from the samples: the hand-read parts, items and targets of sample 002, and sample 004's attachment. */
class PlanParserTest {

    private static ParsedPlan sample(String name) throws IOException {
        return PlanParser.parse(NoticeParser.normalise(NoticeParserAccuracyTest.read("demo/samples/" + name)), 2000);
    }

    @Test
    void theDistrictWorkPlanIsAnAnnualPlanOfFivePartsWithItsTargets() throws IOException {
        ParsedPlan p = sample("002_d13e1b89eb259ffd.txt");
        assertEquals("区妇联2024年工作思路", p.title().value());
        assertEquals(LocalDate.of(2024, 1, 1), p.periodStart().value());
        assertEquals(LocalDate.of(2024, 12, 31), p.periodEnd().value());
        assertNull(p.theme(), "the plan states no theme of its own");

        // The opening paragraph (五大体系) is the plan's text; the five parts are its items.
        assertEquals(1, p.sections().size());
        assertNull(p.sections().get(0).heading());
        assertTrue(p.sections().get(0).html().startsWith("<p>2024年**区妇联将以习近平新时代中国特色社会主义思想"));
        assertTrue(p.sections().get(0).html().contains("组织活力提升等五大体系上下功夫"));

        String one = "（一）强化引领，唱响“巾帼心向党”主旋律";
        String two = "（二）聚焦主业，服务妇女儿童家庭不懈怠";
        String three = "（三）抓住重点，围绕中心大局工作不偏离";
        String four = "（四）突出主责，提升倾情服务能力不放松";
        String five = "（五）夯实基础，持续强化自身建设不停步";
        assertEquals(
                List.of(
                        one + " / 强化引领，唱响“巾帼心向党”主旋律",
                        two + " / 注重家庭家教家风，促进基层德治",
                        two + " / 注重巾帼志愿服务，促进基层自治",
                        two + " / 注重妇儿权益维护，促进基层法治",
                        two + " / 完善三支巾帼队伍",
                        three + " / 抓住重点，围绕中心大局工作不偏离",
                        four + " / 加大关心关爱力度",
                        four + " / 确保各级儿童活动（服务）中心规范运行",
                        four + " / 高质量完成**妇女儿童“十三五”规划，高水平编制“十四五”规划",
                        five + " / 夯实基础，持续强化自身建设不停步",
                        five + " / 打造50家示范型姐妹驿站"),
                p.items().stream()
                        .map(i -> i.section() + " / " + i.title().value())
                        .toList());

        ParsedPlan.Item stations = p.items().get(10);
        assertEquals(new BigDecimal("50"), stations.target().value());
        assertEquals("家", stations.targetUnit());
        assertEquals(LocalDate.of(2024, 1, 1), stations.startsOn().value());
        assertEquals(LocalDate.of(2026, 12, 31), stations.endsOn().value(), "三年时间 from 2024");
        assertTrue(stations.description().contains("重点开展“姐妹牵手相约驿站”专项行动"));
        assertNull(stations.partners(), "“姐妹牵手 相约驿站” names an action, not a partner");
        assertFalse(p.items().get(9).description().contains("打造50家"), "the target sentence moved to its own item");

        ParsedPlan.Item teams = p.items().get(4);
        assertEquals(new BigDecimal("3"), teams.target().value());
        assertEquals("支", teams.targetUnit());
        assertNull(teams.endsOn());

        assertEquals("慈善总会", p.items().get(6).partners().value());
        assertTrue(p.items().get(1).description().startsWith("主要三个方面：承办宁波市第七届家庭文化艺术节"));
        assertEquals(
                2,
                p.items().stream().filter(i -> i.target() != null).count(),
                "五大体系, 三篇文章, 三百行动 and 三级联动 are not targets");
    }

    @Test
    void aTargetWithItsPeriod() {
        ParsedPlan p = PlanParser.parse(
                NoticeParser.normalise("区妇联2025年工作计划\n一、重点工作\n（一）建强阵地。三年内建成50个姐妹驿站，年内培训妇联干部300人次。"), 2000);
        ParsedPlan.Item stations = p.items().get(1);
        assertEquals("建成50个姐妹驿站", stations.title().value());
        assertEquals(new BigDecimal("50"), stations.target().value());
        assertEquals("个", stations.targetUnit());
        assertEquals(LocalDate.of(2025, 1, 1), stations.startsOn().value());
        assertEquals(LocalDate.of(2027, 12, 31), stations.endsOn().value());
        assertEquals("一、重点工作", stations.section());
        ParsedPlan.Item training = p.items().get(2);
        assertEquals("培训妇联干部300人次", training.title().value());
        assertEquals(new BigDecimal("300"), training.target().value());
        assertEquals("人次", training.targetUnit());
        assertNull(training.endsOn(), "年内 gives no number of years");
        assertEquals("建强阵地", p.items().get(0).title().value());
        assertNull(p.items().get(0).description(), "its only sentence became the two target items");
    }

    @Test
    void aPlanSentAsTheAttachmentOfANoticeIsReadFromTheAttachment() throws IOException {
        ParsedPlan p = sample("004_0c161144d52710bd.txt");
        assertEquals("关于开展2023年“巾帼心向党 奋进新征程”“三八”国际妇女节系列活动方案", p.title().value());
        assertEquals("巾帼心向党 奋进新征程", p.theme().value());
        assertNull(p.periodStart(), "not an annual plan");
        assertEquals(
                java.util.Arrays.asList(null, "一、指导思想", "三、工作要求"),
                p.sections().stream()
                        .map(s -> s.heading() == null ? null : s.heading().value())
                        .toList());
        assertEquals(
                List.of(
                        "围绕争做“六型干部”，开展全市妇联系统的“三项”技能竞赛活动",
                        "开展纪念“三八”节妇女代表座谈活动",
                        "开展“三八”妇女维权周活动",
                        "开展“三八”节文艺赛事活动",
                        "开展特殊困难群体的关心关爱活动"),
                p.items().stream().map(i -> i.title().value()).toList());
        assertTrue(p.items().stream().allMatch(i -> i.section().equals("二、主要活动")));
        assertTrue(p.items().get(1).description().contains("或组织部分主要领导家属"));
    }
}
