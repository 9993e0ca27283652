package cn.jinguo.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The mail sweep sends each notification once, to accounts that have an address. */
@QuarkusTest
class NotificationMailTest {
    @Inject
    AgroalDataSource ds;

    @Inject
    Notifications notifications;

    @Inject
    MockMailbox mailbox;

    @Test
    void pendingNotificationsAreMailedOnceAndMarked() {
        String to = Api.queryString(ds, "select email from account where username = 'district_admin'");
        assertTrue(to != null && to.contains("@"), "demo account has an address");
        Api.exec(
                ds,
                "insert into notification (account_id, kind, title, body) select id, 'NOTICE_PUBLISHED',"
                        + " '新通知：邮件测试', '渝妇发〔2024〕5号' from account where username = 'district_admin'");
        mailbox.clear();
        while (notifications.sendBatch(500) > 0) {
            // drain everything pending, including what other tests left
        }
        assertTrue(
                mailbox.getMailsSentTo(to).stream().anyMatch(m -> m.getSubject().equals("【巾帼】新通知：邮件测试")));
        assertEquals(0, Api.count(ds, "select count(*) from notification where mailed_at is null"));
        int sent = mailbox.getTotalMessagesSent();
        assertEquals(0, notifications.sendBatch(500));
        assertEquals(sent, mailbox.getTotalMessagesSent());
    }
}
