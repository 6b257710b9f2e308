package io.clientele.shared.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the REST API as RFC 9457 problem details, with the reason in the
 * caller's language ({@code Accept-Language}) and, for invalid input, the list of wrong
 * fields.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	private final MessageSource messages;

	ApiProblemHandler(MessageSource messages) {
		this.messages = messages;
		setMessageSource(messages);
	}

	@ExceptionHandler(RecordNotFound.class)
	ProblemDetail notFound(RecordNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "problem.not-found");
	}

	@ExceptionHandler(ConcurrentEdit.class)
	ProblemDetail concurrentEdit(ConcurrentEdit ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "problem.concurrent-edit");
		problem.setProperty("currentVersion", ex.currentVersion());
		return problem;
	}

	@ExceptionHandler(RuleViolation.class)
	ProblemDetail ruleViolation(RuleViolation ex) {
		Locale locale = LocaleContextHolder.getLocale();
		String message = messages.getMessage(ex.messageKey(), ex.arguments(), locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, message);
		if (ex.field() != null) {
			problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", message)));
		}
		return problem;
	}

	@ExceptionHandler(io.clientele.shared.files.UnreadableFile.class)
	ProblemDetail unreadableFile(io.clientele.shared.files.UnreadableFile ex) {
		String message = messages.getMessage(ex.messageKey(), ex.arguments(), LocaleContextHolder.getLocale());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, message);
		problem.setProperty("errors", List.of(Map.of("field", "file", "message", message)));
		return problem;
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw ex; // answered by the security chain's handlers
		}
		log.error("Unexpected error in an API call", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.unexpected");
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid-input");
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> Map.of("field", error.getField(), "message", fieldMessage(error, locale)))
			.toList();
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * A body that is not JSON, or does not fit the expected shape; a rule that refused a
	 * value while the body was read (an empty element of a list) names its field.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
			org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Throwable cause = ex;
		while (cause != null && !(cause instanceof RuleViolation)) {
			cause = cause.getCause();
		}
		ProblemDetail problem = cause instanceof RuleViolation violation ? ruleViolation(violation)
				: problem(HttpStatus.BAD_REQUEST, "problem.unreadable");
		if (!(cause instanceof RuleViolation) && ex.getCause() instanceof tools.jackson.databind.DatabindException wrong
				&& !wrong.getPath().isEmpty()) {
			problem.setProperty("errors", List.of(Map.of("field", path(wrong.getPath()), "message",
					messages.getMessage("problem.unreadable.field", null, LocaleContextHolder.getLocale()))));
		}
		problem.setStatus(HttpStatus.BAD_REQUEST);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/** The place in the body, as {@code work[0].clientId}. */
	private static String path(List<tools.jackson.core.JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (var reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private String fieldMessage(FieldError error, Locale locale) {
		return messages.getMessage(error, locale);
	}

	private ProblemDetail problem(HttpStatus status, String detailKey) {
		return ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(detailKey, null, LocaleContextHolder.getLocale()));
	}

}
