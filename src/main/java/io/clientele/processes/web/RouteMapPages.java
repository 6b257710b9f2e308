package io.clientele.processes.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.clientele.deals.SalesScenario;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.Role;
import io.clientele.identity.UserDirectory;
import io.clientele.identity.UserSummary;
import io.clientele.processes.DeployedRouteMap;
import io.clientele.processes.RouteMapProblem;
import io.clientele.processes.RouteMapRefused;
import io.clientele.processes.RouteMaps;
import io.clientele.shared.RuleViolation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * The administrator's route maps: the list with an upload form, a map's versions and the
 * processes running on each, the download of any version, and the bpmn-js editor, whose
 * save goes through the same checks as an upload. A refused file is shown with its
 * problems on the page it came from, and nothing is deployed.
 */
@Controller
@RequestMapping("/admin/route-maps")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class RouteMapPages {

	private static final String LIST = "processes/route-maps";

	private static final String EDITOR = "processes/route-map-editor";

	private final RouteMaps maps;

	private final UserDirectory users;

	private final SalesScenarios scenarios;

	RouteMapPages(RouteMaps maps, UserDirectory users, SalesScenarios scenarios) {
		this.maps = maps;
		this.users = users;
		this.scenarios = scenarios;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("maps", maps.all());
		return LIST;
	}

	@PostMapping
	String upload(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		try {
			byte[] content = file == null ? new byte[0] : file.getBytes();
			return deployed(maps.deploy(content), redirect);
		}
		catch (RouteMapRefused refused) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problems", refused.problems());
			model.addAttribute("fileName", file == null ? "" : file.getOriginalFilename());
			return list(model);
		}
	}

	@GetMapping("/{key}")
	String detail(@PathVariable String key, Model model) {
		model.addAttribute("map", maps.detail(key));
		return "processes/route-map";
	}

	@GetMapping("/{key}/versions/{version}/bpmn")
	ResponseEntity<byte[]> export(@PathVariable String key, @PathVariable int version) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(key + "-v" + version + ".bpmn", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(maps.export(key, version));
	}

	@GetMapping("/{key}/versions/{version}/edit")
	String edit(@PathVariable String key, @PathVariable int version, Model model) {
		return editor(model, key, version, new String(maps.export(key, version), StandardCharsets.UTF_8), List.of());
	}

	/** A new, empty map in the editor; deployed only when saved. */
	@GetMapping("/draw")
	String draw(@RequestParam String key, @RequestParam(defaultValue = "") String name, Model model,
			RedirectAttributes redirect) {
		try {
			return editor(model, key, null, maps.blank(key.strip(), name), List.of());
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
			redirect.addFlashAttribute("failureArgs", violation.arguments());
			return "redirect:/admin/route-maps";
		}
	}

	@PostMapping("/editor")
	String save(@RequestParam String xml, @RequestParam(required = false) String key,
			@RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			return deployed(maps.deploy(xml.getBytes(StandardCharsets.UTF_8)), redirect);
		}
		catch (RouteMapRefused refused) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return editor(model, key, version, xml, refused.problems());
		}
	}

	private String editor(Model model, String key, Integer version, String xml, List<RouteMapProblem> problems) {
		model.addAttribute("key", key);
		model.addAttribute("version", version);
		model.addAttribute("xml", xml);
		model.addAttribute("problems", problems);
		model.addAttribute("people", users.all().stream().filter(UserSummary::active).toList());
		model.addAttribute("roles", Role.values());
		model.addAttribute("stages",
				scenarios.all()
					.stream()
					.flatMap(scenario -> scenario.activeStages().stream())
					.map(SalesScenario.Stage::name)
					.distinct()
					.sorted()
					.toList());
		return EDITOR;
	}

	private static String deployed(DeployedRouteMap map, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", map.newVersion() ? "routemap.deployed" : "routemap.unchanged");
		redirect.addFlashAttribute("noticeArgs", new Object[] { map.name(), map.version(), map.tasksMadeActions() });
		return "redirect:/admin/route-maps/" + map.key();
	}

}
