package cn.jinguo.docimport;

import cn.jinguo.notice.NoticeDtos.NoticeInput;
import cn.jinguo.org.FederationLevel;
import cn.jinguo.org.OrgType;
import cn.jinguo.plan.PlanDtos.PlanInput;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the import API answers: drafts for the editors, with every value found, where, and how surely. */
public final class ImportDtos {
    private ImportDtos() {}

    private static final String SPAN = "start/end：在 text 中的位置（UTF-16 码元，不含 end，与 JavaScript 的 String.slice 相同）"
            + " / offsets into text, UTF-16 code units, end exclusive (as String.slice in JavaScript)";

    @Schema(
            name = "ImportTextInput",
            description = "以 JSON 提交的公文文本 / the document's text sent as JSON (text/plain and multipart also accepted)")
    public record TextInput(
            @Schema(required = true, example = "重庆市妇女联合会\n渝妇发〔2024〕5号\n关于开展2024年“三八”国际妇女节纪念活动的通知\n各区县（自治县）妇联：\n……")
                    String text) {}

    @Schema(name = "ImportField", description = "识别出的一个字段 / one value read from the text. " + SPAN)
    public record ImportField(
            @Schema(
                            required = true,
                            description = "字段名，与草稿对应（title、deadline、recipients[1]、sections[2]、activities[0].location、"
                                    + "requirements.video…）/ field name, as in the draft where it has one",
                            example = "deadline")
                    String field,
            @Schema(
                            required = true,
                            description = "值（字符串形式）/ the value as a string",
                            example = "2024-03-12T18:00+08:00")
                    String value,
            @Schema(required = true, description = "把握程度 0–1 / confidence 0–1", example = "0.85") double confidence,
            @Schema(required = true, example = "1502") int start,
            @Schema(required = true, example = "1507") int end,
            @Schema(
                            description = "如何得出（如未写时间按18:00）/ how the value was derived, when not plainly written",
                            example = "未写明时间，按北京时间 18:00 计")
                    String note) {}

    @Schema(name = "ImportWarning", description = "提示：需要编辑者注意之处 / something the editor should look at")
    public record ImportWarning(
            @Schema(required = true, example = "IMPORT_NOT_A_NOTICE") String code,
            @Schema(required = true, example = "没有找到标题、发文字号或主送单位，这段文字可能不是通知") String message) {}

    @Schema(
            name = "ImportDocNumber",
            description = "原文的发文字号（发布时由平台重新编号）/ the printed number; the platform numbers at publish")
    public record DocNumberView(
            @Schema(required = true, example = "渝妇发〔2024〕5号") String printed,
            @Schema(description = "机关代字（[2023-2] 式没有）/ issuer code, none for the bare [2023-2] form", example = "渝妇发")
                    String code,
            @Schema(required = true, example = "2024") int year,
            @Schema(required = true, example = "5") int serial) {}

    @Schema(name = "ImportOrgMatch", description = "按名称匹配到的调用者范围内的单位 / an org of the caller's tree matched by name")
    public record OrgMatch(
            @Schema(required = true, example = "25") String id,
            @Schema(required = true, example = "两江新区妇女联合会") String name) {}

    @Schema(
            name = "ImportRecipient",
            description = "主送中的一项：一类单位（各区县妇联）或一个具体单位 / one 主送 phrase: a group of orgs or one named org. " + SPAN)
    public record RecipientView(
            @Schema(required = true, description = "补全后的名称 / the name, completed", example = "两江新区妇联") String name,
            @Schema(required = true, description = "是否为一类单位 / a group rather than one org") boolean group,
            @Schema(description = "对应的组织类型（未识别为空）/ org type, null when not recognised") OrgType type,
            @Schema(description = "妇联层级 / federation level") FederationLevel level,
            @Schema(
                            required = true,
                            description = "具体单位按名称匹配到的组织（只在调用者范围内）/ orgs matched by name, only in the caller's scope")
                    List<OrgMatch> orgs,
            @Schema(required = true) double confidence,
            @Schema(required = true) int start,
            @Schema(required = true) int end) {}

    @Schema(name = "ImportActivity", description = "正文列出的活动 / an activity the text lists. " + SPAN)
    public record ActivityView(
            @Schema(required = true, example = "启动2024年寻找“最美家庭”活动") String title,
            @Schema(example = "和谐广场") String location,
            @Schema(description = "合作单位 / partners", example = "区委宣传部、区文明办") String partners,
            @Schema(required = true, description = "写明的日期 / dates written", example = "[\"2024-05-15\"]")
                    List<LocalDate> dates,
            @Schema(description = "所在部分的标题 / heading of the section it is listed in", example = "二、活动内容")
                    String section,
            @Schema(required = true) double confidence,
            @Schema(required = true) int start,
            @Schema(required = true) int end) {}

    @Schema(name = "ImportHeading", description = "正文的层次标题及编号 / a heading of the body with its numbering. " + SPAN)
    public record HeadingView(
            @Schema(
                            required = true,
                            description = "层次：1 一、 2 （一） 3 1. 4 （1） 5 一是 / level: 1 一、 2 （一） 3 1. 4 （1） 5 一是",
                            example = "1")
                    int level,
            @Schema(required = true, example = "一、活动内容") String heading,
            @Schema(required = true, description = "所在 draft.sections 的下标 / index into draft.sections", example = "2")
                    int section,
            @Schema(required = true) int start,
            @Schema(required = true) int end) {}

    @Schema(
            name = "NoticeImport",
            description = "公文导入的结果：可直接载入编辑表单的通知草稿（未保存），以及每个识别出的字段、位置和把握程度。"
                    + " / The import's result: a notice draft for the editor (nothing is saved), with every value found,"
                    + " where, and how surely. " + SPAN)
    public record NoticeImport(
            @Schema(required = true, description = "规范化后的原文，字段位置以此为准 / the normalised source the spans index into")
                    String text,
            @Schema(required = true, description = "草稿，可原样用于 POST /notices / the draft, as POST /notices takes it")
                    NoticeInput draft,
            @Schema(description = "原文的发文字号 / the printed document number") DocNumberView docNumber,
            @Schema(required = true) List<ImportField> fields,
            @Schema(required = true) List<RecipientView> recipients,
            @Schema(required = true) List<ActivityView> activities,
            @Schema(required = true) List<HeadingView> outline,
            @Schema(required = true, description = "附件说明中的附件名称，文件需另行上传 / attachments named; upload the files")
                    List<String> attachmentTitles,
            @Schema(required = true) List<ImportWarning> warnings) {}

    @Schema(
            name = "PlanImport",
            description = "方案导入的结果：可直接载入方案编辑表单的草稿（未保存）/ a plan draft for the plan editor; nothing is saved. " + SPAN)
    public record PlanImport(
            @Schema(required = true) String text,
            @Schema(required = true, description = "草稿，可原样用于 POST /plans / the draft, as POST /plans takes it")
                    PlanInput draft,
            @Schema(required = true) List<ImportField> fields,
            @Schema(required = true) List<ImportWarning> warnings) {}
}
