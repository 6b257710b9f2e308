package io.clientele.reports.web;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientele.deals.SalesScenario;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.AccessScope;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.UserDirectory;
import io.clientele.reports.Funnel;
import io.clientele.reports.FunnelFilter;
import io.clientele.reports.SalesFunnel;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.files.Download;
import io.clientele.shared.files.ExportFormat;
import io.clientele.shared.files.TabularWriter;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sales funnel page: filters, the open and the closed part as tables and charts, and
 * the same figures as a workbook.
 */
@Controller
@RequestMapping("/reports/funnel")
class FunnelPages {

	private final SalesFunnel funnel;

	private final SalesScenarios scenarios;

	private final UserDirectory users;

	private final AccessScopes scopes;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	FunnelPages(SalesFunnel funnel, SalesScenarios scenarios, UserDirectory users, AccessScopes scopes,
			MessageSource messages, JsonMapper json, Clock clock) {
		this.funnel = funnel;
		this.scenarios = scenarios;
		this.users = users;
		this.scopes = scopes;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping
	String page(@RequestParam(required = false) @Nullable Long scenario,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Long manager,
			@RequestParam(required = false) @Nullable Long department, @AuthenticationPrincipal CurrentUser user,
			Model model, Locale locale, HttpServletResponse response) {
		List<SalesScenario> all = scenarios.all();
		model.addAttribute("scenarios", all);
		addPickers(model, user);
		if (all.isEmpty()) {
			model.addAttribute("filter", null);
			return "reports/funnel";
		}
		try {
			FunnelFilter filter = filter(all, scenario, from, to, manager, department);
			model.addAttribute("filter", filter);
			Funnel figures = funnel.of(filter, user);
			model.addAttribute("funnel", figures);
			model.addAttribute("chart", chart(figures, locale));
		}
		catch (RuleViolation violation) {
			model.addAttribute("filter", null);
			model.addAttribute("failure", violation.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return "reports/funnel";
	}

	/** The funnel as it is shown, as an Excel workbook: the stages, then the losses. */
	@GetMapping("/export")
	void export(@RequestParam(required = false) @Nullable Long scenario,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Long manager,
			@RequestParam(required = false) @Nullable Long department, @AuthenticationPrincipal CurrentUser user,
			Locale locale, HttpServletResponse response) {
		FunnelFilter filter = filter(scenarios.all(), scenario, from, to, manager, department);
		Funnel figures = funnel.of(filter, user);
		String title = text("funnel.title", locale) + " " + figures.scenario().name();
		Download download = Download.dated(title, "funnel", ExportFormat.XLSX, ',', clock);
		OutputStream out = download.start(response);
		try {
			TabularWriter sheet = TabularWriter.xlsx(out, download.sheetName());
			sheet.header(List.of(text("funnel.stage", locale), text("funnel.open.deals", locale),
					text("funnel.currency", locale), text("funnel.open.amount", locale),
					text("funnel.open.weighted", locale), text("funnel.open.days", locale),
					text("funnel.closed.entered", locale), text("funnel.closed.went-on", locale),
					text("funnel.closed.conversion", locale), text("funnel.closed.lost", locale)));
			for (int i = 0; i < figures.open().size(); i++) {
				Funnel.OpenStage open = figures.open().get(i);
				Funnel.ClosedStage closed = figures.closed().get(i);
				List<Funnel.Money> amounts = open.amounts().isEmpty()
						? List.of(new Funnel.Money("", BigDecimal.ZERO, BigDecimal.ZERO)) : open.amounts();
				for (Funnel.Money money : amounts) {
					sheet.row(List.of(open.name(), open.deals(), money.currency(), money.amount(), money.weighted(),
							orEmpty(open.averageDays()), closed.entered(), closed.wentOn(),
							orEmpty(closed.conversion()), closed.lostHere()));
				}
			}
			sheet.row(List.of());
			sheet.row(List.of(text("funnel.closed.deals", locale), figures.closedDeals(), text("funnel.won", locale),
					figures.won(), text("funnel.overall", locale), orEmpty(figures.overallConversion())));
			sheet.row(List.of());
			sheet.row(List.of(text("funnel.stage", locale), text("funnel.loss.reason", locale),
					text("funnel.loss.deals", locale)));
			for (Funnel.Loss loss : figures.losses()) {
				sheet.row(List.of(loss.stageName(), loss.reason(), loss.deals()));
			}
			sheet.close();
		}
		catch (UncheckedIOException gone) {
			// The reader went away; a short file is not offered as whole.
		}
	}

	private static Object orEmpty(@Nullable Object value) {
		return value == null ? "" : value;
	}

	private FunnelFilter filter(List<SalesScenario> all, @Nullable Long scenario, @Nullable LocalDate from,
			@Nullable LocalDate to, @Nullable Long manager, @Nullable Long department) {
		return FunnelFilter.of(all.get(0).id(), scenario, from, to, manager, department,
				LocalDate.now(clock.withZone(ZoneId.systemDefault())));
	}

	/**
	 * The people and departments a reader may narrow the funnel to: a head their
	 * department tree's, an administrator everyone's; a manager sees only their own deals
	 * anyway.
	 */
	private void addPickers(Model model, CurrentUser user) {
		AccessScope scope = scopes.of(user.id());
		boolean wide = user.is(Role.ADMINISTRATOR) || user.is(Role.HEAD_OF_DEPARTMENT);
		model.addAttribute("people", wide ? users.activeWithin(scope) : List.of());
		model.addAttribute("departments",
				!wide ? List.of()
						: users.departments()
							.stream()
							.filter(d -> scope.coversEverything() || scope.departmentIds().contains(d.id()))
							.toList());
	}

	/** The figures the page's two charts draw, as JSON for Chart.js. */
	private String chart(Funnel figures, Locale locale) {
		Map<String, Object> data = new LinkedHashMap<>();
		List<String> labels = new ArrayList<>();
		List<Long> open = new ArrayList<>();
		List<Long> entered = new ArrayList<>();
		List<Long> wentOn = new ArrayList<>();
		for (int i = 0; i < figures.open().size(); i++) {
			labels.add(figures.open().get(i).name());
			open.add(figures.open().get(i).deals());
			entered.add(figures.closed().get(i).entered());
			wentOn.add(figures.closed().get(i).wentOn());
		}
		data.put("labels", labels);
		data.put("open", Map.of("label", text("funnel.open.deals", locale), "data", open));
		data.put("entered", Map.of("label", text("funnel.closed.entered", locale), "data", entered));
		data.put("wentOn", Map.of("label", text("funnel.closed.went-on", locale), "data", wentOn));
		return json.writeValueAsString(data);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

}
