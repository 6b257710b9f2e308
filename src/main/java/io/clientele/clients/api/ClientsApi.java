package io.clientele.clients.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientele.clients.ClientList;
import io.clientele.shared.lists.RecordListPage;
import io.clientele.clients.ClientService;
import io.clientele.clients.internal.ClientColumns;
import io.clientele.shared.files.ExportFormat;
import io.clientele.clients.web.ClientExports;
import io.clientele.shared.lists.ListParams;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clients through the API, with the same access, rules and history as the pages.
 */
@RestController
@RequestMapping("/api/v1/clients")
@Tag(name = "Clients")
class ClientsApi {

	/** Every column the API list returns. */
	private static final List<String> COLUMNS = List.of("name", "kind", "inn", "city", "phone", "email", "segments",
			"responsible", "updated");

	private final ClientService clients;

	private final ClientList list;

	private final ClientColumns columns;

	private final ClientExports exports;

	ClientsApi(ClientService clients, ClientList list, ClientColumns columns, ClientExports exports) {
		this.exports = exports;
		this.clients = clients;
		this.list = list;
		this.columns = columns;
	}

	record Page(List<Map<String, @Nullable Object>> items, @Nullable String next, @Nullable String previous,
			Total total) {
	}

	record Total(long value, boolean exact) {
	}

	@GetMapping
	@Operation(summary = "List the clients the caller may see",
			description = "Keyset pages: pass `after` (the `next` of the previous page) or `before`. Filters as "
					+ "`f.<column>=value` (several values mean any of them); ranges as `f.<column>.from` / `.to` "
					+ "(dates YYYY-MM-DD); extra fields as `f.cf<id>`. Columns: name, kind, shortName, inn, kpp, ogrn, "
					+ "city, industry, size, website, source, phone, email, segments, responsible, birthday, foundedOn, "
					+ "created, updated, cf<id>. `q` searches name, INN, phone and e-mail.")
	Page list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
			@AuthenticationPrincipal CurrentUser user) {
		ListParams state = ListParams.from("/clients", params, shown());
		if (state.group() != null) {
			throw new RuleViolation("group", "list.group-invalid");
		}
		RecordListPage page = list.page(state.query(), user);
		List<Map<String, Object>> items = page.rows().stream().map(row -> {
			Map<String, Object> item = new java.util.LinkedHashMap<>();
			item.put("id", row.id());
			item.put("kind", row.kind());
			row.values().forEach((key, value) -> {
				if (key.startsWith("cf")) {
					@SuppressWarnings("unchecked")
					Map<String, Object> custom = (Map<String, Object>) item.computeIfAbsent("custom",
							k -> new java.util.LinkedHashMap<String, Object>());
					if (value != null) {
						custom.put(key.substring(2), value);
					}
				}
				else {
					item.put(key.equals("phone") ? "phones" : key.equals("email") ? "emails"
							: key.equals("responsible") ? "responsibleId" : key.equals("segments") ? "segmentIds" : key,
							value);
				}
			});
			return item;
		}).toList();
		return new Page(items, page.next(), page.previous(), new Total(page.total().value(), page.total().exact()));
	}

	@GetMapping("/export")
	@Operation(summary = "Export the clients the caller may see as CSV or XLSX",
			description = "Every matching client, not one page: the same filters, `q`, `sort`/`dir` and `group` as "
					+ "the list, the columns of `cols` in their order (by default those the list returns), headers "
					+ "in the language of `Accept-Language`. Values as the pages show them (choices translated, "
					+ "lists joined with \", \"); dates and numbers as values (CSV: ISO dates, `yyyy-MM-dd HH:mm:ss`). "
					+ "CSV is UTF-8 with a byte order mark. Text that a spreadsheet would take for a formula "
					+ "(starting with = + - @, a tab or a carriage return) starts with an apostrophe. The file is "
					+ "streamed; a wrong filter is answered with problem details before any of it.")
	@ApiResponse(responseCode = "200", description = "The file, as an attachment", content = {
			@Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")) })
	void export(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
			@Parameter(description = "csv or xlsx") @RequestParam(defaultValue = "csv") String format,
			@Parameter(description = "CSV field separator: comma (the default) or semicolon") @RequestParam(
					required = false) @Nullable String delimiter,
			@AuthenticationPrincipal CurrentUser user, Locale locale, HttpServletResponse response) {
		exports.clients(ListParams.from("/clients", params, shown()), ExportFormat.of(format, false),
				ExportFormat.delimiter(delimiter), null, user, locale, response);
	}

	/** The columns the list returns: {@link #COLUMNS} and every extra field. */
	private List<String> shown() {
		List<String> shown = new java.util.ArrayList<>(COLUMNS);
		columns.all().keySet().stream().filter(key -> key.startsWith("cf")).forEach(shown::add);
		return shown;
	}

	@GetMapping("/{id}")
	@Operation(summary = "A client with its contacts and legal entities")
	ClientJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return ClientJson.of(clients.card(id, user));
	}

	@PostMapping
	@Operation(summary = "Create a client")
	ResponseEntity<ClientJson> create(@RequestBody ClientWrite client, @AuthenticationPrincipal CurrentUser user) {
		long id = clients.create(client.draft(), user);
		return ResponseEntity.created(URI.create("/api/v1/clients/" + id)).body(ClientJson.of(clients.card(id, user)));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a client's data",
			description = "Send the version you read; if someone changed the client since, the answer is 409.")
	ClientJson update(@PathVariable long id, @RequestBody ClientWrite client,
			@AuthenticationPrincipal CurrentUser user) {
		if (client.version() == null) {
			throw new RuleViolation("version", "value.missing");
		}
		clients.update(id, client.draft(), client.version(), user);
		return ClientJson.of(clients.card(id, user));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Move a client to the recycle bin (restorable for 30 days)")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestParam long version,
			@AuthenticationPrincipal CurrentUser user) {
		clients.delete(id, version, user);
		return ResponseEntity.noContent().build();
	}

}
