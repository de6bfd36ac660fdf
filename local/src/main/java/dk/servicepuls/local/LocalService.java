package dk.servicepuls.local;

import dk.servicepuls.analytics.AnalyticsServiceApplication;
import dk.servicepuls.contact.ContactServiceApplication;
import dk.servicepuls.escalation.EscalationServiceApplication;
import dk.servicepuls.feedback.FeedbackServiceApplication;

/** The services the local mode starts, with their default ports and what a newcomer would try first. */
enum LocalService {

    CONTACT("contact-service", ContactServiceApplication.class, 8081, "POST /api/v1/events, GET /api/v1/cases/{caseId}/timeline"),
    FEEDBACK("feedback-service", FeedbackServiceApplication.class, 8082, "POST /api/v1/events"),
    ESCALATION("escalation-service", EscalationServiceApplication.class, 8083, "GET /api/v1/tasks?department=…"),
    ANALYTICS("analytics-service", AnalyticsServiceApplication.class, 8084, "GET /actuator/prometheus");

    private final String serviceName;
    private final Class<?> application;
    private final int defaultPort;
    private final String tryFirst;

    LocalService(String serviceName, Class<?> application, int defaultPort, String tryFirst) {
        this.serviceName = serviceName;
        this.application = application;
        this.defaultPort = defaultPort;
        this.tryFirst = tryFirst;
    }

    String serviceName() {
        return serviceName;
    }

    Class<?> application() {
        return application;
    }

    int defaultPort() {
        return defaultPort;
    }

    String tryFirst() {
        return tryFirst;
    }

    String database() {
        return "servicepuls-" + serviceName.replace("-service", "");
    }
}
