package io.clientele.identity.internal;

import java.time.Instant;

import io.clientele.shared.Aggregate;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A node of the company's department tree. The root is the company itself.
 */
@Entity
@Table(name = "departments")
public class Department extends Aggregate {

	private String name;

	private @Nullable Long parentId;

	private @Nullable Long headUserId;

	private Instant createdAt = Instant.now();

	protected Department() {
		this.name = "";
	}

	Department(String name, @Nullable Long parentId) {
		this.name = name;
		this.parentId = parentId;
	}

	void rename(String name) {
		this.name = name;
	}

	void moveUnder(long parentId) {
		this.parentId = parentId;
	}

	void headedBy(@Nullable Long userId) {
		this.headUserId = userId;
	}

	public String name() {
		return name;
	}

	public @Nullable Long parentId() {
		return parentId;
	}

	public boolean isRoot() {
		return parentId == null;
	}

	public @Nullable Long headUserId() {
		return headUserId;
	}

	public Instant createdAt() {
		return createdAt;
	}

}
