package io.clientele.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that no controller handled (an unknown address, a wrong method, a failure in a
 * filter): browsers get the friendly pages of {@code templates/error}, every other caller
 * RFC 9457 problem details in their language, like the API's own errors.
 */
@Controller
@RequestMapping("${spring.web.error.path:/error}")
class ClienteleErrorController extends BasicErrorController {

	private final MessageSource messages;

	ClienteleErrorController(ErrorAttributes errorAttributes, WebProperties web,
			List<ErrorViewResolver> errorViewResolvers, MessageSource messages) {
		super(errorAttributes, web.getError(), errorViewResolvers);
		this.messages = messages;
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", messages.getMessage(detailKey(status), null, LocaleContextHolder.getLocale()));
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (path != null) {
			problem.put("instance", path);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String detailKey(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "problem.not-found";
			case UNAUTHORIZED -> "problem.unauthenticated";
			case FORBIDDEN -> "problem.forbidden";
			case METHOD_NOT_ALLOWED -> "problem.method-not-allowed";
			default -> status.is5xxServerError() ? "problem.unexpected" : "problem.bad-request";
		};
	}

}
