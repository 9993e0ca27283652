package cn.jinguo.org;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Level of a federation; declared from the top down, so a child's level must compare greater than its parent's. */
@Schema(
        description =
                "妇联层级 / federation level (only for FEDERATION): CITY 市级, DISTRICT 区县级, TOWNSHIP 乡镇(街道)级, VILLAGE 村(社区)级")
public enum FederationLevel {
    CITY,
    DISTRICT,
    TOWNSHIP,
    VILLAGE
}
