package io.clientele.clients.internal;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * A contact person's role at one client (a row of {@code client_contacts}).
 */
@Embeddable
public class Employment {

	@Column(name = "client_id")
	private long clientId;

	private @Nullable String position;

	private @Nullable String department;

	private boolean keyPerson;

	private boolean leftCompany;

	private @Nullable LocalDate leftOn;

	protected Employment() {
	}

	Employment(long clientId, @Nullable String position, @Nullable String department, boolean keyPerson,
			boolean leftCompany, @Nullable LocalDate leftOn) {
		this.clientId = clientId;
		this.position = position;
		this.department = department;
		this.keyPerson = keyPerson;
		this.leftCompany = leftCompany;
		this.leftOn = leftOn;
	}

	public long clientId() {
		return clientId;
	}

	public @Nullable String position() {
		return position;
	}

	public @Nullable String department() {
		return department;
	}

	public boolean keyPerson() {
		return keyPerson;
	}

	public boolean leftCompany() {
		return leftCompany;
	}

	public @Nullable LocalDate leftOn() {
		return leftOn;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Employment that && clientId == that.clientId && keyPerson == that.keyPerson
				&& leftCompany == that.leftCompany && Objects.equals(position, that.position)
				&& Objects.equals(department, that.department) && Objects.equals(leftOn, that.leftOn);
	}

	@Override
	public int hashCode() {
		return Objects.hash(clientId, position, department, keyPerson, leftCompany, leftOn);
	}

}
