package io.clientele.identity.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;

import io.clientele.identity.Role;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of user accounts and a user's own password and language.
 */
@Service
public class UserAccounts {

	private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{3,100}");

	private final UserRepository users;

	private final DepartmentRepository departments;

	private final PasswordEncoder encoder;

	private final UserSessions sessions;

	private final Clock clock;

	UserAccounts(UserRepository users, DepartmentRepository departments, PasswordEncoder encoder, UserSessions sessions,
			Clock clock) {
		this.users = users;
		this.departments = departments;
		this.encoder = encoder;
		this.sessions = sessions;
		this.clock = clock;
	}

	public record NewUser(String username, String fullName, @Nullable String email, Role role, long departmentId) {
	}

	public record UserChange(String fullName, @Nullable String email, Role role, long departmentId, long version) {
	}

	/** A created account and its one-time password, to be handed to the person. */
	public record Created(long id, String temporaryPassword) {
	}

	@Transactional
	public Created create(NewUser command) {
		String password = TemporaryPasswords.generate();
		User user = add(command, encoder.encode(password));
		return new Created(user.id(), password);
	}

	/**
	 * A user whose password is already chosen and hashed (people set up in bulk: one hash
	 * for hundreds of them), who need not change it.
	 */
	@Transactional
	public long createWithPassword(NewUser command, String passwordHash) {
		User user = add(command, passwordHash);
		user.changePassword(passwordHash, clock.instant());
		return users.save(user).id();
	}

	private User add(NewUser command, String passwordHash) {
		String username = command.username().strip();
		if (!USERNAME.matcher(username).matches()) {
			throw new RuleViolation("username", "user.username.invalid");
		}
		if (users.usernameTaken(username)) {
			throw new RuleViolation("username", "user.username.taken", username);
		}
		String email = normalisedEmail(command.email(), 0);
		department(command.departmentId());
		User user = users.save(new User(username, command.fullName().strip(), email, command.role(),
				command.departmentId(), passwordHash));
		if (command.role() == Role.HEAD_OF_DEPARTMENT) {
			appointHead(user);
		}
		return user;
	}

	@Transactional
	public void edit(long userId, UserChange change, long actingUserId) {
		User user = user(userId);
		user.checkVersion(change.version());
		if (userId == actingUserId && user.role() == Role.ADMINISTRATOR && change.role() != Role.ADMINISTRATOR) {
			throw new RuleViolation("role", "user.cannot-demote-self");
		}
		department(change.departmentId());
		boolean accessChanged = user.role() != change.role() || user.departmentId() != change.departmentId();
		boolean wasHead = user.role() == Role.HEAD_OF_DEPARTMENT;
		user.edit(change.fullName().strip(), normalisedEmail(change.email(), userId), change.role(),
				change.departmentId());
		if (wasHead && accessChanged) {
			stepDownAsHead(userId);
		}
		if (change.role() == Role.HEAD_OF_DEPARTMENT) {
			appointHead(user);
		}
		users.save(user);
		if (accessChanged && userId != actingUserId) {
			sessions.endAll(user.username());
		}
	}

	@Transactional
	public void deactivate(long userId, long version, long actingUserId) {
		User user = user(userId);
		user.checkVersion(version);
		if (userId == actingUserId) {
			throw new RuleViolation(null, "user.cannot-deactivate-self");
		}
		if (user.role() == Role.ADMINISTRATOR && user.active() && users.countActiveAdministrators() <= 1) {
			throw new RuleViolation(null, "user.last-administrator");
		}
		user.deactivate(clock.instant());
		stepDownAsHead(userId);
		users.save(user);
		sessions.endAll(user.username());
	}

	@Transactional
	public void reactivate(long userId, long version) {
		User user = user(userId);
		user.checkVersion(version);
		user.reactivate();
		if (user.role() == Role.HEAD_OF_DEPARTMENT) {
			appointHead(user);
		}
		users.save(user);
	}

	/** Gives the user a new one-time password; they must choose their own at sign-in. */
	@Transactional
	public String resetPassword(long userId) {
		User user = user(userId);
		String password = TemporaryPasswords.generate();
		user.resetPassword(encoder.encode(password), clock.instant());
		users.save(user);
		sessions.endAll(user.username());
		return password;
	}

	@Transactional
	public void changeOwnPassword(long userId, String currentPassword, String newPassword) {
		User user = user(userId);
		if (!encoder.matches(currentPassword, user.passwordHash())) {
			throw new RuleViolation("currentPassword", "password.current-wrong");
		}
		PasswordPolicy.check("newPassword", newPassword, user.username());
		if (encoder.matches(newPassword, user.passwordHash())) {
			throw new RuleViolation("newPassword", "password.same-as-before");
		}
		user.changePassword(encoder.encode(newPassword), clock.instant());
		users.save(user);
	}

	@Transactional
	public void preferLocale(long userId, Locale locale) {
		User user = user(userId);
		user.preferLocale(locale);
		users.save(user);
	}

	@Transactional(readOnly = true)
	public User user(long userId) {
		return users.findById(userId).orElseThrow(() -> new RecordNotFound("User", userId));
	}

	/** A head heads the department they belong to; a department has at most one head. */
	private void appointHead(User user) {
		if (!user.active()) {
			return;
		}
		Department department = department(user.departmentId());
		Long current = department.headUserId();
		if (current != null && current != user.id()) {
			User other = user(current);
			if (other.active() && other.role() == Role.HEAD_OF_DEPARTMENT && other.departmentId() == department.id()) {
				throw new RuleViolation("role", "user.department-has-head", department.name(), other.fullName());
			}
		}
		if (department.headUserId() == null || department.headUserId() != user.id()) {
			stepDownAsHead(user.id());
			department.headedBy(user.id());
			departments.saveAndFlush(department);
		}
	}

	/**
	 * Frees the head seat the user holds, before another seat is given (one seat each).
	 */
	private void stepDownAsHead(long userId) {
		departments.findHeadedBy(userId).ifPresent(department -> {
			department.headedBy(null);
			departments.saveAndFlush(department);
		});
	}

	private Department department(long departmentId) {
		return departments.findById(departmentId)
			.orElseThrow(() -> new RuleViolation("departmentId", "department.not-found"));
	}

	private @Nullable String normalisedEmail(@Nullable String email, long userId) {
		if (email == null || email.isBlank()) {
			return null;
		}
		String normalised = email.strip();
		if (users.emailTakenByOther(normalised, userId)) {
			throw new RuleViolation("email", "user.email.taken", normalised);
		}
		return normalised;
	}

}
