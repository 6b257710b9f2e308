package io.clientele.activities.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.clientele.activities.CallDirection;
import io.clientele.activities.CallResult;
import io.clientele.activities.InteractionCard;
import io.clientele.activities.InteractionDraft;
import io.clientele.activities.InteractionKind;
import io.clientele.activities.InteractionState;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * The interaction form as the browser sends it: times as the {@code datetime-local}
 * fields write them, in the installation's time zone (as pages show times); a call's
 * length in minutes.
 */
public class InteractionForm {

	static final ZoneId ZONE = ZoneId.systemDefault();

	private InteractionKind kind = InteractionKind.CALL;

	private InteractionState state = InteractionState.DONE;

	private @Nullable String at;

	private @Nullable Long clientId;

	private @Nullable Long contactId;

	private @Nullable Long dealId;

	private @Nullable String subject;

	private @Nullable String result;

	private @Nullable Integer minutesSpent;

	private @Nullable Long responsibleId;

	private List<Long> participantUserIds = new ArrayList<>();

	private List<Long> participantContactIds = new ArrayList<>();

	private @Nullable CallDirection direction = CallDirection.OUTGOING;

	private @Nullable Integer durationMinutes;

	private @Nullable CallResult callResult;

	private @Nullable String recordingUrl;

	private @Nullable String place;

	private @Nullable String channel;

	private @Nullable Integer plannedMinutes;

	private @Nullable Long roomId;

	private long version;

	static InteractionForm blank(@Nullable Long clientId, @Nullable Long dealId, InteractionKind kind, Instant now) {
		InteractionForm form = new InteractionForm();
		form.clientId = clientId;
		form.dealId = dealId;
		form.kind = kind;
		form.at = local(now);
		form.plannedMinutes = (int) kind.usualLength().toMinutes();
		return form;
	}

	static InteractionForm of(InteractionCard card) {
		InteractionForm form = new InteractionForm();
		form.kind = card.kind();
		form.state = card.state();
		form.at = local(card.at());
		form.clientId = card.clientId();
		form.contactId = card.contactId();
		form.dealId = card.dealId();
		form.subject = card.subject();
		form.result = card.result();
		form.minutesSpent = card.minutesSpent();
		form.responsibleId = card.responsibleId();
		form.participantUserIds = new ArrayList<>(card.participantUsers().keySet());
		form.participantContactIds = new ArrayList<>(card.participantContacts().keySet());
		form.direction = card.direction();
		form.durationMinutes = card.durationSeconds() == null ? null : (card.durationSeconds() + 59) / 60;
		form.callResult = card.callResult();
		form.recordingUrl = card.recordingUrl();
		form.place = card.place();
		form.channel = card.channel();
		form.plannedMinutes = card.plannedMinutes() != null ? card.plannedMinutes()
				: (int) card.kind().usualLength().toMinutes();
		form.roomId = card.roomId();
		form.version = card.version();
		return form;
	}

	InteractionDraft toDraft() {
		if (clientId == null) {
			throw new RuleViolation("clientId", "interaction.client-invalid");
		}
		return new InteractionDraft(kind, state, instant("at", at), clientId, contactId, dealId,
				subject == null ? "" : subject, result, minutesSpent, responsibleId, participantUserIds,
				participantContactIds, direction, durationMinutes == null ? null : durationMinutes * 60, callResult,
				recordingUrl, place, channel, plannedMinutes, roomId);
	}

	/**
	 * When the meeting begins, as the form says now, or null while it says nothing valid.
	 */
	@Nullable Instant start() {
		try {
			return instant("at", at);
		}
		catch (RuleViolation ex) {
			return null;
		}
	}

	/** When the meeting ends: its start and length (or its kind's usual length). */
	@Nullable Instant end() {
		Instant start = start();
		if (start == null) {
			return null;
		}
		return plannedMinutes == null || plannedMinutes < 1 || plannedMinutes > 1440 ? start.plus(kind.usualLength())
				: start.plusSeconds(plannedMinutes * 60L);
	}

