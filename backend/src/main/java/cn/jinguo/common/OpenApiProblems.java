package cn.jinguo.common;

import cn.jinguo.integration.IdempotencyFilter;
import cn.jinguo.integration.RateLimitFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds what every API operation shares, so integrators see it without each resource repeating it: the error
 * responses (400, 401, 403, 404, 500) as problem+json; 412 (and 428 when required) on operations that take
 * {@code If-Match}, with the ETag they answer; the optional {@code Idempotency-Key} on every POST with its 409 and
 * 422; 429 and the RateLimit headers on every operation that is limited (all but the public ones). Operation-specific
 * errors (409, 422, ...) are declared on the resources; the shared meaning is appended to theirs.
 */
public class OpenApiProblems implements OASFilter {
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String IDEMPOTENCY_PARAMETER = "IdempotencyKey";
    private static final String RATE_LIMITED = "RateLimited";
    private static final String RETRY_AFTER = "Retry-After";
    private static final String ETAG = "ETag";
    private static final List<String> RATE_LIMIT_HEADERS =
            List.of(RateLimitFilter.LIMIT, RateLimitFilter.REMAINING, RateLimitFilter.RESET);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        // OpenAPI 3.1 wants a license to say what it is: an SPDX identifier (ours is not an open licence).
        if (openAPI.getInfo() != null && openAPI.getInfo().getLicense() != null)
            openAPI.getInfo().getLicense().identifier("LicenseRef-Proprietary");
        if (openAPI.getPaths() == null) return;
        components(openAPI);
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/v1/")) return;
            for (Map.Entry<PathItem.HttpMethod, Operation> e :
                    item.getOperations().entrySet()) {
                Operation op = e.getValue();
                APIResponses r = op.getResponses();
                if (r == null) continue;
                // @SecurityRequirements with nothing in it: a public operation (no token, so no 401)
                boolean isPublic = e.getValue().getSecurity() != null
                        && e.getValue().getSecurity().isEmpty();
                boolean write = e.getKey() != PathItem.HttpMethod.GET;
                boolean hasParams = path.contains("{");
                if (write || (op.getParameters() != null && !op.getParameters().isEmpty()))
                    add(r, "400", "请求参数有误 / bad input");
                if (!isPublic) {
                    add(r, "401", "未登录或令牌无效 / missing or invalid bearer token");
                    add(r, "403", "账号未开通、已停用或无此权限 / unknown or disabled account, or no right");
                }
                if (hasParams) add(r, "404", "不存在或不在调用者范围内 / not found or outside the caller's scope");
                ifMatch(op, r);
                if (e.getKey() == PathItem.HttpMethod.POST && !isPublic) idempotency(op, r);
                if (!isPublic) rateLimited(r);
                add(r, "500", "服务器内部错误（带错误编号）/ internal error, with an error id");
                // Operation-specific errors are declared with a description only; their body is always a problem.
                r.getAPIResponses().forEach((code, response) -> {
                    if (code.startsWith("4") && response.getRef() == null && response.getContent() == null)
                        response.content(problemContent());
                });
            }
        });
    }

    /** If-Match taken (412), or required (428 too); the operation's answer carries the new ETag. */
    private static void ifMatch(Operation op, APIResponses r) {
        if (op.getParameters() == null) return;
        for (Parameter p : op.getParameters()) {
            if (p.getIn() != Parameter.In.HEADER || !"If-Match".equalsIgnoreCase(p.getName())) continue;
            if (p.getDescription() == null) p.setDescription("上次读取时的 ETag / the ETag of the last read");
            if (p.getExample() == null) p.setExample("\"3\"");
            add(r, "412", "数据已被修改（If-Match 已过期）/ stale If-Match: the resource changed since it was read");
            if (Boolean.TRUE.equals(p.getRequired())) add(r, "428", "缺少 If-Match / If-Match missing");
            for (String code : List.of("200", "201")) {
                APIResponse ok = r.getAPIResponse(code);
                if (ok != null && ok.getContent() != null) header(ok, ETAG);
            }
        }
    }

    private static void idempotency(Operation op, APIResponses r) {
        String ref = "#/components/parameters/" + IDEMPOTENCY_PARAMETER;
        if (op.getParameters() == null || op.getParameters().stream().noneMatch(p -> ref.equals(p.getRef())))
            op.addParameter(OASFactory.createParameter().ref(ref));
        mention(
                r,
                "409",
                "同一 Idempotency-Key 的请求仍在处理中（IDEMPOTENCY_IN_PROGRESS），按 Retry-After 稍后重试"
                        + " / a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS):"
                        + " retry after Retry-After seconds");
        header(r.getAPIResponse("409"), RETRY_AFTER);
        mention(
                r,
                "422",
                "Idempotency-Key 已用于另一请求（IDEMPOTENCY_KEY_REUSED）/ the Idempotency-Key was used for a"
                        + " different request (IDEMPOTENCY_KEY_REUSED)");
        r.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("2") && response.getRef() == null) header(response, IdempotencyFilter.REPLAYED);
        });
    }

    private static void rateLimited(APIResponses r) {
        APIResponse own = r.getAPIResponse("429");
        if (own == null) {
            r.addAPIResponse("429", OASFactory.createAPIResponse().ref("#/components/responses/" + RATE_LIMITED));
        } else {
            // The operation's own 429 (e.g. too many unfinished uploads) is also where the rate limit answers.
            mention(r, "429", "或请求过于频繁（RATE_LIMITED）/ or rate limited (RATE_LIMITED)");
            header(own, RETRY_AFTER);
            RATE_LIMIT_HEADERS.forEach(h -> header(own, h));
        }
        r.getAPIResponses().forEach((code, response) -> {
            if ((code.startsWith("2") || code.startsWith("3")) && response.getRef() == null)
                RATE_LIMIT_HEADERS.forEach(h -> header(response, h));
        });
    }

    private static void components(OpenAPI openAPI) {
        Components c = openAPI.getComponents();
        if (c == null) openAPI.setComponents(c = OASFactory.createComponents());
        c.addParameter(
                IDEMPOTENCY_PARAMETER,
                OASFactory.createParameter()
                        .name(IdempotencyFilter.HEADER)
                        .in(Parameter.In.HEADER)
                        .required(false)
                        .description(
                                """
                                幂等键（可选）。同一调用者 24 小时内用同一个键重发同一请求（方法、路径、查询参数和请求体都相同），\
                                得到第一次的应答：状态、Location、ETag 和响应体逐字节相同，并带 `Idempotent-Replayed: true`，\
                                请求不会再次执行。键用于另一请求为 422 IDEMPOTENCY_KEY_REUSED；第一次的请求仍在处理为 \
                                409 IDEMPOTENCY_IN_PROGRESS（见 Retry-After）。服务器错误（5xx）和 429 不保存，可用同一个键重试。\
                                每个新请求用新的键（建议 UUID）。 / Optional. Sending the same request (method, path, query \
                                and body) again with the same key within 24 hours returns the first answer (status, \
                                Location, ETag and body byte for byte, with `Idempotent-Replayed: true`) without running \
                                it again. The key on a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first \
                                request still runs, 409 IDEMPOTENCY_IN_PROGRESS (see Retry-After). Server errors (5xx) \
                                and 429 are not kept: retry with the same key. Use a new key (a UUID) for each new \
                                request; keys are per caller.""")
                        .schema(OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .minLength(1)
                                .maxLength(IdempotencyFilter.MAX_KEY_LENGTH)
                                .pattern("^[\\x20-\\x7E]+$"))
                        .example("8e03978e-40d5-43e8-bc93-6894a57f9324"));
        c.addHeader(
                RateLimitFilter.LIMIT,
                integerHeader("可连续发送的请求数（令牌桶容量）/ requests that may be sent at once (the bucket's size)"));
        c.addHeader(RateLimitFilter.REMAINING, integerHeader("现在还可发送的请求数 / requests that may still be sent now"));
        c.addHeader(
                RateLimitFilter.RESET,
                integerHeader("多少秒后恢复到 RateLimit-Limit / seconds until RateLimit-Remaining is back at the limit"));
        c.addHeader(
                RETRY_AFTER,
                integerHeader("多少秒后重试 / seconds to wait before retrying (429; 409 IDEMPOTENCY_IN_PROGRESS)"));
        c.addHeader(
                ETAG,
                OASFactory.createHeader()
                        .description("资源的版本，修改时放在 If-Match 中 / the resource's version, to quote in If-Match")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                        .example("\"4\""));
        c.addHeader(
                IdempotencyFilter.REPLAYED,
                OASFactory.createHeader()
                        .description("此应答是同一 Idempotency-Key 第一次请求的应答的重放 / this answer replays the first"
                                + " answer to the request with the same Idempotency-Key")
                        .schema(OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .enumeration(List.of("true")))
                        .example("true"));
        APIResponse limited = OASFactory.createAPIResponse()
                .description("请求过于频繁（RATE_LIMITED），按 Retry-After 稍后重试 / rate limited (RATE_LIMITED): retry"
                        + " after Retry-After seconds")
                .content(problemContent());
        header(limited, RETRY_AFTER);
        RATE_LIMIT_HEADERS.forEach(h -> header(limited, h));
        c.addResponse(RATE_LIMITED, limited);
    }

    private static Header integerHeader(String description) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .example(1);
    }

    private static void header(APIResponse response, String name) {
        if (response == null
                || (response.getHeaders() != null && response.getHeaders().containsKey(name))) return;
        response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + name));
    }

    /** Adds {@code code} with {@code text}, or appends {@code text} to the operation's own description of it. */
    private static void mention(APIResponses responses, String code, String text) {
        APIResponse own = responses.getAPIResponse(code);
        if (own == null) {
            add(responses, code, text);
        } else if (own.getDescription() == null || own.getDescription().isBlank()) {
            own.setDescription(text);
        } else if (!own.getDescription().contains(text)) {
            own.setDescription(own.getDescription() + "\n\n" + text);
        }
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
                                .schema(OASFactory.createSchema().ref(PROBLEM)));
    }
}
