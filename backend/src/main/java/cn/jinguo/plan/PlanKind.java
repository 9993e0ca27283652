package cn.jinguo.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a plan is, from its notice and receipt: a filing in answer to a notice the org received, the issuer's own plan
 * carried by its notice, or a plan of the org's own filed with its parent.
 */
@Schema(
        description = "方案类型 / kind of plan: ANSWER 答复收到的通知并向发文单位备案, ISSUER 发文单位随通知印发的方案（不备案，收文单位可阅）,"
                + " STANDALONE 本单位自己的方案（如年度工作计划），向上级备案")
public enum PlanKind {
    ANSWER,
    ISSUER,
    STANDALONE
}
