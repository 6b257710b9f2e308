package io.clientele.clients.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientele.clients.Email;
import io.clientele.clients.Messenger;
import io.clientele.clients.Phone;
import io.clientele.shared.Aggregate;
import io.clientele.shared.RuleViolation;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A contact person: a person at one or more client organisations. One who left a client
 * stays linked to it, marked as former, with their history.
 */
@Entity
@Table(name = "contacts")
public class Contact extends Aggregate {

	private @Nullable String lastName;

	private @Nullable String firstName;

	private @Nullable String middleName;

	private String fullName = "";

	private @Nullable LocalDate birthday;

	@JdbcTypeCode(SqlTypes.JSON)
	private List<Phone> phones = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.JSON)
	private List<Email> emails = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.JSON)
	private List<Messenger> messengers = new ArrayList<>();

	private @Nullable String notes;

	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, Object> custom = new LinkedHashMap<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] phoneDigits = new String[0];

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] emailLower = new String[0];

	@ElementCollection
	@CollectionTable(name = "client_contacts", joinColumns = @JoinColumn(name = "contact_id"))
	private List<Employment> work = new ArrayList<>();

	private Instant createdAt = Instant.now();

	private @Nullable Long createdBy;

	private Instant updatedAt = Instant.now();

	private @Nullable Instant deletedAt;

	private @Nullable Long deletedBy;

	private @Nullable Long mergedInto;

	protected Contact() {
	}

	static Contact create(ContactData data, long actorId, Instant now) {
		Contact contact = new Contact();
		contact.apply(data);
		contact.createdBy = actorId;
		contact.createdAt = now;
		contact.updatedAt = now;
		return contact;
	}

	void update(ContactData data, Instant now) {
		apply(data);
		updatedAt = now;
	}

	void moveToRecycleBin(long actorId, Instant now) {
		deletedAt = now;
		deletedBy = actorId;
	}

	void restore(Instant now) {
		if (mergedInto != null) {
			throw new RuleViolation(null, "merge.restore-by-undo");
		}
		if (deletedAt != null && deletedAt.plus(Duration.ofDays(Client.RESTORABLE_DAYS)).isBefore(now)) {
			throw new RuleViolation(null, "client.restore-too-late", Client.RESTORABLE_DAYS);
		}
		deletedAt = null;
		deletedBy = null;
		updatedAt = now;
	}

	/**
	 * Goes into the survivor of a merge: out of every list, until the merge is undone.
	 */
	void mergeInto(long survivorId, long actorId, Instant now) {
		deletedAt = now;
		deletedBy = actorId;
		mergedInto = survivorId;
	}

	/** Comes back when the merge that took it is undone. */
	void separate(Instant now) {
		deletedAt = null;
		deletedBy = null;
		mergedInto = null;
		updatedAt = now;
	}

	private void apply(ContactData data) {
		lastName = data.lastName();
		firstName = data.firstName();
		middleName = data.middleName();
		fullName = data.fullName();
		birthday = data.birthday();
		phones = new ArrayList<>(data.phones());
		emails = new ArrayList<>(data.emails());
		messengers = new ArrayList<>(data.messengers());
		notes = data.notes();
		custom = new LinkedHashMap<>(data.custom());
		work = new ArrayList<>(data.work());
		phoneDigits = Phone.digitsOf(phones).toArray(String[]::new);
		emailLower = Email.lowerCased(emails).toArray(String[]::new);
	}

	public @Nullable String lastName() {
		return lastName;
	}

	public @Nullable String firstName() {
		return firstName;
	}

	public @Nullable String middleName() {
		return middleName;
	}

	public String fullName() {
		return fullName;
	}

	public @Nullable LocalDate birthday() {
		return birthday;
	}

	public List<Phone> phones() {
		return List.copyOf(phones);
	}

	public List<Email> emails() {
		return List.copyOf(emails);
	}

	public List<Messenger> messengers() {
		return List.copyOf(messengers);
	}

	public @Nullable String notes() {
		return notes;
	}

	public Map<String, Object> custom() {
		return java.util.Collections.unmodifiableMap(custom);
	}

	public List<Employment> work() {
		return List.copyOf(work);
	}

	public List<Long> clientIds() {
		return work.stream().map(Employment::clientId).toList();
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public @Nullable Instant deletedAt() {
		return deletedAt;
	}

	public boolean deleted() {
		return deletedAt != null;
	}

	public @Nullable Long mergedInto() {
		return mergedInto;
	}

}
