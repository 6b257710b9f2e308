package io.clientele.clients.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientele.clients.Address;
import io.clientele.clients.BankAccount;
import io.clientele.clients.ClientKind;
import io.clientele.clients.CompanySize;
import io.clientele.clients.Email;
import io.clientele.clients.KeyDate;
import io.clientele.clients.Messenger;
import io.clientele.clients.Phone;
import io.clientele.shared.Aggregate;
import io.clientele.shared.PhoneNumbers;
import io.clientele.shared.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A client: an organisation or a private person, with everything the card holds. Deleting
 * moves it to the recycle bin; it can be restored for {@link #RESTORABLE_DAYS} days.
 */
@Entity
@Table(name = "clients")
public class Client extends Aggregate {

	public static final int RESTORABLE_DAYS = 30;

	@Enumerated(EnumType.STRING)
	private ClientKind kind = ClientKind.ORGANISATION;

	private String name = "";

	private @Nullable String shortName;

	private @Nullable String lastName;

	private @Nullable String firstName;

	private @Nullable String middleName;

	private @Nullable String inn;

	private @Nullable String kpp;

	private @Nullable String ogrn;

	private @Nullable String industry;

	@Enumerated(EnumType.STRING)
	@Column(name = "company_size")
	private @Nullable CompanySize size;

	private @Nullable String website;

	private @Nullable String source;

	private @Nullable LocalDate birthday;

	private @Nullable LocalDate foundedOn;

	private @Nullable String notes;

	private @Nullable String city;

	@JdbcTypeCode(SqlTypes.JSON)
	private List<Phone> phones = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.JSON)
	private List<Email> emails = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.JSON)
	private List<Messenger> messengers = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.JSON)
	private List<Address> addresses = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.JSON)
	private List<BankAccount> bankAccounts = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.JSON)
	private List<KeyDate> keyDates = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, Object> custom = new LinkedHashMap<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	private Long[] segmentIds = new Long[0];

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] phoneDigits = new String[0];

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] emailLower = new String[0];

	private long responsibleId;

	private Instant createdAt = Instant.now();

	private @Nullable Long createdBy;

	private Instant updatedAt = Instant.now();

	private @Nullable Instant deletedAt;

	private @Nullable Long deletedBy;

	private @Nullable Long mergedInto;

	protected Client() {
	}

	static Client create(ClientData data, @Nullable Long actorId, Instant now) {
		Client client = new Client();
		client.apply(data);
		client.createdAt = now;
		client.updatedAt = now;
		client.createdBy = actorId;
		return client;
	}

	/** Takes the checked data; the kind of a client stays what it was created as. */
	void update(ClientData data, Instant now) {
		if (data.kind() != kind) {
			throw new RuleViolation("kind", "client.kind-fixed");
		}
		apply(data);
		updatedAt = now;
	}

	void moveToRecycleBin(long actorId, Instant now) {
		deletedAt = now;
		deletedBy = actorId;
	}

	void restore(Instant now) {
		if (deletedAt == null) {
			return;
		}
		if (mergedInto != null) {
			throw new RuleViolation(null, "merge.restore-by-undo");
		}
		if (deletedAt.plus(java.time.Duration.ofDays(RESTORABLE_DAYS)).isBefore(now)) {
			throw new RuleViolation(null, "client.restore-too-late", RESTORABLE_DAYS);
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

	void handOver(long newResponsibleId, Instant now) {
		responsibleId = newResponsibleId;
		updatedAt = now;
	}

	private void apply(ClientData data) {
		kind = data.kind();
		name = data.name();
		shortName = data.shortName();
		lastName = data.lastName();
		firstName = data.firstName();
		middleName = data.middleName();
		inn = data.inn();
		kpp = data.kpp();
		ogrn = data.ogrn();
		industry = data.industry();
		size = data.size();
		website = data.website();
		source = data.source();
		birthday = data.birthday();
		foundedOn = data.foundedOn();
		notes = data.notes();
		city = data.city();
		phones = new ArrayList<>(data.phones());
		emails = new ArrayList<>(data.emails());
		messengers = new ArrayList<>(data.messengers());
		addresses = new ArrayList<>(data.addresses());
		bankAccounts = new ArrayList<>(data.bankAccounts());
		keyDates = new ArrayList<>(data.keyDates());
		custom = new LinkedHashMap<>(data.custom());
		segmentIds = data.segmentIds().toArray(Long[]::new);
		phoneDigits = Phone.digitsOf(phones).toArray(String[]::new);
		emailLower = Email.lowerCased(emails).toArray(String[]::new);
		responsibleId = data.responsibleId();
	}

	/** The client's editable data as it is now. */
	ClientData data() {
		return new ClientData(kind, name, shortName, lastName, firstName, middleName, inn, kpp, ogrn, industry, size,
				website, source, birthday, foundedOn, notes, phones(), emails(), messengers(), addresses(),
				bankAccounts(), keyDates(), segmentIds(), responsibleId, custom());
	}

	public ClientKind kind() {
		return kind;
	}

	public String name() {
		return name;
	}

	public @Nullable String shortName() {
		return shortName;
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

	public @Nullable String inn() {
		return inn;
	}

	public @Nullable String kpp() {
		return kpp;
	}

	public @Nullable String ogrn() {
		return ogrn;
	}

	public @Nullable String industry() {
		return industry;
	}

	public @Nullable CompanySize size() {
		return size;
	}

	public @Nullable String website() {
		return website;
	}

	public @Nullable String source() {
		return source;
	}

	public @Nullable LocalDate birthday() {
		return birthday;
	}

	public @Nullable LocalDate foundedOn() {
		return foundedOn;
	}

	public @Nullable String notes() {
		return notes;
	}

	public @Nullable String city() {
		return city;
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

	public List<Address> addresses() {
		return List.copyOf(addresses);
	}

	public List<BankAccount> bankAccounts() {
		return List.copyOf(bankAccounts);
	}

	public List<KeyDate> keyDates() {
		return List.copyOf(keyDates);
	}

	public Map<String, Object> custom() {
		return java.util.Collections.unmodifiableMap(custom);
	}

	public List<Long> segmentIds() {
		return Arrays.asList(segmentIds);
	}

	public long responsibleId() {
		return responsibleId;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public @Nullable Long createdBy() {
		return createdBy;
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

	/** The phones as people read them. */
	public List<String> displayPhones() {
		return phones.stream().map(phone -> PhoneNumbers.display(phone.number())).toList();
	}

}
