package io.clientele.clients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.TextRules;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public door for leads from the company's website: each web form has its own secret
 * (shown once, stored hashed, revocable), a honeypot field that people leave empty and
 * form-filling robots do not, and a limit of requests per minute from one address.
 */
@Service
public class LeadIntake {

	/** Requests per minute from one address; more are answered 429. */
	public static final int PER_MINUTE = 10;

	private static final SecureRandom random = new SecureRandom();

	private static final String FORMS = "select id, name, secret_hint, department_id, channel, active, created_at from lead_forms";

	private final JdbcClient jdbc;

	private final Leads leads;

	private final Clock clock;

	LeadIntake(JdbcClient jdbc, Leads leads, Clock clock) {
		this.jdbc = jdbc;
		this.leads = leads;
		this.clock = clock;
	}

	/**
	 * What a website form sends.
	 *
	 * @param website the honeypot: a field hidden from people; anything in it marks a
	 * robot
	 */
	public record Submission(@Nullable String name, @Nullable String company, @Nullable String phone,
			@Nullable String email, @Nullable String message, @Nullable String channel, @Nullable String website) {
	}

	/** The outcome: the lead made, or none for a robot caught by the honeypot. */
	public record Received(@Nullable Long leadId) {
	}

	/**
	 * Checks the form's secret and the submission and makes a lead. A wrong or revoked
	 * secret is refused as {@link RecordNotFound}; bad fields as a {@link RuleViolation}
	 * and nothing is stored. A filled honeypot is accepted silently and stored nowhere,
	 * so the robot learns nothing.
	 */
	@Transactional
	public Received receive(@Nullable String secret, Submission submission) {
		Form form = form(secret);
		if (submission.website() != null && !submission.website().isBlank()) {
			return new Received(null);
		}
		String channel = submission.channel() != null && !submission.channel().isBlank() ? submission.channel()
				: form.channel();
		LeadDraft draft = new LeadDraft(submission.name(), submission.company(), submission.phone(), submission.email(),
				submission.message(), LeadSource.WEB_FORM, channel, null, null, Map.of());
		return new Received(leads.receive(draft, form.departmentId(), form.id()));
	}

	/**
	 * Counts a request from the address and tells whether it is within the limit. Counted
	 * in its own transaction, so that refused and failed requests count too.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean admit(String address) {
		OffsetDateTime minute = clock.instant().truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC);
		int requests = jdbc.sql("""
				insert into lead_intake_counts as c (address, minute, requests) values (?, ?, 1)
				on conflict (address, minute) do update set requests = c.requests + 1
				returning requests
				""").params(address, minute).query(Integer.class).single();
		if (requests == 1) {
			jdbc.sql("delete from lead_intake_counts where minute < ?").param(minute.minusMinutes(5)).update();
		}
		return requests <= PER_MINUTE;
	}

	/** A web form as the administrator sees it (never its secret). */
	public record Form(long id, String name, String hint, long departmentId, @Nullable String channel, boolean active,
			Instant createdAt) {
	}

	/** A new form with its secret, shown this once. */
	public record NewForm(long id, String secret) {
	}

	@Transactional
	public NewForm createForm(String name, long departmentId, @Nullable String channel) {
		String checkedName = TextRules.required("name", name, 100);
		String checkedChannel = TextRules.line("channel", channel, 200);
		String secret = newSecret();
		long id = jdbc.sql("""
				insert into lead_forms (name, secret_hash, secret_hint, department_id, channel)
				values (?, ?, ?, ?, ?) returning id
				""")
			.params(checkedName, hash(secret), secret.substring(0, 8), departmentId,
					checkedChannel == null || checkedChannel.isBlank() ? null : checkedChannel)
			.query(Long.class)
			.single();
		return new NewForm(id, secret);
	}

	/** Gives the form a new secret; the old one stops working at once. */
	@Transactional
	public String renewSecret(long formId) {
		String secret = newSecret();
		int updated = jdbc.sql("update lead_forms set secret_hash = ?, secret_hint = ?, active = true where id = ?")
			.params(hash(secret), secret.substring(0, 8), formId)
			.update();
		if (updated == 0) {
			throw new RecordNotFound("LeadForm", formId);
		}
		return secret;
	}

	@Transactional
	public void deactivate(long formId) {
		jdbc.sql("update lead_forms set active = false where id = ?").param(formId).update();
	}

	@Transactional(readOnly = true)
	public List<Form> forms() {
		return jdbc.sql(FORMS + " order by active desc, lower(name)").query(LeadIntake::row).list();
	}

	private Form form(@Nullable String secret) {
		if (secret == null || secret.isBlank() || secret.length() > 200) {
			throw new RecordNotFound("LeadForm", 0);
		}
		return jdbc.sql(FORMS + " where secret_hash = ? and active")
			.param(hash(secret.strip()))
			.query(LeadIntake::row)
			.optional()
			.orElseThrow(() -> new RecordNotFound("LeadForm", 0));
	}

	private static Form row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Form(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
				rs.getBoolean(6), rs.getTimestamp(7).toInstant());
	}

	private static String newSecret() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return "clf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] hash(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
