package cn.jinguo.org;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Chinese labels accepted in import files (and the enum names), mapped to types and levels. */
final class OrgLabels {
    private static final Map<String, OrgType> TYPES = new HashMap<>();
    private static final Map<String, FederationLevel> LEVELS = new HashMap<>();

    static {
        for (OrgType t : OrgType.values()) TYPES.put(t.name(), t);
        for (String s : new String[] {"妇联", "妇女联合会"}) TYPES.put(s, OrgType.FEDERATION);
        for (String s : new String[] {"机关妇委会", "妇委会", "妇工委", "系统妇联", "机关/系统妇委会·妇工委", "机关妇委会（妇工委）"}) {
            TYPES.put(s, OrgType.WORK_COMMITTEE);
        }
        for (String s : new String[] {"企事业单位妇女组织", "企业妇女组织", "企业妇委会"}) TYPES.put(s, OrgType.ENTERPRISE);
        for (String s : new String[] {"内设部室", "部室", "部门"}) TYPES.put(s, OrgType.DEPARTMENT);
        for (String s : new String[] {"女性社会组织", "社会组织"}) TYPES.put(s, OrgType.SOCIAL);
        for (FederationLevel l : FederationLevel.values()) LEVELS.put(l.name(), l);
        for (String s : new String[] {"市级", "市"}) LEVELS.put(s, FederationLevel.CITY);
        for (String s : new String[] {"区县级", "区县", "区", "县"}) LEVELS.put(s, FederationLevel.DISTRICT);
        for (String s : new String[] {"乡镇（街道）级", "乡镇(街道)级", "乡镇级", "乡镇", "街道", "镇", "乡"})
            LEVELS.put(s, FederationLevel.TOWNSHIP);
        for (String s : new String[] {"村（社区）级", "村(社区)级", "村级", "社区级", "村", "社区"})
            LEVELS.put(s, FederationLevel.VILLAGE);
    }

    private OrgLabels() {}

    static OrgType type(String label) {
        OrgType t = TYPES.get(label.trim().toUpperCase(Locale.ROOT));
        return t != null ? t : TYPES.get(label.trim());
    }

    static FederationLevel level(String label) {
        FederationLevel l = LEVELS.get(label.trim().toUpperCase(Locale.ROOT));
        return l != null ? l : LEVELS.get(label.trim());
    }
}
