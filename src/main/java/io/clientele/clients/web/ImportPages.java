package io.clientele.clients.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientele.clients.DuplicatePolicy;
import io.clientele.clients.ImportIssue;
import io.clientele.clients.ImportKind;
import io.clientele.clients.ImportStatus;
import io.clientele.clients.Imports;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.files.TabularWriter;
import io.clientele.shared.files.UnreadableFile;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Import pages: the list of the user's imports, the upload, the column mapping with the
 * preview, and an import's progress and report.
 */
@Controller
@RequestMapping("/imports")
class ImportPages {

	private final Imports imports;

	private final MessageSource messages;

	private final Clock clock;

	ImportPages(Imports imports, MessageSource messages, Clock clock) {
		this.imports = imports;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("imports", imports.recent(user));
		model.addAttribute("kinds", ImportKind.values());
		model.addAttribute("now", clock.instant());
		return "imports/list";
	}

	@PostMapping
	String upload(@RequestParam ImportKind kind, @RequestParam("file") MultipartFile file,
			@RequestParam(required = false) @Nullable String encoding,
			@RequestParam(required = false) @Nullable String delimiter, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		if (file.isEmpty()) {
			redirect.addFlashAttribute("failure", "import.file.missing");
			return "redirect:/imports";
		}
		try (InputStream content = file.getInputStream()) {
			long id = imports.upload(kind, file.getOriginalFilename(), content, blank(encoding) ? null : encoding,
					blank(delimiter) ? null : delimiter(delimiter), user);
			return "redirect:/imports/" + id + "/mapping";
		}
		catch (UnreadableFile unreadable) {
			redirect.addFlashAttribute("failure", unreadable.messageKey());
			redirect.addFlashAttribute("failureArgs", unreadable.arguments());
			return "redirect:/imports";
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
			redirect.addFlashAttribute("failureArgs", violation.arguments());
			return "redirect:/imports";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Character delimiter(String text) {
		return "tab".equals(text) ? '\t' : text.charAt(0);
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	@GetMapping("/{id}/mapping")
	String mapping(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Imports.Setup setup = imports.setup(id, user);
		if (!setup.status().state().name().equals("DRAFT")) {
			return "redirect:/imports/" + id;
		}
		model.addAttribute("setup", setup);
		model.addAttribute("imp", setup.status());
		model.addAttribute("policies", DuplicatePolicy.values());
		return "imports/mapping";
	}

	@PostMapping("/{id}/mapping")
	String saveMapping(@PathVariable long id, @RequestParam long version, @RequestParam DuplicatePolicy duplicates,
			@RequestParam(required = false) @Nullable Long defaultClientId, @RequestParam Map<String, String> params,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		Map<Integer, String> mapping = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith("column") && !value.isBlank()) {
				mapping.put(Integer.valueOf(name.substring("column".length())), value);
			}
		});
		try {
			imports.configure(id, version, mapping, duplicates, defaultClientId, user);
			return "redirect:/imports/" + id + "/preview";
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
		}
		catch (ConcurrentEdit edit) {
			redirect.addFlashAttribute("failure", "import.changed-meanwhile");
		}
		return "redirect:/imports/" + id + "/mapping";
	}

	@GetMapping("/{id}/preview")
	String preview(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		ImportStatus status = imports.status(id, user);
		model.addAttribute("imp", status);
		model.addAttribute("rows", imports.preview(id, user));
		model.addAttribute("mappedColumns", status.mapping().keySet().stream().sorted().toList());
		return "imports/preview";
	}

	@PostMapping("/{id}/start")
	String start(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			imports.start(id, user);
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
		}
		return "redirect:/imports/" + id;
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @RequestParam(defaultValue = "0") long after,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		ImportStatus status = imports.status(id, user);
		model.addAttribute("imp", status);
		model.addAttribute("now", clock.instant());
		if (status.state().finished()) {
			List<ImportIssue> issues = imports.issues(id, after, 101, user);
			model.addAttribute("issues", issues.subList(0, Math.min(100, issues.size())));
			model.addAttribute("nextAfter", issues.size() > 100 ? issues.get(99).rowNumber() : null);
		}
		return "imports/show";
	}

	/** The progress block, polled by the page while the import works. */
	@GetMapping("/{id}/progress")
	String progress(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response) {
		ImportStatus status = imports.status(id, user);
		if (!status.state().working()) {
			// the whole page, with the report, replaces the block
			response.setHeader("HX-Refresh", "true");
		}
		model.addAttribute("imp", status);
		model.addAttribute("now", clock.instant());
		return "imports/show :: progress";
	}

	@PostMapping("/{id}/cancel")
	String cancel(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		imports.cancel(id, user);
		return "redirect:/imports/" + id;
	}

	@PostMapping("/{id}/revert")
	String revert(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			imports.revert(id, user);
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
		}
		return "redirect:/imports/" + id;
	}

	/** Every refused, skipped and noted row, with the reason, and the row as it was. */
	@GetMapping("/{id}/report")
	void report(@PathVariable long id, @RequestParam(defaultValue = "csv") String format,
			@AuthenticationPrincipal CurrentUser user, Locale locale, HttpServletResponse response) throws IOException {
		ImportStatus status = imports.status(id, user);
		boolean xlsx = "xlsx".equals(format);
		response.setContentType(
				xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename("import-" + id + "-report." + (xlsx ? "xlsx" : "csv"), StandardCharsets.UTF_8)
					.build()
					.toString());
		OutputStream out = response.getOutputStream();
		try (TabularWriter writer = xlsx ? TabularWriter.xlsx(out, msg("import.report.sheet", locale))
				: TabularWriter.csv(out)) {
			List<String> header = new ArrayList<>(
					List.of(msg("import.report.row", locale), msg("import.report.outcome", locale),
							msg("import.report.column", locale), msg("import.report.reason", locale)));
			header.addAll(status.header());
			writer.header(header);
			imports.eachIssue(id, user, issue -> {
				List<Object> row = new ArrayList<>();
				row.add(issue.rowNumber());
				row.add(msg(issue.outcome().messageKey(), locale));
				row.add(issue.field() == null ? "" : issue.field());
				row.add(messages.getMessage(issue.reason(), issue.reasonArgs().toArray(), issue.reason(), locale));
				row.addAll(issue.cells());
				writer.row(row);
			});
		}
	}

	private String msg(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
