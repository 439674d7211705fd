package dev.tenure.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void shouldReadValuesFlagsAndDefaults() {
        Options options = Options.parse(new String[] {"--people", "1_000", "--start=2027-01-01", "--force", "--rates", "1,2"},
                Set.of("people", "start", "seed", "rates"), Set.of("force", "quiet"));

        assertThat(options.integer("people", 500)).isEqualTo(1000);
        assertThat(options.date("start", null)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(options.longValue("seed", 7)).isEqualTo(7);
        assertThat(options.flag("force")).isTrue();
        assertThat(options.flag("quiet")).isFalse();
        assertThat(options.list("rates", List.of())).containsExactly("1", "2");
    }

    @Test
    void shouldReadDurations() {
        assertThat(Options.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Options.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Options.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Options.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Options.parseDuration("PT10S")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldRejectUnknownOrIncompleteOptions() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--peple", "3"}, Set.of("people"), Set.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("--peple").hasMessageContaining("--people");
        assertThatThrownBy(() -> Options.parse(new String[] {"--people"}, Set.of("people"), Set.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse(new String[] {"people"}, Set.of("people"), Set.of()))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> Options.parse(new String[] {"--people", "many"}, Set.of("people"), Set.of()).integer("people", 1))
                .isInstanceOf(UsageException.class);
    }
}
