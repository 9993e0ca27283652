package cn.jinguo.integration;

import cn.jinguo.account.ClientScope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The integration settings' JSON: clients and their call log. */
public final class IntegrationDtos {
    private IntegrationDtos() {}

    @Schema(
            name = "IntegrationClientCreate",
            description = "登记集成客户端：clientId 为 Keycloak 中已建好的机密客户端（启用 Service accounts，受众含 jinguo-api）"
                    + " / registers a confidential Keycloak client (service accounts on, audience jinguo-api)")
    public record ClientCreate(
            @NotBlank
                    @Size(max = 100)
                    @Pattern(regexp = "^[A-Za-z0-9._-]+$")
                    @Schema(description = "Keycloak clientId", example = "city-platform")
                    String clientId,
            @NotBlank @Size(max = 100) @Schema(example = "市综合信息平台") String name,
            @Size(max = 500) @Schema(example = "接收采用的活动信息") String description,
            @NotBlank @Schema(description = "可访问的组织（含其下级）/ the subtree it may act in", example = "1") String orgId,
            @NotEmpty @Size(max = 20) List<@NotNull ClientScope> scopes) {}

    @Schema(name = "IntegrationClientUpdate", description = "修改、启用或停用集成客户端 / update, enable or disable a client")
    public record ClientUpdate(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 500) String description,
            @NotBlank String orgId,
            @NotEmpty @Size(max = 20) List<@NotNull ClientScope> scopes,
            @NotNull Boolean enabled) {}

    @Schema(name = "IntegrationClient", description = "集成客户端 / an integration client")
    public record ClientView(
            @Schema(required = true, example = "3") String id,
            @Schema(required = true, example = "city-platform") String clientId,
            @Schema(required = true, example = "市综合信息平台") String name,
            String description,
            @Schema(required = true, example = "1") String orgId,
            @Schema(required = true, example = "重庆市妇女联合会") String orgName,
            @Schema(required = true) List<ClientScope> scopes,
            @Schema(required = true) boolean enabled,
            @Schema(required = true, example = "platform_admin") String createdBy,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt,
            @Schema(description = "最近一次调用 / the last call") Instant lastCallAt,
            @Schema(required = true, example = "2") int version) {}

    @Schema(name = "IntegrationClientPage")
    public record ClientPage(
            @Schema(required = true) List<ClientView> items,
            @Schema(required = true) long total,
            @Schema(required = true) int page,
            @Schema(required = true) int size) {}

    @Schema(name = "IntegrationCall", description = "集成客户端的一次调用 / one call of a client")
    public record CallView(
            @Schema(required = true) Instant at,
            @Schema(required = true, example = "GET") String method,
            @Schema(required = true, example = "/api/v1/submissions?noticeId=12") String path,
            @Schema(required = true, example = "200") int status,
            @Schema(required = true, example = "18") int durationMs) {}

    @Schema(name = "IntegrationCallPage")
    public record CallPage(
            @Schema(required = true) List<CallView> items,
            @Schema(required = true) long total,
            @Schema(required = true) int page,
            @Schema(required = true) int size) {}
}
