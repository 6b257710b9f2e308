package io.clientele.activities.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

/** The rules of an interaction's own fields, apart from who and what it points at. */
final class InteractionRules {

	static final int SUBJECT_MAX = 300;

	static final int TEXT_MAX = 10_000;

	static final int SHORT_MAX = 500;

	static final int MINUTES_MAX = 100_000;

	static final int DURATION_MAX = 864_000;

	/** The longest a meeting is planned for: a day (as a room is booked for at most). */
	static final int PLANNED_MINUTES_MAX = 1440;

	private InteractionRules() {
	}

	static String subject(@Nullable String subject) {
		String checked = subject == null ? "" : subject.strip();
		if (checked.isEmpty()) {
			throw new RuleViolation("subject", "interaction.subject-required");
		}
		if (checked.length() > SUBJECT_MAX) {
			throw new RuleViolation("subject", "interaction.text-too-long", SUBJECT_MAX);
		}
		return checked;
	}

	static @Nullable String text(String field, @Nullable String text, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String checked = text.strip();
		if (checked.length() > max) {
			throw new RuleViolation(field, "interaction.text-too-long", max);
		}
		return checked;
	}

	static @Nullable Integer minutes(@Nullable Integer minutes) {
		if (minutes != null && (minutes < 0 || minutes > MINUTES_MAX)) {
			throw new RuleViolation("minutesSpent", "interaction.minutes-invalid", MINUTES_MAX);
		}
		return minutes;
	}

	static @Nullable Integer duration(@Nullable Integer seconds) {
		if (seconds != null && (seconds < 0 || seconds > DURATION_MAX)) {
			throw new RuleViolation("durationSeconds", "interaction.duration-invalid");
		}
		return seconds;
	}

	static @Nullable Integer plannedMinutes(@Nullable Integer minutes) {
		if (minutes != null && (minutes < 1 || minutes > PLANNED_MINUTES_MAX)) {
			throw new RuleViolation("plannedMinutes", "interaction.planned-minutes-invalid", PLANNED_MINUTES_MAX);
		}
		return minutes;
	}

	/**
	 * A link to a call's recording: http or https only, so that a page never links a
	 * script.
	 */
	static @Nullable String url(@Nullable String url) {
		String checked = text("recordingUrl", url, 2000);
		if (checked == null) {
			return null;
		}
		try {
			URI uri = new URI(checked);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
				throw new RuleViolation("recordingUrl", "interaction.recording-invalid");
			}
			return checked;
		}
		catch (URISyntaxException ex) {
			throw new RuleViolation("recordingUrl", "interaction.recording-invalid");
		}
	}

}
