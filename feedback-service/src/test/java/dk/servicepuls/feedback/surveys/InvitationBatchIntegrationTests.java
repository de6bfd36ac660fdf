package dk.servicepuls.feedback.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.cloudevents.CloudEventWriter;
import dk.servicepuls.testing.ServiceIntegrationTest;
import dk.servicepuls.testing.StoreCommands;
import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/** A poll of contact.events costs the surveys a fixed number of store commands, whatever its size. */
@ServiceIntegrationTest
@Import(StoreCommands.Recording.class)
@TestPropertySource(properties = { "servicepuls.surveys.rules[0].trigger=contact-recorded",
        "servicepuls.surveys.rules[0].types=csat", "servicepuls.surveys.rules[0].sampling=1.0" })
class InvitationBatchIntegrationTests {

    @Autowired
    StoreCommands commands;

    @Autowired
    Invitations invitations;

    @Autowired
    MongoTemplate mongo;

    final String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aPollOfFortyCasesIsReadOnceAndWrittenInBulkAndTwoContactsOfOnePartyInviteOnce() {
        List<CloudEvent> poll = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String caseId = "SAG-" + i;
            poll.add(event(EventType.CASE_OPENED, caseId, "{\"party\":{\"type\":\"citizen\",\"ref\":\"p-" + department + i + "\"}}"));
            poll.add(event(EventType.CONTACT_RECORDED, caseId, "{\"contactId\":\"k-" + i + "\",\"channel\":\"phone\"}"));
        }
        poll.add(event(EventType.CONTACT_RECORDED, "SAG-0", "{\"contactId\":\"k-again\",\"channel\":\"phone\"}"));
        List<StoreCommands.Command> sent = commands.sentBy(() -> invitations.on(Topics.CONTACT_EVENTS, poll));

        assertThat(sent).as("commands of one poll: " + sent).hasSizeLessThanOrEqualTo(7);
        assertThat(count(sent, "find", Invitations.CASES)).isEqualTo(1);
        assertThat(count(sent, "find", Invitations.QUIET)).isEqualTo(1);
        assertThat(count(sent, "insert", Invitations.INVITATIONS)).isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("department").is(department)), Invitations.INVITATIONS))
                .as("40 cases, one of them with two contacts of its party").isEqualTo(40);

        invitations.on(Topics.CONTACT_EVENTS, poll);
        assertThat(mongo.count(Query.query(Criteria.where("department").is(department)), Invitations.INVITATIONS))
                .as("the same poll again").isEqualTo(40);
    }

    private static long count(List<StoreCommands.Command> commands, String name, String collection) {
        return StoreCommands.count(commands, name, collection);
    }

    private CloudEvent event(EventType type, String caseId, String data) {
        return CloudEventWriter.event("/test/esdh", UUID.randomUUID().toString(), type.type(), Instant.now(), caseId,
                department, data.getBytes(StandardCharsets.UTF_8));
    }
}
