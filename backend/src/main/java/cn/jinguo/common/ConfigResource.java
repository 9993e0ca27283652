package cn.jinguo.common;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/config")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "系统 System", description = "无需登录的客户端配置 / public client configuration")
public class ConfigResource {
    @ConfigProperty(name = "jinguo.spa.oidc-authority")
    String authority;

    @ConfigProperty(name = "jinguo.spa.oidc-client-id")
    String clientId;

    @ConfigProperty(name = "quarkus.oidc.token.audience")
    String audience;

    @Schema(name = "ClientConfig", description = "前端登录所需配置 / what a browser client needs to log in")
    public record ClientConfig(
            @Schema(required = true, example = "http://localhost:8180/realms/jinguo") String oidcAuthority,
            @Schema(required = true, example = "jinguo-spa") String oidcClientId,
            @Schema(required = true, example = "jinguo-api") String apiAudience) {}

    @GET
    @SecurityRequirements
    @Operation(
            operationId = "getClientConfig",
            summary = "客户端配置（无需登录）/ client configuration (public)",
            description = "单页应用启动时读取的 OIDC 颁发者与客户端编号。 / The OIDC issuer and client id the SPA logs in with.")
    public ClientConfig config() {
        return new ClientConfig(authority, clientId, audience);
    }
}
