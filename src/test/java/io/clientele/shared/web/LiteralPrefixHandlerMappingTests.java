package io.clientele.shared.web;

import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

class LiteralPrefixHandlerMappingTests {

	/** Stand-ins for controller methods: the mapping only names them. */
	static class Pages {

		void dealCard() {
		}

		void dealBoard() {
		}

		void clientCard() {
		}

		void apiDeal() {
		}

		void apiClient() {
		}

		void anyTeamReport() {
		}

		void start() {
		}

		void createDeal() {
		}

	}

	private final Pages pages = new Pages();

	private final RequestMappingHandlerMapping ours = registered(new LiteralPrefixHandlerMapping());

	private final RequestMappingHandlerMapping spring = registered(new RequestMappingHandlerMapping());

	@Test
	void a_path_with_a_variable_finds_the_method_spring_finds() throws Exception {
		assertThat(handler(ours, "GET", "/deals/42")).isEqualTo("dealCard");
		assertThat(handler(ours, "GET", "/deals/board")).isEqualTo("dealBoard");
		assertThat(handler(ours, "GET", "/clients/42")).isEqualTo("clientCard");
		assertThat(handler(ours, "GET", "/api/v1/deals/42")).isEqualTo("apiDeal");
		assertThat(handler(ours, "GET", "/api/v1/clients/42")).isEqualTo("apiClient");
		assertThat(handler(ours, "POST", "/deals")).isEqualTo("createDeal");
		for (String path : List.of("/deals/42", "/deals/board", "/clients/42", "/api/v1/deals/42", "/api/v1/clients/42",
				"/")) {
			assertThat(handler(ours, "GET", path)).as(path).isEqualTo(handler(spring, "GET", path));
		}
	}

	@Test
	void a_mapping_whose_path_begins_with_a_variable_is_tried_for_every_path() throws Exception {
		assertThat(handler(ours, "GET", "/north/report")).isEqualTo("anyTeamReport");
		assertThat(handler(spring, "GET", "/north/report")).isEqualTo("anyTeamReport");
	}

	@Test
	void the_start_page_is_found_and_an_unknown_first_segment_finds_nothing() throws Exception {
		assertThat(handler(ours, "GET", "/")).isEqualTo("start");
		assertThat(handler(ours, "GET", "/nowhere/42")).isNull();
		assertThat(handler(spring, "GET", "/nowhere/42")).isNull();
	}

	@Test
	void an_encoded_first_segment_is_compared_decoded_as_spring_compares_it() throws Exception {
		assertThat(handler(spring, "GET", "/d%65als/42")).isEqualTo("dealCard");
		assertThat(handler(ours, "GET", "/d%65als/42")).isEqualTo("dealCard");
	}

	@Test
	void a_mapping_is_tried_only_for_paths_that_begin_with_the_literal_segments_of_one_of_its_patterns() {
		RequestMappingInfo.BuilderConfiguration options = new RequestMappingInfo.BuilderConfiguration();
		options.setPatternParser(PathPatternParser.defaultInstance);
		List<String[]> deals = LiteralPrefixHandlerMapping.literalStarts(
				RequestMappingInfo.paths("/deals/{id}", "/api/v1/deals/{id}/lines").options(options).build());

		assertThat(deals).containsExactlyInAnyOrder(new String[] { "deals" }, new String[] { "api", "v1", "deals" });
		assertThat(LiteralPrefixHandlerMapping.mayMatch(deals, new String[] { "api", "v1", "deals", "7", "lines" }))
			.isTrue();
		assertThat(LiteralPrefixHandlerMapping.mayMatch(deals, new String[] { "api", "v1", "clients", "7" })).isFalse();
		assertThat(LiteralPrefixHandlerMapping.mayMatch(deals, new String[] { "api" })).isFalse();
		assertThat(LiteralPrefixHandlerMapping
			.literalStarts(RequestMappingInfo.paths("/deals", "/{team}/report").options(options).build())).isEmpty();
		assertThat(LiteralPrefixHandlerMapping.literalStarts(RequestMappingInfo.paths("/").options(options).build()))
			.isEmpty();
	}

	private RequestMappingHandlerMapping registered(RequestMappingHandlerMapping mapping) {
		RequestMappingInfo.BuilderConfiguration options = new RequestMappingInfo.BuilderConfiguration();
		options.setPatternParser(PathPatternParser.defaultInstance);
		mapping.setPatternParser(PathPatternParser.defaultInstance);
		register(mapping, options, "dealCard", RequestMethod.GET, "/deals/{id}");
		register(mapping, options, "dealBoard", RequestMethod.GET, "/deals/board");
		register(mapping, options, "clientCard", RequestMethod.GET, "/clients/{id}");
		register(mapping, options, "apiDeal", RequestMethod.GET, "/api/v1/deals/{id}");
		register(mapping, options, "apiClient", RequestMethod.GET, "/api/v1/clients/{id}");
		register(mapping, options, "anyTeamReport", RequestMethod.GET, "/{team}/report");
		register(mapping, options, "start", RequestMethod.GET, "/");
		register(mapping, options, "createDeal", RequestMethod.POST, "/deals");
		return mapping;
	}

	private void register(RequestMappingHandlerMapping mapping, RequestMappingInfo.BuilderConfiguration options,
			String name, RequestMethod method, String path) {
		try {
			Method handler = Pages.class.getDeclaredMethod(name);
			mapping.registerMapping(RequestMappingInfo.paths(path).methods(method).options(options).build(), pages,
					handler);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String handler(RequestMappingHandlerMapping mapping, String method, String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		ServletRequestPathUtils.parseAndCache(request);
		HandlerExecutionChain chain = mapping.getHandler(request);
		return chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod().getName();
	}

}
