package cn.jinguo.account;

import cn.jinguo.common.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class AccountDtos {
    private AccountDtos() {}

    @Schema(name = "MembershipView", description = "成员身份：在某组织担任某角色 / a role held in an org")
    public record MembershipView(
            @Schema(required = true, example = "7") String id,
            @Schema(required = true, example = "118") String orgId,
            @Schema(required = true, example = "渝中区妇女联合会") String orgName,
            @Schema(required = true, example = "500103") String orgCode,
            @Schema(required = true) Role role,
            @Schema(
                            required = true,
                            description = "该角色在此组织可做的事 / what the role allows in this org (and below it)",
                            example = "[\"org:read\",\"notice:write\",\"receipt:sign\"]")
                    List<String> permissions) {
        MembershipView(String id, String orgId, String orgName, String orgCode, Role role) {
            this(
                    id,
                    orgId,
                    orgName,
                    orgCode,
                    role,
                    role.permissions().stream().map(p -> p.key).sorted().toList());
        }
    }

    @Schema(name = "AccountView", description = "账号 / an account")
    public record AccountView(
            @Schema(required = true, example = "12") String id,
            @Schema(required = true, example = "district_admin") String username,
            @Schema(required = true, example = "李红") String displayName,
            String email,
            String phone,
            @Schema(required = true) boolean enabled,
            @Schema(required = true) List<MembershipView> memberships,
            @Schema(required = true, description = "Also the ETag") int version) {}

    @Schema(name = "AccountPage")
    public record AccountPage(
            @Schema(required = true) List<AccountView> items,
            @Schema(required = true) long total,
            @Schema(required = true) int page,
            @Schema(required = true) int size) {}

    @Schema(name = "MembershipCreate", description = "新增成员身份 / grant a role in an org")
    public record MembershipCreate(@NotBlank @Schema(example = "118") String orgId, @NotNull Role role) {}

    @Schema(
            name = "AccountCreate",
            description = "开通账号：用户名须与身份认证系统中的 preferred_username 一致 / "
                    + "create an account; the username is the OIDC preferred_username")
    public record AccountCreate(
            @NotBlank @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9._@-]+$") @Schema(example = "yz_editor")
                    String username,
            @NotBlank @Size(max = 100) @Schema(example = "赵雪") String displayName,
            @Size(max = 254) @Email String email,
            @Size(max = 30) @Pattern(regexp = Text.PHONE_PATTERN) String phone,
            @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid MembershipCreate> memberships) {}

    @Schema(name = "AccountUpdate", description = "修改账号 / update an account")
    public record AccountUpdate(
            @NotBlank @Size(max = 100) String displayName,
            @Size(max = 254) @Email String email,
            @Size(max = 30) @Pattern(regexp = Text.PHONE_PATTERN) String phone,
            @NotNull Boolean enabled) {}

    static MembershipView membership(Caller.Grant g) {
        return new MembershipView(
                Long.toString(g.membershipId()), Long.toString(g.orgId()), g.orgName(), g.orgCode(), g.role());
    }

    static MembershipView membership(Membership m) {
        return new MembershipView(m.id.toString(), m.org.id.toString(), m.org.name, m.org.code, m.role);
    }

    static AccountView view(Account a) {
        return new AccountView(
                a.id.toString(),
                a.username,
                a.displayName,
                a.email,
                a.phone,
                a.enabled,
                a.memberships.stream().map(AccountDtos::membership).toList(),
                a.version);
    }
}
