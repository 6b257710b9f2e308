package io.clientele.clients.api;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientele.clients.LeadCard;
import io.clientele.clients.LeadDraft;
import io.clientele.clients.LeadIntake;
import io.clientele.clients.LeadSource;
import io.clientele.clients.LeadStatus;
import io.clientele.clients.Leads;
import io.clientele.shared.lists.RecordListPage;
import io.clientele.clients.internal.LeadColumns;
import io.clientele.shared.files.ExportFormat;
import io.clientele.clients.web.ClientExports;
import io.clientele.shared.lists.ListParams;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leads through the API, and the public intake for the company's website.
 */
@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads")
class LeadsApi {

	/** The header that carries a web form's secret (or the {@code secret} field). */
	static final String SECRET_HEADER = "X-Form-Secret";

	private final Leads leads;

	private final LeadIntake intake;

	private final LeadColumns columns;

	private final MessageSource messages;

	private final ClientExports exports;

	LeadsApi(Leads leads, LeadIntake intake, LeadColumns columns, MessageSource messages, ClientExports exports) {
		this.exports = exports;
		this.leads = leads;
		this.intake = intake;
		this.columns = columns;
		this.messages = messages;
	}

	record LeadJson(long id, long version, String name, @Nullable String company, @Nullable String phone,
			@Nullable String email, @Nullable String message, LeadSource source, @Nullable String channel,
			LeadStatus status, @Nullable Long rejectionReasonId, @Nullable String rejectionNote,
			@Nullable Long responsibleId, long departmentId, @Nullable Long clientId, @Nullable Long contactId,
			Map<String, Object> custom, Instant createdAt, Instant updatedAt) {

		static LeadJson of(LeadCard card) {
			return new LeadJson(card.id(), card.version(), card.name(), card.company(), card.phone(), card.email(),
					card.message(), card.source(), card.channel(), card.status(), card.rejectionReasonId(),
					card.rejectionNote(), card.responsibleId(), card.departmentId(), card.clientId(), card.contactId(),
					card.custom(), card.createdAt(), card.updatedAt());
		}

	}

	/**
	 * A lead to create, or the new state of one to update.
	 *
	 * @param responsibleId who works it (heads and administrators); left out, a head's
	 * lead waits in the department's queue and a manager's is their own
	 * @param version the version an update is based on
	 */
	record LeadWrite(@Nullable String name, @Nullable String company, @Nullable String phone, @Nullable String email,
			@Nullable String message, @Nullable LeadSource source, @Nullable String channel,
			@Nullable Long responsibleId, @Nullable Long departmentId, @Nullable Map<String, Object> custom,
			@Nullable Long version) {

		LeadDraft draft() {
			return new LeadDraft(name, company, phone, email, message, source == null ? LeadSource.MANUAL : source,
					channel, responsibleId, departmentId, custom);
		}

	}

	record Page(List<Map<String, @Nullable Object>> items, @Nullable String next, @Nullable String previous,
			ClientsApi.Total total) {
	}

