package dk.servicepuls.contracts;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The codes a contract enum is written as on the wire (its {@link JsonProperty} names, e.g. {@code web_form}), for
 * code that reads events as JSON instead of binding them to the records, so that it keeps to the contract's values
 * instead of a copy of them.
 */
public final class WireCodes {

    private WireCodes() {
    }

    public static String of(Enum<?> value) {
        try {
            JsonProperty property = value.getDeclaringClass().getField(value.name()).getAnnotation(JsonProperty.class);
            if (property == null) {
                throw new IllegalArgumentException(value.getDeclaringClass().getName() + "." + value.name()
                        + " has no @JsonProperty: it is no contract code");
            }
            return property.value();
        }
        catch (NoSuchFieldException e) {
            throw new IllegalStateException("An enum constant is a field of its class", e);
        }
    }

    public static Set<String> of(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireCodes::of).collect(Collectors.toUnmodifiableSet());
    }

    @SafeVarargs
    public static <E extends Enum<E>> Set<String> of(E... values) {
        return Arrays.stream(values).map(WireCodes::of).collect(Collectors.toUnmodifiableSet());
    }
}
