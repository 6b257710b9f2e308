package io.clientele.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /api/docs}: every API call is authorised with a personal
 * token from the profile page.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI clienteleApi() {
		return new OpenAPI()
			.info(new Info().title("Clientele API")
				.version("v1")
				.description("REST API of Clientele. Authorise every call with a personal API token "
						+ "(profile page → API tokens) as 'Authorization: Bearer <token>'. Errors are RFC 9457 "
						+ "problem details.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("token",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("Personal API token")))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

}
