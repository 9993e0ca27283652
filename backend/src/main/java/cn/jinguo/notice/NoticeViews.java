package cn.jinguo.notice;

import cn.jinguo.common.BusinessTime;
import cn.jinguo.common.RichText;
import cn.jinguo.notice.NoticeDtos.NoticeInput;
import cn.jinguo.notice.NoticeDtos.NoticeRef;
import cn.jinguo.notice.NoticeDtos.NoticeSummary;
import cn.jinguo.notice.NoticeDtos.NoticeView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.stream.Collectors;

/** Notices as the API shows them, and the content snapshot kept per revision. */
final class NoticeViews {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private NoticeViews() {}

    static NoticeView view(Notice n, NoticeService service) {
        Notice parent = service.find(n.parentNoticeId);
        return new NoticeView(
                n.id.toString(),
                n.status,
                n.issuer.id.toString(),
                n.issuer.name,
                n.docNumber,
                n.title,
                n.theme,
                n.sections,
                n.mainTo,
                n.cc,
                n.recipientRule,
                n.signedOn,
                n.contactPerson,
                n.contactPhone,
                n.contactEmail,
                n.receivingDepartment,
                n.receivingOrgId == null ? null : n.receivingOrgId.toString(),
                service.orgName(n.receivingOrgId),
                BusinessTime.offset(n.deadline),
                n.planRequired,
                BusinessTime.offset(n.planDeadline),
                n.requirements,
                service.attachmentViews(n),
                parent == null ? null : ref(parent),
                service.forwardsOf(n).stream().map(NoticeViews::ref).toList(),
                n.revision,
                n.recipientCount,
                service.signedCount(n),
                n.publishedAt,
                n.withdrawnAt,
                n.withdrawnReason,
                n.closedAt,
                n.createdBy,
                n.updatedAt,
                service.actions(n),
                n.version);
    }

    static NoticeRef ref(Notice n) {
        return NoticeRef.of(n);
    }

    static NoticeSummary summary(Notice n, Long signedCount) {
        return new NoticeSummary(
                n.id.toString(),
                n.status,
                n.docNumber,
                n.title,
                n.issuer.id.toString(),
                n.issuer.name,
                BusinessTime.offset(n.deadline),
                n.publishedAt,
                n.recipientCount,
                signedCount,
                n.updatedAt);
    }

    /** The editable content of a notice, as kept in a revision. */
    static NoticeInput content(Notice n) {
        return new NoticeInput(
                n.issuer.id.toString(),
                n.title,
                n.theme,
                n.sections,
                n.mainTo,
                n.cc,
                n.recipientRule,
                n.signedOn,
                n.contactPerson,
                n.contactPhone,
                n.contactEmail,
                n.receivingDepartment,
                n.receivingOrgId == null ? null : n.receivingOrgId.toString(),
                BusinessTime.offset(n.deadline),
                n.planRequired,
                BusinessTime.offset(n.planDeadline),
                n.requirements,
                n.attachments.stream()
                        .map(a -> new NoticeDtos.AttachmentInput(a.fileId.toString(), a.title))
                        .toList());
    }

    static String writeContent(NoticeInput content) {
        try {
            return JSON.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NoticeInput readContent(String json) {
        try {
            return JSON.readValue(json, NoticeInput.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String searchText(Notice n) {
        String body = n.sections.stream()
                .map(s -> (s.heading() == null ? "" : s.heading() + " ") + RichText.plainText(s.html()))
                .collect(Collectors.joining(" "));
        String all = String.join(
                " ",
                n.docNumber == null ? "" : n.docNumber,
                n.title,
                n.theme == null ? "" : n.theme,
                n.issuer == null ? "" : n.issuer.name,
                body,
                n.attachments.stream().map(a -> a.title).collect(Collectors.joining(" ")));
        return all.toLowerCase(Locale.ROOT);
    }
}
