package cn.jinguo.org;

import cn.jinguo.common.Text;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response shapes of the org API; entities never cross the wire. */
public final class OrgDtos {
    private OrgDtos() {}

    static final String CODE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_-]*$";

    @Schema(name = "OrgView", description = "组织 / an organization in the tree")
    public record OrgView(
            @Schema(required = true, example = "118") String id,
            @Schema(required = true, example = "500103") String code,
            @Schema(required = true, example = "渝中区妇女联合会") String name,
            @Schema(example = "渝中区妇联") String shortName,
            @Schema(required = true) OrgType type,
            @Schema(description = "Only for FEDERATION") FederationLevel level,
            @Schema(example = "1") String parentId,
            @Schema(required = true, description = "Depth in the tree, 0 for a root", example = "1") int depth,
            @Schema(required = true, example = "10") int sortOrder,
            @Schema(example = "李红") String contactPerson,
            @Schema(example = "023-63800000") String contactPhone,
            @Schema(example = "yuzhong@cqwomen.example.cn") String contactEmail,
            @Schema(example = "1950-03-08") LocalDate openedOn,
            LocalDate closedOn,
            @Schema(required = true, description = "false once closed") boolean active,
            @Schema(
                            required = true,
                            description = "Number of children (open ones unless closed children were asked for)",
                            example = "11")
                    long childCount,
            @Schema(
                            required = true,
                            description = "调用者现在可以对该组织执行的操作 / what the caller may do with this org now,"
                                    + " decided by the same rules the operations check")
                    List<OrgAction> actions,
            @Schema(
                            required = true,
                            description = "Version, also sent as ETag; quote it in If-Match when updating",
                            example = "3")
                    int version) {}

    @Schema(name = "OrgPage", description = "一页组织 / a page of organizations")
    public record OrgPage(
            @Schema(required = true) List<OrgView> items,
            @Schema(required = true, example = "38") long total,
            @Schema(required = true, example = "0") int page,
            @Schema(required = true, example = "50") int size) {}

    @Schema(name = "OrgCreate", description = "新建组织 / create an organization under a parent")
    public record OrgCreate(
            @Schema(description = "Parent org id; only platform admins may create a root (null)", example = "118")
                    String parentId,
            @NotBlank @Size(max = 64) @Pattern(regexp = CODE_PATTERN) @Schema(example = "500103012") String code,
            @NotBlank @Size(max = 200) @Schema(example = "解放碑街道新华路社区妇联") String name,
            @Size(max = 100) @Schema(example = "新华路社区妇联") String shortName,
            @NotNull OrgType type,
            FederationLevel level,
            @Min(0) @Max(1_000_000) Integer sortOrder,
            @Size(max = 50) String contactPerson,
            @Size(max = 30) @Pattern(regexp = Text.PHONE_PATTERN) String contactPhone,
            @Size(max = 254) @Email String contactEmail,
            LocalDate openedOn) {}

    @Schema(name = "OrgUpdate", description = "修改组织（整体替换可编辑字段）/ replace an organization's editable fields")
    public record OrgUpdate(
            @NotBlank @Size(max = 64) @Pattern(regexp = CODE_PATTERN) String code,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String shortName,
            @NotNull OrgType type,
            FederationLevel level,
            @Size(max = 50) String contactPerson,
            @Size(max = 30) @Pattern(regexp = Text.PHONE_PATTERN) String contactPhone,
            @Size(max = 254) @Email String contactEmail,
            LocalDate openedOn) {}

    @Schema(name = "OrgMove", description = "移动组织及其全部下级 / move an organization with its whole subtree")
    public record OrgMove(
            @NotBlank @Schema(example = "205") String newParentId,
            @Min(0) @Max(1_000_000) @Schema(description = "Position among the new siblings; last when omitted")
                    Integer sortOrder) {}

    @Schema(name = "OrgClose", description = "关闭（撤销）组织 / close an organization")
    public record OrgClose(
            @Schema(description = "Defaults to today (Asia/Shanghai)", example = "2026-12-31") LocalDate closedOn,
            @Size(max = 200) @Schema(example = "行政区划调整，并入七星岗街道") String reason) {}

    @Schema(name = "SiblingOrder", description = "下级排序 / the new order of some or all children")
    public record SiblingOrder(@NotNull @Size(min = 1, max = 5000) List<@NotBlank String> childIds) {}

    @Schema(name = "OrgCounts", description = "下级组织统计（不含自身）/ counts of the subtree below an org")
    public record OrgCounts(
            @Schema(required = true, example = "63") long descendants,
            @Schema(required = true, example = "62") long active,
            @Schema(required = true, example = "1") long closed,
            @Schema(required = true, description = "Open descendants by type") Map<OrgType, Long> byType,
            @Schema(required = true, description = "Open federations by level") Map<FederationLevel, Long> byLevel) {}

    @Schema(name = "Crumb", description = "面包屑中的一级 / one step of a breadcrumb")
    public record Crumb(
            @Schema(required = true, example = "1") String id,
            @Schema(required = true, example = "重庆市妇女联合会") String name,
            @Schema(example = "市妇联") String shortName) {}

    @Schema(name = "ImportError", description = "导入文件中一处错误 / one error in an import file")
    public record ImportError(
            @Schema(
                            required = true,
                            description = "Spreadsheet row number (the header is row 1); 0 for the whole file",
                            example = "17")
                    int row,
            @Schema(example = "上级编码") String column,
            @Schema(example = "500199") String value,
            @Schema(required = true, example = "上级编码“500199”既不在文件中，也不是您可管理的组织") String message) {}

    @Schema(name = "ImportJob", description = "组织批量导入任务（全部成功或全部不导入）/ an all-or-nothing org import")
    public record ImportJobView(
            @Schema(required = true, example = "12") String id,
            @Schema(required = true, example = "渝中区组织.xlsx") String fileName,
            @Schema(
                            required = true,
                            enumeration = {"PENDING", "RUNNING", "SUCCEEDED", "FAILED"})
                    String status,
            @Schema(required = true, example = "20000") int totalRows,
            @Schema(required = true, description = "Rows checked so far", example = "8500") int processed,
            @Schema(required = true, description = "Orgs created (only when SUCCEEDED)", example = "0") int created,
            @Schema(required = true) List<ImportError> errors,
            @Schema(required = true) java.time.Instant createdAt,
            java.time.Instant finishedAt) {}
}
