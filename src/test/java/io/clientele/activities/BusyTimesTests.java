package io.clientele.activities;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When two things overlap, as the meeting form's warning reads it. */
class BusyTimesTests {

	private static final Instant TEN = Instant.parse("2030-05-06T10:00:00Z");

	@Test
	void a_meeting_overlaps_what_begins_or_ends_inside_it_or_spans_it() {
		assertThat(BusyTimes.overlap(TEN, TEN.plusSeconds(3600), TEN.plusSeconds(1800), TEN.plusSeconds(5400)))
			.isTrue();
		assertThat(BusyTimes.overlap(TEN, TEN.plusSeconds(3600), TEN.minusSeconds(1800), TEN.plusSeconds(60))).isTrue();
		assertThat(BusyTimes.overlap(TEN, TEN.plusSeconds(3600), TEN.minusSeconds(3600), TEN.plusSeconds(7200)))
			.isTrue();
	}

	@Test
	void back_to_back_is_no_overlap() {
		assertThat(BusyTimes.overlap(TEN, TEN.plusSeconds(3600), TEN.plusSeconds(3600), TEN.plusSeconds(7200)))
			.isFalse();
		assertThat(BusyTimes.overlap(TEN, TEN.plusSeconds(3600), TEN.minusSeconds(1800), TEN)).isFalse();
	}

}
