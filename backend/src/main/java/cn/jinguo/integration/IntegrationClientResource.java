package cn.jinguo.integration;

import cn.jinguo.common.Paging;
import cn.jinguo.common.Versioned;
import cn.jinguo.integration.IntegrationDtos.CallPage;
import cn.jinguo.integration.IntegrationDtos.ClientCreate;
import cn.jinguo.integration.IntegrationDtos.ClientPage;
import cn.jinguo.integration.IntegrationDtos.ClientUpdate;
import cn.jinguo.integration.IntegrationDtos.ClientView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/integration-clients")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "集成 Integration",
        description = "集成客户端（Keycloak 客户端凭证）：可访问的组织范围与授权范围，调用记录；仅平台管理员"
                + " / integration clients (Keycloak client credentials): their subtree, scopes and call log; platform"
                + " administrators only")
public class IntegrationClientResource {
    private static final String ADMIN_ONLY = "仅平台管理员（403）。 / Platform administrators only (403).";

    @Inject
    IntegrationClientService service;

    @GET
    @Operation(
            operationId = "listIntegrationClients",
            summary = "集成客户端列表 / list integration clients",
            description = "按名称排序，可按名称或 clientId 搜索，含最近一次调用时间。" + ADMIN_ONLY
                    + " By name; q searches the name and clientId; with the last call.")
    public ClientPage list(
            @QueryParam("q")
                    @Parameter(description = "名称或 clientId 包含 / name or clientId contains", example = "platform")
                    String q,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return service.list(q, new Paging(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getIntegrationClient",
            summary = "集成客户端详情 / get an integration client",
            description = "ETag 为版本号。" + ADMIN_ONLY + " The ETag is the version to quote in If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The client",
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    public Response get(@PathParam("id") @Parameter(example = "3") String id) {
        ClientView v = service.get(id);
        return Response.ok(v).tag(Versioned.etag(v.version())).build();
    }

    @POST
    @Operation(
            operationId = "createIntegrationClient",
            summary = "登记集成客户端 / register an integration client",
            description = "先在 Keycloak 中建好机密客户端（Client authentication 开、Service accounts roles 开，受众映射 jinguo-api），"
                    + "再在此登记其 clientId、可访问的组织（含下级）和授权范围。其令牌只能调用授权范围开放的接口，只能看到该组织及其下级的数据。"
                    + ADMIN_ONLY
                    + " Create the confidential client in Keycloak first (client authentication and service accounts on,"
                    + " an audience mapper for jinguo-api), then register its clientId, org subtree and scopes here. Its"
                    + " tokens call only what its scopes open, and see only the org's subtree.")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "409", description = "该 clientId 已登记 / clientId already registered")
    @APIResponse(responseCode = "422", description = "组织不存在或已撤销 / the org does not exist or is closed")
    public Response create(ClientCreate body, UriInfo uri) {
        ClientView v = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(v.id()).build())
                .entity(v)
                .tag(Versioned.etag(v.version()))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updateIntegrationClient",
            summary = "修改、启用或停用集成客户端 / update, enable or disable an integration client",
            description = "必须带 If-Match。停用后其令牌立即得到 403 CLIENT_DISABLED。" + ADMIN_ONLY
                    + " If-Match required. Once disabled, its tokens get 403 CLIENT_DISABLED at once.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "422", description = "组织不存在或已撤销 / the org does not exist or is closed")
    public Response update(
            @PathParam("id") @Parameter(example = "3") String id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the client", example = "\"0\"") String ifMatch,
            ClientUpdate body) {
        ClientView v = service.update(id, ifMatch, body);
        return Response.ok(v).tag(Versioned.etag(v.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteIntegrationClient",
            summary = "删除集成客户端 / delete an integration client",
            description = "必须带 If-Match；其调用记录一并删除（审计日志保留）。" + ADMIN_ONLY
                    + " If-Match required; its call log goes with it (the audit log stays).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(
            @PathParam("id") @Parameter(example = "3") String id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the client", example = "\"0\"") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/calls")
    @Operation(
            operationId = "listIntegrationCalls",
            summary = "调用记录 / call log",
            description = "该客户端的调用（方法、路径、状态码、耗时），最新在前，保留 180 天；数秒内写入。" + ADMIN_ONLY
                    + " The client's calls (method, path, status, duration), newest first, kept 180 days; written within"
                    + " seconds.")
    public CallPage calls(
            @PathParam("id") @Parameter(example = "3") String id,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return service.calls(id, new Paging(page, size));
    }
}