	static String local(Instant instant) {
		return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MINUTES), ZONE).toString();
	}

	static @Nullable Instant instant(String field, @Nullable String local) {
		if (local == null || local.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(local.strip()).atZone(ZONE).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new RuleViolation(field, "interaction.at-invalid");
		}
	}

	/** The form's field for a field of the draft. */
	String formField(String field) {
		return "durationSeconds".equals(field) ? "durationMinutes" : field;
	}

	public InteractionKind getKind() {
		return kind;
	}

	public void setKind(InteractionKind kind) {
		this.kind = kind;
	}

	public InteractionState getState() {
		return state;
	}

	public void setState(InteractionState state) {
		this.state = state;
	}

	public @Nullable String getAt() {
		return at;
	}

	public void setAt(@Nullable String at) {
		this.at = at;
	}

	public @Nullable Long getClientId() {
		return clientId;
	}

	public void setClientId(@Nullable Long clientId) {
		this.clientId = clientId;
	}

	public @Nullable Long getContactId() {
		return contactId;
	}

	public void setContactId(@Nullable Long contactId) {
		this.contactId = contactId;
	}

	public @Nullable Long getDealId() {
		return dealId;
	}

	public void setDealId(@Nullable Long dealId) {
		this.dealId = dealId;
	}

	public @Nullable String getSubject() {
		return subject;
	}

	public void setSubject(@Nullable String subject) {
		this.subject = subject;
	}

	public @Nullable String getResult() {
		return result;
	}

	public void setResult(@Nullable String result) {
		this.result = result;
	}

	public @Nullable Integer getMinutesSpent() {
		return minutesSpent;
	}

	public void setMinutesSpent(@Nullable Integer minutesSpent) {
		this.minutesSpent = minutesSpent;
	}

	public @Nullable Long getResponsibleId() {
		return responsibleId;
	}

	public void setResponsibleId(@Nullable Long responsibleId) {
		this.responsibleId = responsibleId;
	}

	public List<Long> getParticipantUserIds() {
		return participantUserIds;
	}

	public void setParticipantUserIds(List<Long> participantUserIds) {
		this.participantUserIds = participantUserIds == null ? new ArrayList<>() : participantUserIds;
	}

	public List<Long> getParticipantContactIds() {
		return participantContactIds;
	}

	public void setParticipantContactIds(List<Long> participantContactIds) {
		this.participantContactIds = participantContactIds == null ? new ArrayList<>() : participantContactIds;
	}

	public @Nullable CallDirection getDirection() {
		return direction;
	}

	public void setDirection(@Nullable CallDirection direction) {
		this.direction = direction;
	}

	public @Nullable Integer getDurationMinutes() {
		return durationMinutes;
	}

	public void setDurationMinutes(@Nullable Integer durationMinutes) {
		this.durationMinutes = durationMinutes;
	}

	public @Nullable CallResult getCallResult() {
		return callResult;
	}

	public void setCallResult(@Nullable CallResult callResult) {
		this.callResult = callResult;
	}

	public @Nullable String getRecordingUrl() {
		return recordingUrl;
	}

	public void setRecordingUrl(@Nullable String recordingUrl) {
		this.recordingUrl = recordingUrl;
	}

	public @Nullable String getPlace() {
		return place;
	}

	public void setPlace(@Nullable String place) {
		this.place = place;
	}

	public @Nullable String getChannel() {
		return channel;
	}

	public void setChannel(@Nullable String channel) {
		this.channel = channel;
	}

	public @Nullable Integer getPlannedMinutes() {
		return plannedMinutes;
	}

	public void setPlannedMinutes(@Nullable Integer plannedMinutes) {
		this.plannedMinutes = plannedMinutes;
	}

	public @Nullable Long getRoomId() {
		return roomId;
	}

	public void setRoomId(@Nullable Long roomId) {
		this.roomId = roomId;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
