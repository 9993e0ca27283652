package cn.jinguo.account;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "账号 Accounts")
public class MeResource {
    @Inject
    Caller caller;

    @Inject
    DataScope scope;

    @Schema(name = "Me", description = "当前用户 / the caller")
    public record Me(
            @Schema(required = true, example = "district_admin") String username,
            @Schema(required = true, example = "李红") String displayName,
            String email,
            @Schema(required = true, description = "Holds the PLATFORM_ADMIN realm role") boolean platformAdmin,
            @Schema(required = true) List<AccountDtos.MembershipView> memberships,
            @Schema(
                            required = true,
                            description = "Permissions held somewhere in the tree",
                            example = "[\"org:read\",\"org:write\"]")
                    List<String> permissions,
            @Schema(
                            description = "令牌属于集成客户端时：其名称、组织范围与授权范围 / for an integration client's token: its"
                                    + " name, subtree and scopes")
                    IntegrationClientInfo integrationClient) {}

    @Schema(name = "IntegrationClientInfo", description = "调用者所属的集成客户端 / the integration client calling")
    public record IntegrationClientInfo(
            @Schema(required = true, example = "city-platform") String clientId,
            @Schema(required = true, example = "市综合信息平台") String name,
            @Schema(required = true, example = "1") String orgId,
            @Schema(required = true, example = "重庆市妇女联合会") String orgName,
            @Schema(required = true) List<ClientScope> scopes) {}

    @GET
    @Operation(
            operationId = "getMe",
            summary = "当前用户 / who am I",
            description =
                    "调用者的账号、成员身份（组织 + 角色）和权限；集成客户端的令牌得到其组织范围与授权范围。未开通或已停用的账号得到 403。"
                            + " / The caller's account, memberships and permissions; an integration client's token gets its subtree and scopes. Unknown or disabled accounts get 403.")
    public Me me() {
        Caller.Client c = caller.client();
        if (c != null)
            return new Me(
                    caller.username(),
                    c.name(),
                    null,
                    false,
                    List.of(),
                    scope.permissions().stream().map(p -> p.key).toList(),
                    new IntegrationClientInfo(
                            c.clientId(), c.name(), Long.toString(c.orgId()), c.orgName(), List.copyOf(c.scopes())));
        Account a = caller.account();
        return new Me(
                a.username,
                a.displayName,
                a.email,
                caller.platformAdmin(),
                caller.grants().stream().map(AccountDtos::membership).toList(),
                scope.permissions().stream().map(p -> p.key).toList(),
                null);
    }
}
