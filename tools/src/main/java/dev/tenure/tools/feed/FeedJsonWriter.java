package dev.tenure.tools.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON for the intake and for replays. {@link #toJson(FeedEvent)} is the body of
 * {@code POST /api/v1/lifecycle-events}: a flat object of the present fields (absent ones omitted,
 * {@code immediate}/{@code transfer} as booleans, {@code changedAttributes} as an array). A JSON
 * lines feed has one object per line:
 * {@code {"submitAt":"2027-01-04T14:03:27Z","submittedBy":{"kind":"HRIS","principal":"workday"},"event":{...}}}
 * ({@code submittedBy} has an {@code agency} for a coordinator), in submission order.
 */
public final class FeedJsonWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedJsonWriter() {
    }

    public static String toJson(FeedEvent event) {
        try {
            return JSON.writeValueAsString(FeedFields.present(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] toJsonBytes(FeedEvent event) {
        try {
            return JSON.writeValueAsBytes(FeedFields.present(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line (without its line end) of a JSON lines feed. */
    public static String toJsonLine(ScheduledEvent scheduled) {
        Map<String, Object> submittedBy = new LinkedHashMap<>();
        submittedBy.put("kind", scheduled.submitter().kind().name());
        submittedBy.put("principal", scheduled.submitter().principal());
        if (scheduled.submitter().agency() != null) {
            submittedBy.put("agency", scheduled.submitter().agency());
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("submitAt", scheduled.submitAt().toString());
        line.put("submittedBy", submittedBy);
        line.put("event", FeedFields.present(scheduled.event()));
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the feed as UTF-8 JSON lines, LF-terminated, to {@code out} (not closed). */
    public static void writeLines(Iterable<ScheduledEvent> feed, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        for (ScheduledEvent scheduled : feed) {
            writer.write(toJsonLine(scheduled));
            writer.write('\n');
        }
        writer.flush();
    }
}
