package cn.jinguo.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.client.ApiClient;
import cn.jinguo.client.ApiException;
import cn.jinguo.client.api.FeedApi;
import cn.jinguo.client.api.InboxApi;
import cn.jinguo.client.api.IssuerCodesApi;
import cn.jinguo.client.api.NoticesApi;
import cn.jinguo.client.api.TrackingApi;
import cn.jinguo.client.model.FederationLevel;
import cn.jinguo.client.model.FeedRecord;
import cn.jinguo.client.model.FeedType;
import cn.jinguo.client.model.NoticeInput;
import cn.jinguo.client.model.NoticePublish;
import cn.jinguo.client.model.NoticeView;
import cn.jinguo.client.model.OrgType;
import cn.jinguo.client.model.ReceiptView;
import cn.jinguo.client.model.RecipientGroup;
import cn.jinguo.client.model.RecipientRule;
import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract as an integrator uses it: a Java client generated from openapi/openapi.yaml (openapi-generator, Maven
 * plugin, at build time) runs the notice loop against the running application with real tokens.
 */
@QuarkusTest
class GeneratedClientTest {
    @TestHTTPResource("/")
    URI root;

    @Inject
    AgroalDataSource ds;

    @Inject
    FeedOrder order;

    private ApiClient client(String token) {
        ApiClient api = new ApiClient();
        api.updateBaseUri(root.toString().replaceAll("/$", ""));
        api.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return api;
    }

    @Test
    void theNoticeLoopThroughTheGeneratedClient() throws Exception {
        DemoOrgs.ensureDistrictRoleAccounts(ds);
        ApiClient city = client(Api.token("city_admin"));
        ApiClient district = client(Api.token("district_admin"));
        String cityId = Api.orgId(ds, DemoOrgs.CITY);

        // a draft, sent twice with one Idempotency-Key: one notice
        NoticeInput input = new NoticeInput()
                .issuerOrgId(cityId)
                .title("生成客户端测试：关于报送巾帼志愿服务活动信息的通知")
                .mainTo("各区县妇联")
                .deadline(OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(10))
                .recipients(new RecipientRule()
                        .addGroupsItem(
                                new RecipientGroup().type(OrgType.FEDERATION).level(FederationLevel.DISTRICT)));
        String key = UUID.randomUUID().toString();
        NoticeView draft = new NoticesApi(city).createNotice(input, key);
        NoticeView again = new NoticesApi(city).createNotice(input, key);
        assertEquals(draft.getId(), again.getId());

        String code = new IssuerCodesApi(city)
                .listIssuerCodes(cityId).stream()
                        .filter(c -> Boolean.TRUE.equals(c.getActive()))
                        .findFirst()
                        .orElseThrow()
                        .getId();
        NoticeView published =
                new NoticesApi(city).publishNotice(draft.getId(), new NoticePublish().issuerCodeId(code), null, null);
        assertTrue(published.getDocNumber().matches(".+〔\\d{4}〕\\d+号"), published.getDocNumber());

        // the district finds it in its inbox and signs; the city's tracking counts it
        ReceiptView receipt = new InboxApi(district)
                .listInbox(null, null, null, 0, "生成客户端测试", 20)
                .getItems()
                .get(0);
        assertEquals(draft.getId(), receipt.getNotice().getId());
        new InboxApi(district)
                .signReceipt(receipt.getId(), null, UUID.randomUUID().toString());
        assertEquals(
                1L,
                new TrackingApi(city)
                        .getTracking(draft.getId(), null)
                        .getCounts()
                        .getSigned());

        // what the district may not do is a problem the client reports with its status
        ApiException refused = assertThrows(ApiException.class, () -> new NoticesApi(district)
                .publishNotice(draft.getId(), new NoticePublish().issuerCodeId(code), null, null));
        assertTrue(refused.getCode() == 403 || refused.getCode() == 404, "status " + refused.getCode());
        assertTrue(refused.getResponseBody().contains("\"code\""), refused.getResponseBody());

        // the publication is in the feed, typed
        order.drain();
        List<FeedRecord> records = new FeedApi(city)
                .readFeed(null, 1000, List.of(FeedType.NOTICE_PUBLISHED))
                .getItems();
        assertTrue(
                records.stream()
                        .anyMatch(r -> draft.getId().equals(r.getNotice().getId())),
                "feed has the notice");
    }
}
