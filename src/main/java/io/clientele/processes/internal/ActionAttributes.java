package io.clientele.processes.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clientele.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * What Clientele reads from a route map beyond BPMN, as attributes in its own namespace
 * (decision 0015): on an action (a user task) who does it ({@code clientele:assignee}),
 * the stage the deal enters when it starts ({@code clientele:stage}, a stage's name or
 * position) and the items to tick before it is done ({@code clientele:checklist}, one a
 * line); on an end event how the deal ends ({@code clientele:outcome}).
 */
public final class ActionAttributes {

	public static final String NAMESPACE = "https://clientele.io/bpmn";

	public static final String ASSIGNEE = "assignee";

	public static final String STAGE = "stage";

	public static final String CHECKLIST = "checklist";

	public static final String OUTCOME = "outcome";

	/**
	 * How long an action may take before it goes up to the head, an ISO 8601 duration
	 * ({@code P2D}, {@code PT4H}); the reader turns it into a timer on the action
	 * (decision 0017).
	 */
	public static final String DEADLINE = "deadline";

	/** The attributes an action may carry. */
	public static final Set<String> OF_ACTIONS = Set.of(ASSIGNEE, STAGE, CHECKLIST, DEADLINE);

	/** The attributes an end event may carry. */
	public static final Set<String> OF_END_EVENTS = Set.of(OUTCOME);

	public static final int CHECKLIST_ITEMS = 20;

	public static final int CHECKLIST_ITEM_LENGTH = 300;

	public static final int STAGE_LENGTH = 100;

	private static final Pattern USER = Pattern.compile("user:([1-9][0-9]{0,17})");

	private static final Pattern ROLE = Pattern.compile("role:([A-Z_]+)");

	private ActionAttributes() {
	}

	/** Who does an action. */
	public enum AssigneeKind {

		/** The deal's responsible manager: also when the map says nothing. */
		RESPONSIBLE,
		/** The head of the responsible manager's department. */
		HEAD,
		/** A named user. */
		USER,
		/** The person with a role nearest to the responsible manager. */
		ROLE,
		/**
		 * Whoever the process's variable {@value ActionAttributes#AUTHOR_VARIABLE} names:
		 * the author of an instruction.
		 */
		AUTHOR,
		/**
		 * Whoever the process's variable {@value ActionAttributes#EXECUTOR_VARIABLE}
		 * names: the executor of an instruction.
		 */
		EXECUTOR

	}

	/**
	 * The process variable (a user's id) that {@code clientele:assignee="author"} reads.
	 */
	public static final String AUTHOR_VARIABLE = "authorId";

	/**
	 * The process variable (a user's id) that {@code clientele:assignee="executor"}
	 * reads.
	 */
	public static final String EXECUTOR_VARIABLE = "executorId";

	/**
	 * Who does an action, as {@code clientele:assignee} writes it: {@code responsible},
	 * {@code head}, {@code author}, {@code executor}, {@code user:<id>},
	 * {@code role:<ROLE>}.
	 */
	public record Assignee(AssigneeKind kind, @Nullable Long userId, @Nullable Role role) {

		public static final Assignee RESPONSIBLE = new Assignee(AssigneeKind.RESPONSIBLE, null, null);

		/** The value's meaning; empty when it is none of the six forms. */
		public static Optional<Assignee> parse(@Nullable String value) {
			if (value == null || value.isBlank()) {
				return Optional.of(RESPONSIBLE);
			}
			String text = value.strip();
			if (text.equals("responsible")) {
				return Optional.of(RESPONSIBLE);
			}
			if (text.equals("head")) {
				return Optional.of(new Assignee(AssigneeKind.HEAD, null, null));
			}
			if (text.equals("author")) {
				return Optional.of(new Assignee(AssigneeKind.AUTHOR, null, null));
			}
			if (text.equals("executor")) {
				return Optional.of(new Assignee(AssigneeKind.EXECUTOR, null, null));
			}
			Matcher user = USER.matcher(text);
			if (user.matches()) {
				return Optional.of(new Assignee(AssigneeKind.USER, Long.parseLong(user.group(1)), null));
			}
			Matcher role = ROLE.matcher(text);
			if (role.matches() && Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(role.group(1)))) {
				return Optional.of(new Assignee(AssigneeKind.ROLE, null, Role.valueOf(role.group(1))));
			}
			return Optional.empty();
		}

	}

	/** How a deal ends where its process ends. */
	public enum Outcome {

		/** The deal is won. */
		WON,
		/** The deal is lost, for the reason given in the step before. */
		LOST;

		/** The value's meaning; empty for a blank value or an unknown one. */
		public static Optional<Outcome> parse(@Nullable String value) {
			if (value == null || value.isBlank()) {
				return Optional.empty();
			}
			String text = value.strip().toUpperCase(Locale.ROOT);
			return Arrays.stream(values()).filter(outcome -> outcome.name().equals(text)).findFirst();
		}

	}

	/** The checklist's items, one a line, blank lines left out. */
	public static List<String> checklist(@Nullable String value) {
		if (value == null) {
			return List.of();
		}
		return value.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

	/**
	 * Whether the text is a deadline a map may give: an ISO 8601 duration of days, hours
	 * and minutes ({@code P2D}, {@code PT4H}, {@code P1DT12H}), at least a minute and at
	 * most a year.
	 */
	public static boolean isDeadline(@Nullable String value) {
		if (value == null || !value.strip().matches("P(?:[0-9]{1,3}D)?(?:T(?:[0-9]{1,4}H)?(?:[0-9]{1,6}M)?)?")) {
			return false;
		}
		try {
			java.time.Duration duration = java.time.Duration.parse(value.strip());
			return duration.toMinutes() >= 1 && duration.toDays() <= 366;
		}
		catch (java.time.format.DateTimeParseException ex) {
			return false;
		}
	}

	/** The id of the timer the reader attaches to an action for its deadline. */
	public static String deadlineEventId(String actionId) {
		return actionId + "_deadline";
	}

	/** The variable a question's answer is kept in: the gateway's id as a name. */
	public static String answerVariable(String gatewayId) {
		return "answer_" + gatewayId.replaceAll("[^A-Za-z0-9_]", "_");
	}

	/**
	 * The variable that says whether a branch of a selection (an inclusive gateway asked
	 * as a question) was chosen: one boolean per branch.
	 */
	public static String choiceVariable(String gatewayId, String flowId) {
		return answerVariable(gatewayId) + "__" + flowId.replaceAll("[^A-Za-z0-9_]", "_");
	}

	/** The condition of a branch of a selection: it runs when it was chosen. */
	public static String choiceCondition(String gatewayId, String flowId) {
		return "${" + choiceVariable(gatewayId, flowId) + " == true}";
	}

	/**
	 * The condition the reader writes on a branch of a question: the answer for an
	 * exclusive gateway, the choice for an inclusive one (a selection).
	 */
	public static String questionCondition(String gatewayKind, String gatewayId, String flowId) {
		return gatewayKind.equals("inclusiveGateway") ? choiceCondition(gatewayId, flowId)
				: answerCondition(gatewayId, flowId);
	}

	/** The condition of the branch that answers the question. */
	public static String answerCondition(String gatewayId, String flowId) {
		return "${" + answerVariable(gatewayId) + " == '" + flowId + "'}";
	}

}
