package cn.jinguo.account;

import cn.jinguo.account.AccountDtos.AccountCreate;
import cn.jinguo.account.AccountDtos.AccountPage;
import cn.jinguo.account.AccountDtos.AccountUpdate;
import cn.jinguo.account.AccountDtos.AccountView;
import cn.jinguo.account.AccountDtos.MembershipCreate;
import cn.jinguo.common.Paging;
import cn.jinguo.common.Versioned;
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

@Path("/v1/accounts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "账号 Accounts", description = "账号与成员身份 / accounts and memberships")
public class AccountResource {
    @Inject
    AccountService service;

    @GET
    @Operation(
            operationId = "listAccounts",
            summary = "账号列表 / list accounts",
            description = "在调用者范围内有成员身份的账号，可按组织、用户名或姓名筛选。 / Accounts with a membership in the caller's scope.")
    public AccountPage list(
            @QueryParam("orgId") @Parameter(description = "Only members of this org") String orgId,
            @QueryParam("q") @Parameter(description = "用户名或姓名包含 / username or name contains") String q,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return service.list(orgId, q, new Paging(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getAccount",
            summary = "账号详情 / get an account",
            description = "需要 account:read（管理员、编辑、审核）。只显示调用者范围内的成员身份；范围外的账号返回 404。"
                    + " The ETag header carries the version to quote in If-Match when updating.")
    @APIResponse(
            responseCode = "200",
            description = "The account",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    public Response get(@PathParam("id") String id) {
        AccountView a = service.get(id);
        return Response.ok(a).tag(Versioned.etag(a.version())).build();
    }

    @POST
    @Operation(
            operationId = "createAccount",
            summary = "开通账号 / create an account",
            description = "为身份认证系统中的用户开通巾帼账号并授予角色；需要各组织的账号管理权限。 / Needs account:write in each org.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "409", description = "用户名已存在 / username taken")
    public Response create(AccountCreate body, UriInfo uri) {
        AccountView a = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(a.id()).build())
                .entity(a)
                .tag(Versioned.etag(a.version()))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updateAccount",
            summary = "修改、启用或停用账号 / update, enable or disable an account",
            description = "必须带 If-Match。 / If-Match is required.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "412", description = "数据已被修改 / stale If-Match")
    @APIResponse(responseCode = "428", description = "缺少 If-Match / If-Match missing")
    public Response update(
            @PathParam("id") String id,
            @HeaderParam("If-Match")
                    @Parameter(description = "ETag from the last read", required = true, example = "\"3\"")
                    String ifMatch,
            AccountUpdate body) {
        AccountView a = service.update(id, ifMatch, body);
        return Response.ok(a).tag(Versioned.etag(a.version())).build();
    }

    @POST
    @Path("/{id}/memberships")
    @Operation(
            operationId = "grantMembership",
            summary = "授予角色 / grant a role in an org",
            description = "需要在目标组织或其上级持有 account:write（组织管理员）。同一账号在同一组织的同一角色只能授予一次（409）。"
                    + " Granting needs account:write at or above the org; a duplicate grant is 409. 可带 If-Match（账号的 ETag），"
                    + "授予后账号的版本改变。 / If-Match (the account's ETag) is honoured; the account's version moves.")
    @APIResponse(
            responseCode = "200",
            description = "The account",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "409", description = "已有该角色 / role already held")
    public Response grant(
            @PathParam("id") String id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the account", example = "\"3\"") String ifMatch,
            MembershipCreate body) {
        return withEtag(service.grant(id, ifMatch, body));
    }

    @DELETE
    @Path("/{id}/memberships/{membershipId}")
    @Operation(
            operationId = "revokeMembership",
            summary = "撤销角色 / revoke a membership",
            description = "需要在该成员身份所在组织或其上级持有 account:write。范围外的成员身份返回 404。可带 If-Match（账号的 ETag）。"
                    + " Needs account:write at or above the membership's org; returns the account as it is"
                    + " afterwards, with its ETag. If-Match (the account's ETag) is honoured.")
    @APIResponse(
            responseCode = "200",
            description = "The account",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    public Response revoke(
            @PathParam("id") String id,
            @PathParam("membershipId") String membershipId,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the account", example = "\"3\"")
                    String ifMatch) {
        return withEtag(service.revoke(id, membershipId, ifMatch));
    }

    private static Response withEtag(AccountView a) {
        return Response.ok(a).tag(Versioned.etag(a.version())).build();
    }
}