	@GetMapping
	@Operation(summary = "List the leads the caller may see",
			description = "Newest first unless `sort` says otherwise. Keyset pages with `after` / `before`; filters "
					+ "as `f.<column>` (status, source, responsible, channel, company, phone, email, created.from/to). "
					+ "`q` searches name, company, phone and e-mail.")
	Page list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
			@AuthenticationPrincipal CurrentUser user) {
		ListParams state = ListParams.from("/leads", params, shown(), "created", true);
		if (state.group() != null) {
			throw new RuleViolation("group", "list.group-invalid");
		}
		RecordListPage page = leads.page(state.query(), user);
		List<Map<String, @Nullable Object>> items = page.rows().stream().map(row -> {
			Map<String, @Nullable Object> item = new LinkedHashMap<>();
			item.put("id", row.id());
			row.values().forEach((key, value) -> item.put(key.equals("responsible") ? "responsibleId" : key, value));
			return item;
		}).toList();
		return new Page(items, page.next(), page.previous(),
				new ClientsApi.Total(page.total().value(), page.total().exact()));
	}

	@GetMapping("/export")
	@Operation(summary = "Export the leads the caller may see as CSV or XLSX",
			description = "Every matching lead, newest first unless `sort` says otherwise: the same filters and `q` "
					+ "as the list, the columns of `cols` in their order (by default those the list returns), headers "
					+ "in the language of `Accept-Language`, values as the pages show them. Written as the client "
					+ "export is (see there).")
	@ApiResponse(responseCode = "200", description = "The file, as an attachment", content = {
			@Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")) })
	void export(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
			@Parameter(description = "csv or xlsx") @RequestParam(defaultValue = "csv") String format,
			@Parameter(description = "CSV field separator: comma (the default) or semicolon") @RequestParam(
					required = false) @Nullable String delimiter,
			@AuthenticationPrincipal CurrentUser user, Locale locale, HttpServletResponse response) {
		exports.leads(ListParams.from("/leads", params, shown(), "created", true), ExportFormat.of(format, false),
				ExportFormat.delimiter(delimiter), null, user, locale, response);
	}

	/** The columns the list returns: the lead's own and every extra field. */
	private List<String> shown() {
		List<String> shown = new java.util.ArrayList<>(List.of("name", "company", "phone", "email", "status", "source",
				"channel", "responsible", "created", "updated"));
		columns.all().keySet().stream().filter(key -> key.startsWith("cf")).forEach(shown::add);
		return shown;
	}

	@GetMapping("/{id}")
	@Operation(summary = "A lead")
	LeadJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return LeadJson.of(leads.card(id, user));
	}

	@PostMapping
	@Operation(summary = "Create a lead")
	ResponseEntity<LeadJson> create(@RequestBody LeadWrite lead, @AuthenticationPrincipal CurrentUser user) {
		long id = leads.create(lead.draft(), user);
		return ResponseEntity.created(URI.create("/api/v1/leads/" + id)).body(LeadJson.of(leads.card(id, user)));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a lead's data",
			description = "Send the version you read; if someone changed the lead since, the answer is 409.")
	LeadJson update(@PathVariable long id, @RequestBody LeadWrite lead, @AuthenticationPrincipal CurrentUser user) {
		if (lead.version() == null) {
			throw new RuleViolation("version", "value.missing");
		}
		leads.update(id, lead.draft(), lead.version(), user);
		return LeadJson.of(leads.card(id, user));
	}

	/**
	 * What the website sends.
	 *
	 * @param secret the form's secret, unless sent in the {@value #SECRET_HEADER} header
	 * @param website leave empty: a field hidden from people, filled only by robots
	 */
	record IntakeJson(@Nullable String secret, @Nullable String name, @Nullable String company, @Nullable String phone,
			@Nullable String email, @Nullable String message, @Nullable String channel, @Nullable String website) {
	}

	record Accepted(String status) {
	}

	@PostMapping(path = "/intake", consumes = MediaType.APPLICATION_JSON_VALUE)
	@CrossOrigin(origins = "*", allowedHeaders = { "Content-Type", SECRET_HEADER }, allowCredentials = "false")
	@SecurityRequirements
	@Operation(summary = "Receive a lead from the company's website (no user token; the form's secret)",
			description = "Send the secret of a web form (Settings → Leads) in the `X-Form-Secret` header or the "
					+ "`secret` field. Needs a name and a phone or an e-mail. Answers 201 when the lead is taken, "
					+ "400 with problem details when a field is wrong (nothing is stored), 403 for an unknown "
					+ "secret, 429 after " + LeadIntake.PER_MINUTE + " requests a minute from one address.")
	ResponseEntity<?> intakeJson(@RequestBody IntakeJson body,
			@RequestHeader(name = SECRET_HEADER, required = false) @Nullable String secret,
			HttpServletRequest request) {
		return intake(secret != null ? secret : body.secret(), new LeadIntake.Submission(body.name(), body.company(),
				body.phone(), body.email(), body.message(), body.channel(), body.website()), request);
	}

	@PostMapping(path = "/intake", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@CrossOrigin(origins = "*", allowedHeaders = { "Content-Type", SECRET_HEADER }, allowCredentials = "false")
	@SecurityRequirements
	@Operation(summary = "Receive a lead from a plain HTML form on the company's website",
			description = "The same fields as the JSON variant, as form fields.")
	ResponseEntity<?> intakeForm(@RequestParam MultiValueMap<String, String> fields,
			@RequestHeader(name = SECRET_HEADER, required = false) @Nullable String secret,
			HttpServletRequest request) {
		return intake(secret != null ? secret : fields.getFirst("secret"),
				new LeadIntake.Submission(fields.getFirst("name"), fields.getFirst("company"), fields.getFirst("phone"),
						fields.getFirst("email"), fields.getFirst("message"), fields.getFirst("channel"),
						fields.getFirst("website")),
				request);
	}

	private ResponseEntity<?> intake(@Nullable String secret, LeadIntake.Submission submission,
			HttpServletRequest request) {
		if (!intake.admit(request.getRemoteAddr())) {
			return problem(HttpStatus.TOO_MANY_REQUESTS, "problem.intake.too-many", null, null);
		}
		try {
			intake.receive(secret, submission);
			return ResponseEntity.status(HttpStatus.CREATED).body(new Accepted("received"));
		}
		catch (RecordNotFound unknownForm) {
			return problem(HttpStatus.FORBIDDEN, "problem.intake.secret", null, null);
		}
		catch (RuleViolation violation) {
			return problem(HttpStatus.BAD_REQUEST, "problem.invalid-input", violation.field(),
					messages.getMessage(violation.messageKey(), violation.arguments(), locale()));
		}
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, @Nullable String field,
			@Nullable String fieldMessage) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, null, locale()));
		if (field != null) {
			problem.setProperty("errors", List.of(Map.of("field", field, "message", fieldMessage)));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
