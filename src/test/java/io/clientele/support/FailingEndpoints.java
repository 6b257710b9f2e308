package io.clientele.support;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that fail on purpose, present only in the test classpath, so that tests can
 * see what a user and an API caller get from an unexpected error.
 */
public final class FailingEndpoints {

	private FailingEndpoints() {
	}

	@Controller
	static class Page {

		@GetMapping("/test/failing-page")
		String fail() {
			throw new IllegalStateException("a page failed on purpose");
		}

	}

	@RestController
	static class Api {

		@GetMapping("/api/v1/test/failing")
		String fail() {
			throw new IllegalStateException("an API call failed on purpose");
		}

	}

}
