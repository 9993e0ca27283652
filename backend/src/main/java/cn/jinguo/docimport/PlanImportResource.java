package cn.jinguo.docimport;

import cn.jinguo.common.Messages;
import cn.jinguo.docimport.DocImportService.Source;
import cn.jinguo.docimport.ImportDtos.PlanImport;
import cn.jinguo.docimport.ImportDtos.TextInput;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** 方案导入: an activity plan or annual work plan read from a .docx or text into a draft for the plan editor. */
@Path("/v1/plans/import")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "活动方案 Plans")
public class PlanImportResource {
    @Inject
    DocImportService service;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            operationId = "importPlan",
            summary = "方案导入 / import a plan document as a plan draft",
            description = "读取活动方案或年度工作计划（工作思路、工作要点），返回可载入方案编辑表单的草稿：正文各节（指导思想、工作要求等），"
                    + "活动与工作项（按编号或“一是……”拆分，写明数量目标的如“三年内建成50个姐妹驿站”单列为带目标和期限的项），年度计划的起止日期；"
                    + "随通知印发的方案从附件部分读起。每个识别出的字段附把握程度和在 text 中的位置。不保存任何内容：用 POST /plans 保存。"
                    + "调用者只在一个单位有 plan:write 时填入该单位。需要在某个单位有 plan:write 权限；限制同公文导入。"
                    + " / Reads an activity plan or an annual work plan and answers a draft for the plan editor: text"
                    + " sections, items (by numbering or 一是…, a sentence with a numeric target such as 三年内建成50个姐妹驿站"
                    + " becoming its own item with target and period), and an annual plan's period; a plan carried as a"
                    + " notice's attachment is read from the attachment on. Every value comes with confidence and offsets"
                    + " into text. Nothing is saved: save with POST /plans. orgId is filled when the caller has plan:write"
                    + " in exactly one org. Needs plan:write on some org; limits as for the notice import.")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = MediaType.MULTIPART_FORM_DATA),
                @Content(
                        mediaType = MediaType.TEXT_PLAIN,
                        schema = @Schema(type = SchemaType.STRING),
                        example = "区妇联2024年工作思路\n……\n（五）夯实基础，持续强化自身建设不停步\n……计划通过三年时间打造50家示范型姐妹驿站。"),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TextInput.class))
            })
    @APIResponse(
            responseCode = "200",
            description = "草稿及识别结果 / the draft and what was read",
            content = @Content(schema = @Schema(implementation = PlanImport.class)))
    @APIResponse(responseCode = "400", description = "内容为空 / empty document")
    @APIResponse(responseCode = "403", description = "没有 plan:write 权限 / no plan:write anywhere")
    @APIResponse(
            responseCode = "413",
            description = "超过 20 MB、文本超过 50 万字，或 .docx 解压后过大（压缩炸弹）/ too large, too long, or a zip bomb")
    @APIResponse(
            responseCode = "415",
            description = "不是 .docx 或文本（如图片、PDF、.doc）/ not a .docx or text (an image, a PDF, a .doc)")
    public PlanImport upload(
            @RestForm("file")
                    @Schema(
                            type = SchemaType.STRING,
                            format = "binary",
                            description = ".docx 或 .txt / a .docx or .txt file")
                    FileUpload file,
            HttpHeaders headers) {
        return service.importPlan(NoticeImportResource.source(file), Messages.locale(headers));
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, NoticeImportResource.DOCX})
    @Operation(hidden = true)
    public PlanImport body(byte[] body, HttpHeaders headers) {
        return service.importPlan(Source.bytes(body), Messages.locale(headers));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public PlanImport json(TextInput body, HttpHeaders headers) {
        return service.importPlan(Source.text(body == null ? null : body.text()), Messages.locale(headers));
    }
}
