package triage.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import triage.model.Observation;

/**
 * How a {@link ConversationState} is written as JSON where it is stored (Redis). An observation is
 * {@code {"symptom", "present", "text", "source"}}, the shape stored before the model's
 * {@link Observation} was used here, so conversations stored by an older version still read;
 * a text read by example adds {@code "example", "similarity"}.
 */
final class StoredState {
    private StoredState() {}

    static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addMixIn(Observation.class, ObservationJson.class);
    }

    /** Jackson's view of {@link Observation}, kept out of the model. */
    @JsonPropertyOrder({"symptom", "present", "text", "source", "example", "similarity"})
    @JsonIgnoreProperties(value = {"absent", "via"}, ignoreUnknown = true)
    abstract static class ObservationJson {
        @JsonCreator
        ObservationJson(@JsonProperty("symptom") String symptom, @JsonProperty("present") boolean present,
                        @JsonProperty("text") String text, @JsonProperty("source") String source,
                        @JsonProperty("example") String example, @JsonProperty("similarity") Double similarity) {}

        @JsonInclude(JsonInclude.Include.NON_NULL) abstract String getExample();

        @JsonInclude(JsonInclude.Include.NON_NULL) abstract Double getSimilarity();
    }
}
