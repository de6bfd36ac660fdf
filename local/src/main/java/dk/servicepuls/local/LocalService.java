package dk.servicepuls.local;

import dk.servicepuls.analytics.AnalyticsServiceApplication;
import dk.servicepuls.contact.ContactServiceApplication;
import dk.servicepuls.escalation.EscalationServiceApplication;
import dk.servicepuls.feedback.FeedbackServiceApplication;
import dk.servicepuls.identity.IdentityServerApplication;

/** The applications the local mode starts, with their default ports and what a newcomer would try first. */
enum LocalService {

    CONTACT("contact-service", "contact-service", ContactServiceApplication.class, 8081, Security.RESOURCE_SERVER,
            "POST /api/v1/events, GET /api/v1/cases/{caseId}/timeline?department=… with a token"),
    FEEDBACK("feedback-service", "feedback-service", FeedbackServiceApplication.class, 8082, Security.RESOURCE_SERVER,
            "POST /api/v1/events with a token"),
    ESCALATION("escalation-service", "escalation-service", EscalationServiceApplication.class, 8083,
            Security.RESOURCE_SERVER, "/inbox (sign in as caseworker1), GET /api/v1/tasks?department=… with a token"),
    ANALYTICS("analytics-service", "analytics-service", AnalyticsServiceApplication.class, 8084,
            Security.RESOURCE_SERVER, "/dashboard (sign in as manager), GET /api/v1/kpis with a token, GET /actuator/prometheus"),
    IDENTITY("identity-server", "identity", IdentityServerApplication.class, 9000, Security.ISSUER,
            "OIDC issuer: demo users and the servicepuls-cli client in the README");

    /** What a service does about tokens; on the local mode's one class path, that decides what it must leave out. */
    enum Security {
        /** no security of its own (yet): its read APIs are open, as in every other mode */
        NONE,
        /** an OAuth2 resource server that trusts the local identity-server's tokens */
        RESOURCE_SERVER,
        /** the identity-server: no broker, no store, no pseudonym key */
        ISSUER
    }

    private final String serviceName;
    private final String setting;
    private final Class<?> application;
    private final int defaultPort;
    private final Security security;
    private final String tryFirst;

    LocalService(String serviceName, String setting, Class<?> application, int defaultPort, Security security,
            String tryFirst) {
        this.serviceName = serviceName;
        this.setting = setting;
        this.application = application;
        this.defaultPort = defaultPort;
        this.security = security;
        this.tryFirst = tryFirst;
    }

    String serviceName() {
        return serviceName;
    }

    /** The port setting's name under {@code servicepuls.local.}, e.g. {@code identity-port}. */
    String portSetting() {
        return setting + "-port";
    }

    Class<?> application() {
        return application;
    }

    int defaultPort() {
        return defaultPort;
    }

    Security security() {
        return security;
    }

    /** Whether it runs on the platform's broker and store (every service but the identity-server). */
    boolean usesPlatform() {
        return security != Security.ISSUER;
    }

    /** Whether department systems publish to it (its HTTP ingest needs senders bound). */
    boolean ingests() {
        return this == CONTACT || this == FEEDBACK;
    }

    String tryFirst() {
        return tryFirst;
    }

    String database() {
        return "servicepuls-" + serviceName.replace("-service", "");
    }
}
