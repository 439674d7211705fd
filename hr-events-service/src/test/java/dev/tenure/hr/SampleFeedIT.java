package dev.tenure.hr;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.hr.support.HrTopic;
import dev.tenure.hr.support.IntakeTestResource;
import dev.tenure.hr.support.Readiness;
import dev.tenure.hr.support.Tokens;
import dev.tenure.tools.feed.FeedConfig;
import dev.tenure.tools.feed.FeedCsvWriter;
import dev.tenure.tools.feed.SampleFeedGenerator;
import dev.tenure.tools.feed.ScheduledEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated sample organisation is valid input for the intake, end to end. */
@QuarkusTest
@QuarkusTestResource(value = IntakeTestResource.class, restrictToAnnotatedClass = true)
class SampleFeedIT {

    @Test
    void shouldAcceptAYearOfAGeneratedOrganisationAsOneCsvImport() throws Exception {
        // Given a year of a 150-person organisation, ending today (so immediate terminations are not in the future)
        Readiness.awaitReady();
        String prefix = "SF" + System.nanoTime() % 100000;
        List<ScheduledEvent> feed = SampleFeedGenerator.generate(FeedConfig.defaults().withPeople(150)
                .withStart(LocalDate.now().minusDays(365)).withPersonIdPrefix(prefix));
        byte[] csv = FeedCsvWriter.toBytes(ScheduledEvent.events(feed));

        // When an HR system imports it
        String answer = given().auth().oauth2(Tokens.hris()).contentType("text/csv").body(csv)
                .post("/api/v1/lifecycle-events/imports")
                .then().extract().asString();

        // Then every row is published, in one transaction
        assertThat(answer).as(answer.substring(0, Math.min(2000, answer.length())))
                .contains("\"published\":" + feed.size());
        // (read_committed: visible once committed, and once any other open transaction on the topic ends)
        long deadline = System.currentTimeMillis() + 90_000;
        long onTopic = 0;
        while (onTopic < feed.size() && System.currentTimeMillis() < deadline) {
            onTopic = HrTopic.readAll().stream().filter(r -> r.key().startsWith(prefix)).count();
        }
        assertThat(onTopic).isEqualTo(feed.size());
    }
}
