package cn.jinguo.org;

import cn.jinguo.org.OrgDtos.OrgView;
import java.util.List;

final class OrgMapper {
    private OrgMapper() {}

    static OrgView view(Org o, long childCount, List<OrgAction> actions) {
        return new OrgView(
                o.id.toString(),
                o.code,
                o.name,
                o.shortName,
                o.type,
                o.level,
                o.parentId == null ? null : o.parentId.toString(),
                o.depth,
                o.sortOrder,
                o.contactPerson,
                o.contactPhone,
                o.contactEmail,
                o.openedOn,
                o.closedOn,
                o.active,
                childCount,
                actions,
                o.version);
    }
}
