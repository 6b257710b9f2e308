package io.clientele.shared.web;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class DirectAttributesFilterTests {

	private final MockHttpServletRequest server = new MockHttpServletRequest("GET", "/my-tasks");

	@Test
	void attributes_written_by_the_page_are_seen_by_every_wrapper_and_the_other_way_round() throws Exception {
		HttpServletRequest wrapped = new HttpServletRequestWrapper(new HttpServletRequestWrapper(this.server));
		AtomicReference<ServletRequest> seen = new AtomicReference<>();
		new DirectAttributesFilter().doFilter(wrapped, new MockHttpServletResponse(), (request, response) -> {
			seen.set(request);
			request.setAttribute("row", "first");
			wrapped.setAttribute("set by a filter", 1);
		});

		ServletRequest page = seen.get();
		assertThat(page).isNotSameAs(wrapped);
		assertThat(wrapped.getAttribute("row")).isEqualTo("first");
		assertThat(this.server.getAttribute("row")).isEqualTo("first");
		assertThat(page.getAttribute("set by a filter")).isEqualTo(1);
		page.removeAttribute("row");
		assertThat(wrapped.getAttribute("row")).isNull();
		assertThat(((HttpServletRequest) page).getRequestURI()).isEqualTo("/my-tasks");
	}

	@Test
	void a_wrapper_that_answers_an_attribute_call_itself_still_answers_it() {
		HttpServletRequest forward = new HttpServletRequestWrapper(this.server) {
			@Override
			public Object getAttribute(String name) {
				return "jakarta.servlet.forward.request_uri".equals(name) ? "/original" : super.getAttribute(name);
			}
		};
		HttpServletRequest outer = new HttpServletRequestWrapper(new HttpServletRequestWrapper(forward));

		assertThat(DirectAttributesFilter.answering(outer, "getAttribute")).isSameAs(forward);
		assertThat(DirectAttributesFilter.answering(outer, "setAttribute")).isSameAs(this.server);
	}

	@Test
	void a_page_behind_a_forward_reads_the_forward_s_own_attributes() throws Exception {
		HttpServletRequest forward = new HttpServletRequestWrapper(this.server) {
			@Override
			public Object getAttribute(String name) {
				return "jakarta.servlet.forward.request_uri".equals(name) ? "/original" : super.getAttribute(name);
			}
		};
		this.server.setAttribute("csrf", "token");
		AtomicReference<ServletRequest> seen = new AtomicReference<>();
		new DirectAttributesFilter().doFilter(new HttpServletRequestWrapper(forward), new MockHttpServletResponse(),
				(request, response) -> seen.set(request));

		assertThat(seen.get().getAttribute("jakarta.servlet.forward.request_uri")).isEqualTo("/original");
		assertThat(seen.get().getAttribute("csrf")).isEqualTo("token");
	}

}
