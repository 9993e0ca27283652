package cn.jinguo.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, with a stable {@code code} and per-field errors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description = "RFC 9457 问题详情 / problem details. `code` is stable; `title` and `detail` follow Accept-Language.",
        example =
                """
                {"type":"urn:jinguo:problem:org-code-taken","title":"冲突","status":409,
                 "detail":"组织编码“500103”已被使用","code":"ORG_CODE_TAKEN"}""")
public record Problem(
        @Schema(
                        required = true,
                        description = "URI identifying the problem type",
                        example = "urn:jinguo:problem:validation-failed")
                String type,
        @Schema(required = true, description = "Short, localized summary of the problem type", example = "请求参数有误")
                String title,
        @Schema(required = true, description = "HTTP status code", example = "400") int status,
        @Schema(description = "Localized explanation of this occurrence", example = "请检查标出的字段") String detail,
        @Schema(description = "Request path", example = "/api/v1/orgs") String instance,
        @Schema(required = true, description = "Stable machine-readable code", example = "VALIDATION_FAILED")
                String code,
        @Schema(description = "Per-field errors") List<FieldError> errors) {

    @Schema(description = "一个字段的错误 / an error on one field")
    public record FieldError(
            @Schema(example = "name") String field,
            @Schema(example = "NotBlank") String code,
            @Schema(example = "不能为空") String message) {}
}
