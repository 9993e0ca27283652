package cn.jinguo.common;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds the error responses every API operation can give (400, 401, 403, 404, 500; 412/428 on PUT) as
 * problem+json, so integrators see them without each resource repeating them. Operation-specific errors
 * (409, 422, ...) are declared on the resources.
 */
public class OpenApiProblems implements OASFilter {
    private static final String REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) return;
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/v1/")) return;
            for (Map.Entry<PathItem.HttpMethod, Operation> e :
                    item.getOperations().entrySet()) {
                APIResponses r = e.getValue().getResponses();
                if (r == null) continue;
                // @SecurityRequirements with nothing in it: a public operation (no token, so no 401)
                boolean isPublic = e.getValue().getSecurity() != null
                        && e.getValue().getSecurity().isEmpty();
                boolean write = e.getKey() != PathItem.HttpMethod.GET;
                boolean hasParams = path.contains("{");
                if (write
                        || (e.getValue().getParameters() != null
                                && !e.getValue().getParameters().isEmpty())) add(r, "400", "请求参数有误 / bad input");
                if (!isPublic) {
                    add(r, "401", "未登录或令牌无效 / missing or invalid bearer token");
                    add(r, "403", "账号未开通、已停用或无此权限 / unknown or disabled account, or no right");
                }
                if (hasParams) add(r, "404", "不存在或不在调用者范围内 / not found or outside the caller's scope");
                if (e.getKey() == PathItem.HttpMethod.PUT
                        && r.getAPIResponse("412") == null
                        && !path.endsWith("/order")) {
                    add(r, "412", "数据已被修改 / stale If-Match");
                    add(r, "428", "缺少 If-Match / If-Match missing");
                }
                add(r, "500", "服务器内部错误（带错误编号）/ internal error, with an error id");
                // Operation-specific errors are declared with a description only; their body is always a problem.
                r.getAPIResponses().forEach((code, response) -> {
                    if (code.startsWith("4") && response.getContent() == null) response.content(problemContent());
                });
            }
        });
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.getAPIResponse(code) != null) return;
        responses.addAPIResponse(
                code, OASFactory.createAPIResponse().description(description).content(problemContent()));
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        "application/problem+json",
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(REF)));
    }
}
