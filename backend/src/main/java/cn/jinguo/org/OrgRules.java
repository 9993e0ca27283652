package cn.jinguo.org;

import cn.jinguo.common.ApiException;

/**
 * Shape rules of the tree: levels only on federations, a federation sits under a shallower federation,
 * departments under a federation, nothing new under a closed org. Broken rules are 422.
 */
final class OrgRules {
    private OrgRules() {}

    /** Checks that an org of {@code type}/{@code level} may sit under {@code parent} (null for a root). */
    static void checkPlacement(Org parent, OrgType type, FederationLevel level) {
        checkTypeLevel(type, level);
        if (parent == null) return;
        if (!parent.active) throw ApiException.rule("ORG_PARENT_CLOSED", parent.name);
        if (type == OrgType.FEDERATION) {
            if (parent.type != OrgType.FEDERATION) throw ApiException.rule("ORG_FEDERATION_PARENT", parent.name);
            if (level.compareTo(parent.level) <= 0) throw ApiException.rule("ORG_LEVEL_BELOW_PARENT", parent.name);
        }
        if (type == OrgType.DEPARTMENT && parent.type != OrgType.FEDERATION) {
            throw ApiException.rule("ORG_DEPARTMENT_PARENT", parent.name);
        }
    }

    static void checkTypeLevel(OrgType type, FederationLevel level) {
        if (type == OrgType.FEDERATION && level == null) throw ApiException.rule("ORG_LEVEL_REQUIRED");
        if (type != OrgType.FEDERATION && level != null) throw ApiException.rule("ORG_LEVEL_ONLY_FOR_FEDERATION");
    }

    /**
     * Checks that a changed type/level still fits the org's direct children: federations below a federation
     * must stay deeper, and a non-federation cannot hold federations or departments.
     */
    static void checkChildrenFit(
            Org org,
            OrgType type,
            FederationLevel level,
            FederationLevel shallowestChildFederation,
            boolean hasDepartmentChild) {
        if (shallowestChildFederation != null
                && (type != OrgType.FEDERATION || shallowestChildFederation.compareTo(level) <= 0)) {
            throw ApiException.rule("ORG_CHILDREN_CONFLICT", org.name);
        }
        if (hasDepartmentChild && type != OrgType.FEDERATION)
            throw ApiException.rule("ORG_CHILDREN_CONFLICT", org.name);
    }
}
