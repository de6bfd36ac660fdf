package dk.servicepuls.feedback.surveys;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code servicepuls.surveys}: when to invite, how the link looks and how long it works.
 *
 * @param baseUrl         where citizens reach this service's survey page, e.g. {@code https://feedback.kommune.dk}
 * @param tokenKey        the secret the links are signed with (at least 32 characters); links die with it
 * @param linkValidity    how long a link works
 * @param complaintQuiet  no invitation for a case with a complaint filed this recently
 * @param remindAfter     one reminder of an invitation still unanswered this long after it; {@code 0} for none
 * @param reminderInterval how often the reminders that are due go out
 * @param rules           the first rule that matches an event decides; none matching, no survey
 * @param texts           a department's own wording of the page, by department, language ({@code da}, {@code en})
 *                        and key of {@link SurveyTexts} (e.g. {@code texts.borgerservice.da[csat]=…}); the rest
 *                        stays as it is
 */
@ConfigurationProperties("servicepuls.surveys")
record SurveyProperties(@DefaultValue("http://localhost:8082") String baseUrl, String tokenKey,
        @DefaultValue("14d") Duration linkValidity, @DefaultValue("90d") Duration complaintQuiet,
        @DefaultValue("5d") Duration remindAfter, @DefaultValue("15m") Duration reminderInterval,
        @DefaultValue List<Rule> rules, Map<String, Map<String, Map<String, String>>> texts) {

    /**
     * One rule.
     *
     * @param department  a department code, or {@code *} for any
     * @param channel     a contact's channel ({@code phone}, …), or {@code *} for any (a case.closed has none)
     * @param trigger     {@code contact-recorded} or {@code case-closed}
     * @param types       the questions to ask
     * @param sampling    the share of matching events invited, 0 to 1
     * @param quietPeriod no new invitation of the same type to the same party within this long
     */
    record Rule(@DefaultValue("*") String department, @DefaultValue("*") String channel,
            @DefaultValue("contact-recorded") String trigger, List<SurveyType> types,
            @DefaultValue("1.0") double sampling, @DefaultValue("90d") Duration quietPeriod) {

        boolean matches(String department, String channel, String trigger) {
            return this.trigger.equals(trigger) && ("*".equals(this.department) || this.department.equals(department))
                    && ("*".equals(this.channel) || this.channel.equals(channel));
        }
    }
}
