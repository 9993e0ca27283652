package cn.jinguo.org;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                """
        组织类型 / organization type: FEDERATION 妇联, WORK_COMMITTEE 机关/系统妇委会·妇工委,
        ENTERPRISE 企事业单位妇女组织, DEPARTMENT 内设部室, SOCIAL 女性社会组织""")
public enum OrgType {
    FEDERATION,
    WORK_COMMITTEE,
    ENTERPRISE,
    DEPARTMENT,
    SOCIAL
}
