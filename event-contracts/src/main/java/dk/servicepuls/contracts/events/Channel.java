package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The channel a contact took place on; feedback names the same channels so KPIs can be cut per channel. */
public enum Channel {
    @JsonProperty("phone") PHONE,
    @JsonProperty("email") EMAIL,
    @JsonProperty("web_form") WEB_FORM,
    @JsonProperty("chat") CHAT,
    @JsonProperty("digital_post") DIGITAL_POST,
    @JsonProperty("in_person") IN_PERSON,
    @JsonProperty("letter") LETTER,
    @JsonProperty("self_service") SELF_SERVICE,
    @JsonProperty("sms") SMS,
    @JsonProperty("video") VIDEO,
    @JsonProperty("social_media") SOCIAL_MEDIA
}
