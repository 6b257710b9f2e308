package io.clientele.processes.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientele.processes.DeployedRouteMap;
import io.clientele.processes.RouteMapDetail;
import io.clientele.processes.RouteMapRefused;
import io.clientele.processes.RouteMapSummary;
import io.clientele.processes.RouteMaps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Route maps through the API, for administrators: list them, read one with its versions
 * and running processes, upload a BPMN 2.0 file (a new map or the next version of one)
 * and download any version. A refused file answers 422 with every problem found, and
 * nothing is deployed.
 */
@RestController
@RequestMapping("/api/v1/route-maps")
@Tag(name = "Route maps")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class RouteMapsApi {

	private final RouteMaps maps;

	private final MessageSource messages;

	RouteMapsApi(RouteMaps maps, MessageSource messages) {
		this.maps = maps;
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "Every route map with its latest version and how many processes run on it")
	List<RouteMapSummary> list() {
		return maps.all();
	}

	@GetMapping("/{key}")
	@Operation(summary = "A route map's versions and its running processes, each with the version it runs on")
	RouteMapDetail get(@PathVariable String key) {
		return maps.detail(key);
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a BPMN 2.0 file as a multipart field named file",
			description = "The process id is the map's key: a known key gets its next version. 201 when a version"
					+ " was deployed, 200 when the file equals the latest version. 422 lists every problem: not XML,"
					+ " not BPMN, schema errors, unsupported elements by kind, id and name, the engine's own checks.")
	@ApiResponse(responseCode = "422", description = "The file was refused; nothing was deployed")
	ResponseEntity<DeployedRouteMap> upload(@RequestParam MultipartFile file) throws IOException {
		return deployed(maps.deploy(file.getBytes()));
	}

	@PostMapping(consumes = { MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
	@Operation(summary = "Upload a BPMN 2.0 file as the request body", description = "As the multipart upload.")
	@ApiResponse(responseCode = "422", description = "The file was refused; nothing was deployed")
	ResponseEntity<DeployedRouteMap> uploadBody(@RequestBody byte[] xml) {
		return deployed(maps.deploy(xml));
	}

	@GetMapping(path = "/{key}/versions/{version}/bpmn", produces = MediaType.APPLICATION_XML_VALUE)
	@Operation(summary = "One version's BPMN 2.0 file, as deployed")
	byte[] export(@PathVariable String key, @PathVariable int version) {
		return maps.export(key, version);
	}

	@ExceptionHandler(RouteMapRefused.class)
	ProblemDetail refused(RouteMapRefused refused) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				messages.getMessage("routemap.refused", null, locale));
		problem.setProperty("errors",
				refused.problems()
					.stream()
					.map(p -> Map.of("code", p.messageKey(), "message",
							messages.getMessage(p.messageKey(), p.arguments().toArray(), locale)))
					.toList());
		return problem;
	}

	private static ResponseEntity<DeployedRouteMap> deployed(DeployedRouteMap map) {
		if (!map.newVersion()) {
			return ResponseEntity.ok(map);
		}
		return ResponseEntity
			.created(URI.create("/api/v1/route-maps/" + map.key() + "/versions/" + map.version() + "/bpmn"))
			.body(map);
	}

}
