package cn.jinguo.docimport;

import cn.jinguo.common.Messages;
import cn.jinguo.docimport.DocImportService.Source;
import cn.jinguo.docimport.ImportDtos.NoticeImport;
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

/**
 * 公文导入: a notice read from a .docx or text into a draft for the editor. One operation in three encodings; the
 * JSON and plain-body variants are the same operation in the API document.
 */
@Path("/v1/notices/import")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "发文 Notices")
public class NoticeImportResource {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Inject
    DocImportService service;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            operationId = "importNotice",
            summary = "公文导入 / import an official document as a notice draft",
            description = "读取一份通知（.docx，或 UTF-8/GB18030 文本），返回可载入起草表单的通知草稿，以及每个识别出的字段（值、把握程度 0–1、"
                    + "在规范化原文 text 中的位置）、主送单位（按类型层级，具体单位按名称匹配到调用者范围内的组织）、正文层次、列出的活动、"
                    + "附件名称和提示。不保存任何内容：编辑核对后用 POST /notices 保存。原文的发文字号只作参考，发布时由平台编号；"
                    + "未写时间的截止日期按北京时间 18:00。文件以表单字段 file 上传，也可直接以 text/plain 或 JSON {\"text\": …} 提交。"
                    + "需要在某个单位有 notice:write 权限。请求不超过 20 MB，文本不超过 50 万字（可配置）。"
                    + " / Reads a notice (.docx, or UTF-8/GB18030 text) and answers a draft for the notice editor, every"
                    + " value found (value, confidence 0–1, offsets into the normalised text), the 主送 recipients"
                    + " (groups by type and level; named orgs matched by name within the caller's scope), the outline,"
                    + " activities and attachments listed, and warnings. Nothing is saved: the editor saves the draft"
                    + " with POST /notices. The printed document number is kept for reference only (the platform"
                    + " numbers at publish); a deadline without a time of day is 18:00 Asia/Shanghai. Send the file as"
                    + " form field file, or the text as a text/plain body or JSON {\"text\": …}. Needs notice:write on"
                    + " some org. At most 20 MB per request and 500,000 characters of text (configurable).")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = MediaType.MULTIPART_FORM_DATA),
                @Content(
                        mediaType = MediaType.TEXT_PLAIN,
                        schema = @Schema(type = SchemaType.STRING),
                        example = "重庆市妇女联合会\n渝妇发〔2024〕5号\n关于开展2024年“三八”国际妇女节纪念活动的通知\n各区县（自治县）妇联：\n……"),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TextInput.class))
            })
    @APIResponse(
            responseCode = "200",
            description = "草稿及识别结果 / the draft and what was read",
            content = @Content(schema = @Schema(implementation = NoticeImport.class)))
    @APIResponse(responseCode = "400", description = "内容为空 / empty document")
    @APIResponse(responseCode = "403", description = "没有 notice:write 权限 / no notice:write anywhere")
    @APIResponse(
            responseCode = "413",
            description = "超过 20 MB、文本超过 50 万字，或 .docx 解压后过大（压缩炸弹）/ too large, too long, or a zip bomb")
    @APIResponse(
            responseCode = "415",
            description = "不是 .docx 或文本（如图片、PDF、.doc）/ not a .docx or text (an image, a PDF, a .doc)")
    public NoticeImport upload(
            @RestForm("file")
                    @Schema(
                            type = SchemaType.STRING,
                            format = "binary",
                            description = ".docx 或 .txt / a .docx or .txt file")
                    FileUpload file,
            HttpHeaders headers) {
        return service.importNotice(source(file), Messages.locale(headers));
    }

    /** The uploaded file of the multipart form (field {@code file}), or nothing when the form has none. */
    static Source source(FileUpload file) {
        return file == null || file.uploadedFile() == null
                ? Source.bytes(null)
                : Source.file(file.uploadedFile(), file.size());
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, DOCX})
    @Operation(hidden = true)
    public NoticeImport body(byte[] body, HttpHeaders headers) {
        return service.importNotice(Source.bytes(body), Messages.locale(headers));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public NoticeImport json(TextInput body, HttpHeaders headers) {
        return service.importNotice(Source.text(body == null ? null : body.text()), Messages.locale(headers));
    }
}
