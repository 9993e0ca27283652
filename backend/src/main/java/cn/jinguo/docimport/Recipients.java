package cn.jinguo.docimport;

import cn.jinguo.org.FederationLevel;
import cn.jinguo.org.OrgType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 主送 line read as recipients: split at 、，； outside brackets, a shared suffix handed to the names before it
 * (“两江新区、万盛经开区妇联” → 两江新区妇联, 万盛经开区妇联), each phrase mapped to an org type and federation
 * level. Phrases with 各/全/所有/单位 describe a group (“各乡镇（街道）妇联”); the others name one org.
 */
final class Recipients {
    private static final Pattern SUFFIX = Pattern.compile("(妇女联合会|妇联|妇委会|妇工委|妇女组织|妇女委员会|妇女工作委员会)$");
    private static final Pattern COMPLETE = Pattern.compile("(联合会|妇联|会|委|组织|室|部|小组|单位)$");
    private static final Pattern TRAILING_NOTE = Pattern.compile("[（(][^（()）]*[）)]$");
    private static final Pattern GROUP = Pattern.compile("各|全|所有|单位|系统");
    private static final Pattern DEPARTMENT = Pattern.compile("妇联机关|各部[（(]室[）)]|各部室|内设");
    private static final Pattern ENTERPRISE = Pattern.compile("企业|公司|企事业|非公");
    private static final Pattern SOCIAL = Pattern.compile("社会组织");
    private static final Pattern WORK_COMMITTEE = Pattern.compile("妇委|妇工委|机关|部门|[市区县]直|系统|单位|妇女组织|妇女小组");
    private static final Pattern FEDERATION = Pattern.compile("妇联|妇女联合会");

    /** One recipient phrase: a group (type/level) or a named org; {@code name} completes a shortened name. */
    record Phrase(String name, boolean group, OrgType type, FederationLevel level, int start, int end) {}

    private Recipients() {}

    /** The phrases of {@code mainTo}; {@code offset} is where it starts in the source text. */
    static List<Phrase> read(String mainTo, int offset) {
        List<Phrase> out = new ArrayList<>();
        for (int[] clause : Splitter.split(mainTo, 0, mainTo.length(), "，,；;")) {
            List<int[]> names = Splitter.split(mainTo, clause[0], clause[1], "、");
            String shared = sharedSuffix(mainTo, names);
            for (int[] n : names) {
                String printed = mainTo.substring(n[0], n[1]);
                String name = complete(printed) || shared == null ? printed : printed + shared;
                out.add(classify(name, offset + n[0], offset + n[1]));
            }
        }
        return out;
    }

    /** The org word ending the last name, when names before it lack one (“两江新区、…、万盛经开区妇联”). */
    private static String sharedSuffix(String s, List<int[]> names) {
        if (names.size() < 2) return null;
        int[] last = names.get(names.size() - 1);
        Matcher m = SUFFIX.matcher(s.substring(last[0], last[1]));
        return m.find() ? m.group(1) : null;
    }

    /** Whether a name ends in an org word, a bracketed note aside (“各市级机关妇委会（妇工委）” yes, “各乡镇（街道）” no). */
    private static boolean complete(String name) {
        return COMPLETE.matcher(TRAILING_NOTE.matcher(name).replaceFirst("")).find();
    }

    private static Phrase classify(String name, int start, int end) {
        boolean group = GROUP.matcher(name).find();
        OrgType type = type(name);
        FederationLevel level = type == OrgType.FEDERATION ? level(name) : null;
        return new Phrase(name, group, type, level, start, end);
    }

    private static OrgType type(String name) {
        if (DEPARTMENT.matcher(name).find()) return OrgType.DEPARTMENT;
        if (ENTERPRISE.matcher(name).find()) return OrgType.ENTERPRISE;
        if (SOCIAL.matcher(name).find()) return OrgType.SOCIAL;
        if (WORK_COMMITTEE.matcher(name).find()) return OrgType.WORK_COMMITTEE;
        if (FEDERATION.matcher(name).find()) return OrgType.FEDERATION;
        return null;
    }

    private static FederationLevel level(String name) {
        if (name.contains("村") || name.contains("社区")) return FederationLevel.VILLAGE;
        if (name.contains("乡") || name.contains("镇") || name.contains("街道")) return FederationLevel.TOWNSHIP;
        if (name.contains("区") || name.contains("县") || name.contains("旗")) return FederationLevel.DISTRICT;
        if (name.contains("市")) return FederationLevel.CITY;
        return null;
    }
}
